/**
 * Quantiles of a Kaplan-Meier curve and their confidence limits, re-derived from R survival 3.5.
 * Two rules, because R itself has two:
 *
 * - `curveQuantile` is quantile.survfit (R/quantile.survfit.R, its helper `findq`): the p-th
 *   quantile is the first time the curve of 1 - S reaches p; where 1 - S sits at p (within
 *   sqrt(machine epsilon)) over an interval, the midpoint of that interval; where the curve ends
 *   flat at p, the midpoint of where it reached p and the last time. Its CI is the same rule
 *   applied to the curves 1 - lower and 1 - upper (where the bands cross p).
 * - `printedMedian` is the median of print(fit) and summary(fit)$table (R/print.survfit.R,
 *   survmean's helper `minmin`): the first time S <= 0.5 (within tolerance), the midpoint to the
 *   next drop where S sits at 0.5, but no midpoint when the curve ends flat at 0.5.
 *
 * They differ only for a curve that ends flat at exactly p = 0.5: e.g. times 1, 2, 3, 4 with
 * status 1, 1, 0, 0 have printed median 2 and quantile(0.5) = 3.
 * Not reached / not estimable is NaN here (R: NA).
 */
import { countAtOrBelow, countBelow } from "../core/bisect.js";

/** sqrt(.Machine$double.eps), the tolerance both rules use. */
const TOL = Math.sqrt(Number.EPSILON);

/**
 * R's findq(x = c(0, time), y = c(0, 1 - s), p, tol): `s` is the survival curve or a CI band at
 * each row time (NaN where R has NA). Returns NaN where R returns NA.
 */
export function curveQuantile(time: ArrayLike<number>, s: ArrayLike<number>, p: number): number {
  const m = time.length;
  // x = c(0, time), y = c(0, 1 - s)
  const x = (k: number) => (k === 0 ? 0 : time[k - 1]);
  const y = new Float64Array(m + 1);
  let yMax = 0;
  for (let k = 0; k < m; k++) {
    const v = 1 - s[k];
    y[k + 1] = v;
    if (v > yMax) yMax = v;
  }
  // if (max(y, na.rm = TRUE) < min(p)) return(NA)
  if (yMax < p) return NaN;

  // R first drops repeated y values (censored rows), keeping the first occurrence, then
  // indx <- approx(y +- tol, 1:n, p, method = "constant", f = 1)$y. approx drops NA pairs, sorts
  // by its first argument and returns the index of the smallest value >= p (NA when p lies
  // outside the range of the values): for a monotone curve, the first crossing. Taking the
  // earliest of equal values gives the same point without dropping the repeats here.
  const i1 = approxIndex(y, TOL, p);
  const i2 = approxIndex(y, -TOL, p);
  let q = i1 >= 0 && i2 >= 0 ? (x(i1) + x(i2)) / 2 : NaN;

  // The curve ends flat at p (the last of the de-duplicated y is p within tolerance): the
  // midpoint of where it got there and the last time. NA counts as a value in R's duplicated(),
  // so that last point may be NA, and then this rule does not apply.
  const yLast = y[lastFirstOccurrence(y)];
  if (!Number.isNaN(yLast) && Math.abs(p - yLast) < TOL) {
    q = i1 >= 0 ? (x(i1) + x(m)) / 2 : NaN;
  }
  return q;
}

/** Index of the earliest smallest y[k] + shift >= p over non-NaN y; -1 if p is outside their range. */
function approxIndex(y: Float64Array, shift: number, p: number): number {
  let best = -1;
  let bestValue = Infinity;
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < y.length; k++) {
    const v = y[k] + shift;
    if (Number.isNaN(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    if (v >= p && v < bestValue) {
      bestValue = v;
      best = k;
    }
  }
  return p < min || p > max ? -1 : best;
}

/**
 * The median print(fit) shows (survmean's minmin) for the curve or CI band `s` at each row time
 * (NaN where R has NA). NaN when the curve never reaches 0.5: not reached.
 */
export function printedMedian(time: ArrayLike<number>, s: ArrayLike<number>): number {
  const m = time.length;
  const limit = 0.5 + TOL;
  let first = -1;
  for (let j = 0; j < m; j++) {
    if (s[j] < limit) {
      // (NaN < limit is false: NA rows are skipped, as keep <- !is.na(y) & ...)
      if (first < 0) {
        first = j;
        if (!(Math.abs(s[j] - 0.5) < TOL)) return time[j];
      } else if (s[j] < s[first]) {
        return (time[first] + time[j]) / 2; // flat at 0.5 until time[j]: the midpoint
      }
    }
  }
  return first < 0 ? NaN : time[first]; // never reached, or flat at 0.5 to the end
}

/**
 * The last index k whose y[k] does not occur before k (NaN equal to NaN), i.e. the position of
 * R's y[!duplicated(y)][n]. A monotone sequence (NaNs aside) has its repeats adjacent: one pass.
 * Otherwise (plain CI limits, or a log upper limit near its cap of 1, can rise) walk back from
 * the end counting occurrences in a sorted copy; no hashing (V8 Sets of many doubles are slow).
 */
function lastFirstOccurrence(y: Float64Array): number {
  const count = y.length;
  let monotone = true;
  let prev = -Infinity;
  for (let k = 0; k < count; k++) {
    const v = y[k];
    if (Number.isNaN(v)) continue;
    if (v < prev) {
      monotone = false;
      break;
    }
    prev = v;
  }
  if (monotone) {
    let lastNew = 0;
    let last = NaN;
    let sawNaN = false;
    for (let k = 0; k < count; k++) {
      const v = y[k];
      if (Number.isNaN(v)) {
        if (!sawNaN) lastNew = k;
        sawNaN = true;
      } else if (v !== last) {
        lastNew = k;
        last = v;
      }
    }
    return lastNew;
  }
  const sorted = y.slice().sort(); // numeric order, NaNs last
  let nNaN = 0;
  for (let k = 0; k < count; k++) if (Number.isNaN(y[k])) nNaN++;
  const n = count - nNaN;
  // passed[slot]: occurrences after k of the value whose first position in sorted is slot (NaN: n)
  const passed = new Int32Array(count + 1);
  for (let k = count - 1; k > 0; k--) {
    const v = y[k];
    const nan = Number.isNaN(v);
    const slot = nan ? n : countBelow(sorted, v, n);
    const occurrences = nan ? nNaN : countAtOrBelow(sorted, v, n) - slot;
    if (occurrences - passed[slot] === 1) return k; // no occurrence before k
    passed[slot]++;
  }
  return 0; // y[0] = 0
}
