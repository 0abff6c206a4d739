/**
 * PNG images of figures: rendered by Chromium (renderPngs) where it is installed, else read
 * from files rendered earlier from the same figures (e.g. the committed
 * test/digitize/fixtures/plotly/*.png, which test/digitize/fixtures/figures.ts renders). A
 * notebook that reads its figures back as images runs either way, and says which it used
 * (`renderedBy`).
 *
 * @example
 * const images = await pngsOrFiles([figure2], ["test/digitize/fixtures/plotly/figure-2-recurrence.png"]);
 * images.renderedBy;   // "chromium" where it is installed, else "files"
 * images.pngs[0];      // the PNG's bytes
 */
import { readFileSync } from "node:fs";
import { SurvivalInputError, show } from "../../survival/errors.js";
import { checkOptions } from "../../survival/core/validate.js";
import type { PlotlyFigure } from "../figures/figure.js";
import { hasChromium } from "./chromium.js";
import { RENDER_OPTIONS, renderPngs, type RenderOptions } from "./renderImages.js";

export interface PngsOrFiles {
  /** One PNG a figure, in order. */
  readonly pngs: readonly Uint8Array[];
  /** "chromium": rendered now; "files": read from the files given. */
  readonly renderedBy: "chromium" | "files";
}

export async function pngsOrFiles(figs: readonly PlotlyFigure[], files: readonly string[], options: RenderOptions = {}): Promise<PngsOrFiles> {
  checkOptions("pngsOrFiles", options, RENDER_OPTIONS);
  if (!Array.isArray(figs)) throw new SurvivalInputError(`figs must be an array of plotly figures; got ${show(figs)}`, "figs", undefined, figs);
  if (!Array.isArray(files) || files.length !== figs.length) {
    throw new SurvivalInputError(
      `files is ${show(files)}: give one file a figure (${figs.length}), used where Chromium is not installed`,
      "files",
      undefined,
      files,
    );
  }
  files.forEach((f, i) => {
    if (typeof f !== "string" || f === "") throw new SurvivalInputError(`files[${i}] is ${show(f)}: give a file's path`, "files", i, f);
  });
  if (hasChromium()) return Object.freeze({ pngs: Object.freeze(await renderPngs(figs, options)), renderedBy: "chromium" as const });
  return Object.freeze({ pngs: Object.freeze(files.map((f) => readFileSync(f))), renderedBy: "files" as const });
}
