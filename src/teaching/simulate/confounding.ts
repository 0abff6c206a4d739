/**
 * A simulated non-randomised comparison, confounded by the patients' general condition: the
 * example of notebooks/teaching/08-study-design (the paper's regimens were chosen by the
 * patients' ability to pay and their wishes).
 *
 * Half the patients are in good general condition (good = 1). Patients in good condition choose
 * the new drug more often (80% against 20%), and they also do better: their hazard is a quarter of
 * that of the others (event times exponential with mean 6 months, or 24 in good condition).
 * **The drug does nothing**: the event time does not depend on it. Administrative censoring
 * uniform on 12 to 36 months.
 *
 * @param options  `seed` (default 2020) and `n` (default 300)
 * @returns        a frozen `{ seed, n, time, event, treated, good }` (treated and good 0 or 1)
 * @throws SurvivalInputError  for a seed that is not an integer in [0, 2^32), an n that is not
 *                 a whole number from 2 to 100000, or an unknown option
 *
 * @example
 * const cohort = simulateConfounding({ seed: 2020 });
 * coxPH({ time: cohort.time, event: cohort.event, covariates: { treated: cohort.treated } }).hazardRatio[0];   // well below 1
 */
import { bernoulli, exponential, round2, start, uniform, type SimulationOptions } from "./draws.js";

export interface ConfoundedCohort {
  readonly seed: number;
  readonly n: number;
  readonly time: readonly number[];
  readonly event: readonly number[];
  /** 1 = took the new drug. */
  readonly treated: readonly number[];
  /** 1 = good general condition (the confounder). */
  readonly good: readonly number[];
}

export function simulateConfounding(options: SimulationOptions = {}): ConfoundedCohort {
  const { seed, n, rng } = start("simulateConfounding", options);
  const cols = { time: [] as number[], event: [] as number[], treated: [] as number[], good: [] as number[] };
  for (let i = 0; i < n; i++) {
    const good = bernoulli(rng, 0.5);
    const treated = bernoulli(rng, good ? 0.8 : 0.2);
    const T = round2(exponential(rng, good ? 24 : 6));
    const A = round2(uniform(rng, 12, 36));
    cols.time.push(Math.min(T, A));
    cols.event.push(T <= A ? 1 : 0);
    cols.treated.push(treated ? 1 : 0);
    cols.good.push(good ? 1 : 0);
  }
  const f = Object.freeze;
  return f({ seed, n, time: f(cols.time), event: f(cols.event), treated: f(cols.treated), good: f(cols.good) });
}
