/**
 * Power of the two-sided log-rank test (or Cox score test) of two arms at a given number of
 * events, under proportional hazards with hazard ratio HR: Schoenfeld's normal approximation,
 * the log-rank z being N(delta, 1) with delta = |log HR| sqrt(D a (1 - a)), so
 *   power = Phi(delta - z_(1 - alpha/2)) + Phi(-delta - z_(1 - alpha/2)).
 * The second term (rejection in the wrong direction) is what schoenfeldEvents' formula
 * neglects; it is below alpha / 2 and makes the power equal alpha at HR = 1. So
 * logRankPower at schoenfeldEvents(...).events is the requested power plus that term.
 *
 * Reference: Schoenfeld D (1983), Biometrics 39:499-503; Collett (2015), Modelling Survival
 * Data in Medical Research, 3rd ed., sec. 17.1. Matches the formula evaluated with R's
 * qnorm/pnorm (test/survival/fixtures/r/beyond.R).
 */
import { chiSquareUpper, normalQuantile } from "../core/distributions.js";
import { checkObject, checkOptionNames } from "../core/validate.js";
import { checkEventCount, checkHazardRatio, checkProbability } from "./checkDesign.js";

export interface LogRankPowerInput {
  /** Hazard ratio under the alternative (> 0; 1 gives the test's size, alpha). */
  hazardRatio: number;
  /** Number of events (> 0; need not be whole, e.g. an expected count). */
  events: number;
  /** Two-sided significance level; default 0.05. */
  alpha?: number;
  /** Share of subjects in one arm; default 0.5. */
  allocation?: number;
}

export interface LogRankPowerResult {
  readonly power: number;
  readonly hazardRatio: number;
  readonly events: number;
  readonly alpha: number;
  readonly allocation: number;
  readonly method: string;
}

const KEYS = ["hazardRatio", "events", "alpha", "allocation"];

/** Phi(x), the standard normal distribution function, from the chi-square(1) tail. */
export function normalCdf(x: number): number {
  const tail = chiSquareUpper(x * x, 1) / 2;
  return x < 0 ? tail : 1 - tail;
}

/**
 * @param input  `hazardRatio` (> 0; 1 gives alpha) and `events` (> 0), and optionally `alpha`
 *               (two-sided, default 0.05) and `allocation` (share in one arm, default 0.5)
 * @returns      a frozen result: `power`, the design's `hazardRatio`, `events`, `alpha`,
 *               `allocation`, and `method`
 * @throws SurvivalInputError  for a hazard ratio or a number of events that is not a finite
 *               number > 0, an alpha or allocation outside (0, 1), or an unknown key
 *
 * @example
 * logRankPower({ hazardRatio: 0.5, events: 66 }).power;   // => 0.8039
 */
export function logRankPower(input: LogRankPowerInput): LogRankPowerResult {
  const o = checkObject("input", input);
  checkOptionNames("logRankPower", o, KEYS, "input");
  const hazardRatio = checkHazardRatio(o.hazardRatio, true);
  const events = checkEventCount(o.events);
  const alpha = o.alpha === undefined ? 0.05 : checkProbability("alpha", o.alpha, "a significance level");
  const allocation = o.allocation === undefined ? 0.5 : checkProbability("allocation", o.allocation, "the share of subjects in one arm");
  const z = normalQuantile(1 - alpha / 2);
  const delta = Math.abs(Math.log(hazardRatio)) * Math.sqrt(events * allocation * (1 - allocation));
  return Object.freeze({
    power: normalCdf(delta - z) + normalCdf(-delta - z),
    hazardRatio,
    events,
    alpha,
    allocation,
    method: "Power of the two-sided log-rank test, Schoenfeld (1983) normal approximation",
  });
}
