/**
 * Every chi-square-type statistic (1 df) in common use for a 2x2 table of two groups (rows) by
 * event / no event (columns), for asking which of them prints as a reported number:
 * - "Pearson": Pearson's X² without continuity correction (R chisq.test(correct = FALSE); SPSS
 *   "Pearson Chi-Square");
 * - "Yates": with Yates' continuity correction (R chisq.test(); SPSS "Continuity Correction");
 * - "likelihood-ratio G": 2 Σ O ln(O / E) (SPSS "Likelihood Ratio");
 * - "N-1": X² (N - 1) / N (SPSS "Linear-by-Linear Association"; Mantel-Haenszel for one table);
 * - "unpooled Wald": the squared z of the difference of the two proportions with the unpooled
 *   variance p1 (1 - p1) / n1 + p2 (1 - p2) / n2 (Agresti 2013, sec. 3.1.2); left out when a
 *   proportion is 0 or 1 (its variance is then 0 and the statistic undefined).
 * p-values are upper chi-square(1) tails. The table needs positive row and column totals.
 */
import { chiSquareUpper } from "../../survival/core/distributions.js";
import { chiSquareTest } from "../../survival/contingency/chiSquareTest.js";
import { gTest } from "../../survival/contingency/gTest.js";
import { checkTable } from "../../survival/contingency/checkTable.js";
import { SurvivalInputError, show } from "../../survival/errors.js";

export type TwoByTwoTest = "Pearson" | "Yates" | "likelihood-ratio G" | "N-1" | "unpooled Wald";

export interface TwoByTwoStatistic {
  readonly test: TwoByTwoTest;
  readonly statistic: number;
  readonly pValue: number;
}

/**
 * The statistics in the order listed in the module comment.
 *
 * @param table  a 2x2 table of counts with positive margins
 * @param tests  which statistics; default all five
 * @returns      a frozen list of `{ test, statistic, pValue }` (p on 1 df)
 * @throws SurvivalInputError  for a table that is not a 2x2 table of counts with positive margins,
 *               or an unknown test
 *
 * @example
 * twoByTwoStatistics([[6, 17], [10, 6]]).map((s) => s.statistic);   // => [5.171, 3.776, 5.230, 5.038, 5.757]
 */
export function twoByTwoStatistics(table: ArrayLike<ArrayLike<number>>, tests?: readonly TwoByTwoTest[]): readonly TwoByTwoStatistic[] {
  const { counts, nRow, nCol } = checkTable(table);
  if (nRow !== 2 || nCol !== 2) {
    throw new SurvivalInputError(`table is ${nRow} x ${nCol}: it must be 2 x 2`, "table", undefined, table);
  }
  const [a, b] = [counts[0][0], counts[0][1]];
  const [c, d] = [counts[1][0], counts[1][1]];
  const n = a + b + c + d;
  const wanted = tests ?? (["Pearson", "Yates", "likelihood-ratio G", "N-1", "unpooled Wald"] as const);
  const out: TwoByTwoStatistic[] = [];
  const add = (test: TwoByTwoTest, statistic: number) => out.push(Object.freeze({ test, statistic, pValue: chiSquareUpper(statistic, 1) }));
  const pearson = chiSquareTest(table, { correction: false }).statistic;
  for (const test of wanted) {
    if (test === "Pearson") add(test, pearson);
    else if (test === "Yates") add(test, chiSquareTest(table, { correction: true }).statistic);
    else if (test === "likelihood-ratio G") add(test, gTest(table).statistic);
    else if (test === "N-1") add(test, (pearson * (n - 1)) / n);
    else if (test === "unpooled Wald") {
      const p1 = a / (a + b);
      const p2 = c / (c + d);
      if (p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1) {
        const v = (p1 * (1 - p1)) / (a + b) + (p2 * (1 - p2)) / (c + d);
        add(test, ((p1 - p2) * (p1 - p2)) / v);
      }
    } else {
      throw new SurvivalInputError(`tests contains ${show(test)}: not a 2x2 statistic`, "tests", undefined, test);
    }
  }
  return Object.freeze(out);
}
