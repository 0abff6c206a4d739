/**
 * The Kaplan-Meier engine (as R's survfitKM under survfit): checked arrays in, the frozen
 * result out, no input checks. kaplanMeier (kaplanMeier.ts) checks and converts the caller's
 * data, then calls this; rmstDifference calls it on each arm's rows.
 *
 * - One row per distinct time with an event or a censoring, ascending. Times closer than
 *   sqrt(machine epsilon) are one time, as R's default timefix (aeqSurv; core/tabulate.ts).
 * - survival: prod (n_j - d_j) / n_j. stdErr: Greenwood on the survival scale,
 *   S sqrt(sum d_j / (n_j (n_j - d_j))), as summary() prints it.
 * - lower/upper: R's survfit_confint (confint.ts). NaN stands for R's NA/NaN: "log" and
 *   "log-log" limits where S = 0, "log-log" limits where S = 1, "plain" limits and stdErr where
 *   S = 0 (the variance is infinite there).
 * - cumHazard, cumHazardStdErr: Nelson-Aalen, sum d/n and sqrt(sum d/n^2) (R's cumhaz, std.chaz),
 *   or with ctype "fleming-harrington" Fleming and Harrington's correction for ties (hazard.ts).
 * - stype "exp-hazard" (R's stype = 2): survival is exp(-cumHazard) (Fleming & Harrington's
 *   estimate) and the standard error of log S is that of the cumulative hazard, as survfit.
 * - median: as print(fit) shows it; quantile(p): as quantile(fit, p) (quantile.ts). null where R
 *   gives NA: not reached, or a CI band that never crosses.
 * - survivalAt(t): the right-continuous step function, 1 before the first time, carried flat
 *   after the last one (summary(fit, times = t, extend = TRUE)).
 * - rmst(tau): restricted mean and its standard error, as print(fit, rmean = tau) (rmst.ts).
 *
 * The columns are Float64Arrays owned by the result: JavaScript cannot freeze a typed array, so
 * they are the one part of a result the caller could write to; do not (copy them with
 * Array.from to change them): median is fixed at the fit, but quantile, survivalAt and rmst read
 * them. Private copies would cost about 8% of a fit at 300 distinct times (measured), so there
 * are none. Cost: the tabulation (hashing, no sort of the raw times), then O(distinct times).
 *
 * Reference: Kaplan & Meier (1958); Greenwood (1926); Klein & Moeschberger (2003), ch. 4;
 * R survival 3.5 survfit / summary.survfit / quantile.survfit / print.survfit.
 */
import { SurvivalInputError, show } from "../errors.js";
import { tabulate } from "../core/tabulate.js";
import { hasNearTies, onTimeGrid } from "../core/timefix.js";
import { countAtOrBelow, countBelow } from "../core/bisect.js";
import { normalQuantile } from "../core/distributions.js";
import { confidenceLimits, type ConfType } from "./confint.js";
import { hazardStep, type HazardType } from "./hazard.js";
import { curveQuantile, printedMedian } from "./quantile.js";
import { restrictedMean, type RestrictedMean } from "./rmst.js";
import { kaplanMeierRobust } from "./kaplanMeierRobust.js";
import { printable } from "../print/printable.js";
import { printKaplanMeier } from "../print/printKaplanMeier.js";

