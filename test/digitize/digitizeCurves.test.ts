/**
 * digitizeCurves on real figures, against the true Kaplan-Meier step functions from R's
 * survfit (test/digitize/fixtures/r/km-figures.R writes both the R figures and the steps):
 * - R base graphics (plot.survfit): the paper's two endpoints with shaded bands drawn over
 *   the curves and grid() over everything, lung by sex with dashed confidence limits,
 *   veteran by treatment in black with steep, overlapping starts, and a hard case whose arms
 *   share their first steps;
 * - the project's own Figures 2 and 3 (plotly through Chromium, test/digitize/fixtures/figures.ts).
 * Then its errors on bad input.
 *
 * Accuracy is judged as a reader would: the digitised S(t) must lie within `maxPx` pixels of
 * the true S over [t - 1.5 px, t + 1.5 px] (a step drawn a pixel late is not a wrong level),
 * and each true step that stands alone (no other step within 4 px, no censor mark within
 * 12 px: a mark's arms hide where a step is) must be found within 2 px of its time (1.9 at worst,
 * in veteran, where the other arm's step a pixel later hides most of the vertical).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { digitizeCurves, type DigitizeOptions } from "../../src/digitize/index.js";
import { SurvivalInputError } from "../../src/survival/errors.js";
import { compareSteps, type TrueCurve } from "./compareSteps.js";
import { Canvas } from "./drawPng.js";

const R_DIR = "test/digitize/fixtures/r/";
const PLOTLY_DIR = "test/digitize/fixtures/plotly/";
const rFigures = JSON.parse(readFileSync(`${R_DIR}km-figures.json`, "utf8"));
const plotlyFigures = JSON.parse(readFileSync(`${PLOTLY_DIR}figures.json`, "utf8")).figures;

interface Axis {
  pixels: [number, number];
  values: [number, number];
}

interface Case {
  name: string;
  file: string;
  x: Axis;
  y: Axis;
  colors: string[];
  truth: TrueCurve[];
  /** The largest survival error allowed, in pixels of the y axis (measured: see the comment). */
  maxPx: number;
}

const rCase = (key: string, maxPx: number): Case => {
  const f = rFigures[key];
  return { name: `R ${key}`, file: R_DIR + f.file, x: f.x, y: f.y, colors: f.arms.map((a: any) => a.color), truth: f.arms, maxPx };
};
const plotlyCase = (name: string, maxPx: number): Case => {
  const f = plotlyFigures.find((g: any) => g.name === name);
  const truth = rFigures[f.endpoint].arms;
  return { name: `plotly ${name}`, file: PLOTLY_DIR + f.file, x: f.x, y: f.y, colors: f.colors, truth: f.groups.map((g: number) => truth[g - 1]), maxPx };
};

// Measured (largest error over the arms, y-axis pixels; 809 px per unit of S in the R
// figures, 686 in plotly's): recurrence 1.5, lung metastasis 3.4, hard 4.3 (an arm half
// hidden under the other), lung by sex 10.4 and veteran 14.5 (steep stretches where steps a
// pixel apart and censor marks merge into one stroke), plotly figures 0.3.
const CASES: Case[] = [
  rCase("recurrence", 3),
  rCase("lung_metastasis", 5),
  rCase("lung_sex", 13),
  rCase("veteran_trt", 16),
  rCase("hard", 6),
  plotlyCase("figure-2-recurrence", 2),
  plotlyCase("figure-3-lung-metastasis", 2),
];

describe("digitizeCurves reads Kaplan-Meier figures", () => {
  it("has R fixtures that record what wrote them", () => {
    expect(rFigures.generated_by.R).toMatch(/^R version 4\./);
    expect(rFigures.generated_by.survival).toMatch(/^\d+\.\d+/);
  });

  it.each(CASES)("$name: every arm within $maxPx px of the true step function", (c) => {
    const result = digitizeCurves(readFileSync(c.file), { x: c.x, y: c.y, colors: c.colors });
    const pxPerTime = (c.x.pixels[1] - c.x.pixels[0]) / (c.x.values[1] - c.x.values[0]);
    const pxPerS = Math.abs(c.y.pixels[1] - c.y.pixels[0]);
    expect(result.curves.map((k) => k.color)).toEqual(c.colors);
    result.curves.forEach((curve, i) => {
      const truth = c.truth[i];
      const cmp = compareSteps(curve, truth, 1.5 / pxPerTime, 4 / pxPerTime, 12 / pxPerTime);
      expect(cmp.maxDiff * pxPerS, `${c.colors[i]}: survival error (px) at t = ${cmp.worstTime}`).toBeLessThanOrEqual(c.maxPx);
      expect(Math.max(...cmp.isolatedStepTimeErrors) * pxPerTime, `${c.colors[i]}: step times (px)`).toBeLessThanOrEqual(2);
      expect(cmp.isolatedStepTimeErrors.length).toBeGreaterThan(0);
      // The curve covers the follow-up: from 0 to the last time, give or take a censor mark.
      expect(result.diagnostics[i].timeRange[0]).toBe(0);
      const last = truth.time[truth.time.length - 1];
      expect(Math.abs(result.diagnostics[i].timeRange[1] - last) * pxPerTime, `${c.colors[i]}: end`).toBeLessThanOrEqual(12);
    });
  });

  it("returns frozen step vertices: sorted times, non-increasing survival, from (0, 1)", () => {
    const c = CASES[0];
    const result = digitizeCurves(readFileSync(c.file), { x: c.x, y: c.y, colors: c.colors });
    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.isFrozen(result.curves)).toBe(true);
    expect(result.diagnostics.map((d) => d.color)).toEqual(result.curves.map((c) => c.color));
    result.curves.forEach((curve, i) => {
      const diagnostics = result.diagnostics[i];
      expect(Object.keys(curve)).toEqual(["color", "time", "survival"]); // what reconstructFromCurve takes
      expect(Object.isFrozen(curve)).toBe(true);
      expect(Object.isFrozen(curve.time)).toBe(true);
      expect(curve.time.length).toBe(curve.survival.length);
      expect(curve.time[0]).toBe(0);
      expect(curve.survival[0]).toBeCloseTo(1, 2);
      for (let i = 1; i < curve.time.length; i++) {
        expect(curve.time[i]).toBeGreaterThanOrEqual(curve.time[i - 1]);
        expect(curve.survival[i]).toBeLessThanOrEqual(curve.survival[i - 1]);
      }
      expect(diagnostics.pixels).toBeGreaterThan(1000);
      expect(diagnostics.lineWidth).toBeGreaterThan(2);
      expect(diagnostics.lineWidth).toBeLessThan(5);
    });
    expect(result.background).toBe("#ffffff");
    expect([result.width, result.height]).toEqual([1600, 1150]);
  });
});

