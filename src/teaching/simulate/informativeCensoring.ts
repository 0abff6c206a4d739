/**
 * A simulated cohort in which the same amount of loss to follow-up is either independent of the
 * patients' prognosis or informative about it: the example of notebooks/teaching/04-hazards.
 *
 * Each patient has an event time T, exponential with mean 12 months (true S(t) = exp(-t / 12)),
 * and an administrative censoring time A, uniform on 12 to 36 months (patients joined over two
 * years; the analysis is at a fixed date). With probability 0.4 the patient is also lost to
 * follow-up at a time L:
 * - **independent**: L uniform on 0 to 36 months, whatever T is (moving away, say);
 * - **informative**: L = 0.75 T, when the illness starts to show and the patient is too unwell
 *   to attend (so the patients lost are exactly those about to have the event).
 * Observed: time = min(T, A, L), event = 1 if T comes first. T, A and who is lost are the same
 * in both versions; only the timing of the loss differs.
 *
 * @param options  `seed` (default 2020) and `n` (default 300)
 * @returns        a frozen `{ seed, n, meanEventTime, independent: { time, event }, informative: { time, event } }`
 * @throws SurvivalInputError  for a seed that is not an integer in [0, 2^32), an n that is not
 *                 a whole number from 2 to 100000, or an unknown option
 *
 * @example
 * const sim = simulateInformativeCensoring({ seed: 2020 });
 * kaplanMeier(sim.informative).survivalAt(12);   // above exp(-1) = 0.37, the truth
 */
import { bernoulli, exponential, round2, start, uniform, type SimulationOptions } from "./draws.js";

export interface CensoredRows {
  readonly time: readonly number[];
  readonly event: readonly number[];
}

export interface InformativeCensoringCohort {
  readonly seed: number;
  readonly n: number;
  /** The mean of the exponential event times: true S(t) = exp(-t / meanEventTime). */
  readonly meanEventTime: number;
  readonly independent: CensoredRows;
  readonly informative: CensoredRows;
}

export const MEAN_EVENT_TIME = 12;
const LOST_SHARE = 0.4;

export function simulateInformativeCensoring(options: SimulationOptions = {}): InformativeCensoringCohort {
  const { seed, n, rng } = start("simulateInformativeCensoring", options);
  const rows = { independent: { time: [] as number[], event: [] as number[] }, informative: { time: [] as number[], event: [] as number[] } };
  for (let i = 0; i < n; i++) {
    const T = exponential(rng, MEAN_EVENT_TIME);
    const A = uniform(rng, 12, 36);
    const lost = bernoulli(rng, LOST_SHARE);
    const L = uniform(rng, 0, 36); // drawn for everyone, so both versions use the same stream
    const loss = { independent: lost ? L : Infinity, informative: lost ? 0.75 * T : Infinity };
    for (const k of ["independent", "informative"] as const) {
      const end = Math.min(A, loss[k]);
      rows[k].time.push(round2(Math.min(T, end)));
      rows[k].event.push(T <= end ? 1 : 0);
    }
  }
  const f = Object.freeze;
  return f({
    seed,
    n,
    meanEventTime: MEAN_EVENT_TIME,
    independent: f({ time: f(rows.independent.time), event: f(rows.independent.event) }),
    informative: f({ time: f(rows.informative.time), event: f(rows.informative.event) }),
  });
}
