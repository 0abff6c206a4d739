/**
 * The clean-up of digitised Kaplan-Meier points that Guyot et al. (2012) ask for before their
 * algorithm runs: a curve that starts at (0, 1), in time order, that never rises, with one point
 * per time. Digitising leaves clicks out of order, a little above 1 or below 0, a little above
 * the click before, and two clicks at one time (the top and the foot of a drop). In order:
 *
 * 1. survival values outside [0, 1] (already checked to be near it) are clamped into it;
 * 2. points are sorted by time, higher survival first at equal times;
 * 3. points at time 0 get survival 1, and (0, 1) is added if there is no point at time 0;
 * 4. survival is made non-increasing: each point is lowered to the lowest survival before it;
 * 5. points at one time become one point, the last (lowest): the foot of a vertical drop.
 *
 * The caller has checked the values (finite times >= 0, survival near [0, 1]).
 *
 * @example
 * cleanCurve([5, 0, 2, 5], [0.8, 1.003, 0.95, 0.9]);
 * // time [0, 2, 5], survival [1, 0.95, 0.8]; clamped 1, reordered, merged 1
 */

/** What the clean-up changed, for the user to judge the digitisation. */
export interface CleaningReport {
  /** Survival values pulled into [0, 1]. */
  readonly clamped: number;
  /** Whether the points were given out of time order. */
  readonly reordered: boolean;
  /** Points at time 0 with survival below 1, raised to 1. */
  readonly raisedAtZero: number;
  /** Whether (0, 1) was added because no point was at time 0. */
  readonly originAdded: boolean;
  /** Points lowered so that the curve does not rise, and the largest such lowering. */
  readonly lowered: number;
  readonly maxLowering: number;
  /** Points removed because a later (lower) point had the same time. */
  readonly merged: number;
}

export interface CleanedCurve {
  readonly time: Float64Array;
  readonly survival: Float64Array;
  readonly report: CleaningReport;
}

export function cleanCurve(time: ArrayLike<number>, survival: ArrayLike<number>): CleanedCurve {
  const n = time.length;
  let clamped = 0;
  const s0 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = survival[i];
    s0[i] = v < 0 ? 0 : v > 1 ? 1 : v;
    if (s0[i] !== v) clamped++;
  }

  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => time[a] - time[b] || s0[b] - s0[a]);
  const reordered = order.some((k, i) => k !== i);
  const atZero = n > 0 && time[order[0]] === 0;
  const m = atZero ? n : n + 1;
  const t = new Float64Array(m);
  const s = new Float64Array(m);
  let raisedAtZero = 0;
  const offset = atZero ? 0 : 1;
  if (!atZero) s[0] = 1; // (0, 1) added; t[0] is 0 already
  for (let i = 0; i < n; i++) {
    t[i + offset] = time[order[i]];
    s[i + offset] = s0[order[i]];
    if (t[i + offset] === 0 && s[i + offset] < 1) {
      s[i + offset] = 1;
      raisedAtZero++;
    }
  }

  let lowered = 0;
  let maxLowering = 0;
  for (let i = 1; i < m; i++) {
    if (s[i] > s[i - 1]) {
      lowered++;
      maxLowering = Math.max(maxLowering, s[i] - s[i - 1]);
      s[i] = s[i - 1];
    }
  }

  let kept = 0;
  for (let i = 0; i < m; i++) {
    if (i + 1 < m && t[i + 1] === t[i]) continue; // keep the last point of each time
    t[kept] = t[i];
    s[kept] = s[i];
    kept++;
  }
  const report: CleaningReport = Object.freeze({
    clamped,
    reordered,
    raisedAtZero,
    originAdded: !atZero,
    lowered,
    maxLowering,
    merged: m - kept,
  });
  return { time: t.slice(0, kept), survival: s.slice(0, kept), report };
}
