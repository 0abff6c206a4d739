/**
 * Default times for the x-axis ticks and the numbers-at-risk table of a survival plot: from 0
 * in equal steps to the first step at or past the last follow-up time, at most `maxIntervals`
 * steps. Steps are months-friendly (1, 2, 3, 4, 6, 12, 24, 36, 48, 60) where they fit, else
 * 1-2-5 multiples of a power of ten (as R's pretty() would pick for other units).
 *
 * @example
 * timeBreaks(18)  // [0, 3, 6, 9, 12, 15, 18]
 * timeBreaks(29)  // [0, 6, 12, 18, 24, 30]
 */
import { SurvivalInputError, show } from "../../survival/errors.js";

const MONTH_STEPS = [1, 2, 3, 4, 6, 12, 24, 36, 48, 60];

export function timeBreaks(maxTime: number, maxIntervals = 7): readonly number[] {
  if (typeof maxTime !== "number" || !Number.isFinite(maxTime) || maxTime < 0) {
    throw new SurvivalInputError(`maxTime is ${show(maxTime)}: it must be a finite number >= 0`, "maxTime", undefined, maxTime);
  }
  if (!Number.isInteger(maxIntervals) || maxIntervals < 1) {
    throw new SurvivalInputError(`maxIntervals is ${show(maxIntervals)}: it must be an integer >= 1`, "maxIntervals", undefined, maxIntervals);
  }
  if (maxTime === 0) return [0];
  let step = MONTH_STEPS.find((s) => s >= maxTime / maxIntervals && maxTime >= s);
  if (step === undefined) {
    const raw = maxTime / maxIntervals;
    const power = 10 ** Math.floor(Math.log10(raw));
    step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) as number;
  }
  const count = Math.ceil(maxTime / step - 1e-9);
  const out: number[] = [];
  // Multiply rather than add, so 0.1-steps stay exact decimals (0.3, not 0.30000000000000004).
  for (let i = 0; i <= count; i++) out.push(Number((i * step).toPrecision(12)));
  return Object.freeze(out);
}
