/**
 * Shows a figure in a notebook: one `display_data` output whose MIME bundle holds
 * `application/vnd.plotly.v1+json` (drawn interactively by JupyterLab's plotly renderer and by
 * VS Code), optionally `image/png` (for static viewers: GitHub, nbconvert's HTML), and
 * `text/plain` (a one-line description).
 *
 * tslab's public `display` sends one MIME type per output. Its kernel keeps the current cell's
 * writer in `lastWriteDisplayData`, exported by `tslab/dist/jupyter.js` (tslab 1.0.22, used by
 * `display.raw`); `tslabSink()` finds that module among the loaded ones and sends the whole
 * bundle through it. Outside a kernel there is no such module: `show` then prints the
 * description to stdout, so code that calls it also runs as a plain script.
 *
 * @example
 * show(kmFigure(curves));                                  // in a tslab notebook cell
 * show(fig, { png: (await renderPngs([fig]))[0] });        // with a static copy
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import type { PlotlyFigure } from "../figures/figure.js";
import { checkOptions } from "../../survival/core/validate.js";

export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** A Jupyter display_data message body: MIME type -> value, and per-type metadata. */
export interface DisplayData {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/** Where a bundle goes: tslab's writer has this signature (update = replace a display in place). */
export type DisplaySink = (output: DisplayData, update: boolean) => void;

export interface ShowOptions {
  /** A PNG of the same figure (e.g. from renderPngs), added as `image/png`. */
  readonly png?: Uint8Array;
  /** Width in CSS pixels at which static viewers show the PNG; default the figure's width, else 800. */
  readonly pngWidth?: number;
  /** Replaces the `text/plain` description. */
  readonly text?: string;
  /** Where to send the bundle; default the running tslab kernel (tslabSink()). */
  readonly sink?: DisplaySink | null;
}

/** One line saying what the figure is: its title and its named traces. */
export function describeFigure(fig: PlotlyFigure): string {
  const title = (fig.layout?.title as { text?: unknown } | undefined)?.text;
  const names = fig.data
    .filter((t) => t.showlegend !== false && typeof t.name === "string")
    .map((t) => t.name as string);
  const what = typeof title === "string" && title ? title.replace(/<[^>]*>/g, "") : "Figure";
  return `${what} [plotly figure, ${fig.data.length} traces${names.length ? `: ${names.join(", ")}` : ""}]`;
}

/** The MIME bundle for `fig` (JSON-safe: typed arrays become arrays, undefined fields go). */
export function displayBundle(fig: PlotlyFigure, options: Omit<ShowOptions, "sink"> = {}): DisplayData {
  checkOptions("displayBundle", options, ["png", "pngWidth", "text"]);
  if (fig === null || typeof fig !== "object" || !Array.isArray(fig.data)) {
    throw new TypeError("show: expected a plotly figure {data, layout, config}");
  }
  const plain = JSON.parse(
    JSON.stringify({ data: fig.data, layout: fig.layout ?? {}, config: fig.config ?? {} }, (_, v) =>
      ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v,
    ),
  );
  const data: Record<string, unknown> = { [PLOTLY_MIME]: plain };
  const metadata: Record<string, unknown> = {};
  if (options.png) {
    data["image/png"] = Buffer.from(options.png.buffer, options.png.byteOffset, options.png.byteLength).toString("base64");
    const width = options.pngWidth ?? (fig.layout?.width as number | undefined) ?? 800;
    metadata["image/png"] = { width };
  }
  data["text/plain"] = options.text ?? describeFigure(fig);
  return { data, metadata };
}

/**
 * tslab's writer for the cell now running, or null outside a tslab kernel. Looks through the
 * loaded CommonJS modules for tslab's `dist/jupyter.js` (whichever copy the kernel runs).
 */
export function tslabSink(): DisplaySink | null {
  const cache = createRequire(join(process.cwd(), "package.json")).cache;
  for (const key of Object.keys(cache)) {
    if (!/[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(key)) continue;
    const writer = (cache[key]?.exports as { lastWriteDisplayData?: unknown } | undefined)?.lastWriteDisplayData;
    if (typeof writer === "function") return writer as DisplaySink;
  }
  return null;
}

/**
 * Sends the figure's bundle as one display_data output. Returns nothing, so that a cell ending
 * in `show(fig)` prints no value after the figure (use displayBundle() to get the bundle).
 */
export function show(fig: PlotlyFigure, options: ShowOptions = {}): void {
  const { sink: given, ...rest } = checkOptions("show", options, ["png", "pngWidth", "text", "sink"]) as ShowOptions;
  const bundle = displayBundle(fig, rest);
  const sink = given === undefined ? tslabSink() : given;
  if (sink) sink(bundle, false);
  else process.stdout.write(`${bundle.data["text/plain"]}\n`);
}
