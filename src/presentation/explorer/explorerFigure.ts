/**
 * The explorer's Kaplan-Meier figure: kmFigure (CI bands, censor marks, numbers at risk) on the
 * two arms of an ExplorerResults, with the chosen log-rank weight's test printed on the plot.
 *
 * @example
 * const fig = explorerFigure(explorerResults("recurrence", loadEndpoint("recurrence"), DEFAULT_CHOICES, loadClaims()));
 * fig.data.length;   // => 9 (2 bands, 2 curves, 2 censor-mark traces and their key, 2 risk-table rows)
 */
import { kmFigure } from "../figures/kmFigure.js";
import type { PlotlyFigure } from "../figures/figure.js";
import { LOG_RANK_CHOICES, type ExplorerResults } from "./explorerResults.js";

const TITLES = {
  recurrence: { title: "Recurrence by arm (Kaplan-Meier)", yTitle: "Recurrence-free proportion" },
  lung_metastasis: { title: "Lung metastasis by arm (Kaplan-Meier)", yTitle: "Lung-metastasis-free proportion" },
} as const;

export function explorerFigure(results: ExplorerResults): PlotlyFigure {
  const chosen = results.logRank.find((r) => r.chosen)!;
  const short = LOG_RANK_CHOICES.find((w) => w.key === chosen.key)!.short;
  const { title, yTitle } = TITLES[results.endpoint];
  const level = `${Number((100 * results.choices.confLevel).toPrecision(6))}%`;
  return kmFigure(
    results.arms.map((a) => ({ label: a.label, fit: a })),
    {
      title: `${title}, ${level} CI (${results.choices.confType})`,
      yTitle,
      ...(chosen.error === null
        ? { test: { statistic: chosen.statistic!, df: chosen.df!, pValue: chosen.pValue! }, testLabel: short }
        : { testText: `${short}: not computed` }),
      filename: `explorer-${results.endpoint}`,
    },
  );
}
