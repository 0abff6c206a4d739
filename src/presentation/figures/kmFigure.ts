/**
 * A Kaplan-Meier figure as readers expect it (KMunicate: Morris et al., BMJ Open
 * 2019;9:e030215; survminer's `ggsurvplot(risk.table = TRUE, conf.int = TRUE)`): step curves
 * from (0, 1), censoring marks (+), pointwise confidence bands as shaded steps (the legend gives
 * their level, read from the fits), the test and its p-value on the plot (named by the test,
 * formatTest), and under it a table of the numbers at risk with the cumulated
 * events and censorings, "23 (0, 0)", aligned with the time axis (it shares the x axis, so it
 * follows zooming). Okabe-Ito colours; every trace has a fixed `uid`, so exported SVG and PNG
 * files are byte-stable.
 *
 * Returns plain plotly.js data (see figure.ts); nothing here draws.
 *
 * @example
 * const fig = kmFigure(
 *   [{ label: "Anlotinib + chemotherapy", fit: kaplanMeier(g1) }, { label: "Chemotherapy", fit: kaplanMeier(g2) }],
 *   { title: "Recurrence", yTitle: "Recurrence-free proportion", test: logRankTest(d) },   // "Log-rank: χ²(1) = ..."
 * );
 */
import { SurvivalInputError, show } from "../../survival/errors.js";
import { checkData, checkOptions } from "../../survival/core/validate.js";
import { AXIS_LINE, FONT, figureConfig, figureTitle, pageLayout, paletteColour, plotlyTemplate, plotlyText, withAlpha, type PlotlyFigure } from "./figure.js";
import { confLevelText } from "../../study/endpoint/labels.js";
import { formatTest, type TestResult } from "./formatTest.js";
import { numbersAtRisk, type CurveRows } from "./numbersAtRisk.js";
import { timeBreaks } from "./timeBreaks.js";

/** The part of a kaplanMeier result the figure reads. */
export interface KmFit extends CurveRows {
  readonly survival: ArrayLike<number>;
  readonly lower: ArrayLike<number>;
  readonly upper: ArrayLike<number>;
  /** The level of lower and upper, named in the legend (a kaplanMeier result has it). */
  readonly confLevel?: number;
}

export interface KmCurve {
  readonly label: string;
  readonly fit: KmFit;
}

export interface KmFigureOptions {
  readonly title?: string;
  /** Default "Months". */
  readonly xTitle?: string;
  /** Default "Survival probability". */
  readonly yTitle?: string;
  /** Printed on the plot: a test result, e.g. `logRankTest(data)` (its statistic, df and pValue). */
  readonly test?: TestResult;
  /** Printed before the test's statistic, e.g. "Pearson"; default the test's own name (formatTest). */
  readonly testLabel?: string;
  /** Replaces the text printed for `test`. */
  readonly testText?: string;
  /** Times of the x ticks and of the risk-table columns; default timeBreaks(last time). */
  readonly breaks?: readonly number[];
  /** Default true. */
  readonly confBands?: boolean;
  /** Default true. */
  readonly censorMarks?: boolean;
  /** Default true. */
  readonly riskTable?: boolean;
  /** One colour a curve; default the Okabe-Ito palette. */
  readonly colours?: readonly string[];
  /** Figure height in px; default fits the risk table under a 360 px plot. */
  readonly height?: number;
  /** File name offered by the download button. */
  readonly filename?: string;
}

const ROW_PX = 22; // one risk-table row
const PLOT_PX = 360; // the curves' panel
const MARGIN_TOP = 84; // title and legend (44 without a title)
const GAP_PX = 64; // x tick labels, x title and the table header
const MARGIN_BOTTOM = 16; // 60 without the table, for the x title

const OPTION_NAMES = [
  "title",
  "xTitle",
  "yTitle",
  "test",
  "testLabel",
  "testText",
  "breaks",
  "confBands",
  "censorMarks",
  "riskTable",
  "colours",
  "height",
  "filename",
];

