/**
 * The two R functions Guyot et al.'s published code leans on, reproduced to the bit so that the
 * reconstruction gives R's rows: round() (R >= 4: halves to even, C's nearbyint) and
 * hist(x, breaks, plot = FALSE)$counts (graphics::hist.default of R 4.2: bins (b[j], b[j+1]],
 * the first one closed, every break but the first moved up by a "fuzz" of 1e-7 times a typical
 * bin width, the first moved down by it, so that a value a rounding error above a break still
 * counts in the bin below it; binning as R's C_BinCount).
 *
 * @example
 * rRound(2.5);                            // 2 (R: round(2.5) is 2; Math.round gives 3)
 * histCounts([1, 2, 3], [0, 1, 2, 3]);    // Float64Array [1, 1, 1] (R: hist(1:3, 0:3)$counts)
 */

/** R's round(x): to the nearest integer, halves to the even one. */
export function rRound(x: number): number {
  const r = Math.round(x); // halves up
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** hist.default's default `fuzz` (R >= 4.2). */
const FUZZ = 1e-7;

/**
 * hist(x, breaks, plot = FALSE)$counts with R's defaults (right = TRUE, include.lowest = TRUE,
 * fuzz = 1e-7). `x` must be ascending and `breaks` (at least two) strictly increasing, as the
 * reconstruction calls it; values outside the breaks are not counted (R stops there instead).
 * `width` is breaksWidth(breaks), passed when the same breaks are used again.
 */
export function histCounts(x: ArrayLike<number>, breaks: ArrayLike<number>, width = breaksWidth(breaks)): Float64Array {
  const nB = breaks.length;
  const nb1 = nB - 1;
  // The typical bin width the fuzz scales: from the breaks, or with 2 or 3 breaks diff(range(x)).
  const diddle = FUZZ * (nB <= 3 ? (x.length > 0 ? x[x.length - 1] - x[0] : 0) : width);
  const fuzzy = new Float64Array(nB);
  fuzzy[0] = breaks[0] - diddle;
  for (let j = 1; j < nB; j++) fuzzy[j] = breaks[j] + diddle;

  const counts = new Float64Array(nb1);
  let bin = 0; // x ascending: the bin only moves right
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!(fuzzy[0] <= v && v <= fuzzy[nb1])) continue;
    while (bin < nb1 - 1 && fuzzy[bin + 1] < v) bin++;
    counts[bin]++;
  }
  return counts;
}

/**
 * The bin width hist() scales its fuzz by, for more than 3 breaks: the median width (more than
 * 5 breaks, stats::median) or the least positive one (4 or 5). NaN for 2 or 3 breaks, where
 * hist() uses the range of x instead.
 */
export function breaksWidth(breaks: ArrayLike<number>): number {
  const nB = breaks.length;
  if (nB <= 3) return NaN;
  const h = new Float64Array(nB - 1);
  for (let j = 1; j < nB; j++) h[j - 1] = breaks[j] - breaks[j - 1];
  if (nB <= 5) return Math.min(...h.filter((v) => v > 0));
  h.sort();
  const half = h.length >> 1;
  return h.length % 2 === 1 ? h[half] : (h[half - 1] + h[half]) / 2;
}
