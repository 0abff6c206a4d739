/**
 * The numbers-at-risk table printed under a Kaplan-Meier plot: at each chosen time t, the
 * number still at risk (subjects whose time is >= t) and the events and censorings cumulated
 * over (0, t], t included.
 *
 * This is the convention of R's `summary(survfit(...), times = breaks, extend = TRUE)` with
 * `n.event` and `n.censor` cumulated (what survminer's `ggsurvplot` tables and the KMunicate
 * package print; Morris et al., BMJ Open 2019;9:e030215). A subject with an event exactly at
 * a break is counted both at risk and among the events at that break. Past the last time
 * nobody is at risk and the cumulated counts stay at their totals.
 *
 * It reads only the rows of a fitted curve (one per distinct time, as `kaplanMeier` returns),
 * so it works on any fit of that shape. With delayed entry, as in R, the number at t is still
 * the risk set of the first row at or after t, so it counts the rows entering between t and
 * that row.
 *
 * @example
 * numbersAtRisk({ time: [1, 2, 3], nRisk: [3, 2, 1], nEvent: [1, 0, 1], nCensor: [0, 1, 0] }, [0, 2, 5])
 * // { time: [0, 2, 5], nRisk: [3, 2, 0], nEvent: [0, 1, 2], nCensor: [0, 1, 1] }
 */
import { SurvivalInputError, show } from "../../survival/errors.js";

/** The rows of a fitted curve this table needs (kaplanMeier's result has them). */
export interface CurveRows {
  readonly time: ArrayLike<number>;
  readonly nRisk: ArrayLike<number>;
  readonly nEvent: ArrayLike<number>;
  readonly nCensor: ArrayLike<number>;
}

export interface NumbersAtRisk {
  readonly time: readonly number[];
  readonly nRisk: readonly number[];
  /** Events in (0, t]. */
  readonly nEvent: readonly number[];
  /** Censored in (0, t]. */
  readonly nCensor: readonly number[];
}

export function numbersAtRisk(fit: CurveRows, breaks: ArrayLike<number>): NumbersAtRisk {
  const n = fit.time.length;
  for (const key of ["nRisk", "nEvent", "nCensor"] as const) {
    if (fit[key].length !== n) {
      throw new SurvivalInputError(
        `fit.${key} has length ${fit[key].length} but fit.time has length ${n}: they must be the same length`,
        `fit.${key}`,
        undefined,
        fit[key].length,
      );
    }
  }
  for (let i = 1; i < n; i++) {
    if (!(fit.time[i] > fit.time[i - 1])) {
      throw new SurvivalInputError(
        `fit.time[${i}] is ${show(fit.time[i])}: the rows of a fit must have strictly increasing times`,
        "fit.time",
        i,
        fit.time[i],
      );
    }
  }
  for (let j = 0; j < breaks.length; j++) {
    const t = breaks[j];
    if (typeof t !== "number" || !Number.isFinite(t) || t < 0 || (j > 0 && !(t > breaks[j - 1]))) {
      throw new SurvivalInputError(
        `breaks[${j}] is ${show(t)}: breaks must be finite, >= 0 and strictly increasing`,
        "breaks",
        j,
        t,
      );
    }
  }

  const time: number[] = [];
  const nRisk: number[] = [];
  const nEvent: number[] = [];
  const nCensor: number[] = [];
  let i = 0; // first row with time > the previous break
  let events = 0;
  let censored = 0;
  for (let j = 0; j < breaks.length; j++) {
    const t = breaks[j];
    while (i < n && fit.time[i] <= t) {
      events += fit.nEvent[i];
      censored += fit.nCensor[i];
      i++;
    }
    // At risk at t: the risk set of the first row at or after t (rows before t have left it).
    const atOrAfter = i > 0 && fit.time[i - 1] === t ? i - 1 : i;
    time.push(t);
    nRisk.push(atOrAfter >= n ? 0 : fit.nRisk[atOrAfter]);
    nEvent.push(events);
    nCensor.push(censored);
  }
  return Object.freeze({
    time: Object.freeze(time),
    nRisk: Object.freeze(nRisk),
    nEvent: Object.freeze(nEvent),
    nCensor: Object.freeze(nCensor),
  });
}
