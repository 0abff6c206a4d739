/**
 * Executed notebooks with a static PNG beside every interactive figure: each output whose
 * bundle holds `application/vnd.plotly.v1+json` and no `image/png` gets one, and its
 * `text/html` holds the PNG in the figure's place, so that static viewers (GitHub, a notebook
 * not trusted, nbconvert's HTML without plotly.js) show the figure too. All figures of all notebooks are rendered in one Chromium session
 * (renderPngs); PNGs are byte-stable, so two runs still write identical notebooks.
 *
 * Returns copies; the notebooks given are not changed. Throws, as renderPngs does, when no
 * Chromium is installed: check hasChromium() first and skip this step without one.
 *
 * @example
 * const executed = hasChromium() ? await withPngs(notebooks) : notebooks;
 */
import type { PlotlyFigure } from "../figures/figure.js";
import { checkOptions } from "../../survival/core/validate.js";
import { RENDER_OPTIONS, renderPngs, type FigureRenderer, type RenderOptions } from "./renderImages.js";
import { PLOTLY_MIME } from "../display/show.js";
import { figureHtml } from "../display/figureHtml.js";

interface Bundle {
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

export interface WithPngsOptions extends RenderOptions {
  /** An open renderer to use (e.g. one started while the notebooks ran); default a new one. */
  readonly renderer?: FigureRenderer;
}

export async function withPngs<T extends { readonly cells: readonly unknown[] }>(
  notebooks: readonly T[],
  options: WithPngsOptions = {},
): Promise<T[]> {
  checkOptions("withPngs", options, [...RENDER_OPTIONS, "renderer"]);
  const copies = notebooks.map((nb) => structuredClone(nb) as T);
  const targets: Bundle[] = [];
  for (const nb of copies) {
    for (const cell of nb.cells as { outputs?: Bundle[] }[]) {
      for (const output of cell.outputs ?? []) {
        if (output.data && output.data[PLOTLY_MIME] !== undefined && output.data["image/png"] === undefined) targets.push(output);
      }
    }
  }
  const figs = targets.map((t) => t.data![PLOTLY_MIME] as PlotlyFigure);
  const { renderer, ...render } = options;
  const pngs = renderer ? await renderer.pngs(figs, render) : await renderPngs(figs, render);
  targets.forEach((t, k) => {
    const fig = t.data![PLOTLY_MIME] as PlotlyFigure;
    const width = options.width ?? (fig.layout?.width as number | undefined) ?? 800;
    const png = pngs[k].toString("base64");
    t.data!["image/png"] = png;
    t.metadata = { ...(t.metadata ?? {}), "image/png": { width } };
    const html = t.data!["text/html"];
    if (html !== undefined) {
      const text = t.data!["text/plain"];
      const id = /id="([A-Za-z][\w-]*)"/.exec(String(html))?.[1] ?? `plotly-figure-png-${k + 1}`;
      t.data!["text/html"] = figureHtml(fig, { id, png, pngWidth: width, description: typeof text === "string" ? text : undefined });
    }
  });
  return copies;
}
