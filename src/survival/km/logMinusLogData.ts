/**
 * The points of a log(-log S) plot for one Kaplan-Meier curve (R's plot(survfit, fun =
 * "cloglog"), log scale on x): x = log(time), y = log(-log(S)), at the curve's rows with
 * time > 0 and 0 < S < 1 (elsewhere one of them is infinite). Draw as a step function; under
 * proportional hazards the curves of two groups are parallel, a vertical distance log(HR) apart.
 *
 * Matches log(-log(S)) of R's survfit (test/survival/fixtures/r/beyond.R).
 */
import { checkObject } from "../core/validate.js";
import { SurvivalInputError } from "../errors.js";

/**
 * @param fit  a kaplanMeier result (anything with `time` and `survival` of one length)
 * @returns    a frozen `{ x, y, time, survival }`: x = log(time), y = log(-log(S)) at the rows
 *             with time > 0 and 0 < S < 1, and those rows' time and S
 * @throws SurvivalInputError  when fit has no `time` and `survival` of the same length
 *
 * @example
 * const points = logMinusLogData(kaplanMeier({ time: [1, 2, 2, 3, 4, 5], event: [1, 1, 1, 0, 1, 1] }));
 * points.x;   // => [0, 0.6931, 1.0986, 1.3863] (log of times 1 to 4; S = 0 at 5 is left out)
 * points.y;   // => [-1.7020, -0.3665, -0.3665, 0.3266]
 */
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
