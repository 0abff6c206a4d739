/**
 * Small figures for the teaching notebooks, in the project's style (src/presentation/figures/figure.ts:
 * Okabe-Ito colours, the same font, fixed trace uids so exports are byte-stable). They only
 * draw what a cell computed; nothing here computes statistics.
 *
 * - linesFigure: step or straight lines (a Kaplan-Meier curve next to naive curves, a statistic
 *   against a cut-off), optionally shaded underneath (an RMST as an area), with reference lines.
 * - withReferenceLines: adds dashed vertical/horizontal lines to any figure (e.g. the cut-off on
 *   a kmFigure), drawn in the main plot only.
 *
 * @example
 * show(linesFigure([{ label: "Kaplan-Meier", x: [0, ...km.time], y: [1, ...km.survival] }], { yTitle: "S(t)", hLines: [{ y: 0.5, label: "0.5" }] }));
 */
import { checkData, checkOptions } from "../../survival/core/validate.js";
import { AXIS_LINE, FONT, figureConfig, figureTitle, pageLayout, paletteColour, plotlyText, withAlpha, type PlotlyFigure } from "./figure.js";

export interface Line {
  readonly label: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number | null>;
  /** "hv" (default): a right-continuous step function; "linear": points joined by segments. */
  readonly shape?: "hv" | "linear";
  /** Dash style: "solid" (default), "dash", "dot", "dashdot". */
  readonly dash?: string;
  /** Shade the area between the line and y = 0. */
  readonly fill?: boolean;
  /** Draw the points too. */
  readonly markers?: boolean;
  /** Palette index (default: the line's position). */
  readonly colour?: number;
  readonly width?: number;
  /** Lines with the same group toggle together in the legend; only the first shows there. */
  readonly group?: string;
}

export interface ReferenceLine {
  readonly label?: string;
}
export interface VLine extends ReferenceLine {
  readonly x: number;
}
export interface HLine extends ReferenceLine {
  readonly y: number;
}

export interface LinesFigureOptions {
  readonly title?: string;
  /** Default "Months". */
  readonly xTitle?: string;
  readonly yTitle?: string;
  /** Default: [-0.02, 1.03] when every y is in [0, 1], else plotly's autorange. */
  readonly yRange?: readonly [number, number];
  readonly xRange?: readonly [number, number];
  /** The x axis: "linear" (default) or "log" (then xRange is in log10 units, as plotly takes it). */
  readonly xType?: "linear" | "log";
  readonly vLines?: readonly VLine[];
  readonly hLines?: readonly HLine[];
  /** Default 420. */
  readonly height?: number;
  readonly filename?: string;
}

const plain = (a: ArrayLike<number | null>) => Array.from(a, (v) => (v === null || Number.isNaN(v) ? null : v));

const LINE_FIELDS = ["label", "x", "y", "shape", "dash", "fill", "markers", "colour", "width", "group"];
const OPTION_NAMES = ["title", "xTitle", "yTitle", "yRange", "xRange", "xType", "vLines", "hLines", "height", "filename"];

export function linesFigure(lines: readonly Line[], options: LinesFigureOptions = {}): PlotlyFigure {
  checkOptions("linesFigure", options, OPTION_NAMES);
  if (Array.isArray(lines)) lines.forEach((line, i) => checkData("linesFigure", line, LINE_FIELDS, `lines[${i}]`));
  const height = options.height ?? 420;
  const data = lines.map((line, i) => {
    const colour = paletteColour(line.colour ?? i);
    const firstOfGroup = line.group === undefined || lines.findIndex((l) => l.group === line.group) === i;
    return {
      type: "scatter",
      uid: `line-${i}`,
      name: plotlyText(line.label),
      x: Array.from(line.x),
      y: plain(line.y),
      mode: line.markers ? "lines+markers" : "lines",
      line: { shape: line.shape ?? "hv", width: line.width ?? 2.5, color: colour, dash: line.dash ?? "solid" },
      marker: { size: 6, color: colour },
      ...(line.group !== undefined ? { legendgroup: line.group, showlegend: firstOfGroup } : {}),
      ...(line.fill ? { fill: "tozeroy", fillcolor: withAlpha(colour, 0.2) } : {}),
    };
  });
  const allY = lines.flatMap((l) => plain(l.y).filter((v): v is number => v !== null));
  const unit = allY.every((v) => v >= 0 && v <= 1);
  const layout: Record<string, unknown> = {
    ...pageLayout(height),
    margin: { t: options.title ? 84 : 44, b: 60, l: 70, r: 30 },
    showlegend: true,
    legend: { orientation: "h", x: 0, xanchor: "left", y: 1.01, yanchor: "bottom", bgcolor: "rgba(255,255,255,0)" },
    xaxis: {
      title: { text: plotlyText(options.xTitle ?? "Months") },
      ...AXIS_LINE,
      ...(options.xRange ? { range: [...options.xRange] } : {}),
      ...(options.xType === "log" ? { type: "log" } : {}),
    },
    yaxis: {
      title: { text: plotlyText(options.yTitle ?? "") },
      ...AXIS_LINE,
      showgrid: true,
      gridcolor: "#ebebeb",
      ...(options.yRange ? { range: [...options.yRange] } : unit ? { range: [-0.02, 1.03] } : {}),
    },
    hovermode: "closest",
  };
  if (options.title) {
    layout.title = figureTitle(options.title);
  }
  return withReferenceLines(
    { data, layout, config: figureConfig(options.filename ?? "figure", 800, height) },
    options.vLines ?? [],
    options.hLines ?? [],
  );
}

/**
 * Adds dashed reference lines (grey, labelled at their end) to the main plot of `fig` (axes x
 * and y). Returns a new figure; `fig` is not changed.
 */
export function withReferenceLines(fig: PlotlyFigure, vLines: readonly VLine[] = [], hLines: readonly HLine[] = []): PlotlyFigure {
  vLines.forEach((v, i) => checkData("withReferenceLines", v, ["x", "label"], `vLines[${i}]`));
  hLines.forEach((h, i) => checkData("withReferenceLines", h, ["y", "label"], `hLines[${i}]`));
  const grey = "#555555";
  const shapes = [
    ...((fig.layout.shapes as unknown[]) ?? []),
    ...vLines.map((v) => ({ type: "line", xref: "x", x0: v.x, x1: v.x, yref: "y domain", y0: 0, y1: 1, line: { color: grey, width: 1.5, dash: "dash" } })),
    ...hLines.map((h) => ({ type: "line", xref: "x domain", x0: 0, x1: 1, yref: "y", y0: h.y, y1: h.y, line: { color: grey, width: 1.5, dash: "dash" } })),
  ];
  const annotations = [
    ...((fig.layout.annotations as unknown[]) ?? []),
    ...vLines
      .filter((v) => v.label)
      .map((v) => ({ xref: "x", x: v.x, xanchor: "left", xshift: 4, yref: "y domain", y: 1, yanchor: "top", text: plotlyText(v.label!), showarrow: false, font: { family: FONT.family, size: 12, color: grey } })),
    ...hLines
      .filter((h) => h.label)
      .map((h) => ({ xref: "x domain", x: 1, xanchor: "right", yref: "y", y: h.y, yanchor: "bottom", text: plotlyText(h.label!), showarrow: false, font: { family: FONT.family, size: 12, color: grey } })),
  ];
  return { data: fig.data, layout: { ...fig.layout, shapes, annotations }, config: fig.config };
}
