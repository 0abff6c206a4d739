/**
 * The cumulative-hazard engine under nelsonAalen: checked arrays in, the frozen result out, no
 * input checks (nelsonAalen.ts checks and converts the caller's data, then calls this).
 *
 * One row per distinct time with an event or a censoring, as survfit's. The hazard and its
 * Aalen variance step as R's survfitkm.c (hazard.ts); the "greenwood" variance steps by
 * d (n - d) / n^3 instead. Limits as plot.survfit(cumhaz = TRUE) draws them (confint.ts).
 *
 * Reference: Nelson (1972); Aalen (1978); Klein (1991), Scand J Stat 18:333; Aalen, Borgan &
 * Gjessing (2008), Survival and Event History Analysis, sec. 3.1.
 */
import { tabulate } from "../core/tabulate.js";
import { normalQuantile } from "../core/distributions.js";
import { hazardLimits, type HazardConfType } from "./confint.js";
import { hazardStep, type HazardType } from "./hazard.js";

export type HazardVariance = "aalen" | "greenwood";

export const HAZARD_VARIANCES: readonly HazardVariance[] = ["aalen", "greenwood"];

export interface NelsonAalenResult {
  /** Distinct times with an event or a censoring, ascending (survfit's rows). */
  readonly time: readonly number[];
  readonly nRisk: readonly number[];
  readonly nEvent: readonly number[];
  readonly nCensor: readonly number[];
  /** The cumulative hazard H(t) (R's cumhaz). */
  readonly cumHazard: readonly number[];
  /** Its standard error (R's std.chaz for the "aalen" variance). */
  readonly stdErr: readonly number[];
  /** Pointwise confidence limits of H(t). */
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  readonly n: number;
  readonly events: number;
  readonly ctype: HazardType;
  readonly variance: HazardVariance;
  readonly confType: HazardConfType;
  readonly confLevel: number;
  /** The estimator, its variance and its limits in words. */
  readonly method: string;
}

/**
 * @param time       checked times (finite, >= 0)
 * @param event      1 = event, 0 = censored, one per time
 * @param ctype      the hazard (hazard.ts)
 * @param variance   "aalen" or "greenwood" (the latter with ctype "nelson-aalen" only)
 * @param confType   the limits' transform
 * @param confLevel  confidence level in (0, 1)
 * @returns          the fit, as nelsonAalen returns it
 */
export function nelsonAalenFit(
  time: Float64Array,
  event: Uint8Array,
  ctype: HazardType,
  variance: HazardVariance,
  confType: HazardConfType,
  confLevel: number,
): NelsonAalenResult {
  const tab = tabulate(time, event);
  const m = tab.time.length;
  const cumHazard = new Float64Array(m);
  const stdErr = new Float64Array(m);
  const lower = new Float64Array(m);
  const upper = new Float64Array(m);
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const acc = new Float64Array(2);
  let greenwood = 0;
  let events = 0;
  for (let j = 0; j < m; j++) {
    const n = tab.nRisk[j];
    const d = tab.nEvent[j];
    hazardStep(ctype, n, d, d, acc);
    if (d > 0) greenwood += (d * (n - d)) / (n * n * n);
    events += d;
    cumHazard[j] = acc[0];
    stdErr[j] = Math.sqrt(variance === "aalen" ? acc[1] : greenwood);
    hazardLimits(confType, acc[0], stdErr[j], z, lower, upper, j);
  }
  const frozen = (x: ArrayLike<number>) => Object.freeze(Array.from(x));
  const estimator =
    ctype === "nelson-aalen" ? "Nelson-Aalen cumulative hazard (R survfit, ctype = 1)" : "Fleming-Harrington cumulative hazard, ties corrected (R survfit, ctype = 2)";
  const spread = variance === "aalen" ? "Aalen's variance (R's std.chaz)" : "Greenwood-type variance sum d (n - d) / n^3";
  return Object.freeze({
    time: frozen(tab.time),
    nRisk: frozen(tab.nRisk),
    nEvent: frozen(tab.nEvent),
    nCensor: frozen(tab.nCensor),
    cumHazard: frozen(cumHazard),
    stdErr: frozen(stdErr),
    lower: frozen(lower),
    upper: frozen(upper),
    n: time.length,
    events,
    ctype,
    variance,
    confType,
    confLevel,
    method: `${estimator}, ${spread}, ${confType} ${Number((confLevel * 100).toPrecision(12))}% limits`,
  });
}
