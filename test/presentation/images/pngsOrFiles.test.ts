/**
 * pngsOrFiles: without Chromium (CHROMIUM_PATH pointing nowhere) it reads the files given; with
 * Chromium it renders the figures, and the fresh PNG of Figure 2 reads, through figureAxes and
 * digitizeCurves, as the committed one does (skipped, saying why, where no Chromium is installed).
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { pngsOrFiles } from "../../../src/presentation/images/pngsOrFiles.js";
import { hasChromium } from "../../../src/presentation/images/chromium.js";
import { figureAxes } from "../../../src/presentation/figures/figureAxes.js";
import { digitizeCurves } from "../../../src/digitize/digitizeCurves.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";
import { paperFigures } from "../paperFigures.js";

const figures = paperFigures();
const figs = figures.map((f) => f.fig);
const files = figures.map((f) => f.file);
const saved = process.env.CHROMIUM_PATH;

describe("pngsOrFiles", () => {
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });

  it("reads the files where Chromium is not installed", async () => {
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    const images = await pngsOrFiles(figs, files);
    expect(images.renderedBy).toBe("files");
    images.pngs.forEach((png, k) => expect(Buffer.compare(Buffer.from(png), readFileSync(files[k]))).toBe(0));
    expect(Object.isFrozen(images) && Object.isFrozen(images.pngs)).toBe(true);
  });

  it.skipIf(!hasChromium())("renders with Chromium where it is installed; the render digitises as the committed PNG", async () => {
    const images = await pngsOrFiles(figs.slice(0, 1), files.slice(0, 1));
    expect(images.renderedBy).toBe("chromium");
    const options = { ...figureAxes(figs[0]), colors: figures[0].colors };
    const fresh = digitizeCurves(images.pngs[0], options).curves;
    const committed = digitizeCurves(readFileSync(files[0]), options).curves;
    fresh.forEach((curve, k) => {
      expect(curve.time.length).toBe(committed[k].time.length);
      curve.time.forEach((t, i) => expect(Math.abs(t - committed[k].time[i])).toBeLessThan(0.02)); // about a pixel
      curve.survival.forEach((s, i) => expect(Math.abs(s - committed[k].survival[i])).toBeLessThan(0.003));
    });
  }, 60_000);

  it("refuses files that do not pair with the figures, and unknown options", async () => {
    await expect(pngsOrFiles(figs, files.slice(0, 1))).rejects.toMatchObject({ argument: "files" });
    await expect(pngsOrFiles(figs, [files[0], ""])).rejects.toMatchObject({ argument: "files", index: 1, value: "" });
    await expect(pngsOrFiles(figs, files, { dpi: 2 } as never)).rejects.toBeInstanceOf(SurvivalInputError);
  });
});
