/**
 * How a figure prints a test result: "Log-rank: χ²(1) = 4.213, p = 0.0401" (APA style).
 * The statistic to 3 decimals (as SPSS prints it), p to 3 significant digits, and
 * "p < 0.001" below 0.001 (the usual reporting threshold). The short label before the
 * statistic is the test's name: a logRankTest result names itself by its weight (LOG_RANK_TESTS:
 * "Log-rank", "Gehan-Breslow", ...); a figure may give another ("Pearson"). A result's own
 * `method` is R's full sentence naming the test, too long for a plot.
 *
 * @example
 * formatTest(logRankTest(data))               // "Log-rank: χ²(1) = 8.627, p = 0.00331"
 * formatTest(chiSquareTest(t), "Yates")       // "Yates: χ²(1) = 2.639, p = 0.104"
 */
import { SurvivalInputError, show } from "../../survival/errors.js";
import { logRankTestOf } from "../../survival/logrank/logRankTests.js";
import type { LogRankWeight } from "../../survival/logrank/logRankTest.js";

/** What a figure reads of a test result (logRankTest's, chiSquareTest's, ... have it). */
export interface TestResult {
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
  /** A logRankTest result's weight and exponents: they name the test. */
  readonly weight?: LogRankWeight;
  readonly p?: number | null;
  readonly q?: number | null;
}

/** The name a test result carries: its test of LOG_RANK_TESTS for a logRankTest result, else none. */
export function testName(test: TestResult): string | undefined {
  return test.weight === undefined ? undefined : logRankTestOf({ weight: test.weight, p: test.p ?? null, q: test.q ?? null })?.name;
}

/** p as printed on a figure: "p = 0.0401", "p = 0.243", "p < 0.001". */
export function formatPValue(p: number): string {
  if (!(p >= 0 && p <= 1)) throw new SurvivalInputError(`pValue is ${show(p)}: a p-value must be in [0, 1]`, "pValue", undefined, p);
  if (p < 0.001) return "p < 0.001";
  return `p = ${p.toPrecision(3)}`;
}

/** The whole line: the label (default the test's own name, testName; e.g. "Log-rank", "Pearson"), χ²(df) statistic and p. */
export function formatTest(test: TestResult, label: string | undefined = testName(test)): string {
  if (!Number.isFinite(test.statistic)) {
    throw new SurvivalInputError(`statistic is ${show(test.statistic)}: it must be a finite number`, "statistic", undefined, test.statistic);
  }
  const prefix = label ? `${label}: ` : "";
  return `${prefix}χ²(${test.df}) = ${test.statistic.toFixed(3)}, ${formatPValue(test.pValue)}`;
}
