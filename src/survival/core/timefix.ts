/**
 * Entry and exit times on one grid, as R's aeqSurv (survival 3.5, R/aeqSurv.R) puts a
 * Surv(start, stop, event) on one before any fit: the distinct values of both columns, sorted;
 * a value closer to the previous one than sqrt(machine eps) (absolutely, or relative to the mean
 * absolute value) is tied to it, and every time is replaced by the first value of its run. So
 * 1 + 1e-10 entering and 1 leaving are one time, and the row entering there is not at risk at 1.
 */
import { SurvivalInputError } from "../errors.js";
import { countAtOrBelow } from "./bisect.js";
import { distinctValues, TIME_TOLERANCE } from "./tabulate.js";

/**
 * @param entry  checked entry times (each < its time)
 * @param time   checked exit times
 * @returns      copies on the common grid
 * @throws SurvivalInputError  when a row's entry and exit fall on one grid point (R: "an
 *               interval has effective length 0")
 *
 * @example
 * onTimeGrid(Float64Array.of(0, 1 + 1e-10), Float64Array.of(1, 2)) // entry [0, 1], time [1, 2]
 */
export function onTimeGrid(entry: Float64Array, time: Float64Array): { entry: Float64Array; time: Float64Array } {
  const n = time.length;
  const { cuts: grid, tied } = unionGrid(distinctValues(entry), distinctValues(time));
  if (!tied) return { entry, time };
  const snap = (x: number) => grid[countAtOrBelow(grid, x) - 1];
  const e2 = new Float64Array(n);
  const t2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    e2[i] = snap(entry[i]);
    t2[i] = snap(time[i]);
    if (e2[i] === t2[i]) {
      throw new SurvivalInputError(
        `entry[${i}] is ${entry[i]} and time[${i}] is ${time[i]}: they differ by less than R's tie tolerance, an interval of length 0`,
        "entry",
        i,
        entry[i],
      );
    }
  }
  return { entry: e2, time: t2 };
}

/**
 * Whether R's aeqSurv would move any value: a near-tie in the union of two sets of distinct
 * values (each ascending), e.g. a tabulation's distinct times and entry times. Where there is
 * none, onTimeGrid leaves both columns as they are.
 */
export function hasNearTies(a: Float64Array, b: Float64Array): boolean {
  return unionGrid(a, b).tied;
}

/** The union of two ascending sets of distinct values cut into R's runs: the first value of each run, and whether any run has two. */
function unionGrid(a: Float64Array, b: Float64Array): { cuts: Float64Array; tied: boolean } {
  const all = new Float64Array(a.length + b.length);
  all.set(a, 0);
  all.set(b, a.length);
  all.sort();
  let m = 0;
  let meanAbs = 0;
  for (let i = 0; i < all.length; i++) {
    if (m === 0 || all[i] !== all[m - 1]) {
      all[m++] = all[i];
      meanAbs += Math.abs(all[i]);
    }
  }
  meanAbs /= m;
  const cuts = new Float64Array(m);
  let c = 0;
  let tied = false;
  for (let i = 0; i < m; i++) {
    const dy = i === 0 ? Infinity : all[i] - all[i - 1];
    if (i > 0 && (dy <= TIME_TOLERANCE || dy / meanAbs <= TIME_TOLERANCE)) tied = true;
    else cuts[c++] = all[i];
  }
  return { cuts: cuts.subarray(0, c), tied };
}

/**
 * Tie groups in sorted order, as R's aeqSurv: distinct times whose gap is <= tol, or whose gap
 * relative to the mean absolute distinct time is <= tol, fall into one group (chained).
 */
export function tieGroups(sortedTime: Float64Array, timefix: boolean): Int32Array {
  const n = sortedTime.length;
  const group = new Int32Array(n);
  const tol = Math.sqrt(2.220446049250313e-16);
  let meanAbs = 0;
  if (timefix) {
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (i === 0 || sortedTime[i] !== sortedTime[i - 1]) {
        meanAbs += Math.abs(sortedTime[i]);
        count++;
      }
    }
    meanAbs /= count;
  }
  let g = 0;
  for (let i = 1; i < n; i++) {
    const dy = sortedTime[i] - sortedTime[i - 1];
    if (dy !== 0 && !(timefix && (dy <= tol || dy / meanAbs <= tol))) g++;
    group[i] = g;
  }
  return group;
}
