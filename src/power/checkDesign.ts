/**
 * Checks shared by the power and sample-size functions: each throws SurvivalInputError naming
 * the argument and the value.
 */
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
