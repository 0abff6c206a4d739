/**
 * Number of events a two-arm comparison by the log-rank test (or the Cox score test) needs to
 * detect a hazard ratio with a given power: Schoenfeld's formula,
 *   D = (z_(1 - alpha/2) + z_power)^2 / (a (1 - a) log(HR)^2),
 * with a two-sided level alpha and a the share of subjects in one arm (the formula is
 * symmetric in a and 1 - a). It neglects the chance of rejecting in the wrong direction, as
 * the formula does. D does not depend on how long patients are followed: the total sample
 * size is D divided by the expected share of patients with an event.
 *
 * Reference: Schoenfeld D (1983), Sample-size formula for the proportional-hazards regression
 * model, Biometrics 39:499-503; Collett (2015), Modelling Survival Data in Medical Research,
 * 3rd ed., sec. 17.1. Matches the formula evaluated with R's qnorm (test/survival/fixtures/r/beyond.R).
 */
import { checkObject, checkOptionNames } from "../core/validate.js";
import { checkHazardRatio, checkSchoenfeldLevels } from "./checkDesign.js";

export interface SchoenfeldEventsInput {
  /** Hazard ratio to detect (> 0, != 1); HR and 1 / HR need the same number of events. */
  hazardRatio: number;
  /** Two-sided significance level; default 0.05. */
  alpha?: number;
  /** Power; default 0.8. */
  power?: number;
  /** Share of subjects in one arm; default 0.5 (equal allocation). */
  allocation?: number;
}

export interface SchoenfeldEventsResult {
  /** Required number of events, unrounded. */
  readonly events: number;
  /** The same, rounded up to a whole number of events. */
  readonly eventsRounded: number;
  readonly hazardRatio: number;
  readonly alpha: number;
  readonly power: number;
  readonly allocation: number;
  readonly method: string;
}

const KEYS = ["hazardRatio", "alpha", "power", "allocation"];

/**
 * @param input  `hazardRatio` (> 0, not 1), and optionally `alpha` (two-sided, default 0.05),
 *               `power` (default 0.8), `allocation` (share in one arm, default 0.5)
 * @returns      a frozen result: `events` (unrounded), `eventsRounded` (up), the design's
 *               `hazardRatio`, `alpha`, `power`, `allocation`, and `method`
 * @throws SurvivalInputError  for a hazard ratio that is not a finite number > 0 or is 1, an
 *               alpha, power or allocation outside (0, 1), a power not above alpha / 2, or an
 *               unknown key
 *
 * @example
 * schoenfeldEvents({ hazardRatio: 0.5 });   // => { events: 65.35, eventsRounded: 66 } (80% power, 5% two-sided)
 */
export function schoenfeldEvents(input: SchoenfeldEventsInput): SchoenfeldEventsResult {
  const o = checkObject("input", input);
  checkOptionNames("schoenfeldEvents", o, KEYS, "input");
  const hazardRatio = checkHazardRatio(o.hazardRatio, false);
  const { alpha, power, allocation, zSum } = checkSchoenfeldLevels(o);
  const logHR = Math.log(hazardRatio);
  const events = (zSum * zSum) / (allocation * (1 - allocation) * logHR * logHR);
  return Object.freeze({
    events,
    eventsRounded: Math.ceil(events - 1e-9 * events),
    hazardRatio,
    alpha,
    power,
    allocation,
    method: "Schoenfeld (1983) events for the log-rank test, two-sided",
  });
}
