/**
 * Pointwise confidence limits for a survival probability, as R's survival:::survfit_confint
 * (survival 3.5, R/survfitms.R; the default conf.lower = "usual").
 *
 * `se` is the standard error of log S (Greenwood's, what survfit stores as `std.err`), `z` the
 * normal quantile qnorm(1 - (1 - confLevel) / 2).
 *
 * - "log" (R's default):  S exp(-+ z se), upper capped at 1; NaN (R: NA) where S = 0.
 * - "log-log":            exp(-exp(log(-log S) -+ z se / log S)); NaN (R: NA) where S = 0 or S = 1.
 * - "plain":              S -+ z se S, clipped to [0, 1]; NaN (R: NaN) where S = 0 and se is infinite.
 */
export type ConfType = "log" | "log-log" | "plain";

export const CONF_TYPES: readonly ConfType[] = ["log", "log-log", "plain"];

/** Writes the limits for survival s with log-scale standard error se into lower[j], upper[j]. */
export function confidenceLimits(
  confType: ConfType,
  s: number,
  se: number,
  z: number,
  lower: Float64Array,
  upper: Float64Array,
  j: number,
): void {
  if (confType === "log") {
    if (s === 0) {
      lower[j] = NaN;
      upper[j] = NaN;
      return;
    }
    const w = z * se;
    lower[j] = Math.exp(Math.log(s) - w);
    upper[j] = Math.min(Math.exp(Math.log(s) + w), 1);
  } else if (confType === "log-log") {
    if (s === 0 || s === 1) {
      lower[j] = NaN;
      upper[j] = NaN;
      return;
    }
    const w = (z * se) / Math.log(s);
    const ll = Math.log(-Math.log(s));
    lower[j] = Math.exp(-Math.exp(ll - w));
    upper[j] = Math.exp(-Math.exp(ll + w));
  } else {
    const w = se * s * z; // 0 * Infinity = NaN where S = 0, as in R
    lower[j] = Number.isNaN(w) ? NaN : Math.max(s - w, 0);
    upper[j] = Number.isNaN(w) ? NaN : Math.min(s + w, 1);
  }
}
