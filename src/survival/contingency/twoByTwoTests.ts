/**
 * The tests of a 2 x 2 table that SPSS's Crosstabs prints with "Chi-square" ticked, defined once:
 * each with an `id`, the `name` a statistician uses, what it is, SPSS's row label, R's call, and
 * `test(table)`, which computes it here. Claims, sensitivity sweeps, forensics and notebooks all
 * read this list, so a test is named and computed the same way everywhere.
 *
 * | id | name | SPSS | R |
 * | --- | --- | --- | --- |
 * | pearson | Pearson | Pearson Chi-Square | chisq.test(x, correct = FALSE) |
 * | yates | Yates | Continuity Correction | chisq.test(x) |
 * | likelihood-ratio | likelihood-ratio G | Likelihood Ratio | DescTools::GTest(x) |
 * | n-1 | N-1 (linear-by-linear) | Linear-by-Linear Association | (n - 1) / n * chisq.test(x, correct = FALSE)$statistic |
 * | fisher | Fisher exact | Fisher's Exact Test | fisher.test(x) |
 *
 * The four chi-square statistics come first, in the order a printed value is tried against them,
 * then Fisher's exact test, which has no statistic (SPSS prints it before the linear-by-linear
 * row). The N-1 chi-square is X² (N - 1) / N: for a 2 x 2 table SPSS's linear-by-linear
 * association and the Mantel-Haenszel chi-square of one table (Mantel & Haenszel 1959; Agresti,
 * Categorical Data Analysis, 3rd ed., 3.4.6; Campbell, Stat Med 2007;26:3661). Every p-value is
 * two-sided, on 1 degree of freedom for the statistics.
 *
 * @example
 * const t = [[10, 13], [12, 4]];
 * TWO_BY_TWO_TESTS.map((s) => s.id);   // ["pearson", "yates", "likelihood-ratio", "n-1", "fisher"]
 * TWO_BY_TWO_TESTS[3].test(t);          // { statistic: 3.7152, df: 1, pValue: 0.05390, method: "N-1 chi-square ..." }
 */
import { SurvivalInputError } from "../errors.js";
import { chiSquareUpper } from "../core/distributions.js";
import { checkTable } from "./checkTable.js";
import { chiSquareTest } from "./chiSquareTest.js";
import { fisherExactTest } from "./fisherExactTest.js";
import { gTest } from "./gTest.js";

export type TwoByTwoTestId = "pearson" | "yates" | "likelihood-ratio" | "n-1" | "fisher";

/** What a test of the family gives: Fisher's exact test has no statistic and no df (null). */
export interface TwoByTwoOutcome {
  readonly statistic: number | null;
  readonly df: number | null;
  readonly pValue: number;
  /** R's sentence naming the test. */
  readonly method: string;
}

export interface TwoByTwoTestSpec {
  readonly id: TwoByTwoTestId;
  /** The short name a statistician uses, e.g. "Yates". */
  readonly name: string;
  /** What it is, in a few words. */
  readonly description: string;
  /** The row of SPSS's Chi-Square Tests table. */
  readonly spss: string;
  /** R's call on a 2 x 2 matrix x. */
  readonly r: string;
  /** Computes the test on a 2 x 2 table of counts with positive margins. */
  readonly test: (table: ArrayLike<ArrayLike<number>>) => TwoByTwoOutcome;
}

/** The table's total, after checking that it is a 2 x 2 table of counts with positive margins. */
function twoByTwoTotal(table: ArrayLike<ArrayLike<number>>): number {
  const { nRow, nCol, total } = checkTable(table);
  if (nRow !== 2 || nCol !== 2) {
    throw new SurvivalInputError(`table is ${nRow} x ${nCol}: this test is for a 2 x 2 table`, "table", undefined, table);
  }
  return total;
}

const outcome = (statistic: number | null, df: number | null, pValue: number, method: string): TwoByTwoOutcome =>
  Object.freeze({ statistic, df, pValue, method });

type Table = ArrayLike<ArrayLike<number>>;

/** A test a library function computes, run on a checked 2 x 2 table. */
const on2x2 =
  (run: (table: Table) => { readonly statistic?: number; readonly df?: number; readonly pValue: number; readonly method: string }) =>
  (table: Table): TwoByTwoOutcome => {
    twoByTwoTotal(table);
    const r = run(table);
    return outcome(r.statistic ?? null, r.df ?? null, r.pValue, r.method);
  };

const pearson = on2x2((table) => chiSquareTest(table, { correction: false }));

const tests: TwoByTwoTestSpec[] = [
  {
    id: "pearson",
    name: "Pearson",
    description: "Pearson chi-square without continuity correction",
    spss: "Pearson Chi-Square",
    r: "chisq.test(x, correct = FALSE)",
    test: pearson,
  },
  {
    id: "yates",
    name: "Yates",
    description: "Pearson chi-square with Yates' continuity correction",
    spss: "Continuity Correction",
    r: "chisq.test(x)",
    test: on2x2((table) => chiSquareTest(table, { correction: true })),
  },
  {
    id: "likelihood-ratio",
    name: "likelihood-ratio G",
    description: "likelihood-ratio G = 2 Σ O ln(O / E)",
    spss: "Likelihood Ratio",
    r: "DescTools::GTest(x)",
    test: on2x2(gTest),
  },
  {
    id: "n-1",
    name: "N-1 (linear-by-linear)",
    description: "N-1 chi-square, Pearson x (N - 1) / N",
    spss: "Linear-by-Linear Association",
    r: "(n - 1) / n * chisq.test(x, correct = FALSE)$statistic",
    test: (table) => {
      const n = twoByTwoTotal(table);
      const statistic = (pearson(table).statistic! * (n - 1)) / n;
      return outcome(statistic, 1, chiSquareUpper(statistic, 1), "N-1 chi-square (Pearson's X-squared x (N - 1) / N; SPSS's linear-by-linear association)");
    },
  },
  {
    id: "fisher",
    name: "Fisher exact",
    description: "Fisher's exact test, two-sided (no statistic)",
    spss: "Fisher's Exact Test",
    r: "fisher.test(x)",
    test: on2x2((table) => fisherExactTest(table)),
  },
];

export const TWO_BY_TWO_TESTS: readonly TwoByTwoTestSpec[] = Object.freeze(tests.map((t) => Object.freeze(t)));