export function kmFigure(curves: readonly KmCurve[], options: KmFigureOptions = {}): PlotlyFigure {
  checkOptions("kmFigure", options, OPTION_NAMES);
  checkCurves(curves);
  const {
    title,
    xTitle = "Months",
    yTitle = "Survival probability",
    confBands = true,
    censorMarks = true,
    riskTable = true,
  } = options;
  const colours = curves.map((_, i) => options.colours?.[i] ?? paletteColour(i));
  const lastTime = Math.max(...curves.map(({ fit }) => (fit.time.length ? fit.time[fit.time.length - 1] : 0)));
  const breaks = options.breaks ? checkBreaks(options.breaks) : timeBreaks(lastTime);
  const xMax = Math.max(lastTime, breaks[breaks.length - 1], 0) || 1;

  const k = curves.length;
  const tablePx = riskTable ? ROW_PX * k : 0;
  const marginTop = title ? MARGIN_TOP : 44;
  const marginBottom = riskTable ? MARGIN_BOTTOM : 60;
  const height = options.height ?? marginTop + PLOT_PX + (riskTable ? GAP_PX + tablePx + 8 : 0) + marginBottom;
  const inner = height - marginTop - marginBottom;
  // A height too small for the table still leaves the curves 40% of the figure.
  const tableTop = riskTable ? Math.min(0.35, (tablePx + 8) / inner) : 0;
  const plotBottom = riskTable ? Math.min(0.6, tableTop + GAP_PX / inner) : 0;
  const tables = riskTable ? curves.map(({ fit }) => numbersAtRisk(fit, breaks)) : [];
  const cells = tables.map((t) => t.time.map((_, j) => `${t.nRisk[j]} (${t.nEvent[j]}, ${t.nCensor[j]})`));
  // Row labels end half a cell left of the first column (12 px Arial: about 6.3 px a character).
  const halfCellPx = Math.ceil(Math.max(0, ...cells.map((row) => row[0]?.length ?? 0)) * 3.2) + 8;
  const labelPx = Math.ceil(Math.max(...curves.map((c) => c.label.length)) * 6.3) + halfCellPx + 14;
  const marginLeft = Math.max(80, riskTable ? labelPx : 0);
  const lastCellChars = Math.max(0, ...cells.map((row) => row[row.length - 1]?.length ?? 0));
  const marginRight = Math.max(40, Math.ceil(lastCellChars * 3.2) + 12);

  const bands: Record<string, unknown>[] = [];
  const lines: Record<string, unknown>[] = [];
  const marks: Record<string, unknown>[] = [];
  const table: Record<string, unknown>[] = [];
  const annotations: Record<string, unknown>[] = [];

  curves.forEach(({ label, fit }, i) => {
    const colour = colours[i];
    const time = Array.from(fit.time);
    const surv = Array.from(fit.survival);
    const group = `curve-${i}`;
    if (confBands) {
      const band = stepBand(time, surv, Array.from(fit.lower), Array.from(fit.upper));
      bands.push({
        type: "scatter",
        uid: `band-${i}`,
        name: `${plotlyText(label)} (CI)`,
        x: band.x,
        y: band.y,
        mode: "lines",
        line: { width: 0, color: colour },
        fill: "toself",
        fillcolor: withAlpha(colour, 0.18),
        hoverinfo: "skip",
        showlegend: false,
        legendgroup: group,
      });
    }
    lines.push({
      type: "scatter",
      uid: `curve-${i}`,
      name: plotlyText(label),
      x: [0, ...time],
      y: [1, ...surv],
      mode: "lines",
      line: { shape: "hv", width: 2.5, color: colour },
      legendgroup: group,
      hovertemplate: `${plotlyTemplate(label)}<br>%{x} ${plotlyTemplate(xTitle.toLowerCase())}: %{y:.3f}<extra></extra>`,
    });
    if (censorMarks) {
      const x: number[] = [];
      const y: number[] = [];
      const n: number[] = [];
      for (let r = 0; r < time.length; r++) {
        if (fit.nCensor[r] > 0) {
          x.push(time[r]);
          y.push(surv[r]);
          n.push(fit.nCensor[r]);
        }
      }
      marks.push({
        type: "scatter",
        uid: `censored-${i}`,
        name: `${plotlyText(label)} (censored)`,
        x,
        y,
        customdata: n,
        mode: "markers",
        marker: { symbol: "cross-thin-open", size: 10, color: colour, line: { width: 2, color: colour } },
        showlegend: false,
        legendgroup: group,
        hovertemplate: `${plotlyTemplate(label)}<br>%{customdata} censored at %{x}<extra></extra>`,
      });
    }
    if (riskTable) {
      const atRisk = tables[i];
      table.push({
        type: "scatter",
        uid: `risk-${i}`,
        name: `${plotlyText(label)} (at risk)`,
        x: [...atRisk.time],
        y: atRisk.time.map(() => i),
        yaxis: "y2",
        mode: "text",
        text: cells[i],
        textposition: "middle center",
        textfont: { family: FONT.family, size: 12, color: colour },
        cliponaxis: false,
        showlegend: false,
        hoverinfo: "skip",
      });
      annotations.push({
        xref: "paper",
        x: 0,
        xanchor: "right",
        xshift: -halfCellPx,
        yref: "y2",
        y: i,
        text: plotlyText(label),
        showarrow: false,
        font: { family: FONT.family, size: 12, color: colour },
      });
    }
  });

  if (censorMarks && marks.some((m) => (m.x as number[]).length > 0)) {
    // A legend key for the + marks (no data: it only explains the symbol).
    marks.push({
      type: "scatter",
      uid: "censored-key",
      name: "Censored",
      x: [null],
      y: [null],
      mode: "markers",
      marker: { symbol: "cross-thin-open", size: 10, color: "#555555", line: { width: 2, color: "#555555" } },
      hoverinfo: "skip",
    });
  }
  if (confBands) {
    // A legend key for the shaded bands, naming their level when every fit carries the same one.
    const levels = new Set(curves.map(({ fit }) => fit.confLevel));
    const level = levels.size === 1 && typeof curves[0].fit.confLevel === "number" ? `${confLevelText(curves[0].fit.confLevel)} ` : "";
    marks.push({
      type: "scatter",
      uid: "band-key",
      name: `${level}pointwise CI`,
      x: [null],
      y: [null],
      mode: "markers",
      marker: { symbol: "square", size: 12, color: withAlpha("#555555", 0.25) },
      hoverinfo: "skip",
    });
  }
  if (riskTable) {
    annotations.push({
      xref: "paper",
      x: 0,
      xanchor: "left",
      xshift: 12 - marginLeft,
      yref: "paper",
      y: tableTop,
      yanchor: "bottom",
      yshift: 2,
      text: "<b>Number at risk</b> (events, censored)",
      showarrow: false,
      font: { family: FONT.family, size: 12, color: FONT.color },
    });
  }
  const testText = options.testText ?? (options.test ? formatTest(options.test, options.testLabel) : undefined);
  if (testText) {
    annotations.push({
      xref: "x domain",
      x: 0.02,
      xanchor: "left",
      yref: "y domain",
      y: 0.03,
      yanchor: "bottom",
      text: plotlyText(testText),
      showarrow: false,
      align: "left",
      bgcolor: "rgba(255,255,255,0.85)",
      font: { family: FONT.family, size: 13, color: FONT.color },
    });
  }

  const pad = xMax * 0.02;
  const layout: Record<string, unknown> = {
    ...pageLayout(height),
    margin: { t: marginTop, b: marginBottom, l: marginLeft, r: marginRight, pad: 0 },
    showlegend: true,
    legend: { orientation: "h", x: 0, xanchor: "left", y: 1.01, yanchor: "bottom", font: { size: 13 }, bgcolor: "rgba(255,255,255,0)" },
    xaxis: {
      title: { text: plotlyText(xTitle), standoff: 6 },
      range: [-pad, xMax + pad],
      tickvals: [...breaks],
      ...AXIS_LINE,
      showgrid: false,
      anchor: "y",
    },
    yaxis: {
      title: { text: plotlyText(yTitle) },
      domain: [plotBottom, 1],
      range: [-0.02, 1.03],
      tickvals: [0, 0.2, 0.4, 0.6, 0.8, 1],
      tickformat: ".1f",
      ...AXIS_LINE,
      showgrid: true,
      gridcolor: "#ebebeb",
    },
    annotations,
    hovermode: "closest",
  };
  if (riskTable) {
    layout.yaxis2 = {
      domain: [0, tableTop],
      range: [k - 0.5, -0.5],
      visible: false,
      fixedrange: true,
    };
  }
  if (title) {
    layout.title = figureTitle(title);
  }
  return {
    data: [...bands, ...lines, ...marks, ...table],
    layout,
    config: figureConfig(options.filename ?? "kaplan-meier", 800, height),
  };
}

