/**
 * The explorer's Kaplan-Meier figure: kmFigure (CI bands, censor marks, numbers at risk) on the
 * two arms of an ExplorerResults, with the chosen log-rank weight's test printed on the plot;
 * compact for a phone's width.
 *
 * @example
 * const fig = explorerFigure(explorerResults("recurrence", loadEndpoint("recurrence"), DEFAULT_CHOICES, loadClaims()));
 * fig.data.length;   // => 10 (2 bands, 2 curves, 2 censor-mark traces and their key, the bands' key, 2 risk-table rows)
 */
import { kmFigure } from "../figures/kmFigure.js";
import { timeBreaks } from "../figures/timeBreaks.js";
import type { PlotlyFigure } from "../figures/figure.js";
import { LOG_RANK_CHOICES, type ExplorerResults } from "./explorerResults.js";

const TITLES = {
  recurrence: { name: "Recurrence", title: "Recurrence by arm (Kaplan-Meier)", yTitle: "Recurrence-free proportion" },
  lung_metastasis: { name: "Lung metastasis", title: "Lung metastasis by arm (Kaplan-Meier)", yTitle: "Lung-metastasis-free proportion" },
} as const;

export interface ExplorerFigureOptions {
  /** For a narrow screen (a phone): arms labelled "Group 1" and "Group 2", a short title, ticks every 6 months. */
  readonly compact?: boolean;
}

/**
 * @param results  the explorer's results
 * @param options  `compact` (default false)
 * @returns        a plotly figure (kmFigure)
 */
export function explorerFigure(results: ExplorerResults, options: ExplorerFigureOptions = {}): PlotlyFigure {
  const compact = options.compact ?? false;
  const chosen = results.logRank.find((r) => r.chosen)!;
  const short = LOG_RANK_CHOICES.find((w) => w.key === chosen.key)!.short;
  const { title, yTitle, name } = TITLES[results.endpoint];
  const level = `${Number((100 * results.choices.confLevel).toPrecision(6))}%`;
  const last = Math.max(...results.arms.map((a) => (a.time.length ? a.time[a.time.length - 1] : 0)));
  return kmFigure(
    results.arms.map((a) => ({ label: compact ? `Group ${a.group}` : a.label, fit: a })),
    {
      title: compact ? `${name}, ${level} CI (${results.choices.confType})` : `${title}, ${level} CI (${results.choices.confType})`,
      yTitle: compact ? "Event-free proportion" : yTitle,
      ...(compact ? { breaks: timeBreaks(last, 3) } : {}),
      ...(chosen.error === null
        ? { test: { statistic: chosen.statistic!, df: chosen.df!, pValue: chosen.pValue! }, testLabel: short }
        : { testText: `${short}: not computed` }),
      filename: `explorer-${results.endpoint}`,
    },
  );
}
