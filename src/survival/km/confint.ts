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
 * - "logit":              1 - 1 / (1 + exp(log(S / (1 - S)) -+ z se / (1 - S))); NaN (R: NA) where
 *                         S = 0 or S = 1.
 * - "arcsin":             sin^2(asin(sqrt S) -+ z se sqrt(S / (1 - S)) / 2), the angle kept in
 *                         [0, pi/2]; NaN (R: NA) where S = 0 or S = 1.
 *
 * Reference: Klein & Moeschberger (2003), sec. 4.3 (log-log and arcsine-square-root); Borgan &
 * Liestol (1990), Scand J Stat 17:35 (arcsine and logit); R's survfit(conf.type).
 */
export type ConfType = "log" | "log-log" | "plain" | "logit" | "arcsin";

export const CONF_TYPES: readonly ConfType[] = ["log", "log-log", "plain", "logit", "arcsin"];

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
  } else if (confType === "plain") {
    const w = se * s * z; // 0 * Infinity = NaN where S = 0, as in R
    lower[j] = Number.isNaN(w) ? NaN : Math.max(s - w, 0);
    upper[j] = Number.isNaN(w) ? NaN : Math.min(s + w, 1);
  } else if (s === 0 || s === 1) {
    // logit and arcsin: R gives NA at S = 0 and NaN at S = 1 (0 * Infinity)
    lower[j] = NaN;
    upper[j] = NaN;
  } else if (confType === "logit") {
    const w = z * se * (1 + s / (1 - s));
    const logit = Math.log(s / (1 - s));
    lower[j] = 1 - 1 / (1 + Math.exp(logit - w));
    upper[j] = 1 - 1 / (1 + Math.exp(logit + w));
  } else {
    const w = 0.5 * z * se * Math.sqrt(s / (1 - s));
    const angle = Math.asin(Math.sqrt(s));
    lower[j] = Math.sin(Math.max(0, angle - w)) ** 2;
    upper[j] = Math.sin(Math.min(Math.PI / 2, angle + w)) ** 2;
  }
}

/** The CI transforms of a cumulative hazard (nelsonAalen). */
export type HazardConfType = "plain" | "log";

export const HAZARD_CONF_TYPES: readonly HazardConfType[] = ["plain", "log"];

/**
 * Pointwise limits for a cumulative hazard h with standard error se (on h's own scale), as
 * plot.survfit(cumhaz = TRUE) computes them: survfit_confint(h, se, logse = FALSE, ulimit = FALSE).
 * - "plain" (R's default there): h -+ z se, the lower limit kept >= 0;
 * - "log": h exp(-+ z se / h); NaN (R: NA) where h = 0.
 */
export function hazardLimits(
  confType: HazardConfType,
  h: number,
  se: number,
  z: number,
  lower: Float64Array,
  upper: Float64Array,
  j: number,
): void {
  const rel = se === 0 ? 0 : se / h; // R: se <- ifelse(se == 0, 0, se / p)
  if (confType === "plain") {
    const w = rel * h * z;
    lower[j] = Math.max(h - w, 0);
    upper[j] = h + w;
  } else if (h === 0) {
    lower[j] = NaN;
    upper[j] = NaN;
  } else {
    lower[j] = Math.exp(Math.log(h) - z * rel);
    upper[j] = Math.exp(Math.log(h) + z * rel);
  }
}
