/**
 * Fisher's exact test for a 2 x 2 table with the conditional maximum-likelihood odds ratio and
 * its exact confidence interval, as R's `fisher.test(x)` (stats 4.2,
 * src/library/stats/R/fisher.test.R).
 */
import { SurvivalInputError, show } from "../errors.js";
import { checkConfLevel, checkOneOf, checkOptions } from "../core/validate.js";
import { checkTable } from "./checkTable.js";
import { zeroin } from "./zeroin.js";
import { printable } from "../print/printable.js";
import { printFisherExactTest } from "../print/printHtest.js";

export type FisherAlternative = "two.sided" | "less" | "greater";

export interface FisherExactTestResult {
  /** Exact p-value for odds ratio 1 under `alternative`. */
  readonly pValue: number;
  /** Conditional MLE of the odds ratio (0 or Infinity when x[0][0] is at its smallest or largest possible value). */
  readonly oddsRatio: number;
  /** Confidence interval for the odds ratio (bounds may be 0 or Infinity). */
  readonly lower: number;
  readonly upper: number;
  readonly confLevel: number;
  readonly alternative: FisherAlternative;
  /** The uniroot tolerance the estimate and interval were solved to. */
  readonly tol: number;
  /** "Fisher's Exact Test for Count Data", as R. */
  readonly method: string;
}

const ALTERNATIVES: readonly FisherAlternative[] = ["two.sided", "less", "greater"];

/**
 * Fisher's exact test (Fisher 1935; Agresti, Categorical Data Analysis, 3rd ed., 3.5) on a 2 x 2
 * table of whole-number counts, following R's fisher.test rule for rule:
 *
 * - Condition on the margins: x = table[0][0] follows the (noncentral) hypergeometric
 *   distribution with m = column-0 total, n = column-1 total, k = row-0 total, on lo..hi.
 * - Two-sided p: the sum of the null probabilities of the tables no more likely than the
 *   observed one, with R's relative tolerance (probability <= observed * (1 + 1e-7)), so that
 *   tables tied in probability are counted. "less" / "greater" are the lower / upper tails.
 * - Odds ratio: the conditional MLE, the odds ratio whose noncentral hypergeometric mean is x;
 *   0 when x = lo and Infinity when x = hi. Interval: the exact (Cornfield) bounds where the
 *   upper / lower tail probability equals (1 - confLevel) / 2 (one-sided: 1 - confLevel), a bound
 *   being 0 when x = lo and Infinity when x = hi.
 *
 * Roots are found by Brent's method exactly as R's uniroot runs it, on t = OR in (0, 1) or
 * t = 1 / OR in (eps, 1). R uses uniroot's default tolerance 2^-13 (absolute in t), which leaves
 * R's printed estimate and bounds typically correct to 4-6 significant digits: on this
 * project's ~330 fixture tables R's default differs from the precise root by a median 7e-6
 * (estimate) and 3e-5 (bounds) relative, at worst 1e-2 and 1e-1, and an upper bound near 1 / eps
 * can be off by orders of magnitude (R gives 4.5e15 for [[100, 1], [1, 100]]; it is 4.0e5).
 * By default (`tol: 0`) we solve as precisely as doubles allow; `tol: 2 ** -13`
 * (UNIROOT_TOL) reproduces R's fisher.test output digit for digit.
 *
 * Only 2 x 2 tables. A table with an empty row or column (a zero margin, even all zeros) has
 * one possible table given its margins: as R, p = 1, odds ratio 0 and interval 0 to Infinity,
 * for every alternative (R/fisher.test.R: x = lo = hi).
 *
 * @param table    a 2 x 2 table of whole-number counts, as rows
 * @param options  `confLevel` (default 0.95), `alternative` ("two.sided", default, "less" or
 *                 "greater"), `tol` (root-finding tolerance; default 0, as precise as doubles
 *                 allow; UNIROOT_TOL reproduces R's printed digits)
 * @returns        a frozen result: `pValue`, `oddsRatio` (conditional MLE), its interval `lower`,
 *                 `upper`, and `confLevel`, `alternative`, `tol`, `method`
 * @throws SurvivalInputError  for a table that is not 2 x 2, a count that is not a whole number
 *                 >= 0 (naming its row and column), or an unknown or bad option
 *
 * @example
 * const f = fisherExactTest([[10, 13], [12, 4]]);
 * f.pValue;              // => 0.09943
 * f.oddsRatio;           // => 0.2659 (conditional MLE)
 * [f.lower, f.upper];    // => [0.04732, 1.231]
 * fisherExactTest([[0, 0], [5, 10]]); // => { pValue: 1, oddsRatio: 0, lower: 0, upper: Infinity } (an empty row: as R)
 */
