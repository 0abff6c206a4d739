/**
 * Proportions of patients with an event, as grouped bars: one group of bars per outcome, one
 * bar per arm, each labelled with its count and percentage ("10/23, 43.5%"), and the test of
 * each 2 x k table printed above its group. This redraws Figure 1 of Ge & Yue 2020 (1-year
 * recurrence and lung-metastasis rates by arm) from counts. Okabe-Ito colours, in the same
 * order as kmFigure's curves; fixed trace `uid`s.
 *
 * @example
 * rateBarFigure([
 *   { label: "Recurrence", arms: [{ label: "Anlotinib + chemotherapy", events: 10, total: 23 }, { label: "Chemotherapy", events: 12, total: 16 }] },
 *   { label: "Lung metastasis", arms: [{ label: "Anlotinib + chemotherapy", events: 6, total: 23 }, { label: "Chemotherapy", events: 10, total: 16 }] },
 * ], { title: "Figure 1. Within 1 year of surgery" });
 */
import { SurvivalInputError, show } from "../../survival/errors.js";
import { checkData, checkOptions } from "../../survival/core/validate.js";
import { FONT, figureConfig, figureTitle, pageLayout, paletteColour, plotlyTemplate, plotlyText, type PlotlyFigure } from "./figure.js";
import { formatTest, type TestResult } from "./formatTest.js";

export interface RateArm {
  readonly label: string;
  /** Patients with the event. */
  readonly events: number;
  /** Patients in the arm. */
  readonly total: number;
}

export interface RateOutcome {
  /** The group's label on the x axis, e.g. "Recurrence within 1 year". */
  readonly label: string;
  /** The same arms, in the same order, for every outcome. */
  readonly arms: readonly RateArm[];
  /** Printed above the group: a test result, e.g. `chiSquareTest(table, { correction: false })`. */
  readonly test?: TestResult;
  /** Printed before the test's statistic, e.g. "Pearson"; default none. */
  readonly testLabel?: string;
  /** Replaces the text printed for `test`. */
  readonly testText?: string;
}

export interface RateBarOptions {
  readonly title?: string;
  /** Default "Patients with the event (%)". */
  readonly yTitle?: string;
  readonly colours?: readonly string[];
  /** Default 480 px. */
  readonly height?: number;
  readonly filename?: string;
}

/** "10/23, 43.5%": the count and the percentage to one decimal. */
export function rateLabel(events: number, total: number): string {
  return `${events}/${total}, ${((100 * events) / total).toFixed(1)}%`;
}

export function rateBarFigure(outcomes: readonly RateOutcome[], options: RateBarOptions = {}): PlotlyFigure {
  checkOptions("rateBarFigure", options, ["title", "yTitle", "colours", "height", "filename"]);
  const arms = checkOutcomes(outcomes);
  const { title, yTitle = "Patients with the event (%)", height = 480 } = options;
  const x = outcomes.map((o) => plotlyText(o.label));

  const data = arms.map((arm, a) => {
    const colour = options.colours?.[a] ?? paletteColour(a);
    return {
      type: "bar",
      uid: `bar-${a}`,
      name: plotlyText(arm),
      x,
      y: outcomes.map((o) => (100 * o.arms[a].events) / o.arms[a].total),
      customdata: outcomes.map((o) => [o.arms[a].events, o.arms[a].total]),
      text: outcomes.map((o) => rateLabel(o.arms[a].events, o.arms[a].total)),
      textposition: "outside",
      cliponaxis: false,
      textfont: { family: FONT.family, size: 13, color: FONT.color },
      marker: { color: colour, line: { width: 0 } },
      hovertemplate: `${plotlyTemplate(arm)}<br>%{x}: %{customdata[0]} of %{customdata[1]} (%{y:.1f}%)<extra></extra>`,
    };
  });

  const annotations = outcomes.flatMap((o, i) => {
    const text = o.testText ?? (o.test ? formatTest(o.test, o.testLabel) : undefined);
    if (!text) return [];
    const top = Math.max(...o.arms.map((arm) => (100 * arm.events) / arm.total));
    return [
      {
        xref: "x",
        x: x[i],
        yref: "y",
        y: top,
        yanchor: "bottom",
        yshift: 30, // clears the bar labels
        text: plotlyText(text),
        showarrow: false,
        font: { family: FONT.family, size: 12, color: FONT.color },
      },
    ];
  });

  const layout: Record<string, unknown> = {
    ...pageLayout(height),
    margin: { t: 84, b: 56, l: 72, r: 24 },
    barmode: "group",
    bargap: 0.3,
    bargroupgap: 0.08,
    showlegend: true,
    legend: { orientation: "h", x: 0, xanchor: "left", y: 1.01, yanchor: "bottom", font: { size: 13 } },
    xaxis: { type: "category", showline: true, linecolor: "#444444", tickfont: { size: 14 } },
    yaxis: {
      title: { text: plotlyText(yTitle) },
      range: [0, 118],
      tickvals: [0, 20, 40, 60, 80, 100],
      ticksuffix: "%",
      showline: true,
      linecolor: "#444444",
      ticks: "outside",
      showgrid: true,
      gridcolor: "#ebebeb",
      zeroline: false,
    },
    annotations,
    hovermode: "closest",
  };
  if (title) {
    layout.title = figureTitle(title);
  }
  return { data, layout, config: figureConfig(options.filename ?? "rates", 800, height) };
}

/** Checks the counts and that every outcome lists the same arms; returns the arm labels. */
function checkOutcomes(outcomes: readonly RateOutcome[]): string[] {
  if (!Array.isArray(outcomes) || outcomes.length === 0) {
    throw new SurvivalInputError(`outcomes is ${show(outcomes)}: give at least one {label, arms}`, "outcomes", undefined, outcomes);
  }
  let arms: string[] | undefined;
  outcomes.forEach((o, i) => {
    if (o === null || typeof o !== "object" || typeof o.label !== "string" || !Array.isArray(o.arms) || o.arms.length === 0) {
      throw new SurvivalInputError(`outcomes[${i}] must be {label: string, arms: [...]}; got ${show(o)}`, "outcomes", i, o);
    }
    checkData("rateBarFigure", o, ["label", "arms", "test", "testLabel", "testText"], `outcomes[${i}]`);
    const labels = (o.arms as readonly RateArm[]).map((arm: RateArm, a: number) => {
      const where = `outcomes[${i}].arms[${a}]`;
      if (arm === null || typeof arm !== "object" || typeof arm.label !== "string") {
        throw new SurvivalInputError(`${where} must be {label, events, total}; got ${show(arm)}`, where, a, arm);
      }
      checkData("rateBarFigure", arm, ["label", "events", "total"], where);
      if (!Number.isInteger(arm.total) || arm.total <= 0) {
        throw new SurvivalInputError(`${where}.total is ${show(arm.total)}: it must be a whole number > 0`, `${where}.total`, a, arm.total);
      }
      if (!Number.isInteger(arm.events) || arm.events < 0 || arm.events > arm.total) {
        throw new SurvivalInputError(
          `${where}.events is ${show(arm.events)}: it must be a whole number from 0 to total (${arm.total})`,
          `${where}.events`,
          a,
          arm.events,
        );
      }
      return arm.label;
    });
    if (arms === undefined) arms = labels;
    else if (labels.join("\u0000") !== arms.join("\u0000")) {
      throw new SurvivalInputError(
        `outcomes[${i}].arms are ${show(labels)} but outcomes[0].arms are ${show(arms)}: every outcome must list the same arms in the same order`,
        `outcomes[${i}].arms`,
        i,
        labels,
      );
    }
  });
  return arms as string[];
}
