/**
 * Kaplan-Meier estimate of a survival curve with Greenwood standard errors and pointwise
 * confidence limits, matching R survival 3.5:
 *   summary(survfit(Surv(time, event) ~ 1, conf.type = confType, conf.int = confLevel), censored = TRUE)
 *
 * The checked entry point: it refuses bad data and options, copies the columns into typed
 * arrays and calls the engine (kaplanMeierFit.ts, which documents the estimates), as R's
 * survfit calls survfitKM. Where S = 0.5 exactly over an interval the median is its midpoint, as
 * R; null means not reached (or a CI band that never crosses 0.5).
 *
 * `{ stype: "exp-hazard" }` gives Fleming and Harrington's survival exp(-H) instead (R's
 * survfit(stype = 2)): an option rather than a function of its own because the result is the
 * same in every other way (the table, the limits, the median and quantiles, survivalAt, rmst),
 * as in R, where both come from survfit.
 *
 * Reference: Kaplan & Meier (1958); Greenwood (1926); Fleming & Harrington (1984); Klein &
 * Moeschberger (2003), ch. 4.
 */
import {
  checkConfLevel,
  checkData,
  checkEntry,
  checkEvents,
  checkOneOf,
  checkOptions,
  checkTimes,
  checkWeights,
  hasFractionalWeights,
} from "../core/validate.js";
import { SurvivalInputError, show } from "../errors.js";
import { CONF_TYPES, type ConfType } from "./confint.js";
import { HAZARD_TYPES, type HazardType } from "./hazard.js";
import { kaplanMeierFit, SURVIVAL_TYPES, type KaplanMeierResult, type SurvivalType } from "./kaplanMeierFit.js";

export type { ConfType } from "./confint.js";
export type { RestrictedMean } from "./rmst.js";
export type { KaplanMeierResult, QuantileEstimate, SurvivalType } from "./kaplanMeierFit.js";
export type { HazardType } from "./hazard.js";

/** Right-censored rows: what every survival curve reads. */
export interface KaplanMeierData {
  time: ArrayLike<number>;
  /** 1/true = event, 0/false = censored. */
  event: ArrayLike<number | boolean>;
}

/** kaplanMeier's data: right-censored rows, optionally with case weights and delayed entry. */
export interface KaplanMeierInput extends KaplanMeierData {
  /** Optional case weights (> 0): R's survfit(weights =). */
  weights?: ArrayLike<number>;
  /** Optional entry times (< time): at risk on (entry, time], R's Surv(entry, time, event). */
  entry?: ArrayLike<number>;
}

export interface KaplanMeierOptions {
  /** CI transform, default "log" (R's default). */
  confType?: ConfType;
  /** Confidence level in (0, 1), default 0.95. */
  confLevel?: number;
  /** "kaplan-meier" (default, R's stype = 1) or "exp-hazard" (stype = 2: exp(-H), Fleming-Harrington). */
  stype?: SurvivalType;
  /** "nelson-aalen" (default, R's ctype = 1) or "fleming-harrington" (ctype = 2): the hazard. */
  ctype?: HazardType;
  /** Infinitesimal-jackknife standard errors; default: true when a weight is not a whole number (R's rule). */
  robust?: boolean;
}

const DATA_FIELDS = ["time", "event", "weights", "entry"];
const OPTION_NAMES = ["confType", "confLevel", "stype", "ctype", "robust"];

