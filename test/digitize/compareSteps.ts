/**
 * How far a digitised step path is from the true Kaplan-Meier step function, for the tests
 * of digitizeCurves: the largest survival difference allowing a time shift of `slack` (about a
 * pixel: a step drawn a pixel late is not an error of 0.1 in S), the largest one away from
 * the steps, and how far each true step time is from the nearest digitised one.
 */
export interface TrueCurve {
  readonly time: readonly number[];
  readonly survival: readonly number[];
  /** Censored at each time (R's n.censor), where known: where the censor marks are drawn. */
  readonly "n.censor"?: readonly number[];
}

/** S(t) of a step path given by its vertices (right-continuous: a step's bottom counts at its time). */
export function pathAt(time: readonly number[], survival: readonly number[], t: number): number {
  let s = survival[0];
  for (let i = 0; i < time.length && time[i] <= t; i++) s = survival[i];
  return s;
}

/** The true KM step function from (0, 1). */
export function trueAt(curve: TrueCurve, t: number): number {
  let s = 1;
  for (let i = 0; i < curve.time.length && curve.time[i] <= t; i++) s = curve.survival[i];
  return s;
}

export interface Comparison {
  /** max over t of the distance from the digitised S(t) to the true S over [t - slack, t + slack]. */
  readonly maxDiff: number;
  /** max |digitised - true| over times more than `slack` from every true step. */
  readonly maxDiffAwayFromSteps: number;
  /** For each true step (a time where S falls), the distance to the nearest digitised step time. */
  readonly stepTimeErrors: number[];
  /**
   * The same for the true steps that stand alone: at least `isolation` from any other step
   * and at least `markReach` from any censoring time (a censor mark's arms hide a step).
   */
  readonly isolatedStepTimeErrors: number[];
  /** The digitised path's time range. */
  readonly range: readonly [number, number];
  /** Where maxDiff is reached. */
  readonly worstTime: number;
}

export function compareSteps(digitised: TrueCurve, truth: TrueCurve, slack: number, isolation = 0, markReach = 0): Comparison {
  const t0 = digitised.time[0];
  const t1 = digitised.time[digitised.time.length - 1];
  const steps: number[] = [];
  let previous = 1;
  truth.time.forEach((t, i) => {
    if (truth.survival[i] < previous) steps.push(t);
    previous = truth.survival[i];
  });
  const digitisedSteps: number[] = [];
  for (let i = 1; i < digitised.time.length; i++) {
    if (digitised.time[i] === digitised.time[i - 1] && digitised.survival[i] < digitised.survival[i - 1]) digitisedSteps.push(digitised.time[i]);
  }
  let maxDiff = 0;
  let worstTime = t0;
  let maxAway = 0;
  const n = 4000;
  for (let g = 0; g <= n; g++) {
    const t = t0 + ((t1 - t0) * g) / n;
    const s = pathAt(digitised.time, digitised.survival, t);
    // The true S over [t - slack, t + slack] (non-increasing: its range is S(t + slack)..S(t - slack)).
    const hi = trueAt(truth, t - slack);
    const lo = trueAt(truth, t + slack);
    const diff = s > hi ? s - hi : s < lo ? lo - s : 0;
    if (diff > maxDiff) {
      maxDiff = diff;
      worstTime = t;
    }
    if (steps.every((u) => Math.abs(u - t) > slack)) maxAway = Math.max(maxAway, Math.abs(s - trueAt(truth, t)));
  }
  const error = (u: number) => Math.min(...digitisedSteps.map((v) => Math.abs(v - u)), Infinity);
  const inside = steps.filter((u) => u >= t0 && u <= t1);
  const censored = truth.time.filter((_, i) => (truth["n.censor"]?.[i] ?? 0) > 0);
  const isolated = inside.filter(
    (u) => steps.every((v) => v === u || Math.abs(v - u) >= isolation) && censored.every((v) => Math.abs(v - u) >= markReach),
  );
  return {
    maxDiff,
    maxDiffAwayFromSteps: maxAway,
    stepTimeErrors: inside.map(error),
    isolatedStepTimeErrors: isolated.map(error),
    range: [t0, t1],
    worstTime,
  };
}
