/**
 * Reads the Kaplan-Meier step curve of each arm out of a PNG image of a survival figure, so
 * that a reader who has only a paper's figure can rebuild patient rows from it (Guyot et al.,
 * "Enhanced secondary analysis of survival data: reconstructing the data from published
 * Kaplan-Meier survival curves", BMC Med Res Methodol 2012;12:9, whose input is exactly these
 * digitised points).
 *
 * The axes are calibrated by two ticks each, given in image pixel coordinates: x to the
 * right, y downwards, (0, 0) the top-left corner of the image, so that pixel (i, j) spans
 * [i, i + 1] x [j, j + 1] (the convention of SVG, canvas and R's devices; an image viewer's
 * pixel i is at i + 0.5). The mapping is linear on both axes. Each arm is named by its colour.
 *
 * How (classifyPixels.ts and traceCurve.ts say more):
 * - Pixels are matched to an arm by a blend model: a pixel is the arm's colour mixed with the
 *   background in some proportion (anti-aliasing, transparency). More than half the arm's
 *   colour and close to the blend: the arm's. Light tints of the colour (confidence bands at
 *   15-40% opacity) fall under half and are rejected; greys and other colours (gridlines,
 *   text) lie off the blend line. A perceptual distance would not separate a band from an
 *   anti-aliased edge of the curve; the blend proportion does.
 * - Only the plot's data region is searched: times from 0, survival from 0 to the top of the
 *   scale (1, or 100 when a y tick value is above 1, for percentages), each widened by a small
 *   margin. Axis lines, titles, tick labels and a risk table under the plot stay outside.
 * - Each curve is followed column by column from its start at the top left: horizontal
 *   pieces give its level; it falls only where a vertical run joins the old level to a lower
 *   one; censor marks (runs that return to the level), legend keys and text (not joined)
 *   are ignored; where another arm is drawn over it the level is carried forward, following
 *   the other arm's steps where the two share them.
 *
 * Accuracy: about a pixel in time and survival on clean figures (see the tests, which compare
 * R's and our own figures with the true step functions). Limits: confidence limits drawn as
 * lines of the same colour and strength as the curve cannot be told from it (draw them in a
 * lighter colour, as here, or crop them away); a step hidden under a legend box is missed;
 * the end of the last segment includes the line cap (half a line width) or a censor mark.
 *
 * @example
 * const { curves } = digitizeCurves(readFileSync("figure-2.png"), {
 *   x: { pixels: [160, 1480], values: [0, 20] },
 *   y: { pixels: [1010, 150], values: [0, 1] },
 *   colors: ["#E69F00", "#0072B2"],
 * });
 * curves[0].time; curves[0].survival; // the vertices of arm 1's step path, from (0, 1)
 */
import { SurvivalInputError, show } from "../survival/errors.js";
import { checkObject, checkOptionNames } from "../survival/core/validate.js";
import { classifyPixels, type Window } from "./classifyPixels.js";
import { decodePng, type Pixels } from "./decodePng.js";
import { parseColor, type Rgb } from "./parseColor.js";
import { traceCurve } from "./traceCurve.js";

export interface AxisTicks {
  /** Pixel coordinates of two ticks (x: from the left edge; y: from the top edge). */
  readonly pixels: readonly [number, number];
  /** The axis values at those ticks (time on x, survival on y). */
  readonly values: readonly [number, number];
}

export interface DigitizeOptions {
  readonly x: AxisTicks;
  readonly y: AxisTicks;
  /** One CSS colour per arm: "#E69F00", "rgb(0, 114, 178)", "black". */
  readonly colors: readonly string[];
}

/** One arm's curve, as reconstructFromCurve takes it. */
export interface DigitizedCurve {
  /** The colour as given. */
  readonly color: string;
  /**
   * The vertices of the step path, sorted by time: the start, then for each step its top and
   * its bottom corner (the same time twice), then the end of the last segment. Survival is
   * non-increasing, in the y axis's units.
   */
  readonly time: readonly number[];
  readonly survival: readonly number[];
}

/** How one arm's curve was read. */
export interface CurveDiagnostics {
  /** The colour as given. */
  readonly color: string;
  /** Pixels of the search window matched to this colour. */
  readonly pixels: number;
  /** The times the digitised curve covers, [first, last]. */
  readonly timeRange: readonly [number, number];
  /** The line's thickness in pixels, as measured. */
  readonly lineWidth: number;
  /** Columns where the curve was seen, and columns where it was hidden and carried forward. */
  readonly columnsSeen: number;
  readonly columnsCarried: number;
}

