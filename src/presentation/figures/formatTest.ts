/**
 * How a figure prints a test result: "Log-rank: χ²(1) = 4.213, p = 0.0401" (APA style).
 * The statistic to 3 decimals (as SPSS prints it), p to 3 significant digits, and
 * "p < 0.001" below 0.001 (the usual reporting threshold).
 */
import { SurvivalInputError, show } from "../../survival/errors.js";

export interface TestResult {
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
  /** e.g. "Log-rank", "Pearson", "Breslow"; printed before the statistic. */
  readonly method?: string;
}

/** p as printed on a figure: "p = 0.0401", "p = 0.243", "p < 0.001". */
export function formatPValue(p: number): string {
  if (!(p >= 0 && p <= 1)) throw new SurvivalInputError(`pValue is ${show(p)}: a p-value must be in [0, 1]`, "pValue", undefined, p);
  if (p < 0.001) return "p < 0.001";
  return `p = ${p.toPrecision(3)}`;
}

/** The whole line: method, χ²(df) statistic and p. */
export function formatTest(test: TestResult): string {
  if (!Number.isFinite(test.statistic)) {
    throw new SurvivalInputError(`statistic is ${show(test.statistic)}: it must be a finite number`, "statistic", undefined, test.statistic);
  }
  const method = test.method ? `${test.method}: ` : "";
  return `${method}χ²(${test.df}) = ${test.statistic.toFixed(3)}, ${formatPValue(test.pValue)}`;
}
