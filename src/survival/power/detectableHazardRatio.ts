/**
 * The smallest effect a two-arm log-rank comparison with a given number of events detects
 * with a given power: Schoenfeld's formula solved for the hazard ratio,
 *   HR = exp(+-(z_(1 - alpha/2) + z_power) / sqrt(D a (1 - a))),
 * returned as the pair below and above 1 (a benefit or a harm of that size).
 *
 * Reference: Schoenfeld D (1983), Biometrics 39:499-503. Matches the formula evaluated with R's
 * qnorm (test/survival/fixtures/r/beyond.R); schoenfeldEvents at either hazard ratio gives back D.
 */
import { checkObject, checkOptionNames } from "../core/validate.js";
import { checkEventCount, checkSchoenfeldLevels } from "./checkDesign.js";

export interface DetectableHazardRatioInput {
  /** Number of events (> 0). */
  events: number;
  /** Two-sided significance level; default 0.05. */
  alpha?: number;
  /** Power; default 0.8. */
  power?: number;
  /** Share of subjects in one arm; default 0.5. */
  allocation?: number;
}

export interface DetectableHazardRatioResult {
  /** The detectable hazard ratio below 1 (benefit). */
  readonly lower: number;
  /** Its reciprocal, above 1 (harm). */
  readonly upper: number;
  readonly events: number;
  readonly alpha: number;
  readonly power: number;
  readonly allocation: number;
}

const KEYS = ["events", "alpha", "power", "allocation"];

/**
 * @param input  `events` (> 0), and optionally `alpha` (two-sided, default 0.05), `power`
 *               (default 0.8), `allocation` (share in one arm, default 0.5)
 * @returns      a frozen result: the detectable hazard ratios `lower` (< 1) and `upper` (> 1),
 *               and the design's `events`, `alpha`, `power`, `allocation`
 * @throws SurvivalInputError  for a number of events that is not a finite number > 0, an alpha,
 *               power or allocation outside (0, 1), a power not above alpha / 2, or an unknown key
 *
 * @example
 * detectableHazardRatio({ events: 31 });   // => { lower: 0.3655, upper: 2.7356 } (31 events: the paper's recurrences)
 */
export function detectableHazardRatio(input: DetectableHazardRatioInput): DetectableHazardRatioResult {
  const o = checkObject("input", input);
  checkOptionNames("detectableHazardRatio", o, KEYS, "input");
  const events = checkEventCount(o.events);
  const { alpha, power, allocation, zSum } = checkSchoenfeldLevels(o);
  const logHR = zSum / Math.sqrt(events * allocation * (1 - allocation));
  return Object.freeze({ lower: Math.exp(-logHR), upper: Math.exp(logHR), events, alpha, power, allocation });
}
