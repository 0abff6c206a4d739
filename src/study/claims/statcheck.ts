/**
 * A statcheck-style consistency check of a reported chi-square (Epskamp & Nuijten, statcheck;
 * Nuijten et al., Behav Res 2016): recompute p from the reported statistic and df, and ask
 * whether it agrees with the reported p comparison, allowing for the rounding of the printed
 * statistic, and whether the significance call at alpha (0.05) flips ("decision error").
 *
 * p = P(chi-square(df) > statistic), R's pchisq(statistic, df, lower.tail = FALSE). A statistic
 * printed as 3.81 may be anything in [3.805, 3.815], so p may be anything in
 * [p(3.815), p(3.805)]; the report is consistent when some p in that range satisfies the stated
 * comparison.
 */
import { chiSquareUpper } from "../../survival/core/distributions.js";
import type { Claim, Comparison, ReportedValue } from "./claims.js";

export interface StatcheckResult {
  readonly statistic: number;
  readonly df: number;
  /** p recomputed from the reported statistic. */
  readonly pValue: number;
  /** p range over the rounding interval of the printed statistic. */
  readonly pLower: number;
  readonly pUpper: number;
  readonly comparison: string;
  /** Some p in [pLower, pUpper] satisfies the reported comparison. */
  readonly consistent: boolean;
  /** The call the report makes at alpha: does its comparison say p < alpha? */
  readonly significantReported: boolean;
  /** The call the recomputed p makes: pValue < alpha. */
  readonly significantRecomputed: boolean;
  /** Inconsistent, and no p in the rounding range makes the reported call (statcheck's decision error). */
  readonly decisionError: boolean;
  readonly alpha: number;
  readonly note: string;
}

/** Whether p satisfies a comparison such as p < 0.05. */
export function satisfies(p: number, comparison: Pick<Comparison, "op" | "bound">): boolean {
  switch (comparison.op) {
    case "<":
      return p < comparison.bound;
    case "<=":
      return p <= comparison.bound;
    case ">":
      return p > comparison.bound;
    case ">=":
      return p >= comparison.bound;
  }
}

const fmt = (x: number) => (x < 1e-4 ? x.toExponential(2) : x.toPrecision(3));

/**
 * statcheck on one reported chi-square: see the module comment.
 *
 * @param statistic   the statistic as printed (text, value, decimals)
 * @param df          its degrees of freedom
 * @param comparison  the reported p comparison, e.g. { op: ">", bound: 0.05 }
 * @param alpha       the significance level of the calls; default 0.05
 * @returns           a frozen result: `pValue` and its range `pLower`..`pUpper` over the rounding,
 *                    `consistent`, `decisionError`, the two calls, and a `note`
 * @throws SurvivalInputError  for a df that is not a number > 0 (chiSquareUpper)
 *
 * @example
 * const s = statcheck({ text: "3.81", value: 3.81, decimals: 2 }, 1, { text: "p > 0.05", op: ">", bound: 0.05 });
 * s.pValue;       // => 0.05095
 * s.consistent;   // => true
 */
export function statcheck(statistic: ReportedValue, df: number, comparison: Comparison, alpha = 0.05): StatcheckResult {
  const half = 0.5 * 10 ** -statistic.decimals;
  const pValue = chiSquareUpper(statistic.value, df);
  const pLower = chiSquareUpper(statistic.value + half, df);
  const pUpper = chiSquareUpper(Math.max(0, statistic.value - half), df);
  // p is monotone in the statistic, so the range's ends and the bound decide the comparison.
  const consistent =
    comparison.op === "<" || comparison.op === "<="
      ? satisfies(pLower, comparison)
      : satisfies(pUpper, comparison);
  // "p < b" with b <= alpha calls it significant; "p > b" with b >= alpha calls it not significant.
  const significantReported = comparison.op === "<" || comparison.op === "<=";
  const significantRecomputed = pValue < alpha;
  const callPossible = significantReported ? pLower < alpha : pUpper >= alpha;
  const decisionError = !consistent && !callPossible;
  const range = `[${fmt(pLower)}, ${fmt(pUpper)}]`;
  const note =
    `chi-square = ${statistic.text} on ${df} df gives p = ${fmt(pValue)} (${range} over the rounding of ${statistic.text}); ` +
    (consistent
      ? `consistent with the reported ${comparison.text}`
      : `INCONSISTENT with the reported ${comparison.text}` + (decisionError ? `, and the significance call at ${alpha} flips (decision error)` : ""));
  return Object.freeze({
    statistic: statistic.value,
    df,
    pValue,
    pLower,
    pUpper,
    comparison: comparison.text,
    consistent,
    significantReported,
    significantRecomputed,
    decisionError,
    alpha,
    note,
  });
}

export interface ClaimStatcheck extends StatcheckResult {
  readonly id: string;
  readonly reported: string;
}

/**
 * statcheck on every claim that prints a chi-square statistic with a p comparison (df from its
 * check).
 *
 * @param claims  the claims (loadClaims())
 * @param alpha   default 0.05
 * @returns       one frozen result per such claim, with its `id` and what it `reported`
 * @throws SurvivalInputError  for a claim whose df is not a number > 0
 *
 * @example
 * statcheckClaims(loadClaims()).map((s) => s.consistent);   // => [true, true, true, true]
 */
export function statcheckClaims(claims: readonly Claim[], alpha = 0.05): readonly ClaimStatcheck[] {
  const out: ClaimStatcheck[] = [];
  for (const c of claims) {
    const k = c.check;
    if ((k.kind !== "chisq-1y" && k.kind !== "logrank") || c.values.length !== 1 || c.comparison === null) continue;
    const s = statcheck(c.values[0], k.df, c.comparison, alpha);
    out.push(Object.freeze({ id: c.id, reported: `χ2 = ${c.values[0].text}, ${c.comparison.text}`, ...s }));
  }
  return Object.freeze(out);
}