/** A quantile (or the median) and its confidence limits; null = not reached / not estimable. */
export interface QuantileEstimate {
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** How the curve is estimated: R's survfit(stype, ctype). */
export interface SurvivalMethod {
  /** "kaplan-meier" (R's stype = 1, the product limit) or "exp-hazard" (stype = 2, exp(-H)). */
  readonly stype: SurvivalType;
  /** "nelson-aalen" (R's ctype = 1) or "fleming-harrington" (ctype = 2): the cumulative hazard. */
  readonly ctype: HazardType;
}

export type SurvivalType = "kaplan-meier" | "exp-hazard";

export const SURVIVAL_TYPES: readonly SurvivalType[] = ["kaplan-meier", "exp-hazard"];

/** Case weights, delayed entry and the robust variance (R's survfit(weights =, robust =), Surv(entry, time, event)). */
export interface KaplanMeierRows {
  /** A case weight per row (> 0), or null. Counts become sums of weights. */
  readonly weights?: Float64Array | null;
  /** An entry time per row (< its time), or null: at risk on (entry, time]. Where entry and exit times have near-ties, both go on R's timefix grid first (timefix.ts). */
  readonly entry?: Float64Array | null;
  /** The infinitesimal-jackknife standard errors (kaplanMeierRobust.ts) instead of Greenwood's. */
  readonly robust?: boolean;
}

/** R's defaults: the Kaplan-Meier curve and the Nelson-Aalen hazard. */
export const KAPLAN_MEIER: SurvivalMethod = Object.freeze({ stype: "kaplan-meier", ctype: "nelson-aalen" });

export interface KaplanMeierResult {
  readonly time: ArrayLike<number>;
  readonly nRisk: ArrayLike<number>;
  readonly nEvent: ArrayLike<number>;
  readonly nCensor: ArrayLike<number>;
  readonly survival: ArrayLike<number>;
  /** Greenwood standard error of the survival (NaN where S = 0). */
  readonly stdErr: ArrayLike<number>;
  readonly lower: ArrayLike<number>;
  readonly upper: ArrayLike<number>;
  /** Cumulative hazard (Nelson-Aalen unless ctype says otherwise) and its standard error (R's cumhaz, std.chaz). */
  readonly cumHazard: ArrayLike<number>;
  readonly cumHazardStdErr: ArrayLike<number>;
  /** Median as print(survfit) shows it, with its CI. */
  readonly median: QuantileEstimate;
  /** R's quantile(fit, probs = p): p is the cumulative failure probability, 0 < p < 1. */
  quantile(p: number): QuantileEstimate;
  /** Survival probability at time t (right-continuous). */
  survivalAt(t: number): number;
  /**
   * Number at risk at time t as R's summary(fit, times = t, extend = TRUE) reports it (and the
   * table under a figure prints it): the risk set of the first time >= t, 0 past the last.
   * Without delayed entry that is time >= t (weighted); with it, as in R, it also counts the rows
   * entering between t and that time.
   */
  nRiskAt(t: number): number;
  /** Restricted mean survival time up to tau >= 0 and its standard error. */
  rmst(tau: number): RestrictedMean;
  /** Number of subjects and of events. */
  readonly n: number;
  readonly events: number;
  readonly confType: ConfType;
  readonly confLevel: number;
  readonly stype: SurvivalType;
  readonly ctype: HazardType;
  /** Whether the standard errors are the robust (infinitesimal-jackknife) ones. */
  readonly robust: boolean;
}

/**
 * @param time       checked times (finite, >= 0)
 * @param event      1 = event, 0 = censored, one per time
 * @param confType   CI transform
 * @param confLevel  confidence level in (0, 1)
 * @param method     stype and ctype (default: Kaplan-Meier with the Nelson-Aalen hazard)
 * @param rows       case weights and robust (default: none, Greenwood)
 * @returns          the fit, as kaplanMeier returns it
 */
export function kaplanMeierFit(
  time: Float64Array,
  event: Uint8Array,
  confType: ConfType,
  confLevel: number,
  method: SurvivalMethod = KAPLAN_MEIER,
  rows: KaplanMeierRows = {},
): KaplanMeierResult {
  const weights = rows.weights ?? null;
  let entry = rows.entry ?? null;
  // One group; near-equal times merged as R's timefix. The robust variance without entry needs the
  // sums of squared weights per time too: counted in the same pass.
  const squared = rows.robust === true && !entry;
  let tab = tabulate(time, event, null, 1, null, weights, entry, squared);
  if (entry && hasNearTies(tab.distinct!.time, tab.distinct!.entry)) {
    // R's aeqSurv moves entry and exit times that differ by rounding noise onto one grid first.
    ({ entry, time } = onTimeGrid(entry, time));
    tab = tabulate(time, event, null, 1, null, weights, entry);
  }
  // Fleming-Harrington's hazard splits the tied events by their number of rows, not their weight.
  const eventRows = weights && method.ctype === "fleming-harrington" ? tabulate(time, event).nEvent : tab.nEvent;
  const m = tab.time.length;
  const survival = new Float64Array(m);
  const stdErr = new Float64Array(m);
  const lower = new Float64Array(m);
  const upper = new Float64Array(m);
  const cumHazard = new Float64Array(m);
  const cumHazardStdErr = new Float64Array(m);
  const z = normalQuantile(1 - (1 - confLevel) / 2);

  const productLimit = method.stype === "kaplan-meier";
  let s = 1; // survival
  let greenwood = 0; // sum d / (n (n - d)): variance of log S
  const hazard = new Float64Array(2); // cumulative hazard and its variance
  let events = 0;
  for (let j = 0; j < m; j++) {
    const n = tab.nRisk[j];
    const dj = tab.nEvent[j];
    if (dj > 0) {
      if (productLimit) {
        s *= (n - dj) / n; // as survfitkm.c: km *= (n - d) / n
        greenwood += dj / (n * (n - dj)); // Infinity where everyone at risk fails, as in R
      }
      hazardStep(method.ctype, n, dj, eventRows[j], hazard);
      events += dj;
    }
    if (!productLimit) {
      s = Math.exp(-hazard[0]);
      greenwood = hazard[1];
    }
    const seLog = Math.sqrt(greenwood);
    survival[j] = s;
    stdErr[j] = s * seLog; // 0 * Infinity = NaN where S = 0, as summary() prints
    cumHazard[j] = hazard[0];
    cumHazardStdErr[j] = Math.sqrt(hazard[1]);
    confidenceLimits(confType, s, seLog, z, lower, upper, j);
  }
  if (rows.robust) {
    // survfit(robust = TRUE): standard errors of S and H themselves; limits from se / S (logse = FALSE).
    const se = kaplanMeierRobust(tab.time, tab.nRisk, tab.nEvent, time, event, weights, entry, tab.squared ?? null);
    for (let j = 0; j < m; j++) {
      stdErr[j] = se.survival[j];
      cumHazardStdErr[j] = se.cumHazard[j];
      const s = survival[j];
      confidenceLimits(confType, s, se.survival[j] === 0 ? 0 : se.survival[j] / s, z, lower, upper, j);
    }
  }

  const times = tab.time;
  const nullable = (x: number) => (Number.isNaN(x) ? null : x);
  const median: QuantileEstimate = Object.freeze({
    estimate: nullable(printedMedian(times, survival)),
    lower: nullable(printedMedian(times, lower)),
    upper: nullable(printedMedian(times, upper)),
  });

  return printable({
    time: times,
    nRisk: tab.nRisk,
    nEvent: tab.nEvent,
    nCensor: tab.nCensor,
    survival,
    stdErr,
    lower,
    upper,
    cumHazard,
    cumHazardStdErr,
    median,
    quantile(p: number): QuantileEstimate {
      if (typeof p !== "number" || !(p > 0 && p < 1)) {
        throw new SurvivalInputError(
          `p is ${show(p)}: a quantile's probability (of failure) must be a number strictly between 0 and 1`,
          "p",
          undefined,
          p,
        );
      }
      // quantile.survfit: the CI's lower end comes from the lower band, the upper from the upper.
      return Object.freeze({
        estimate: nullable(curveQuantile(times, survival, p)),
        lower: nullable(curveQuantile(times, lower, p)),
        upper: nullable(curveQuantile(times, upper, p)),
      });
    },
    survivalAt(t: number): number {
      if (typeof t !== "number" || Number.isNaN(t)) {
        throw new SurvivalInputError(`t is ${show(t)}: a time must be a number`, "t", undefined, t);
      }
      const k = countAtOrBelow(times, t);
      return k === 0 ? 1 : survival[k - 1];
    },
    nRiskAt(t: number): number {
      if (typeof t !== "number" || Number.isNaN(t)) {
        throw new SurvivalInputError(`t is ${show(t)}: a time must be a number`, "t", undefined, t);
      }
      const j = countBelow(times, t); // the first row at or after t
      return j === m ? 0 : tab.nRisk[j];
    },
    rmst(tau: number): RestrictedMean {
      if (typeof tau !== "number" || !(tau >= 0) || tau === Infinity) {
        throw new SurvivalInputError(
          `tau is ${show(tau)}: the restriction time must be a finite number >= 0`,
          "tau",
          undefined,
          tau,
        );
      }
      return restrictedMean(times, survival, tab.nRisk, tab.nEvent, tau);
    },
    n: time.length,
    events,
    confType,
    confLevel,
    stype: method.stype,
    ctype: method.ctype,
    robust: rows.robust === true,
  }, printKaplanMeier);
}