export interface DigitizeResult {
  /** One curve per colour, in the order of options.colors. */
  readonly curves: readonly DigitizedCurve[];
  /** How each curve was read, in the same order. */
  readonly diagnostics: readonly CurveDiagnostics[];
  /** The image's size in pixels. */
  readonly width: number;
  readonly height: number;
  /** The background colour found (hex). */
  readonly background: string;
  /** The pixel rectangle searched, [x0, x1) x [y0, y1). */
  readonly window: Window;
}

const OPTIONS = ["x", "y", "colors"] as const;

export function digitizeCurves(png: Uint8Array, options: DigitizeOptions): DigitizeResult {
  const image = decodePng(png);
  const opts = checkObject("options", options);
  checkOptionNames("digitizeCurves", opts, OPTIONS);
  const xAxis = checkAxis("options.x", opts.x, image.width);
  const yAxis = checkAxis("options.y", opts.y, image.height);
  const colours = checkColours(opts.colors);

  const window = searchWindow(image, xAxis, yAxis);
  const classified = classifyPixels(image, colours.map((c) => c.rgb), window);
  colours.forEach((c, i) => {
    if (classified.counts[i] === 0) {
      throw new SurvivalInputError(
        `options.colors[${i}] is ${show(c.text)}: no pixel of the plot has that colour; the commonest colours there are ${commonColours(image, window, classified.background).join(", ")}`,
        "options.colors",
        i,
        c.text,
      );
    }
  });

  const toTime = linear(xAxis);
  const toValue = linear(yAxis);
  const top = scaleTop(yAxis);
  const read = colours.map((c, i): { curve: DigitizedCurve; diagnostics: CurveDiagnostics } => {
    const path = traceCurve(classified, i);
    if (path === null) {
      throw new SurvivalInputError(
        `options.colors[${i}] is ${show(c.text)}: ${classified.counts[i]} pixels have that colour but they draw no horizontal line (is it the curve's colour?)`,
        "options.colors",
        i,
        c.text,
      );
    }
    const time: number[] = [];
    const survival: number[] = [];
    for (let v = 0; v < path.x.length; v++) {
      const t = Math.max(0, toTime(path.x[v]), v > 0 ? time[v - 1] : 0);
      const s = Math.min(top, Math.max(0, toValue(path.y[v])), v > 0 ? survival[v - 1] : top);
      time.push(t);
      survival.push(s);
    }
    return {
      curve: Object.freeze({ color: c.text, time: Object.freeze(time), survival: Object.freeze(survival) }),
      diagnostics: Object.freeze({
        color: c.text,
        pixels: classified.counts[i],
        timeRange: Object.freeze([time[0], time[time.length - 1]] as [number, number]),
        lineWidth: path.lineWidth,
        columnsSeen: path.columnsSeen,
        columnsCarried: path.columnsCarried,
      }),
    };
  });
  return Object.freeze({
    curves: Object.freeze(read.map((r) => r.curve)),
    diagnostics: Object.freeze(read.map((r) => r.diagnostics)),
    width: image.width,
    height: image.height,
    background: hex(classified.background),
    window: Object.freeze({ ...window }),
  });
}

interface Axis {
  readonly pixels: readonly [number, number];
  readonly values: readonly [number, number];
}

function checkAxis(name: string, x: unknown, size: number): Axis {
  const axis = checkObject(name, x);
  checkOptionNames("digitizeCurves", axis, ["pixels", "values"], name);
  const pair = (key: "pixels" | "values"): [number, number] => {
    const v = axis[key];
    if (!Array.isArray(v) || v.length !== 2) {
      throw new SurvivalInputError(`${name}.${key} is ${show(v)}: give two numbers, one per tick`, `${name}.${key}`, undefined, v);
    }
    v.forEach((n, i) => {
      if (typeof n !== "number" || !Number.isFinite(n)) {
        throw new SurvivalInputError(`${name}.${key}[${i}] is ${show(n)}: it must be a finite number`, `${name}.${key}`, i, n);
      }
    });
    return [v[0], v[1]];
  };
  const pixels = pair("pixels");
  const values = pair("values");
  pixels.forEach((p, i) => {
    if (p < 0 || p > size) {
      throw new SurvivalInputError(
        `${name}.pixels[${i}] is ${p}: outside the image, whose ${name.endsWith("x") ? "width" : "height"} is ${size} px`,
        `${name}.pixels`,
        i,
        p,
      );
    }
  });
  if (Math.abs(pixels[1] - pixels[0]) < 1) {
    throw new SurvivalInputError(
      `${name}.pixels are ${show(pixels)}: the two ticks coincide (less than a pixel apart), so they do not calibrate the axis`,
      `${name}.pixels`,
      1,
      pixels[1],
    );
  }
  if (values[1] === values[0]) {
    throw new SurvivalInputError(
      `${name}.values are ${show(values)}: the two ticks have the same value, so they do not calibrate the axis`,
      `${name}.values`,
      1,
      values[1],
    );
  }
  return { pixels, values };
}