export function fisherExactTest(
  table: ArrayLike<ArrayLike<number>>,
  options?: { confLevel?: number; alternative?: FisherAlternative; tol?: number },
): FisherExactTestResult {
  const opts = checkOptions("fisherExactTest", options, ["confLevel", "alternative", "tol"]);
  const confLevel = opts.confLevel === undefined ? 0.95 : checkConfLevel(opts.confLevel);
  const alternative = opts.alternative === undefined ? "two.sided" : checkOneOf("alternative", opts.alternative, ALTERNATIVES);
  const tol = opts.tol === undefined ? 0 : opts.tol;
  if (typeof tol !== "number" || !(tol >= 0) || tol === Infinity) {
    throw new SurvivalInputError(`tol is ${show(tol)}: it must be a finite number >= 0`, "tol", undefined, tol);
  }
  const { counts, nRow, nCol } = checkTable(table, { integer: true, emptyMargins: true });
  if (nRow !== 2 || nCol !== 2) {
    throw new SurvivalInputError(
      `table is ${nRow} x ${nCol}: fisherExactTest needs a 2 x 2 table (use chiSquareTest or gTest for r x c)`,
      "table",
      undefined,
      `${nRow} x ${nCol}`,
    );
  }

  const m = counts[0][0] + counts[1][0];
  const n = counts[0][1] + counts[1][1];
  const k = counts[0][0] + counts[0][1];
  const x = counts[0][0];
  const h = new NoncentralHypergeometric(m, n, k);
  const { lo, hi } = h;

  let pValue: number;
  if (alternative === "less") pValue = h.cdf(x, 1, false);
  else if (alternative === "greater") pValue = h.cdf(x, 1, true);
  else {
    const d = h.density(1);
    const cut = d[x - lo] * (1 + 1e-7);
    pValue = sum(d, (i) => d[i] <= cut);
  }
  pValue = Math.min(1, pValue);

  // Solves g(OR) = target on (0, 1] directly or on OR = 1 / t, t in [eps, 1], as R does.
  const solveBelowOne = (g: (or: number) => number) => zeroin(g, 0, 1, g(0), g(1), tol).root;
  const solveAboveOne = (g: (or: number) => number) => {
    const gt = (t: number) => g(1 / t);
    return 1 / zeroin(gt, Number.EPSILON, 1, gt(Number.EPSILON), gt(1), tol).root;
  };

  let oddsRatio: number;
  if (x === lo) oddsRatio = 0;
  else if (x === hi) oddsRatio = Infinity;
  else {
    const mu = h.mean(1);
    const g = (or: number) => h.mean(or) - x;
    oddsRatio = mu > x ? solveBelowOne(g) : mu < x ? solveAboveOne(g) : 1;
  }

  // R's ncp.U: the OR whose lower tail P(X <= x) equals alpha.
  const upperBound = (alpha: number): number => {
    if (x === hi) return Infinity;
    const p = h.cdf(x, 1, false);
    const g = (or: number) => h.cdf(x, or, false) - alpha;
    return p < alpha ? solveBelowOne(g) : p > alpha ? solveAboveOne(g) : 1;
  };
  // R's ncp.L: the OR whose upper tail P(X >= x) equals alpha.
  const lowerBound = (alpha: number): number => {
    if (x === lo) return 0;
    const p = h.cdf(x, 1, true);
    const g = (or: number) => h.cdf(x, or, true) - alpha;
    return p > alpha ? solveBelowOne(g) : p < alpha ? solveAboveOne(g) : 1;
  };

  let lower: number;
  let upper: number;
  if (alternative === "less") {
    lower = 0;
    upper = upperBound(1 - confLevel);
  } else if (alternative === "greater") {
    lower = lowerBound(1 - confLevel);
    upper = Infinity;
  } else {
    const alpha = (1 - confLevel) / 2;
    lower = lowerBound(alpha);
    upper = upperBound(alpha);
  }

  return printable({
    pValue,
    oddsRatio,
    lower,
    upper,
    confLevel,
    alternative,
    tol,
    method: "Fisher's Exact Test for Count Data",
  }, printFisherExactTest);
}

