/**
 * The cumulative hazard H(t) with its standard error and pointwise limits: R survival 3.5's
 *   summary(survfit(Surv(time, event) ~ 1, ctype), censored = TRUE)$cumhaz, $std.chaz
 * with the limits plot(fit, cumhaz = TRUE) draws.
 *
 * The checked entry point; the engine is nelsonAalenFit.ts. kaplanMeier's result carries the
 * same hazard (cumHazard, cumHazardStdErr); this function adds the choice of variance and the
 * limits, and returns plain frozen arrays.
 *
 * Reference: Nelson (1972), Technometrics 14:945; Aalen (1978), Ann Stat 6:701; Fleming &
 * Harrington (1984); Klein (1991); Klein & Moeschberger (2003), sec. 4.2.
 */
import { checkConfLevel, checkData, checkEvents, checkOneOf, checkOptions, checkTimes } from "../core/validate.js";
import { SurvivalInputError } from "../errors.js";
import { HAZARD_CONF_TYPES, type HazardConfType } from "./confint.js";
import { HAZARD_TYPES, type HazardType } from "./hazard.js";
import { HAZARD_VARIANCES, nelsonAalenFit, type HazardVariance, type NelsonAalenResult } from "./nelsonAalenFit.js";

export type { NelsonAalenResult, HazardVariance } from "./nelsonAalenFit.js";
export type { HazardConfType } from "./confint.js";

export interface NelsonAalenData {
  time: ArrayLike<number>;
  /** 1/true = event, 0/false = censored. */
  event: ArrayLike<number | boolean>;
}

export interface NelsonAalenOptions {
  /** "nelson-aalen" (default, R's ctype = 1) or "fleming-harrington" (ctype = 2, corrected for ties). */
  ctype?: HazardType;
  /** "aalen" (default, R's std.chaz) or "greenwood" (sum d (n - d) / n^3; ctype "nelson-aalen" only). */
  variance?: HazardVariance;
  /** Limits: "plain" (default, as plot.survfit for the hazard) or "log". */
  confType?: HazardConfType;
  /** Confidence level in (0, 1), default 0.95. */
  confLevel?: number;
}

const DATA_FIELDS = ["time", "event"];
const OPTION_NAMES = ["ctype", "variance", "confType", "confLevel"];

/**
 * Estimates the cumulative hazard.
 *
 * @param data     `{ time, event }`: follow-up times (finite, >= 0) and event codes (1/true =
 *                 event, 0/false = censored), of one length
 * @param options  `ctype`: "nelson-aalen" (default: sum d / n) or "fleming-harrington" (tied
 *                 events leave one at a time); `variance`: "aalen" (default, sum d / n^2, R's
 *                 std.chaz; with ctype "fleming-harrington", R's tie-corrected sum) or "greenwood"
 *                 (sum d (n - d) / n^3, treating ties as grouped times); `confType`: "plain"
 *                 (default: H -+ z se, lower limit >= 0) or "log" (H exp(-+ z se / H));
 *                 `confLevel`: default 0.95
 * @returns        a frozen result: one row per distinct time (`time`, `nRisk`, `nEvent`,
 *                 `nCensor`, `cumHazard`, `stdErr`, `lower`, `upper`), `n`, `events`, the
 *                 settings and `method`, the sentence naming them
 * @throws SurvivalInputError  for a bad time or event code (naming its index and value),
 *                 columns of different lengths, empty data, a field other than time and event,
 *                 an unknown or bad option, or variance "greenwood" with ctype "fleming-harrington"
 *
 * @example
 * const na = nelsonAalen({ time: [1, 2, 2, 3, 4, 5], event: [1, 1, 1, 0, 1, 1] });
 * na.time;          // => [1, 2, 3, 4, 5]
 * na.cumHazard;     // => [0.1667, 0.5667, 0.5667, 1.0667, 2.0667] (sum d / n)
 * na.stdErr[1];     // => 0.3283 (sqrt(1/36 + 2/25), Aalen: R's std.chaz)
 * na.upper[1];      // => 1.2101 (plain limits, as plot(fit, cumhaz = TRUE))
 * nelsonAalen({ time: [1, 2, 2, 3, 4, 5], event: [1, 1, 1, 0, 1, 1] }, { ctype: "fleming-harrington" }).cumHazard[1]; // => 0.6167 (1/6 + 1/5 + 1/4)
 */
export function nelsonAalen(data: NelsonAalenData, options?: NelsonAalenOptions): NelsonAalenResult {
  const d = checkData("nelsonAalen", data, DATA_FIELDS);
  const opts = checkOptions("nelsonAalen", options, OPTION_NAMES);
  const ctype = opts.ctype === undefined ? "nelson-aalen" : checkOneOf("ctype", opts.ctype, HAZARD_TYPES);
  const variance = opts.variance === undefined ? "aalen" : checkOneOf("variance", opts.variance, HAZARD_VARIANCES);
  const confType = opts.confType === undefined ? "plain" : checkOneOf("confType", opts.confType, HAZARD_CONF_TYPES);
  const confLevel = opts.confLevel === undefined ? 0.95 : checkConfLevel(opts.confLevel);
  if (variance === "greenwood" && ctype === "fleming-harrington") {
    throw new SurvivalInputError(
      'variance is "greenwood" but ctype is "fleming-harrington": the Greenwood-type variance is that of the Nelson-Aalen sum; use variance "aalen" (R\'s) with this ctype',
      "variance",
      undefined,
      variance,
    );
  }
  const time = checkTimes("time", d.time);
  const event = checkEvents("event", d.event, time.length);
  return nelsonAalenFit(time, event, ctype, variance, confType, confLevel);
}