/**
 * The closed outline of a stepped confidence band: the upper limits as a right-continuous
 * step function from (0, 1) forwards, then the lower limits backwards. Where a limit is not
 * defined (R gives NA once the curve reaches 0 under the log transform) the band closes onto
 * the curve.
 */
export function stepBand(
  time: readonly number[],
  survival: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
): { x: number[]; y: number[] } {
  const edge = (limit: readonly number[]): { x: number[]; y: number[] } => {
    const x = [0];
    const y = [1];
    let previous = 1;
    for (let r = 0; r < time.length; r++) {
      const v = Number.isFinite(limit[r]) ? limit[r] : survival[r];
      x.push(time[r], time[r]);
      y.push(previous, v);
      previous = v;
    }
    return { x, y };
  };
  const up = edge(upper);
  const low = edge(lower);
  return { x: [...up.x, ...low.x.reverse()], y: [...up.y, ...low.y.reverse()] };
}

function checkCurves(curves: readonly KmCurve[]): void {
  if (!Array.isArray(curves) || curves.length === 0) {
    throw new SurvivalInputError(`curves is ${show(curves)}: give at least one {label, fit}`, "curves", undefined, curves);
  }
  curves.forEach((c, i) => {
    if (c === null || typeof c !== "object" || typeof c.label !== "string" || c.fit === null || typeof c.fit !== "object") {
      throw new SurvivalInputError(`curves[${i}] must be {label: string, fit}; got ${show(c)}`, "curves", i, c);
    }
    checkData("kmFigure", c, ["label", "fit"], `curves[${i}]`);
    const n = c.fit.time?.length;
    for (const key of ["time", "nRisk", "nEvent", "nCensor", "survival", "lower", "upper"] as const) {
      const column = c.fit[key];
      if (column === null || column === undefined || typeof column.length !== "number" || column.length !== n) {
        throw new SurvivalInputError(
          `curves[${i}].fit.${key} is missing or its length differs from fit.time (${n})`,
          `curves[${i}].fit.${key}`,
          undefined,
          column?.length,
        );
      }
    }
    for (let r = 0; r < n; r++) {
      const s = c.fit.survival[r];
      if (!(s >= 0 && s <= 1)) {
        throw new SurvivalInputError(
          `curves[${i}].fit.survival[${r}] is ${show(s)}: a survival probability must be in [0, 1]`,
          `curves[${i}].fit.survival`,
          r,
          s,
        );
      }
    }
  });
}

function checkBreaks(breaks: readonly number[]): number[] {
  if (!Array.isArray(breaks) || breaks.length === 0) {
    throw new SurvivalInputError(`breaks is ${show(breaks)}: give at least one time`, "breaks", undefined, breaks);
  }
  breaks.forEach((t, j) => {
    if (typeof t !== "number" || !Number.isFinite(t) || t < 0 || (j > 0 && !(t > breaks[j - 1]))) {
      throw new SurvivalInputError(`breaks[${j}] is ${show(t)}: breaks must be finite, >= 0 and strictly increasing`, "breaks", j, t);
    }
  });
  return [...breaks];
}