/**
 * The distribution of x = table[0][0] given the margins, with odds ratio `or`:
 * P(x) proportional to choose(m, x) choose(n, k - x) or^x on lo..hi (R's dnhyper / mnhyper /
 * pnhyper inside fisher.test).
 */
class NoncentralHypergeometric {
  readonly lo: number;
  readonly hi: number;
  /** log choose(m, x) choose(n, k - x) for x = lo..hi, up to a constant (0 at the mode). */
  private readonly logdc: Float64Array;

  constructor(m: number, n: number, k: number) {
    this.lo = Math.max(0, k - n);
    this.hi = Math.min(k, m);
    const lo = this.lo;
    const logdc = new Float64Array(this.hi - lo + 1);
    // Ratios of successive central hypergeometric probabilities, accumulated outwards from
    // the mode so that the rounding error is smallest where the probability is.
    const mode = Math.min(this.hi, Math.max(lo, Math.floor(((k + 1) * (m + 1)) / (m + n + 2))));
    // Each step is log(integer product) - log(integer product), so a table symmetric about its
    // mode gets exactly symmetric values.
    for (let s = mode; s < this.hi; s++) {
      logdc[s + 1 - lo] = logdc[s - lo] + (Math.log((m - s) * (k - s)) - Math.log((s + 1) * (n - k + s + 1)));
    }
    for (let s = mode; s > lo; s--) {
      logdc[s - 1 - lo] = logdc[s - lo] - (Math.log((m - s + 1) * (k - s + 1)) - Math.log(s * (n - k + s)));
    }
    this.logdc = logdc;
  }

  /** P(x = lo..hi) for odds ratio `or` in (0, Infinity) (R's dnhyper). */
  density(or: number): Float64Array {
    const { logdc, lo } = this;
    const logOr = Math.log(or);
    const d = new Float64Array(logdc.length);
    let max = -Infinity;
    for (let i = 0; i < d.length; i++) {
      d[i] = logdc[i] + logOr * (lo + i);
      if (d[i] > max) max = d[i];
    }
    // exp underflows to 0 below -745.2: skip the call there (same result, much faster for big tables).
    for (let i = 0; i < d.length; i++) d[i] = d[i] - max < -746 ? 0 : Math.exp(d[i] - max);
    const total = sum(d);
    for (let i = 0; i < d.length; i++) d[i] /= total;
    return d;
  }

  /** E[x] for odds ratio `or` in [0, Infinity] (R's mnhyper). */
  mean(or: number): number {
    if (or === 0) return this.lo;
    if (or === Infinity) return this.hi;
    const d = this.density(or);
    const lo = this.lo;
    return sum(d, () => true, (i) => lo + i);
  }

  /** P(X <= q), or P(X >= q) when `upperTail`, for odds ratio `or` in [0, Infinity] (R's pnhyper). */
  cdf(q: number, or: number, upperTail: boolean): number {
    const { lo, hi } = this;
    if (or === 0) return Number(upperTail ? q <= lo : q >= lo);
    if (or === Infinity) return Number(upperTail ? q <= hi : q >= hi);
    const d = this.density(or);
    return sum(d, upperTail ? (i) => lo + i >= q : (i) => lo + i <= q);
  }
}

/**
 * sum of weight(i) * d[i] over the i where keep(i), by Neumaier's compensated summation
 * (R's sum() accumulates in long double; this keeps us as close).
 */
function sum(d: Float64Array, keep: (i: number) => boolean = () => true, weight?: (i: number) => number): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < d.length; i++) {
    if (!keep(i)) continue;
    const v = weight ? weight(i) * d[i] : d[i];
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}
