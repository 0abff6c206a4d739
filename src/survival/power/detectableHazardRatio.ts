/**
 * The smallest effect a two-arm log-rank comparison with a given number of events detects
 * with a given power: Schoenfeld's formula solved for the hazard ratio,
 *   HR = exp(+-(z_(1 - alpha/2) + z_power) / sqrt(D a (1 - a))),
 * returned as the pair below and above 1 (a benefit or a harm of that size).
 *
 * Reference: Schoenfeld D (1983), Biometrics 39:499-503. Matches the formula evaluated with R's
 * qnorm (test/survival/fixtures/r/beyond.R); schoenfeldEvents at either hazard ratio gives back D.
 *
 * @example
 * detectableHazardRatio({ events: 31 })   // { lower: 0.366, upper: 2.74, ... }
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

export function detectableHazardRatio(input: DetectableHazardRatioInput): DetectableHazardRatioResult {
  const o = checkObject("input", input);
  checkOptionNames("detectableHazardRatio", o, KEYS, "input");
  const events = checkEventCount(o.events);
  const { alpha, power, allocation, zSum } = checkSchoenfeldLevels(o);
  const logHR = zSum / Math.sqrt(events * allocation * (1 - allocation));
  return Object.freeze({ lower: Math.exp(-logHR), upper: Math.exp(logHR), events, alpha, power, allocation });
}
