/**
 * Shows a figure in a notebook: one `display_data` output whose MIME bundle holds
 * `application/vnd.plotly.v1+json` (drawn interactively by VS Code and by JupyterLab with
 * Python's plotly extension), `text/html` (the figure and a script that draws it with plotly.js:
 * classic Notebook, JupyterLab and Notebook 7 without that extension, nbconvert's HTML export;
 * see figureHtml.ts), optionally `image/png` (for static viewers: GitHub), and `text/plain` (a
 * one-line description). The first figure of a kernel session is preceded by one output that
 * loads plotly.js into the page, inline from node_modules (about 4.7 MB, no network request);
 * `loadPlotly()` sends it again, e.g. after its output was cleared.
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
import { plotlyPath, plotlySource } from "../figures/plotlySource.js";
import { figureHtml, plainFigure, plotlyLoaderHtml } from "./figureHtml.js";
import { checkOptions } from "../../survival/core/validate.js";

export const PLOTLY_MIME = "application/vnd.plotly.v1+json";
/** Output metadata key that marks the output loading plotly.js (built copies drop it). */
export const PLOTLY_LOADER = "plotly-loader";

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
  /** The id of the figure's HTML element; default a new one for this session. */
  readonly id?: string;
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

/** Figures shown in this session (since the module was loaded: a kernel reset loads it anew). */
let shown = 0;
let loaderSent = false;

/**
 * The MIME bundle for `fig` (JSON-safe: typed arrays become arrays, undefined fields go), its
 * text/html under the element id `options.id` (default: the next id of this session).
 */
export function displayBundle(fig: PlotlyFigure, options: Omit<ShowOptions, "sink"> = {}): DisplayData {
  checkOptions("displayBundle", options, ["png", "pngWidth", "text", "id"]);
  const plain = plainFigure(fig);
  const description = options.text ?? describeFigure(fig);
  const width = options.pngWidth ?? (fig.layout?.width as number | undefined) ?? 800;
  const png = options.png ? Buffer.from(options.png.buffer, options.png.byteOffset, options.png.byteLength).toString("base64") : undefined;
  const id = options.id ?? `plotly-figure-${++shown}`;
  const data: Record<string, unknown> = { [PLOTLY_MIME]: plain };
  const metadata: Record<string, unknown> = {};
  data["text/html"] = figureHtml(fig, { id, png, pngWidth: width, description });
  if (png) {
    data["image/png"] = png;
    metadata["image/png"] = { width };
  }
  data["text/plain"] = description;
  return { data, metadata };
}

/** The output that loads plotly.js into the page (text/html), marked with PLOTLY_LOADER. */
export function plotlyLoaderBundle(plotlyJs: string = plotlySource()): DisplayData {
  const version = /plotly\.js v([\d.]+)/.exec(plotlyJs.slice(0, 200))?.[1] ?? "";
  return {
    data: {
      "text/html": plotlyLoaderHtml(plotlyJs),
      "text/plain": `plotly.js ${version} loaded for this session's figures (offline, from ${plotlyPath()})`.replace("  ", " "),
    },
    metadata: { [PLOTLY_LOADER]: true },
  };
}

/**
 * Sends plotly.js to the page now (as one output), whether or not this session has sent it:
 * for a page that lost it, e.g. after the output of the session's first figure was cleared.
 */
export function loadPlotly(sink: DisplaySink | null = tslabSink()): void {
  if (!sink) return;
  sink(plotlyLoaderBundle(), false);
  loaderSent = true;
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
  const { sink: given, ...rest } = checkOptions("show", options, ["png", "pngWidth", "text", "id", "sink"]) as ShowOptions;
  const bundle = displayBundle(fig, rest);
  const sink = given === undefined ? tslabSink() : given;
  if (!sink) {
    process.stdout.write(`${bundle.data["text/plain"]}\n`);
    return;
  }
  if (!loaderSent) loadPlotly(sink);
  sink(bundle, false);
}

/**
 * Copies of executed notebooks without the outputs that load plotly.js (PLOTLY_LOADER): built
 * copies show each figure's PNG, and the report inlines plotly.js once for all notebooks.
 */
export function dropPlotlyLoaders<T extends { readonly cells: readonly unknown[] }>(notebooks: readonly T[]): T[] {
  return notebooks.map((nb) => {
    const copy = structuredClone(nb) as T;
    for (const cell of copy.cells as { outputs?: { metadata?: Record<string, unknown> }[] }[]) {
      if (cell.outputs) cell.outputs = cell.outputs.filter((o) => o.metadata?.[PLOTLY_LOADER] !== true);
    }
    return copy;
  });
}
