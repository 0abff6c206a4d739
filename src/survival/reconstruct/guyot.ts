/**
 * The engine of reconstructFromCurve: the algorithm of Guyot, Ades, Ouwens & Welton (2012),
 * step for step as their published R program runs it (the names are the paper's: n.risk,
 * n.censor, n.hat, d, cen, KM.hat, last.i), on a cleaned curve and at-risk intervals that each
 * hold at least one point. No input checks (reconstructFromCurve makes them).
 *
 * For each at-risk interval but the last, a first guess of the number censored, from the
 * printed numbers at risk and the fall of the curve, is spread evenly over the interval
 * (counted per digitised step by R's hist()); the events at each point follow from the curve
 * and the number at risk (d = round(n.hat (1 - S / KM.hat))); the guess is corrected by the
 * difference between the reconstructed and the printed number at risk at the next interval,
 * until they agree. The last interval is censored at the average rate of the others, or, with
 * the total number of events reported, so that the events add up to it.
 *
 * `quirks` = true reproduces the published program where it goes wrong, for comparison with it:
 * (1) where the last interval holds one point, R's lower:(upper - 1) runs backwards and clears
 * the censorings of the point before (and with total events R stops, "replacement has length
 * zero"); (2) the loop of an interval can stop on a guess it has not applied, leaving more
 * patients than the table (a negative number at risk); (3) where R stops with an error (a
 * division by a reconstructed survival of 0, negative events) a PublishedCodeStops is thrown.
 * `quirks` = false corrects these (see reconstructFromCurve). A loop that would never end (the
 * published loops need not: they can cycle, or raise the guess without bound) is detected: with
 * quirks it throws, without it stops at the guess that came closest (the interval is then
 * reported as not converged).
 *
 * Reference: Guyot P, Ades AE, Ouwens MJ, Welton NJ. BMC Med Res Methodol 2012;12:9,
 * doi:10.1186/1471-2288-12-9, and its supplementary R code.
 */
import { breaksWidth, histCounts, rRound } from "./rFunctions.js";

/** Where the published R program stops with an error (only with quirks): R's message. */
export class PublishedCodeStops extends Error {}

export interface GuyotFit {
  /** Per point: events d, censorings cen (the slot after the point), number at risk n.hat. */
  readonly d: Float64Array;
  readonly cen: Float64Array;
  readonly nHat: Float64Array;
  /** Per interval: whether the adjustment loop converged (or was not needed). */
  readonly converged: boolean[];
  /** The rows: events at their point, censorings midway to the next point, the rest at the end. */
  readonly time: number[];
  readonly event: number[];
}

/**
 * @param tS point times (strictly increasing, tS[0] = 0) and S their survival (S[0] = 1)
 * @param lower first point of each at-risk interval (lower[0] = 0, increasing)
 * @param upper last point of each interval (upper[i] = lower[i + 1] - 1; the last is the last point)
 * @param nRiskPrinted the printed numbers at risk at the start of each interval
 * @param totalEvents the reported total number of events, or null
 */
