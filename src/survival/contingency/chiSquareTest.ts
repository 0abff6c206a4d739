/**
 * Pearson's chi-square test of independence for an r x c table, as R's `chisq.test(x)`
 * (stats 4.2, src/library/stats/R/chisq.test.R), including Yates' continuity correction for
 * 2 x 2 tables.
 */
import { chiSquareUpper } from "../core/distributions.js";
import { checkOptions } from "../core/validate.js";
import { checkBoolean, checkTable, frozenRows } from "./checkTable.js";
import { printable } from "../print/printable.js";
import { printChiSquareTest } from "../print/printHtest.js";

export interface ChiSquareTestResult {
  /** X-squared = sum over cells of (|O - E| - yates)^2 / E. */
  readonly statistic: number;
  /** (r - 1)(c - 1). */
  readonly df: number;
  /** Upper chi-square tail, R's pchisq(statistic, df, lower.tail = FALSE). */
  readonly pValue: number;
  /** R's method string, e.g. "Pearson's Chi-squared test with Yates' continuity correction". */
  readonly method: string;
  /** Amount subtracted from each |O - E|: min(0.5, |O - E|) for a corrected 2 x 2 table, else 0. */
  readonly yates: number;
  readonly observed: readonly (readonly number[])[];
  /** E = row total * column total / n. */
  readonly expected: readonly (readonly number[])[];
  /** Pearson residuals (O - E) / sqrt(E), as R's `$residuals`. */
  readonly residuals: readonly (readonly number[])[];
  /** Standardised residuals (O - E) / sqrt(V), V = r c (n - r)(n - c) / n^3, as R's `$stdres`. */
  readonly stdres: readonly (readonly number[])[];
}

/**
 * Pearson's chi-square test of independence (Pearson 1900; Yates 1934 for the correction).
 *
 * `correction` defaults to true, as in R: a 2 x 2 table then gets Yates' continuity correction,
 * subtracting min(0.5, |O - E|) from each |O - E| (R's rule, so a table with |O - E| < 0.5 gives
 * X-squared = 0, and one with O = E gets no correction at all and the plain method name).
 * Tables larger than 2 x 2 are never corrected. SPSS prints both lines ("Pearson Chi-Square" and
 * "Continuity Correction"); pass `{ correction: false }` for the first.
 * Counts may be non-integer (as in R). Every row and column total must be positive: where one is
 * 0 its expected counts are 0 and R's chisq.test returns NaN with a warning ("Chi-squared
 * approximation may be incorrect"), so such a table is refused, naming the row or column
 * (fisherExactTest answers for a 2 x 2 one, as R's fisher.test does).
 *
 * @param table    an r x c table of counts, as rows (number[][] or typed arrays), r, c >= 2
 * @param options  `correction`: Yates' continuity correction for a 2 x 2 table, default true (R's)
 * @returns        a frozen result: `statistic` (X-squared), `df`, `pValue`, `method` (R's sentence),
 *                 `yates` (the amount subtracted), and the `observed`, `expected`, `residuals`
 *                 and `stdres` tables
 * @throws SurvivalInputError  for a table that is not r x c with r, c >= 2, a count that is not
 *                 a finite number >= 0 (naming its row and column), a row or column summing to
 *                 0, or an unknown or bad option
 *
 * @example
 * const t = [[10, 13], [12, 4]];
 * chiSquareTest(t).statistic;                        // => 2.6388 (Yates' correction, R's default for 2 x 2)
 * chiSquareTest(t).method;                           // => "Pearson's Chi-squared test with Yates' continuity correction"
 * chiSquareTest(t, { correction: false }).statistic; // => 3.8130 (Pearson)
 * chiSquareTest(t, { correction: false }).pValue;    // => 0.05086
 */
export function chiSquareTest(table: ArrayLike<ArrayLike<number>>, options?: { correction?: boolean }): ChiSquareTestResult {
  const opts = checkOptions("chiSquareTest", options, ["correction"]);
  const correct = checkBoolean("correction", opts.correction, true);
  const { counts, nRow, nCol, rowSums, colSums, total: n } = checkTable(table);

  const expected: Float64Array[] = [];
  for (let i = 0; i < nRow; i++) {
    const e = new Float64Array(nCol);
    for (let j = 0; j < nCol; j++) e[j] = (rowSums[i] * colSums[j]) / n;
    expected.push(e);
  }

  let yates = 0;
  if (correct && nRow === 2 && nCol === 2) {
    yates = 0.5;
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) yates = Math.min(yates, Math.abs(counts[i][j] - expected[i][j]));
  }

  let statistic = 0;
  const residuals: Float64Array[] = [];
  const stdres: Float64Array[] = [];
  const n3 = n * n * n;
  for (let i = 0; i < nRow; i++) {
    const res = new Float64Array(nCol);
    const std = new Float64Array(nCol);
    for (let j = 0; j < nCol; j++) {
      const e = expected[i][j];
      const d = counts[i][j] - e;
      const a = Math.abs(d) - yates;
      statistic += (a * a) / e;
      res[j] = d / Math.sqrt(e);
      const v = (colSums[j] * rowSums[i] * (n - rowSums[i]) * (n - colSums[j])) / n3;
      std[j] = d / Math.sqrt(v);
    }
    residuals.push(res);
    stdres.push(std);
  }
  const df = (nRow - 1) * (nCol - 1);

  return printable({
    statistic,
    df,
    pValue: chiSquareUpper(statistic, df),
    method: yates > 0 ? "Pearson's Chi-squared test with Yates' continuity correction" : "Pearson's Chi-squared test",
    yates,
    observed: frozenRows(counts),
    expected: frozenRows(expected),
    residuals: frozenRows(residuals),
    stdres: frozenRows(stdres),
  }, printChiSquareTest);
}
