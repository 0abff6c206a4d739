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

/** Refuses option names a function does not know (a misspelt "alpha" must not pass silently). */
export function checkKeys(o: Record<string, unknown>, allowed: readonly string[], fn: string): void {
  for (const key of Object.keys(o)) {
    if (!allowed.includes(key)) {
      throw new SurvivalInputError(
        `${key} is not an argument of ${fn}; the arguments are ${allowed.join(", ")}`,
        key,
        undefined,
        o[key],
      );
    }
  }
}
