/**
 * Where a figure's axes fall in its PNG: the pixel positions of the first and last tick of each
 * axis in the image renderPngs makes of it, as digitizeCurves takes them (`{ x, y }`, each
 * `{ pixels, values }`, pixels from the image's top-left corner). A reader of a printed figure
 * finds these by pointing at two ticks; for a figure of this project they follow from its
 * layout, as plotly lays it out: the plot area is the page less the margins, an axis's domain
 * its share of that area, and a value's position linear in the axis's range. Positions are
 * rounded to 0.01 CSS pixel, as plotly rounds them, then multiplied by the image's scale.
 *
 * It needs what plotly would otherwise compute in the browser given: explicit margins and a
 * fixed range on both axes (kmFigure and linesFigure set them), linear axes, no automargin.
 *
 * @example
 * const fig = kmFigure(curves);
 * const [png] = await renderPngs([fig]);
 * const axes = figureAxes(fig);      // { x: { pixels: [427.38, 1496.62], values: [0, 18] }, y: ... }
 * digitizeCurves(png, { ...axes, colors: ["#0072B2", "#D55E00"] });
 */
import { SurvivalInputError, show } from "../../survival/errors.js";
import { checkOptions } from "../../survival/core/validate.js";
import type { PlotlyFigure } from "./figure.js";
import { RENDER_OPTIONS, type RenderOptions } from "../images/renderImages.js";

export interface FigureAxis {
  /** Image pixels of two ticks (x: from the left edge; y: from the top edge). */
  readonly pixels: readonly [number, number];
  /** The axis values at those ticks. */
  readonly values: readonly [number, number];
}

export interface FigureAxes {
  readonly x: FigureAxis;
  readonly y: FigureAxis;
}

/** plotly's default margins, where a layout sets none. */
const DEFAULT_MARGIN = { l: 80, r: 80, t: 100, b: 80 };

export function figureAxes(fig: PlotlyFigure, options: RenderOptions = {}): FigureAxes {
  checkOptions("figureAxes", options, RENDER_OPTIONS);
  const layout = fig?.layout;
  if (layout === null || typeof layout !== "object") {
    throw new SurvivalInputError(`fig.layout is ${show(layout)}: give a plotly figure`, "fig.layout", undefined, layout);
  }
  const width = positive("options.width", options.width ?? (layout.width as number | undefined) ?? 800);
  const height = positive("options.height", options.height ?? (layout.height as number | undefined) ?? 600);
  const scale = positive("options.scale", options.scale ?? 2);
  const margin = { ...DEFAULT_MARGIN, ...((layout.margin as Record<string, number> | undefined) ?? {}) };
  const x = axis(layout, "xaxis");
  const y = axis(layout, "yaxis");

  const plotWidth = width - margin.l - margin.r;
  const plotHeight = height - margin.t - margin.b;
  const xStart = margin.l + x.domain[0] * plotWidth;
  const xLength = (x.domain[1] - x.domain[0]) * plotWidth;
  const yTop = margin.t + (1 - y.domain[1]) * plotHeight;
  const yLength = (y.domain[1] - y.domain[0]) * plotHeight;
  const px = (v: number) => round2(xStart + ((v - x.range[0]) / (x.range[1] - x.range[0])) * xLength) * scale;
  const py = (v: number) => round2(yTop + ((y.range[1] - v) / (y.range[1] - y.range[0])) * yLength) * scale;
  return Object.freeze({
    x: Object.freeze({ pixels: Object.freeze([px(x.ticks[0]), px(x.ticks[1])] as const), values: x.ticks }),
    y: Object.freeze({ pixels: Object.freeze([py(y.ticks[0]), py(y.ticks[1])] as const), values: y.ticks }),
  });
}

interface Axis {
  readonly range: readonly [number, number];
  readonly domain: readonly [number, number];
  readonly ticks: readonly [number, number];
}

function axis(layout: Record<string, unknown>, name: "xaxis" | "yaxis"): Axis {
  const where = `fig.layout.${name}`;
  const a = layout[name] as Record<string, unknown> | undefined;
  if (a === undefined || a === null || typeof a !== "object") {
    throw new SurvivalInputError(`${where} is ${show(a)}: figureAxes needs the axis with a fixed range`, where, undefined, a);
  }
  if (a.type !== undefined && a.type !== "linear") {
    throw new SurvivalInputError(`${where}.type is ${show(a.type)}: figureAxes reads linear axes only`, `${where}.type`, undefined, a.type);
  }
  if (a.automargin) {
    throw new SurvivalInputError(`${where}.automargin is set: the margins are then computed in the browser`, `${where}.automargin`, undefined, a.automargin);
  }
  const range = pair(`${where}.range`, a.range, "a fixed range (plotly's autorange is computed in the browser)");
  if (range[0] === range[1]) throw new SurvivalInputError(`${where}.range is ${show(a.range)}: an empty range`, `${where}.range`, undefined, a.range);
  const domain = a.domain === undefined ? ([0, 1] as const) : pair(`${where}.domain`, a.domain, "two fractions of the plot area");
  const tickvals = a.tickvals as unknown[] | undefined;
  const ticks =
    Array.isArray(tickvals) && tickvals.length >= 2
      ? pair(`${where}.tickvals`, [tickvals[0], tickvals[tickvals.length - 1]], "numbers")
      : range;
  return { range, domain, ticks: Object.freeze([ticks[0], ticks[1]] as const) };
}

function pair(name: string, x: unknown, what: string): readonly [number, number] {
  if (!Array.isArray(x) || x.length !== 2 || !x.every((v) => typeof v === "number" && Number.isFinite(v))) {
    throw new SurvivalInputError(`${name} is ${show(x)}: figureAxes needs ${what}`, name, undefined, x);
  }
  return [x[0], x[1]];
}

function positive(name: string, x: unknown): number {
  if (typeof x !== "number" || !(x > 0) || !Number.isFinite(x)) {
    throw new SurvivalInputError(`${name} is ${show(x)}: it must be a number > 0`, name, undefined, x);
  }
  return x;
}

const round2 = (v: number) => Math.round(v * 100) / 100;
