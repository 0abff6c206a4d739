/**
 * A simulated cohort for immortal-time bias and the landmark analysis: the example of
 * notebooks/teaching/08-study-design.
 *
 * Follow-up starts at surgery. Each patient has an event time T, exponential with mean 12
 * months, and an administrative censoring time A, uniform on 12 to 36 months. A maintenance
 * drug is started at a time W, exponential with mean 6 months, if the patient is still
 * event-free and followed then (W < min(T, A)); otherwise never. **The drug does nothing**: T
 * is drawn without regard to it. Yet "ever treated" patients must have lived event-free until
 * W: that stretch of "immortal" time is what a comparison of ever- against never-treated from
 * surgery credits to the drug.
 *
 * @param options  `seed` (default 2020) and `n` (default 300)
 * @returns        a frozen `{ seed, n, time, event, treatmentTime }`: treatmentTime[i] is W for
 *                 a treated patient, null for one never treated
 * @throws SurvivalInputError  for a seed that is not an integer in [0, 2^32), an n that is not
 *                 a whole number from 2 to 100000, or an unknown option
 *
 * @example
 * const cohort = simulateImmortalTime({ seed: 2020 });
 * cohort.treatmentTime.filter((w) => w !== null).length;   // the patients ever treated
 */
import { exponential, round2, start, uniform, type SimulationOptions } from "./draws.js";

export interface ImmortalTimeCohort {
  readonly seed: number;
  readonly n: number;
  readonly time: readonly number[];
  readonly event: readonly number[];
  /** When the drug was started (months from surgery), or null if never. */
  readonly treatmentTime: readonly (number | null)[];
}

export function simulateImmortalTime(options: SimulationOptions = {}): ImmortalTimeCohort {
  const { seed, n, rng } = start("simulateImmortalTime", options);
  const time: number[] = [];
  const event: number[] = [];
  const treatmentTime: (number | null)[] = [];
  for (let i = 0; i < n; i++) {
    const T = round2(exponential(rng, 12));
    const A = round2(uniform(rng, 12, 36));
    const W = round2(exponential(rng, 6));
    time.push(Math.min(T, A));
    event.push(T <= A ? 1 : 0);
    treatmentTime.push(W < Math.min(T, A) ? W : null);
  }
  const f = Object.freeze;
  return f({ seed, n, time: f(time), event: f(event), treatmentTime: f(treatmentTime) });
}
