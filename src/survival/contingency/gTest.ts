/**
 * Likelihood-ratio (G) test of independence for an r x c table.
 */
import { chiSquareUpper } from "../core/distributions.js";
import { checkOptions } from "../core/validate.js";
import { checkTable, frozenRows } from "./checkTable.js";
import { printable } from "../print/printable.js";
import { printGTest } from "../print/printHtest.js";

export interface GTestResult {
  /** G = 2 sum O ln(O / E), with 0 ln 0 = 0. */
  readonly statistic: number;
  /** (r - 1)(c - 1). */
  readonly df: number;
  /** Upper chi-square tail, R's pchisq(G, df, lower.tail = FALSE). */
  readonly pValue: number;
  /** As DescTools::GTest names it: no Williams or Yates correction is applied. */
  readonly method: string;
  readonly observed: readonly (readonly number[])[];
  /** E = row total * column total / n. */
  readonly expected: readonly (readonly number[])[];
}

/**
 * The likelihood-ratio test of independence: G = 2 sum O ln(O / E) against chi-square with
 * (r - 1)(c - 1) df (Sokal & Rohlf, Biometry, 3rd ed., ch. 17; Agresti, Categorical Data
 * Analysis, 3rd ed., 3.2.1). SPSS prints it as "Likelihood Ratio"; R computes it as
 * `2 * sum(x * log(x / E))` with `pchisq(G, df, lower.tail = FALSE)` (DescTools::GTest with
 * correct = "none"). No continuity correction. Counts may be non-integer. Every row and column
 * total must be positive: base R has no G-test, and its chisq.test gives NaN for a table with an
 * empty row or column (the expected counts there are 0), so such a table is refused, as by
 * chiSquareTest.
 *
 * @param table    an r x c table of counts, as rows (number[][] or typed arrays), r, c >= 2
 * @param options  none: gTest takes no options (an object with any key is refused)
 * @returns        a frozen result: `statistic` (G), `df`, `pValue`, `method`, and the `observed` and
 *                 `expected` tables
 * @throws SurvivalInputError  for a table that is not r x c with r, c >= 2, a count that is not
 *                 a finite number >= 0 (naming its row and column), a row or column summing to
 *                 0, or any option
 *
 * @example
 * const g = gTest([[10, 13], [12, 4]]);
 * g.statistic;   // => 3.9356
 * g.df;          // => 1
 * g.pValue;      // => 0.04727
 */
export function gTest(table: ArrayLike<ArrayLike<number>>, options?: Record<string, never>): GTestResult {
  checkOptions("gTest", options, []);
  const { counts, nRow, nCol, rowSums, colSums, total: n } = checkTable(table);
  const expected: Float64Array[] = [];
  let sum = 0;
  for (let i = 0; i < nRow; i++) {
    const e = new Float64Array(nCol);
    for (let j = 0; j < nCol; j++) {
      e[j] = (rowSums[i] * colSums[j]) / n;
      const o = counts[i][j];
      if (o > 0) sum += o * Math.log(o / e[j]);
    }
    expected.push(e);
  }
  // The sum is >= 0 in exact arithmetic; rounding can leave -1e-16 when O = E.
  const statistic = Math.max(0, 2 * sum);
  const df = (nRow - 1) * (nCol - 1);
  return printable({
    statistic,
    df,
    pValue: chiSquareUpper(statistic, df),
    method: "Log likelihood ratio (G-test) test of independence without correction",
    observed: frozenRows(counts),
    expected: frozenRows(expected),
  }, printGTest);
}
