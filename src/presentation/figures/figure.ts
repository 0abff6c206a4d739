/**
 * What every figure function returns: a plain plotly.js figure, `{ data, layout, config }`,
 * as JSON-ready data (no DOM, no plotly import). It renders unchanged with `Plotly.newPlot`,
 * as a notebook output (`application/vnd.plotly.v1+json`), or as a static image in Chromium.
 * Reference: https://plotly.com/javascript/reference/
 *
 * Figures are returned unfrozen on purpose: a reader may restyle one (a title, a range), and
 * `Plotly.newPlot` writes into the objects it is given (autorange, trace defaults).
 */
export interface PlotlyFigure {
  readonly data: readonly Record<string, unknown>[];
  readonly layout: Record<string, unknown>;
  readonly config: Record<string, unknown>;
}

/**
 * The Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design"), distinguishable with
 * every common colour-vision deficiency, in the order the figures use it: blue and vermillion
 * first, the most distinct pair in greyscale as in colour.
 */
export const OKABE_ITO: readonly string[] = Object.freeze([
  "#0072B2", // blue
  "#D55E00", // vermillion
  "#009E73", // bluish green
  "#CC79A7", // reddish purple
  "#E69F00", // orange
  "#56B4E9", // sky blue
  "#000000", // black
  "#F0E442", // yellow
]);

/** The i-th palette colour, cycling. */
export function paletteColour(i: number): string {
  return OKABE_ITO[i % OKABE_ITO.length];
}

/** "#0072B2" at opacity a -> "rgba(0,114,178,a)" (for CI bands). */
export function withAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

/** Font, colours and sizes shared by the figures, so that they look alike. */
export const FONT = Object.freeze({ family: "Arial, Liberation Sans, DejaVu Sans, sans-serif", size: 13, color: "#222222" });

/** The start of every figure's layout: white page and plot area, the shared font. */
export function pageLayout(height: number): Record<string, unknown> {
  return { height, autosize: true, font: { ...FONT }, paper_bgcolor: "#ffffff", plot_bgcolor: "#ffffff" };
}

/** An axis as the figures draw it: a dark line, ticks outside, no zero line. */
export const AXIS_LINE = Object.freeze({ zeroline: false, showline: true, linecolor: "#444444", ticks: "outside" });

/** A figure's title, at the top left of the page. */
export function figureTitle(text: string): Record<string, unknown> {
  return {
    text: plotlyText(text),
    x: 0,
    xref: "container",
    xanchor: "left",
    y: 1,
    yref: "container",
    yanchor: "top",
    pad: { t: 14, l: 12 },
    font: { size: 17 },
  };
}

/** Plotly config for every figure: no plotly logo, PNG download at print resolution. */
export function figureConfig(filename: string, width: number, height: number): Record<string, unknown> {
  return {
    displaylogo: false,
    responsive: true,
    toImageButtonOptions: { format: "png", filename, width, height, scale: 2 },
  };
}

/** Plotly reads text as a small HTML subset: this shows a label's <, > and & literally. */
export function plotlyText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The same for a hovertemplate, where `%{` also starts a field. */
export function plotlyTemplate(s: string): string {
  return plotlyText(s).replace(/%\{/g, "%&#123;");
}
