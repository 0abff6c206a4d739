/**
 * The k-sample log-rank test and its weighted family, stratified or not: R's
 * survival::survdiff (R/survdiff.R, src/survdiff2.c), extended with the Gehan-Breslow,
 * Tarone-Ware and Fleming-Harrington G(p, q) weights (see weights.ts).
 *
 * Within each stratum, at each distinct event time t_j (n_j at risk, d_j events; n_gj and d_gj
 * in group g) with weight w_j:
 *   O_g = sum_j w_j d_gj,   E_g = sum_j w_j d_j n_gj / n_j,
 *   V_gh = sum_j w_j^2 d_j (n_j - d_j) / (n_j - 1) (n_gj / n_j) (1[g = h] - n_hj / n_j),
 * each summed over strata (R's strata()). The statistic is (O - E)' V^- (O - E) over the groups
 * with E > 0, the first of them dropped, as survdiff does; df is the rank of that matrix
 * (k - 1 unless a group has no one at risk at any event time). Where that matrix is singular
 * (R's solve() stops) a generalised inverse is used and df is its rank; a zero matrix is an
 * error. With strata, the number at risk and the pooled Kaplan-Meier S of the weights are
 * those of each stratum, as in R's survdiff and statsmodels' survdiff. Reference: Klein & Moeschberger
 * (2003), Survival Analysis, sec. 7.3 and 7.5.
 *
 * Note on O and E: as R prints them for survdiff(rho > 0), observed and expected are the
 * weighted sums above; for the plain log-rank test (w = 1) they are event counts.
 *
 * This file is the checked entry point; the sums are the engine's (logRankFit.ts, as R's
 * survdiff.fit).
 */
import { SurvivalInputError, show } from "../errors.js";
import { chiSquareUpper } from "../core/distributions.js";
import {
  checkData,
  checkEntry,
  checkEvents,
  checkLabels,
  checkOneOf,
  checkOptions,
  checkTimes,
  checkWeights,
} from "../core/validate.js";
import { onTimeGrid } from "../core/timefix.js";
import { logRankFit } from "./logRankFit.js";
import { quadraticForm } from "./quadraticForm.js";
import { LOG_RANK_WEIGHTS, type LogRankWeight } from "./weights.js";
import { printable } from "../print/printable.js";
import { printLogRank } from "../print/printLogRank.js";

export type { LogRankWeight } from "./weights.js";

export interface LogRankData {
  /** Follow-up times, finite and >= 0. */
  time: ArrayLike<number>;
  /** 1/true = event, 0/false = censored. */
  event: ArrayLike<number | boolean>;
  /** Group labels (k >= 2 distinct values). */
  group: ArrayLike<string | number>;
  /** Optional stratum labels: the test is computed within strata and summed. */
  strata?: ArrayLike<string | number>;
  /** Optional case weights (> 0), frequency weights: every count becomes a sum of weights. */
  weights?: ArrayLike<number>;
  /** Optional entry times (< time): delayed entry, at risk on (entry, time]. */
  entry?: ArrayLike<number>;
}

export interface LogRankOptions {
  /** Default "logrank". */
  weight?: LogRankWeight;
  /** Fleming-Harrington exponent of S(t-); default 1 (only with weight "fleming-harrington"). */
  p?: number;
  /** Fleming-Harrington exponent of 1 - S(t-); default 0 (only with weight "fleming-harrington"). */
  q?: number;
  /** Compare follow-up up to tau only: whoever is still at risk at tau is censored there. */
  tau?: number;
}

export interface LogRankResult {
  /** Chi-square statistic (O - E)' V^- (O - E). */
  readonly statistic: number;
  /** Degrees of freedom: k - 1 when every group has someone at risk at an event time. */
  readonly df: number;
  /** P(chi-square(df) > statistic). */
  readonly pValue: number;
  /** Group levels, sorted as R's factor() sorts them; the order of the arrays below. */
  readonly groups: readonly (string | number)[];
  /** Rows per group (R's N column). */
  readonly n: readonly number[];
  /** Weighted observed events per group, summed over strata (R's Observed). */
  readonly observed: readonly number[];
  /** Weighted expected events per group, summed over strata (R's Expected). */
  readonly expected: readonly number[];
  /** k x k covariance of O - E, summed over strata (R's var). */
  readonly variance: readonly (readonly number[])[];
  readonly weight: LogRankWeight;
  /** Fleming-Harrington exponents; null for the other weights. */
  readonly p: number | null;
  readonly q: number | null;
  /** Stratum levels, or null when the test is not stratified. */
  readonly strata: readonly (string | number)[] | null;
  /** The end of the window compared, or null for all of follow-up. */
  readonly tau: number | null;
  /** One line naming the test and its weight. */
  readonly method: string;
}

