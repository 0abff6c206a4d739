/**
 * Stacked cumulative incidence under competing risks (a cumulativeIncidence result): per group,
 * one panel in which each cause's incidence is stacked on the previous causes', so the height of
 * the last band is the probability of any event by t and the white above it is the event-free
 * probability; as R's `plot(survfit(...))` for a multi-state fit with stacked states, or
 * cmprsk's `plot.cuminc` summed. Step shapes, Okabe-Ito colours (one per cause, the same in
 * every panel), fixed trace uids so exported images are byte-stable (figure.ts).
 *
 * Returns plain plotly.js data (see figure.ts); nothing here computes or draws.
 *
 * @example
 * show(incidenceFigure(cumulativeIncidence({ time, cause, group }), { title: "Relapse and death" }));
 */
import { SurvivalInputError } from "../../survival/errors.js";
import { checkOptions } from "../../survival/core/validate.js";
import { AXIS_LINE, FONT, figureConfig, figureTitle, pageLayout, paletteColour, plotlyTemplate, plotlyText, withAlpha, type PlotlyFigure } from "./figure.js";

/** The part of a cumulativeIncidence result the figure reads. */
export interface IncidenceCurves {
  readonly causes: readonly (string | number)[];
  readonly groups: readonly (string | number)[] | null;
  readonly curves: readonly {
    readonly group: string | number | null;
    readonly cause: string | number;
    readonly time: readonly number[];
    readonly incidence: readonly number[];
  }[];
}

export interface IncidenceFigureOptions {
  readonly title?: string;
  /** Default "Months". */
  readonly xTitle?: string;
  /** Default "Cumulative incidence". */
  readonly yTitle?: string;
  /** Legend labels keyed by cause, e.g. { 1: "Relapse", 2: "Death" }; default the cause itself. */
  readonly causeLabels?: Readonly<Record<string, string>>;
  /** Stack the causes (default true); false draws each cause's incidence from 0. */
  readonly stacked?: boolean;
  /** Default 420. */
  readonly height?: number;
  readonly filename?: string;
}

const OPTION_NAMES = ["title", "xTitle", "yTitle", "causeLabels", "stacked", "height", "filename"];

/**
 * @param result   a cumulativeIncidence result (its causes, groups and curves)
 * @param options  `title`, `xTitle`, `yTitle`, `causeLabels`, `stacked` (default true), `height`, `filename`
 * @returns        a plotly figure: one panel per group, one filled step trace per cause and group
 * @throws SurvivalInputError  for an unknown option, or a causeLabels key that is not a cause
 */
export function incidenceFigure(result: IncidenceCurves, options: IncidenceFigureOptions = {}): PlotlyFigure {
  checkOptions("incidenceFigure", options, OPTION_NAMES);
  const causes = result.causes;
  const given = options.causeLabels ?? {};
  for (const key of Object.keys(given)) {
    if (!causes.some((c) => String(c) === key)) {
      throw new SurvivalInputError(
        `causeLabels.${key} is not a cause; the causes are ${causes.join(", ")}`,
        "causeLabels",
        undefined,
        key,
      );
    }
  }
  const labels = causes.map((c) => given[String(c)] ?? String(c));
  const stacked = options.stacked ?? true;
  const height = options.height ?? 420;
  const xTitle = options.xTitle ?? "Months";
  const groups = result.groups ?? [null];
  const k = groups.length;
  const gap = 0.06;
  const width = (1 - gap * (k - 1)) / k;

  const data: Record<string, unknown>[] = [];
  const layout: Record<string, unknown> = {
    ...pageLayout(height),
    margin: { t: options.title ? 96 : 56, b: 60, l: 70, r: 30 },
    showlegend: true,
    legend: { orientation: "h", x: 0, xanchor: "left", y: 1.08, yanchor: "bottom", bgcolor: "rgba(255,255,255,0)" },
    hovermode: "closest",
    annotations: [] as unknown[],
  };
  groups.forEach((g, gi) => {
    const suffix = gi === 0 ? "" : String(gi + 1);
    const domain = [gi * (width + gap), gi * (width + gap) + width];
    layout[`xaxis${suffix}`] = {
      domain,
      anchor: `y${suffix}`,
      title: { text: plotlyText(xTitle) },
      ...AXIS_LINE,
    };
    layout[`yaxis${suffix}`] = {
      anchor: `x${suffix}`,
      range: [0, 1.02],
      ...AXIS_LINE,
      showgrid: true,
      gridcolor: "#ebebeb",
      ...(gi === 0 ? { title: { text: plotlyText(options.yTitle ?? "Cumulative incidence") } } : { matches: "y" }),
    };
    if (g !== null) {
      (layout.annotations as unknown[]).push({
        xref: `x${suffix} domain`,
        x: 0.5,
        xanchor: "center",
        yref: `y${suffix} domain`,
        y: 1.01,
        yanchor: "bottom",
        text: plotlyText(String(g)),
        showarrow: false,
        font: { family: FONT.family, size: 14, color: FONT.color },
      });
    }
    const curves = result.curves.filter((c) => c.group === g);
    let below: number[] | null = null;
    causes.forEach((cause, ci) => {
      const curve = curves.find((c) => c.cause === cause)!;
      const y = curve.incidence.map((f, j) => (stacked && below ? below[j] + f : f));
      const colour = paletteColour(ci);
      const where = g === null ? "" : `${plotlyTemplate(String(g))}, `;
      data.push({
        type: "scatter",
        uid: `incidence-${gi}-${ci}`,
        name: plotlyText(labels[ci]),
        legendgroup: `cause-${ci}`,
        showlegend: gi === 0,
        x: [0, ...curve.time],
        y: [0, ...y],
        xaxis: `x${suffix}`,
        yaxis: `y${suffix}`,
        mode: "lines",
        line: { shape: "hv", width: 2, color: colour },
        fill: stacked ? (ci === 0 ? "tozeroy" : "tonexty") : "none",
        fillcolor: withAlpha(colour, 0.35),
        customdata: [0, ...curve.incidence],
        hovertemplate: `${where}${plotlyTemplate(labels[ci])}<br>%{x}: %{customdata:.3f}<extra></extra>`,
      });
      if (stacked) below = y;
    });
  });
  if (options.title) layout.title = figureTitle(options.title);
  return { data, layout, config: figureConfig(options.filename ?? "cumulative-incidence", 800, height) };
}
