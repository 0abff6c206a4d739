/**
 * A log-rank test printed as R's print.survdiff: per group N, observed and expected events,
 * (O-E)^2/E and (O-E)^2/V, then the chi-square, its degrees of freedom and p.
 */
import type { LogRankResult } from "../logrank/logRankTest.js";
import { block, formatP, signif } from "./format.js";
import type { Printout } from "./printable.js";
import { tableHtml, tableText, type TableColumns } from "./table.js";

export function printLogRank(test: LogRankResult): Printout {
  const oe = test.observed.map((o, g) => o - test.expected[g]);
  const table: TableColumns = {
    group: test.groups.map(String),
    N: test.n,
    Observed: test.observed,
    Expected: test.expected,
    "(O-E)^2/E": oe.map((d, g) => (d * d) / test.expected[g]),
    "(O-E)^2/V": oe.map((d, g) => (d * d) / test.variance[g][g]),
  };
  const line = `Chisq = ${signif(test.statistic)} on ${test.df} degrees of freedom, p = ${formatP(test.pValue)}`;
  const strata = test.strata ? ` (stratified by ${test.strata.length} strata)` : "";
  return block(`${test.method}${strata}`, [{ text: tableText(table), html: tableHtml(table) }, { text: line }]);
}
