/**
 * Restricted mean survival time and the permutation log-rank test, printed in the manner of R's
 * print(survfit, rmean =) and coin's print of an independence test.
 */
import type { RmstDifferenceResult } from "../rmst/rmstDifference.js";
import type { PermutationLogRankResult } from "../permutation/permutationLogRank.js";
import { block, formatP, percent, signif } from "./format.js";
import type { Printout } from "./printable.js";
import { tableHtml, tableText, type TableColumns } from "./table.js";

export function printRmstDifference(r: RmstDifferenceResult): Printout {
  const level = percent(r.confLevel);
  const arms: TableColumns = {
    group: r.arms.map((a) => String(a.group)),
    n: r.arms.map((a) => a.n),
    events: r.arms.map((a) => a.events),
    rmst: r.arms.map((a) => a.rmst),
    "se(rmst)": r.arms.map((a) => a.stdErr),
    [`lower ${level}`]: r.arms.map((a) => a.lower),
    [`upper ${level}`]: r.arms.map((a) => a.upper),
  };
  const d = r.difference;
  const line = `${r.contrast}: ${signif(d.estimate)} (${level} CI ${signif(d.lower)} to ${signif(d.upper)}), se ${signif(d.stdErr)}, z = ${signif(d.z)}, p = ${formatP(d.pValue)}`;
  return block(`${r.method}; tau: ${r.tauRule}`, [{ text: tableText(arms), html: tableHtml(arms) }, { text: line }]);
}

export function printPermutationLogRank(r: PermutationLogRankResult): Printout {
  const lines = [
    `chi-squared = ${signif(r.statistic)}, df = ${r.df}, p-value = ${formatP(r.pValue)}` +
      (r.distribution === "exact" ? "" : ` (Monte Carlo error ${signif(r.mcError, 2)}, ${r.draws} draws)`),
    `p-value from the chi-square distribution: ${formatP(r.chiSquarePValue)}; ${signif(r.assignments, 6)} possible assignments`,
  ];
  return block(r.method, [{ text: lines.join("\n") }]);
}
