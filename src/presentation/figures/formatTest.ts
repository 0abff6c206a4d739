/**
 * How a figure prints a test result: "Log-rank: χ²(1) = 4.213, p = 0.0401" (APA style).
 * The statistic to 3 decimals (as SPSS prints it), p to 3 significant digits, and
 * "p < 0.001" below 0.001 (the usual reporting threshold). The short label before the
 * statistic is the figure's to choose ("Log-rank", "Pearson"): a result's own `method` is R's
 * full sentence naming the test, too long for a plot.
 *
 * @example
 * formatTest(logRankTest(data), "Log-rank")   // "Log-rank: χ²(1) = 8.627, p = 0.00331"
 */
import { SurvivalInputError, show } from "../../survival/errors.js";

/** What a figure reads of a test result (logRankTest's, chiSquareTest's, ... have it). */
export interface TestResult {
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
}

/** p as printed on a figure: "p = 0.0401", "p = 0.243", "p < 0.001". */
export function formatPValue(p: number): string {
  if (!(p >= 0 && p <= 1)) throw new SurvivalInputError(`pValue is ${show(p)}: a p-value must be in [0, 1]`, "pValue", undefined, p);
  if (p < 0.001) return "p < 0.001";
  return `p = ${p.toPrecision(3)}`;
}

/** The whole line: the label (e.g. "Log-rank", "Pearson"; none when omitted), χ²(df) statistic and p. */
export function formatTest(test: TestResult, label?: string): string {
  if (!Number.isFinite(test.statistic)) {
    throw new SurvivalInputError(`statistic is ${show(test.statistic)}: it must be a finite number`, "statistic", undefined, test.statistic);
  }
  const prefix = label ? `${label}: ` : "";
  return `${prefix}χ²(${test.df}) = ${test.statistic.toFixed(3)}, ${formatPValue(test.pValue)}`;
}
