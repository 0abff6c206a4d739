/**
 * The points of a log(-log S) plot for one Kaplan-Meier curve (R's plot(survfit, fun =
 * "cloglog"), log scale on x): x = log(time), y = log(-log(S)), at the curve's rows with
 * time > 0 and 0 < S < 1 (elsewhere one of them is infinite). Draw as a step function; under
 * proportional hazards the curves of two groups are parallel, a vertical distance log(HR) apart.
 *
 * Matches log(-log(S)) of R's survfit (test/survival/fixtures/r/beyond.R).
 *
 * @example
 * const km = kaplanMeier({ time, event });
 * const { x, y } = logMinusLogData(km);
 */
import { checkObject } from "../core/validate.js";
import { SurvivalInputError } from "../errors.js";

export function logMinusLogData(fit: { time: ArrayLike<number>; survival: ArrayLike<number> }): {
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly time: readonly number[];
  readonly survival: readonly number[];
} {
  const f = checkObject("fit", fit);
  const time = f.time as ArrayLike<number> | undefined;
  const surv = f.survival as ArrayLike<number> | undefined;
  if (!time || !surv || typeof time.length !== "number" || time.length !== surv.length) {
    throw new SurvivalInputError("fit must be a kaplanMeier result (time and survival of the same length)", "fit", undefined, fit);
  }
  const x: number[] = [];
  const y: number[] = [];
  const t: number[] = [];
  const s: number[] = [];
  for (let i = 0; i < time.length; i++) {
    if (time[i] > 0 && surv[i] > 0 && surv[i] < 1) {
      x.push(Math.log(time[i]));
      y.push(Math.log(-Math.log(surv[i])));
      t.push(time[i]);
      s.push(surv[i]);
    }
  }
  return Object.freeze({ x: Object.freeze(x), y: Object.freeze(y), time: Object.freeze(t), survival: Object.freeze(s) });
}
