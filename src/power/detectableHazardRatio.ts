/**
 * The smallest effect a two-arm log-rank comparison with a given number of events detects
 * with a given power: Schoenfeld's formula solved for the hazard ratio,
 *   HR = exp(+-(z_(1 - alpha/2) + z_power) / sqrt(D a (1 - a))),
 * returned as the pair below and above 1 (a benefit or a harm of that size).
 *
 * Reference: Schoenfeld D (1983), Biometrics 39:499-503. Matches the formula evaluated with R's
 * qnorm (test/fixtures/r/beyond.R); schoenfeldEvents at either hazard ratio gives back D.
 *
 * @example
 * detectableHazardRatio({ events: 31 })   // { lower: 0.366, upper: 2.74, ... }
 */
import { normalQuantile } from "../core/distributions.js";
import { checkObject, checkOptionNames } from "../core/validate.js";
import { SurvivalInputError, show } from "../errors.js";
import { checkProbability } from "./checkDesign.js";

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
  const events = o.events;
  if (typeof events !== "number" || !(events > 0) || events === Infinity) {
    throw new SurvivalInputError(`events is ${show(events)}: the number of events must be a finite number > 0`, "events", undefined, events);
  }
  const alpha = o.alpha === undefined ? 0.05 : checkProbability("alpha", o.alpha, "a significance level");
  const power = o.power === undefined ? 0.8 : checkProbability("power", o.power, "a power");
  const allocation = o.allocation === undefined ? 0.5 : checkProbability("allocation", o.allocation, "the share of subjects in one arm");
  const zSum = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  if (!(zSum > 0)) {
    throw new SurvivalInputError(
      `power is ${power}: with a two-sided alpha of ${alpha} the power must exceed alpha / 2 = ${alpha / 2}`,
      "power",
      undefined,
      power,
    );
  }
  const logHR = zSum / Math.sqrt(events * allocation * (1 - allocation));
  return Object.freeze({ lower: Math.exp(-logHR), upper: Math.exp(logHR), events, alpha, power, allocation });
}
