/**
 * Sensitivity of a 1-year comparison (the paper's Figure 1 chi-squares) to the two choices the
 * paper leaves open: the cut-off rule (an event at exactly the cut-off counts as within, months
 * <= cutoff, or not, months < cutoff; see oneYearTable) and the test SPSS's Crosstabs prints
 * for a 2x2 table: each test of TWO_BY_TWO_TESTS (src/survival/contingency/twoByTwoTests.ts:
 * Pearson, Yates' continuity correction, likelihood ratio G, the N-1 "linear-by-linear"
 * chi-square, and Fisher's exact test, which has no statistic), by its name. Every combination
 * is evaluated (sweep.ts); the reference is the inclusive cut-off with Pearson's chi-square, the
 * reading the reproduction identified in notebook 2.
 * Checked against R in test/study/fixtures/r/beyond-notebook.R.
 */
import { TWO_BY_TWO_TESTS } from "../../survival/contingency/twoByTwoTests.js";
import { oneYearTable, type EndpointRows } from "../data/oneYearTable.js";
import { checkRows } from "../data/checkRows.js";
import { checkOptions } from "../../survival/core/validate.js";
import { crossChoices, sensitivitySweep, type Choice, type SweepResult } from "./sweep.js";

export interface OneYearSweepOptions {
  /** Cut-off in months; default 12. */
  readonly cutoff?: number;
  /** Significance level; default 0.05. */
  readonly alpha?: number;
}

/**
 * The cut-off options for a cut-off c: inclusive first (the reference).
 *
 * @param cutoff  the cut-off in months
 * @returns       the two labels, frozen
 * @throws nothing: any number is labelled
 *
 * @example
 * cutoffOptions(12);   // => ["<= 12 (inclusive)", "< 12 (exclusive)"]
 */
export function cutoffOptions(cutoff: number): readonly [string, string] {
  return Object.freeze([`<= ${cutoff} (inclusive)`, `< ${cutoff} (exclusive)`] as const);
}

/**
 * The 1-year comparison under every cut-off rule and 2x2 test; see the module comment.
 *
 * @param rows     a patient table `{ group, status, months }`
 * @param options  `cutoff` (default 12), `alpha` (default 0.05)
 * @returns        a frozen SweepResult (sensitivitySweep), the reference being the inclusive cut-off
 *                 with Pearson's chi-square
 * @throws SurvivalInputError  for bad rows or cut-off (oneYearTable), a field other than the
 *                 table's, or an unknown option
 *
 * @example
 * const s = oneYearSweep(loadEndpoint("lung_metastasis"));
 * s.reference.statistic;   // => 5.171 (Pearson, inclusive cut-off)
 * s.rows.length;           // => 10
 * s.flips;                 // => 1 (one choice calls it not significant)
 */
export function oneYearSweep(rows: EndpointRows, options: OneYearSweepOptions = {}): SweepResult {
  checkRows("oneYearSweep", rows);
  checkOptions("oneYearSweep", options, ["cutoff", "alpha"]);
  const cutoff = options.cutoff ?? 12;
  const [inclusive, exclusive] = cutoffOptions(cutoff);
  // oneYearTable validates the rows and the cut-off.
  const tables = {
    [inclusive]: oneYearTable(rows, { cutoff, inclusive: true }).table,
    [exclusive]: oneYearTable(rows, { cutoff, inclusive: false }).table,
  };
  const choices = crossChoices({ "cut-off": [inclusive, exclusive], test: TWO_BY_TWO_TESTS.map((t) => t.name) });
  const reference: Choice = { "cut-off": inclusive, test: TWO_BY_TWO_TESTS[0].name };
  const testNamed = (name: string) => TWO_BY_TWO_TESTS.find((t) => t.name === name)!;
  return sensitivitySweep(choices, (c) => testNamed(c.test).test(tables[c["cut-off"]]), { reference, alpha: options.alpha });
}
