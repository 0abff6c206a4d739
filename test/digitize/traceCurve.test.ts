/**
 * The curve tracing on synthetic figures drawn here (test/digitize/drawPng.ts), each with one
 * thing real figures draw over their curves: gridlines drawn across, censor marks, a
 * confidence band in a light tint, another arm sharing the first steps, a transparent
 * background. The true curve is known exactly, so the digitised one must match it to about
 * a pixel (here 1 px is 0.05 in time and 0.0025 in survival).
 */
import { describe, expect, it } from "vitest";
import { digitizeCurves, type DigitizeOptions } from "../../src/digitize/index.js";
import { compareSteps, type TrueCurve } from "./compareSteps.js";
import { Canvas, stepVertices, type Colour } from "./drawPng.js";

const px = (t: number) => 100 + 20 * t;
const py = (s: number) => 450 - 400 * s;
const OPTIONS: DigitizeOptions = {
  x: { pixels: [px(0), px(30)], values: [0, 30] },
  y: { pixels: [py(0), py(1)], values: [0, 1] },
  colors: ["#E69F00"],
};
const ORANGE: Colour = [230, 159, 0];
const BLUE: Colour = [0, 114, 178];
const GREY: Colour = [190, 190, 190];
const PX_TIME = 1 / 20;
const PX_S = 1 / 400;

// Steps at fractional pixels, so that their edges are anti-aliased.
const A: TrueCurve = { time: [5.12, 12.33, 20.47], survival: [0.8, 0.553, 0.3012] };
const END = 30;

function draw(curve: TrueCurve, colour: Colour, canvas = new Canvas(900, 500), lineWidth = 2.6): Canvas {
  const v = stepVertices(curve.time, curve.survival, END, px, py);
  return canvas.path(v.x, v.y, lineWidth, colour);
}

function expectMatches(digitised: TrueCurve, truth: TrueCurve, steps = truth.time.length) {
  const cmp = compareSteps(digitised, truth, 1.5 * PX_TIME);
  expect(cmp.maxDiff, `survival error at t = ${cmp.worstTime}`).toBeLessThanOrEqual(1 * PX_S);
  expect(Math.max(...cmp.stepTimeErrors)).toBeLessThanOrEqual(1 * PX_TIME);
  // One vertex at each end and two per step: no step made up, none missed.
  expect(digitised.time.length).toBe(2 + 2 * steps);
  expect(digitised.time[0]).toBe(0);
  expect(Math.abs(digitised.time[digitised.time.length - 1] - END)).toBeLessThanOrEqual(2 * PX_TIME);
}

describe("traceCurve follows a step curve", () => {
  it("drawn alone, anti-aliased", () => {
    const { curves, diagnostics } = digitizeCurves(draw(A, ORANGE).png(), OPTIONS);
    expectMatches(curves[0], A);
    expect(diagnostics[0].lineWidth).toBeGreaterThan(2);
    expect(diagnostics[0].lineWidth).toBeLessThan(3.5);
  });

  it("across gridlines drawn over it, one of them on a level", () => {
    const canvas = draw(A, ORANGE);
    for (let t = 0; t <= 30; t += 5) canvas.fill(px(t) - 0.5, py(1.02), px(t) + 0.5, py(-0.02), GREY);
    for (const s of [0.2, 0.4, 0.553, 0.8]) canvas.fill(px(0), py(s) - 0.5, px(31), py(s) + 0.5, GREY);
    const { curves } = digitizeCurves(canvas.png(), OPTIONS);
    expectMatches(curves[0], A);
  });

  it("past censor marks (+ and |) on its levels and at a step", () => {
    const canvas = draw(A, ORANGE);
    canvas.plus(px(8), py(0.8), 8, 2, ORANGE);
    canvas.plus(px(16), py(0.553), 8, 2, ORANGE);
    canvas.fill(px(25) - 1, py(0.3012) - 8, px(25) + 1, py(0.3012) + 8, ORANGE); // a | tick
    canvas.plus(px(12.33), py(0.553), 8, 2, ORANGE); // censored at the time of a step
    const { curves } = digitizeCurves(canvas.png(), OPTIONS);
    expectMatches(curves[0], A);
  });

  it("inside a confidence band of its own colour at 20% and the other arm's drawn over it", () => {
    const B: TrueCurve = { time: [2.5], survival: [0.15] };
    const canvas = new Canvas(900, 500);
    canvas.fill(px(0), py(1), px(30), py(0.2), ORANGE, 0.2);
    draw(B, BLUE, draw(A, ORANGE, canvas));
    canvas.fill(px(10), py(0.9), px(25), py(0.05), BLUE, 0.2);
    const { curves } = digitizeCurves(canvas.png(), { ...OPTIONS, colors: ["#E69F00", "#0072B2"] });
    expectMatches(curves[0], A);
    expectMatches(curves[1], B);
  });

  it("under another arm that shares its first steps (drawn over it)", () => {
    // B repeats A's first step, then falls at 9; A is hidden under B until then.
    const B: TrueCurve = { time: [5.12, 9.01, 26.2], survival: [0.8, 0.62, 0.4] };
    const canvas = draw(B, BLUE, draw(A, ORANGE));
    const { curves, diagnostics } = digitizeCurves(canvas.png(), { ...OPTIONS, colors: ["#E69F00", "#0072B2"] });
    expectMatches(curves[0], A);
    expectMatches(curves[1], B);
    expect(diagnostics[0].columnsCarried).toBeGreaterThan(0);
  });

  it("that falls to 0 at its end", () => {
    const Z: TrueCurve = { time: [5.12, 12.33, 30], survival: [0.8, 0.553, 0] };
    const v = stepVertices(Z.time, Z.survival, 30, px, py);
    const canvas = new Canvas(900, 500).path(v.x.slice(0, -1), v.y.slice(0, -1), 2.6, ORANGE);
    const { curves } = digitizeCurves(canvas.png(), OPTIONS);
    const c = curves[0];
    expect(c.survival[c.survival.length - 1]).toBeLessThanOrEqual(1.5 * PX_S);
    expect(Math.abs(c.time[c.time.length - 1] - 30)).toBeLessThanOrEqual(1 * PX_TIME);
    expect(compareSteps(c, Z, 1.5 * PX_TIME).maxDiff).toBeLessThanOrEqual(1.5 * PX_S);
  });

  it("on a transparent background, with colours given as CSS names and rgb()", () => {
    const canvas = draw(A, [0, 0, 0]);
    draw({ time: [3.05], survival: [0.4] }, BLUE, canvas);
    const { curves, background } = digitizeCurves(canvas.png(true), { ...OPTIONS, colors: ["black", "rgb(0, 114, 178)"] });
    expect(background).toBe("#ffffff");
    expectMatches(curves[0], A);
    expect(curves[1].survival.at(-1)).toBeCloseTo(0.4, 2);
  });

  it("in percent when the y axis is in percent", () => {
    const { curves } = digitizeCurves(draw(A, ORANGE).png(), { ...OPTIONS, y: { pixels: [py(0), py(1)], values: [0, 100] } });
    expectMatches({ time: curves[0].time, survival: curves[0].survival.map((s) => s / 100) }, A);
  });
});