const DATA_FIELDS = ["time", "event", "group", "strata", "weights", "entry"];
const OPTION_NAMES = ["weight", "p", "q", "tau"];

/** Validated exponent p or q of the Fleming-Harrington weight. */
function checkExponent(name: "p" | "q", x: unknown, weight: LogRankWeight, fallback: number): number {
  if (x === undefined) return fallback;
  if (weight !== "fleming-harrington") {
    throw new SurvivalInputError(
      `${name} is ${show(x)} but weight is ${show(weight)}: ${name} applies only to weight "fleming-harrington"`,
      name,
      undefined,
      x,
    );
  }
  if (typeof x !== "number" || !Number.isFinite(x) || x < 0) {
    throw new SurvivalInputError(`${name} is ${show(x)}: it must be a finite number >= 0`, name, undefined, x);
  }
  return x;
}

function describe(weight: LogRankWeight, p: number, q: number, nStrata: number, tau: number | null): string {
  const base =
    weight === "logrank"
      ? "Log-rank test (R survdiff, rho = 0)"
      : weight === "gehan-breslow"
        ? 'Gehan-Breslow generalised Wilcoxon test (SPSS "Breslow"), weight = number at risk'
        : weight === "tarone-ware"
          ? "Tarone-Ware test, weight = sqrt(number at risk)"
          : `Fleming-Harrington G(${p}, ${q}) test, weight = S(t-)^${p} (1 - S(t-))^${q}, S = pooled Kaplan-Meier` +
            (q === 0 ? ` (R survdiff, rho = ${p})` : "");
  const window = tau === null ? "" : `, follow-up censored at tau = ${tau}`;
  return (nStrata > 1 ? `${base}, stratified (${nStrata} strata, summed within-stratum O - E and variance)` : base) + window;
}

/**
 * Compares the survival of k >= 2 groups: the log-rank test (default) or a weighted version.
 * Matches R's survdiff(Surv(time, event) ~ group [+ strata(strata)], rho) for the log-rank and
 * Fleming-Harrington G(rho, 0) tests, and statsmodels' survdiff for Gehan-Breslow and
 * Tarone-Ware. With strata, n at risk and the pooled S are those of each stratum. With `tau`,
 * the test compares the window [0, tau] only (e.g. the first year): a time after tau is censored
 * at tau, as survdiff(Surv(pmin(time, tau), event & time <= tau) ~ group).
 *
 * @param data     `{ time, event, group, strata?, weights? }`: follow-up times (finite, >= 0),
 *                 event codes (1/true = event, 0/false = censored), group labels (strings or
 *                 numbers, at least two distinct), optional stratum labels and optional case
 *                 weights (> 0, frequency weights: whole numbers give survdiff on the rows
 *                 repeated) and optional entry times (delayed entry: at risk on (entry, time]),
 *                 all of one length
 * @param options  `weight`: "logrank" (default), "gehan-breslow", "tarone-ware" or
 *                 "fleming-harrington"; `p`, `q`: the Fleming-Harrington exponents (default 1, 0;
 *                 R's rho is p with q = 0); `tau`: a finite time > 0 ending the window compared
 *                 (default: all of follow-up)
 * @returns        a frozen result: `statistic`, `df`, `pValue`, per group (in R's factor order)
 *                 `groups`, `n`, `observed`, `expected`, the covariance `variance` of O - E,
 *                 `weight`, `p`, `q`, `strata`, `tau` and `method`, the sentence naming the test
 * @throws SurvivalInputError  for a bad time, event code or label (naming its index and value),
 *                 columns of different lengths, a single group, no events, no variance to test
 *                 on, a field other than time, event, group, strata, weights and entry, a weight that
 *                 is not a finite number > 0, an entry not below its time, or an unknown or bad option
 *                 (no events up to tau, with tau)
 *
 * @example
 * const data = { time: [1, 2, 3, 4, 5, 6], event: [1, 1, 0, 1, 1, 0], group: ["a", "a", "a", "b", "b", "b"] };
 * const lr = logRankTest(data);         // survdiff(Surv(time, event) ~ group)
 * lr.statistic;                         // => 2.4694
 * lr.df;                                // => 1
 * lr.pValue;                            // => 0.1161
 * lr.observed;                          // => [2, 2]
 * lr.expected;                          // => [0.9, 3.1]
 * logRankTest(data, { weight: "fleming-harrington" }).statistic; // => 2.4 (survdiff(rho = 1))
 */
