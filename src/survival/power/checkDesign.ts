/**
 * Checks shared by the power and sample-size functions: each throws SurvivalInputError naming
 * the argument and the value.
 */
import { normalQuantile } from "../core/distributions.js";
import { SurvivalInputError, show } from "../errors.js";

/** A number strictly between 0 and 1 (alpha, power, allocation). */
export function checkProbability(name: string, x: unknown, what: string): number {
  if (typeof x !== "number" || !(x > 0 && x < 1)) {
    throw new SurvivalInputError(`${name} is ${show(x)}: ${what} must be a number strictly between 0 and 1`, name, undefined, x);
  }
  return x;
}

/** A hazard ratio: finite and > 0; also != 1 unless allowOne. */
export function checkHazardRatio(x: unknown, allowOne: boolean, name = "hazardRatio"): number {
  if (typeof x !== "number" || !(x > 0) || x === Infinity) {
    throw new SurvivalInputError(`${name} is ${show(x)}: a hazard ratio must be a finite number > 0`, name, undefined, x);
  }
  if (x === 1 && !allowOne) {
    throw new SurvivalInputError(
      `${name} is 1: there is no effect to detect (no finite number of events gives power above alpha)`,
      name,
      undefined,
      x,
    );
  }
  return x;
}

/** A number of events: finite and > 0 (need not be whole, e.g. an expected count). */
export function checkEventCount(x: unknown, name = "events"): number {
  if (typeof x !== "number" || !(x > 0) || x === Infinity) {
    throw new SurvivalInputError(`${name} is ${show(x)}: the number of events must be a finite number > 0`, name, undefined, x);
  }
  return x;
}

/** A design's levels, checked, and the numerator of Schoenfeld's formula. */
export interface SchoenfeldLevels {
  readonly alpha: number;
  readonly power: number;
  readonly allocation: number;
  /** z_(1 - alpha/2) + z_power. */
  readonly zSum: number;
}

/**
 * The two-sided alpha (default 0.05), power (default 0.8) and allocation (default 0.5) of a
 * design, and z_(1 - alpha/2) + z_power; refuses a power that does not exceed alpha / 2 (the
 * sum would not be positive).
 */
export function checkSchoenfeldLevels(o: Record<string, unknown>): SchoenfeldLevels {
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
  return { alpha, power, allocation, zSum };
}