/**
 * Fits a Kaplan-Meier curve.
 *
 * @param data     `{ time, event, weights?, entry? }`: follow-up times (finite, >= 0), event codes
 *                 (1/true = event, 0/false = censored), optional case weights (> 0; every count
 *                 becomes a sum of weights, as survfit(weights =)) and optional entry times
 *                 (delayed entry: at risk on (entry, time], as Surv(entry, time, event)), arrays or
 *                 typed arrays of one length
 * @param options  `confType`: "log" (default, R's), "log-log", "plain", "logit" or "arcsin";
 *                 `confLevel`: in (0, 1), default 0.95; `stype`: "kaplan-meier" (default) or
 *                 "exp-hazard", the survival exp(-H) of Fleming and Harrington (R's stype = 2);
 *                 `ctype`: the cumulative hazard, "nelson-aalen" (default) or "fleming-harrington"
 *                 (R's ctype = 2, a correction for ties). R's old type = "fleming-harrington" is
 *                 { stype: "exp-hazard" }, "fh2" is { stype: "exp-hazard", ctype: "fleming-harrington" };
 *                 `robust`: infinitesimal-jackknife standard errors (of S and H, not of log S),
 *                 R's default when a weight is not a whole number (Kaplan-Meier with the
 *                 Nelson-Aalen hazard only); false for Greenwood's with weighted counts
 * @returns        a frozen result: one row per distinct time (`time`, `nRisk`, `nEvent`,
 *                 `nCensor`, `survival`, `stdErr`, `lower`, `upper`, `cumHazard`,
 *                 `cumHazardStdErr`), `median`, `n`, `events`, and the methods `quantile(p)`,
 *                 `survivalAt(t)`, `nRiskAt(t)` and `rmst(tau)`
 * @throws SurvivalInputError  for a bad time or event code (naming its index and value),
 *                 columns of different lengths, empty data, a field other than time, event,
 *                 weights and entry, a weight that is not a finite number > 0, an entry not
 *                 below its time, or an unknown or bad option
 *
 * @example
 * const km = kaplanMeier({ time: [1, 2, 2, 3, 4, 5], event: [1, 1, 1, 0, 1, 1] });
 * km.time;              // => [1, 2, 3, 4, 5] (one row per distinct time, with nRisk, nEvent, nCensor)
 * km.survival;          // => [0.8333, 0.5, 0.5, 0.25, 0]
 * km.stdErr[0];         // => 0.1521 (Greenwood, on the survival scale)
 * km.lower[0];          // => 0.5827 (confType "log", R's default)
 * km.median;            // => { estimate: 3, lower: 2, upper: null } (S = 0.5 on [2, 4): R's midpoint; null: not reached)
 * km.survivalAt(4.5);   // => 0.25
 * km.rmst(5);           // => { estimate: 3.0833, stdErr: 0.6199 } (print(fit, rmean = 5))
 */
export function kaplanMeier(data: KaplanMeierInput, options?: KaplanMeierOptions): KaplanMeierResult {
  const d = checkData("kaplanMeier", data, DATA_FIELDS);
  const opts = checkOptions("kaplanMeier", options, OPTION_NAMES);
  const confType = opts.confType === undefined ? "log" : checkOneOf("confType", opts.confType, CONF_TYPES);
  const confLevel = opts.confLevel === undefined ? 0.95 : checkConfLevel(opts.confLevel);
  const stype = opts.stype === undefined ? "kaplan-meier" : checkOneOf("stype", opts.stype, SURVIVAL_TYPES);
  const ctype = opts.ctype === undefined ? "nelson-aalen" : checkOneOf("ctype", opts.ctype, HAZARD_TYPES);
  const time = checkTimes("time", d.time);
  const event = checkEvents("event", d.event, time.length);
  const weights = d.weights === undefined ? null : checkWeights("weights", d.weights, time.length);
  let entry: Float64Array | null = null;
  if (d.entry !== undefined) entry = checkEntry("entry", d.entry, time); // the fit puts both on R's grid where needed
  const robust = opts.robust === undefined ? hasFractionalWeights(weights) : checkBoolean("robust", opts.robust);
  if (robust && (stype !== "kaplan-meier" || ctype !== "nelson-aalen")) {
    const why = opts.robust === undefined ? " (R's default, as a weight is not a whole number)" : "";
    throw new SurvivalInputError(
      `robust is true${why}, but the robust standard errors are implemented for stype "kaplan-meier" with ctype "nelson-aalen" only; pass robust: false for Greenwood-type standard errors`,
      "robust",
      undefined,
      true,
    );
  }
  return kaplanMeierFit(time, event, confType as ConfType, confLevel, { stype, ctype }, { weights, entry, robust });
}

function checkBoolean(name: string, x: unknown): boolean {
  if (typeof x !== "boolean") throw new SurvivalInputError(`${name} is ${show(x)}: it must be true or false`, name, undefined, x);
  return x;
}
