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
 */
export function histCounts(x: ArrayLike<number>, breaks: ArrayLike<number>): Float64Array {
  const nB = breaks.length;
  const nb1 = nB - 1;
  let width: number;
  if (nB > 5) width = median(diffs(breaks));
  else if (nB <= 3) width = x.length > 0 ? x[x.length - 1] - x[0] : 0; // diff(range(x))
  else width = Math.min(...diffs(breaks).filter((h) => h > 0));
  const diddle = FUZZ * width;
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

function diffs(b: ArrayLike<number>): number[] {
  const h: number[] = [];
  for (let j = 1; j < b.length; j++) h.push(b[j] - b[j - 1]);
  return h;
}

/** stats::median: the middle value, or the mean of the two middle ones. */
function median(h: number[]): number {
  const s = h.slice().sort((a, b) => a - b);
  const half = s.length >> 1;
  return s.length % 2 === 1 ? s[half] : (s[half - 1] + s[half]) / 2;
}