describe("digitizeCurves refuses bad input, saying what is wrong", () => {
  // A 300 x 200 figure: one orange step curve on white.
  const png = new Canvas(300, 200).path([50, 150, 150, 280], [40, 40, 120, 120], 3, [230, 159, 0]).png();
  const options: DigitizeOptions = {
    x: { pixels: [50, 250], values: [0, 10] },
    y: { pixels: [160, 40], values: [0, 1] },
    colors: ["#E69F00"],
  };
  const fails = (bytes: unknown, opts: unknown, argument: string, message: RegExp) => {
    let error: unknown;
    try {
      digitizeCurves(bytes as Uint8Array, opts as DigitizeOptions);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SurvivalInputError);
    expect((error as SurvivalInputError).argument).toBe(argument);
    expect((error as Error).message).toMatch(message);
  };

  it("reads the good figure (so the failures below are the input's)", () => {
    const { curves } = digitizeCurves(png, options);
    expect(curves[0].survival.at(-1)).toBeCloseTo(1 - 80 / 120, 2);
  });
  it("not a PNG", () => {
    fails(new TextEncoder().encode("GIF89a..."), options, "png", /png is not a PNG file: it starts with bytes 47 49 46 38/);
    fails(new Uint8Array(0), options, "png", /not a PNG file.*empty/);
    fails("figure.png", options, "png", /must be the bytes of a PNG file/);
    const truncated = png.subarray(0, 60);
    fails(truncated, options, "png", /png is not a readable PNG file/);
  });
  it("a colour not in the image, naming the colour and the colours that are there", () => {
    fails(png, { ...options, colors: ["#E69F00", "#0072B2"] }, "options.colors", /options\.colors\[1\] is "#0072B2": no pixel of the plot has that colour; the commonest colours there are #e69f00/);
  });
  it("a colour it cannot read, or the same colour twice", () => {
    fails(png, { ...options, colors: ["orangish"] }, "options.colors[0]", /options\.colors\[0\] is "orangish": not a colour/);
    fails(png, { ...options, colors: ["#E69F00", "rgb(230, 159, 0)"] }, "options.colors", /the same colour as options\.colors\[0\]/);
    fails(png, { ...options, colors: [] }, "options.colors", /one CSS colour per arm/);
  });
  it("axis ticks that coincide", () => {
    fails(png, { ...options, x: { pixels: [50, 50], values: [0, 10] } }, "options.x.pixels", /options\.x\.pixels are \[50,50\]: the two ticks coincide/);
    fails(png, { ...options, y: { pixels: [160, 40], values: [1, 1] } }, "options.y.values", /the two ticks have the same value/);
  });
  it("ticks outside the image", () => {
    fails(png, { ...options, x: { pixels: [50, 400], values: [0, 10] } }, "options.x.pixels", /options\.x\.pixels\[1\] is 400: outside the image, whose width is 300 px/);
    fails(png, { ...options, y: { pixels: [-5, 40], values: [0, 1] } }, "options.y.pixels", /options\.y\.pixels\[0\] is -5: outside the image, whose height is 200 px/);
  });
  it("ticks that are not two finite numbers", () => {
    fails(png, { ...options, x: { pixels: [50], values: [0, 10] } }, "options.x.pixels", /give two numbers, one per tick/);
    fails(png, { ...options, y: { pixels: [160, NaN], values: [0, 1] } }, "options.y.pixels", /options\.y\.pixels\[1\] is NaN/);
    fails(png, { ...options, x: undefined }, "options.x", /options\.x must be an object/);
  });
  it("unknown options, and unknown keys of an axis", () => {
    fails(png, { ...options, tolerance: 3 }, "options", /options\.tolerance is not an option of digitizeCurves; the options are x, y, colors/);
    fails(png, { ...options, x: { ...options.x, pixel: [1, 2] } }, "options.x", /options\.x\.pixel is not an option of digitizeCurves/);
  });
  it("time that runs to the left", () => {
    fails(png, { ...options, x: { pixels: [250, 50], values: [0, 10] } }, "options.x.pixels", /time must grow to the right/);
  });
});
