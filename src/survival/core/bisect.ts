/**
 * Binary search in ascending numbers: how many of the first n entries are below v, or at or
 * below v (C++'s lower_bound and upper_bound; R's findInterval(v, sorted) is the second).
 *
 * @example
 * countBelow([1, 2, 2, 5], 2)       // 1
 * countAtOrBelow([1, 2, 2, 5], 2)   // 3
 */

/** The number of entries of sorted[0..n) that are < v: the first index i with sorted[i] >= v. */
export function countBelow(sorted: ArrayLike<number>, v: number, n = sorted.length): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The number of entries of sorted[0..n) that are <= v: the first index i with sorted[i] > v. */
export function countAtOrBelow(sorted: ArrayLike<number>, v: number, n = sorted.length): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