function checkColours(x: unknown): { text: string; rgb: Rgb }[] {
  if (!Array.isArray(x) || x.length === 0) {
    throw new SurvivalInputError(`options.colors is ${show(x)}: give one CSS colour per arm, e.g. ["#E69F00", "#0072B2"]`, "options.colors", undefined, x);
  }
  if (x.length > 100) {
    throw new SurvivalInputError(`options.colors has ${x.length} colours: at most 100 arms`, "options.colors", undefined, x.length);
  }
  const out = x.map((c, i) => ({ text: c as string, rgb: parseColor(c, `options.colors[${i}]`) }));
  out.forEach((c, i) => {
    const j = out.findIndex((d) => d.rgb.every((v, ch) => v === c.rgb[ch]));
    if (j < i) {
      throw new SurvivalInputError(
        `options.colors[${i}] is ${show(c.text)}, the same colour as options.colors[${j}]: arms are told apart by colour`,
        "options.colors",
        i,
        c.text,
      );
    }
  });
  return out;
}

/** value = v0 + (pixel - p0) (v1 - v0) / (p1 - p0). */
function linear(axis: Axis): (pixel: number) => number {
  const [p0, p1] = axis.pixels;
  const [v0, v1] = axis.values;
  const slope = (v1 - v0) / (p1 - p0);
  return (pixel) => v0 + (pixel - p0) * slope;
}

function toPixel(axis: Axis, value: number): number {
  const [p0, p1] = axis.pixels;
  const [v0, v1] = axis.values;
  return p0 + ((value - v0) * (p1 - p0)) / (v1 - v0);
}

/** Survival's scale: 100 (percent) when a y tick value is above 1, else 1. */
function scaleTop(axis: Axis): number {
  return Math.max(...axis.values.map(Math.abs)) > 1 ? 100 : 1;
}

/** Times from 0 and survival from 0 to the top of the scale, widened by a small margin, within the image. */
function searchWindow(image: Pixels, xAxis: Axis, yAxis: Axis): Window {
  const clamp = (v: number, hi: number) => Math.min(hi, Math.max(0, v));
  const xMargin = Math.max(3, 0.01 * Math.abs(xAxis.pixels[1] - xAxis.pixels[0]));
  const xStart = toPixel(xAxis, 0);
  const xRight = xAxis.pixels[1] > xAxis.pixels[0];
  const yZero = toPixel(yAxis, 0);
  const yTop = toPixel(yAxis, scaleTop(yAxis));
  const yMargin = Math.max(3, 0.015 * Math.abs(yZero - yTop));
  const window = {
    x0: xRight ? clamp(Math.floor(xStart - xMargin), image.width) : 0,
    x1: xRight ? image.width : clamp(Math.ceil(xStart + xMargin), image.width),
    y0: clamp(Math.floor(Math.min(yZero, yTop) - yMargin), image.height),
    y1: clamp(Math.ceil(Math.max(yZero, yTop) + yMargin), image.height),
  };
  if (!xRight) {
    throw new SurvivalInputError(
      `options.x.pixels are ${show(xAxis.pixels)} for values ${show(xAxis.values)}: time must grow to the right`,
      "options.x.pixels",
      undefined,
      xAxis.pixels,
    );
  }
  if (window.x1 - window.x0 < 2 || window.y1 - window.y0 < 2) {
    throw new SurvivalInputError(
      `options.x and options.y put the plot (time from 0, survival 0 to ${scaleTop(yAxis)}) outside the image`,
      "options",
      undefined,
      window,
    );
  }
  return window;
}

const hex = (c: Rgb) => `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;

/** The five commonest colours in the window other than the background and near it, as hex. */
function commonColours(image: Pixels, window: Window, background: Rgb): string[] {
  const counts = new Map<number, number>();
  const { width, rgba } = image;
  for (let y = window.y0; y < window.y1; y += 2) {
    for (let x = window.x0; x < window.x1; x += 2) {
      const p = 4 * (y * width + x);
      const r = rgba[p];
      const g = rgba[p + 1];
      const b = rgba[p + 2];
      if (Math.abs(r - background[0]) + Math.abs(g - background[1]) + Math.abs(b - background[2]) < 60) continue;
      const key = (r << 16) | (g << 8) | b;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  // Weighed by the distance from the background, so that a pure colour outranks its own
  // anti-aliased blends.
  const distance = (key: number) =>
    Math.hypot((key >> 16) - background[0], ((key >> 8) & 0xff) - background[1], (key & 0xff) - background[2]);
  const top = [...counts].sort((a, b) => b[1] * distance(b[0]) - a[1] * distance(a[0])).slice(0, 5);
  return top.length ? top.map(([key]) => hex([key >> 16, (key >> 8) & 0xff, key & 0xff])) : ["(none: the plot is blank)"];
}
