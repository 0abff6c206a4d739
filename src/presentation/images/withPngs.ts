/**
 * Executed notebooks with a static PNG beside every interactive figure: each output whose
 * bundle holds `application/vnd.plotly.v1+json` and no `image/png` gets one, so that static
 * viewers (GitHub, nbconvert's HTML, a notebook opened without the plotly renderer) show the
 * figure too. All figures of all notebooks are rendered in one Chromium session
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
import { RENDER_OPTIONS, renderPngs, type RenderOptions } from "./renderImages.js";
import { PLOTLY_MIME } from "../display/show.js";

interface Bundle {
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

export async function withPngs<T extends { readonly cells: readonly unknown[] }>(
  notebooks: readonly T[],
  options: RenderOptions = {},
): Promise<T[]> {
  checkOptions("withPngs", options, RENDER_OPTIONS);
  const copies = notebooks.map((nb) => structuredClone(nb) as T);
  const targets: Bundle[] = [];
  for (const nb of copies) {
    for (const cell of nb.cells as { outputs?: Bundle[] }[]) {
      for (const output of cell.outputs ?? []) {
        if (output.data && output.data[PLOTLY_MIME] !== undefined && output.data["image/png"] === undefined) targets.push(output);
      }
    }
  }
  const pngs = await renderPngs(
    targets.map((t) => t.data![PLOTLY_MIME] as PlotlyFigure),
    options,
  );
  targets.forEach((t, k) => {
    const fig = t.data![PLOTLY_MIME] as PlotlyFigure;
    const width = options.width ?? (fig.layout?.width as number | undefined) ?? 800;
    t.data!["image/png"] = pngs[k].toString("base64");
    t.metadata = { ...(t.metadata ?? {}), "image/png": { width } };
  });
  return copies;
}