export function logRankTest(data: LogRankData, options?: LogRankOptions): LogRankResult {
  const d = checkData("logRankTest", data, DATA_FIELDS);
  const opts = checkOptions("logRankTest", options, OPTION_NAMES, "options", ' (e.g. R\'s rho is weight "fleming-harrington" with p = rho)');
  const weight = opts.weight === undefined ? "logrank" : checkOneOf("weight", opts.weight, LOG_RANK_WEIGHTS);
  const p = checkExponent("p", opts.p, weight, 1);
  const q = checkExponent("q", opts.q, weight, 0);
  const tau = opts.tau === undefined ? null : checkTau(opts.tau);

  let time = checkTimes("time", d.time);
  const n = time.length;
  const event = checkEvents("event", d.event, n);
  let entry: Float64Array | null = null;
  if (d.entry !== undefined) ({ entry, time } = onTimeGrid(checkEntry("entry", d.entry, time), time));
  if (tau !== null) censorAt(tau, time, event);
  const group = checkLabels("group", d.group, n);
  const strata = d.strata === undefined ? null : checkLabels("strata", d.strata, n);
  const cases = d.weights === undefined ? null : checkWeights("weights", d.weights, n);
  const k = group.levels.length;
  if (k < 2) {
    const level = group.levels[0];
    throw new SurvivalInputError(
      `group has a single value ${show(level)} in all ${n} rows: a test needs at least two groups`,
      "group",
      undefined,
      level,
    );
  }
  let events = 0;
  for (let i = 0; i < n; i++) events += event[i];
  if (events === 0) {
    const where = tau === null ? `all ${n} rows are censored` : `none at or before tau = ${tau}`;
    throw new SurvivalInputError(`event has no events (${where}): there is nothing to test`, "event");
  }

  const fit = logRankFit(time, event, group.codes, k, strata?.codes ?? null, strata?.levels.length ?? 1, weight, p, q, cases, entry);

  // survdiff's rule: only groups with E > 0 enter; the first of them is dropped.
  const keep: number[] = [];
  for (let g = 0; g < k; g++) if (fit.expected[g] > 0) keep.push(g);
  if (keep.length < 2) {
    const only = keep.length === 1 ? group.levels[keep[0]] : undefined;
    throw new SurvivalInputError(
      `group: only ${keep.length === 1 ? show(only) : "no group"} has a positive (weighted) expected count, ` +
        "so no other group has anyone at risk at an event time with a non-zero weight: there is nothing to compare",
      "group",
      undefined,
      only,
    );
  }
  const u = keep.slice(1).map((g) => fit.observed[g] - fit.expected[g]);
  const v = keep.slice(1).map((g) => keep.slice(1).map((h) => fit.variance[g * k + h]));
  const { value: statistic, rank } = quadraticForm(u, v);
  if (rank === 0) {
    throw new SurvivalInputError(
      "group: the variance of O - E is zero (at every event time with a non-zero weight, one subject is at risk " +
        "or everyone at risk has the event): the test is undefined",
      "group",
    );
  }

  const variance = Array.from({ length: k }, (_, g) => Object.freeze(Array.from(fit.variance.subarray(g * k, g * k + k))));
  const isFH = weight === "fleming-harrington";
  return printable({
    statistic,
    df: rank,
    pValue: chiSquareUpper(statistic, rank),
    groups: Object.freeze(group.levels.slice()),
    n: Object.freeze(Array.from(fit.n)),
    observed: Object.freeze(Array.from(fit.observed)),
    expected: Object.freeze(Array.from(fit.expected)),
    variance: Object.freeze(variance),
    weight,
    p: isFH ? p : null,
    q: isFH ? q : null,
    strata: strata ? Object.freeze(strata.levels.slice()) : null,
    tau,
    method: describe(weight, p, q, strata?.levels.length ?? 1, tau),
  }, printLogRank);
}

function checkTau(x: unknown): number {
  if (typeof x !== "number" || !(x > 0) || x === Infinity) {
    throw new SurvivalInputError(`tau is ${show(x)}: the end of the window must be a finite number > 0`, "tau", undefined, x);
  }
  return x;
}

/** Censors every time after tau at tau (in place, on the checked copies). */
function censorAt(tau: number, time: Float64Array, event: Uint8Array): void {
  for (let i = 0; i < time.length; i++) {
    if (time[i] > tau) {
      time[i] = tau;
      event[i] = 0;
    }
  }
}