export function guyotFit(
  tS: Float64Array,
  S: Float64Array,
  lower: Int32Array,
  upper: Int32Array,
  nRiskPrinted: ArrayLike<number>,
  totalEvents: number | null,
  quirks: boolean,
): GuyotFit {
  const nInt = lower.length;
  const nT = upper[nInt - 1] + 1;
  const nRisk = Float64Array.from(nRiskPrinted);
  const nCensor = new Float64Array(nInt);
  const nHat = new Float64Array(nT + 1).fill(nRisk[0] + 1);
  const cen = new Float64Array(nT);
  const d = new Float64Array(nT);
  const kmHat = new Float64Array(nT).fill(1);
  const lastI = new Int32Array(nInt);
  const converged: boolean[] = new Array(nInt).fill(true);
  // A loop whose guess of the number censored passes twice the patients is not followed
  // further: the published loops can raise it without end where the events cannot come down to
  // the total (each round also allocates that many censoring times). The guess can usefully
  // exceed the number at risk: censorings beyond it are dropped where n.hat would fall below 0.
  const runaway = 2 * nRisk[0];

  const stop = (message: string): never => {
    throw new PublishedCodeStops(message);
  };
  // d[k] = round(n.hat (1 - S / KM.hat[last])); where the reconstructed curve is at 0 the
  // published code divides by 0 (and stops) except in one loop, which sets d = 0.
  const eventsAt = (k: number, last: number, guarded: boolean): number => {
    if (kmHat[last] === 0 && (guarded || !quirks)) return 0;
    const dk = rRound(nHat[k] * (1 - S[k] / kmHat[last]));
    if (Number.isNaN(dk)) stop("missing value where TRUE/FALSE needed");
    return quirks || dk > 0 ? dk : 0;
  };
  const fillCen = (from: number, to: number, value: number) => {
    for (let j = from; j <= to; j++) cen[j] = value;
  };
  // `count` censoring times spread evenly over (tS[from], tS[to]), counted into cen[from..to-1]
  // per digitised step.
  const widths = new Map<number, number>(); // breaksWidth per interval: its breaks do not change
  const spread = (count: number, from: number, to: number) => {
    const cenT = new Float64Array(count);
    for (let j = 1; j <= count; j++) cenT[j - 1] = tS[from] + (j * (tS[to] - tS[from])) / (count + 1);
    const breaks = tS.subarray(from, to + 1);
    let width = widths.get(from);
    if (width === undefined) widths.set(from, (width = breaksWidth(breaks)));
    cen.set(histCounts(cenT, breaks, width), from);
  };

  // ---- intervals 1 .. nInt - 1 ----------------------------------------------------------------
  for (let i = 0; i < nInt - 1; i++) {
    const lo = lower[i];
    const up = upper[i];
    const next = lower[i + 1];
    let last = lastI[i];
    // One pass with the guess c: censorings, then events and numbers at risk along the interval.
    const pass = (c: number) => {
      if (c > 0) spread(c, lo, next);
      else fillCen(lo, up, 0);
      nHat[lo] = nRisk[i];
      last = lastI[i];
      for (let k = lo; k <= up; k++) {
        if (i === 0 && k === lo) {
          d[k] = 0;
          kmHat[k] = 1;
        } else {
          d[k] = eventsAt(k, last, false);
          kmHat[k] = kmHat[last] * (1 - d[k] / nHat[k]);
        }
        nHat[k + 1] = nHat[k] - d[k] - cen[k];
        if (d[k] !== 0) last = k;
      }
      return nHat[next] - nRisk[i + 1];
    };
    nCensor[i] = rRound((nRisk[i] * S[next]) / S[lo] - nRisk[i + 1]);
    if (Number.isNaN(nCensor[i])) {
      if (quirks) stop("missing value where TRUE/FALSE needed");
      nCensor[i] = 0;
    }
    let used = nCensor[i];
    const tried = new Map<number, number>(); // guess -> gap, to catch a loop that never ends
    // The published loop tests the updated guess (quirk 2); corrected, the guess it applied.
    while (nHat[next] > nRisk[i + 1] || (nHat[next] < nRisk[i + 1] && (quirks ? nCensor[i] : used) > 0)) {
      if (nCensor[i] <= 0) nCensor[i] = 0;
      used = nCensor[i];
      if (quirks && used > runaway) stop(`the loop of interval ${i + 1} has gone past ${runaway} censored; not followed further`);
      if (tried.has(used) || used > runaway) {
        if (quirks) stop("the published loop never ends on this curve");
        used = closestGuess(tried, true);
        nCensor[i] = used + pass(used);
        converged[i] = false;
        break;
      }
      const gap = pass(used);
      tried.set(used, gap);
      nCensor[i] += gap;
    }
    if (nHat[next] < nRisk[i + 1]) nRisk[i + 1] = nHat[next];
    lastI[i + 1] = last;
  }

  // ---- the last interval ---------------------------------------------------------------------
  const L = nInt - 1;
  const lo = lower[L];
  const up = upper[L];
  const onePoint = lo === up;
  // Its censoring slots lo..up-1; with one point the published lower:(upper-1) is c(lo, lo-1).
  const clearSlots = () => {
    if (onePoint && quirks) {
      cen[lo] = 0;
      if (lo > 0) cen[lo - 1] = 0;
    } else fillCen(lo, up - 1, 0);
  };
  const spreadLast = (c: number) => {
    if (onePoint) {
      if (quirks) stop("hist() is called with a single break (not reproduced)");
      return;
    }
    spread(c, lo, up);
  };
  if (nInt > 1) {
    let sum = 0;
    for (let i = 0; i < L; i++) sum += nCensor[i];
    const rate = rRound((sum * (tS[up] - tS[lo])) / (tS[upper[L - 1]] - tS[lower[0]]));
    nCensor[L] = Math.min(rate, nRisk[L]);
    if (Number.isNaN(nCensor[L])) {
      if (quirks) stop("missing value where TRUE/FALSE needed");
      nCensor[L] = 0;
    }
  } else nCensor[L] = 0;
  if (nCensor[L] <= 0) {
    clearSlots();
    nCensor[L] = 0;
  }
  if (nCensor[L] > 0) spreadLast(nCensor[L]);
  nHat[lo] = nRisk[L];
  let last = lastI[L];
  for (let k = lo; k <= up; k++) {
    d[k] = eventsAt(k, last, true);
    kmHat[k] = kmHat[last] * (1 - d[k] / nHat[k]);
    nHat[k + 1] = nHat[k] - d[k] - cen[k];
    if (nHat[k + 1] < 0) {
      nHat[k + 1] = 0;
      cen[k] = nHat[k] - d[k];
    }
    if (d[k] !== 0) last = k;
  }

  // ---- with the total number of events reported ------------------------------------------------
  if (totalEvents !== null) {
    let sumdL = 0;
    if (nInt > 1) {
      sumdL = sumOf(d, upper[L - 1]);
      if (sumdL >= totalEvents) {
        // Already as many events as reported: none, and no censoring, after this.
        for (let k = lo; k <= up; k++) d[k] = 0;
        if (onePoint && quirks) stop("replacement has length zero");
        fillCen(lo, up - 1, 0);
        for (let k = lo + 1; k <= up + 1; k++) nHat[k] = nRisk[L];
      }
    }
    if (sumdL < totalEvents || nInt === 1) {
      let sumd = sumOf(d, up);
      const tried = new Map<number, number>();
      // Corrected, a last interval of one point has no censoring slot to adjust.
      while ((quirks || !onePoint) && (sumd > totalEvents || (sumd < totalEvents && nCensor[L] > 0))) {
        nCensor[L] += sumd - totalEvents;
        if (nCensor[L] <= 0) {
          clearSlots();
          nCensor[L] = 0;
        }
        const c = nCensor[L];
        if (quirks && c > runaway) stop(`the total-events loop has gone past ${runaway} censored; not followed further`);
        if (tried.has(c) || c > runaway) {
          if (quirks) stop("the published loop never ends on this curve");
          nCensor[L] = closestGuess(tried, false);
          lastPass(nCensor[L]);
          converged[L] = false;
          break;
        }
        sumd = lastPass(c);
        tried.set(c, sumd - totalEvents);
      }
    }
  }

  // One pass over the last interval with c censored; returns the total number of events.
  function lastPass(c: number): number {
    if (c > 0) spreadLast(c);
    else clearSlots();
    nHat[lo] = nRisk[L];
    let last = lastI[L];
    for (let k = lo; k <= up; k++) {
      d[k] = eventsAt(k, last, false);
      kmHat[k] = kmHat[last] * (1 - d[k] / nHat[k]);
      if (k !== up) {
        nHat[k + 1] = nHat[k] - d[k] - cen[k];
        if (nHat[k + 1] < 0) {
          nHat[k + 1] = 0;
          cen[k] = nHat[k] - d[k];
        }
      }
      if (d[k] !== 0) last = k;
    }
    return sumOf(d, up);
  }

  // ---- the rows --------------------------------------------------------------------------------
  let placed = 0;
  for (let j = 0; j < nT; j++) {
    if (d[j] < 0) stop("invalid 'times' argument"); // rep() with negative events
    placed += d[j];
  }
  for (let j = 0; j < nT - 1; j++) {
    if (cen[j] < 0) stop("invalid 'times' argument");
    placed += cen[j];
  }
  // R extends the rows past n.risk[1] when more are placed (only with quirks).
  const rows = Math.max(nRiskPrinted[0], placed);
  const time: number[] = new Array(rows).fill(tS[nT - 1]);
  const event: number[] = new Array(rows).fill(0);
  let r = 0;
  for (let j = 0; j < nT; j++) {
    for (let e = 0; e < d[j]; e++) {
      time[r] = tS[j];
      event[r++] = 1;
    }
  }
  for (let j = 0; j < nT - 1; j++) {
    for (let e = 0; e < cen[j]; e++) time[r++] = (tS[j] + tS[j + 1]) / 2;
  }
  return { d, cen, nHat: nHat.subarray(0, nT), converged, time, event };
}

function sumOf(x: Float64Array, to: number): number {
  let s = 0;
  for (let j = 0; j <= to; j++) s += x[j];
  return s;
}

/**
 * Of the guesses a non-ending loop went through, the one whose gap is smallest; for an
 * interval's number at risk (`atRisk`), one that leaves no more patients than printed first.
 */
function closestGuess(tried: Map<number, number>, atRisk: boolean): number {
  let best = NaN;
  let bestScore = Infinity;
  for (const [c, gap] of tried) {
    const score = atRisk && gap > 0 ? 1e9 + gap : Math.abs(gap);
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
