/**
 * The engine under Kaplan-Meier and the log-rank family: counts of events and censorings at
 * each distinct time, per group, and the numbers at risk just before each time.
 *
 * Two ways to find the distinct times, chosen by the data: with many ties (the usual case in
 * clinical data, where times are whole days or months) an open-addressing hash table on the
 * doubles counts the rows in one O(n) pass and only the distinct values are sorted, which
 * costs less than sorting the times; where most times are distinct, the times of each
 * (group, event) cell are sorted natively and merged. Times that differ by floating-point
 * noise are then merged as R's survival does (aeqSurv, with the tolerance of all.equal: see
 * R/aeqSurv.R), so 0.1 + 0.2 and 0.3 are one time, as in survfit and survdiff.
 * With case weights every count is a sum of weights (R's weighted n.risk, n.event, n.censor).
 * With delayed entry (left truncation, R's Surv(entry, time, event)) a row is at risk at t when
 * entry < t <= time; entry and time are then expected to be on R's timefix grid already
 * (timefix.ts), as the near-tie merging here sees only the times.
 * No input checks: callers pass validated arrays (validate.ts).
 */
import { countAtOrBelow } from "./bisect.js";

export interface Tabulation {
  /** Distinct times (with an event or a censoring), ascending. */
  readonly time: Float64Array;
  readonly nGroups: number;
  /** Events at time[j] in group g, at [j * nGroups + g]. */
  readonly nEvent: Float64Array;
  /** Censorings at time[j] in group g, at [j * nGroups + g]. */
  readonly nCensor: Float64Array;
  /** Number at risk just before time[j] in group g (time >= time[j] > entry), at [j * nGroups + g]. */
  readonly nRisk: Float64Array;
  /** Number of subjects in each group (their total weight, with weights). */
  readonly n: Float64Array;
  /**
   * With delayed entry: the distinct times and entry times as given, ascending, before any
   * near-equal values were merged (for timefix.ts's hasNearTies).
   */
  readonly distinct?: { readonly time: Float64Array; readonly entry: Float64Array };
  /** Asked for with `squared`: the sums of the squared weights of nEvent and nCensor (for the robust variance). */
  readonly squared?: { readonly nEvent: Float64Array; readonly nCensor: Float64Array };
}

/** R's default tie tolerance, sqrt(.Machine$double.eps). */
export const TIME_TOLERANCE = Math.sqrt(Number.EPSILON);

/**
 * Distinct times ascending, with counts per time in cells of width 2k: events of groups
 * 0..k-1, then censorings of groups 0..k-1 (width 4k with squared weights: the same again,
 * summing squared weights).
 */
interface Counts {
  readonly sorted: Float64Array;
  readonly counts: Float64Array;
}

/**
 * @param time    validated times
 * @param event   1 = event, 0 = censored
 * @param group   group code 0..nGroups-1 per row, or null for one group
 * @param nGroups number of groups
 * @param rows    optional subset of row indices (e.g. one stratum)
 * @param weights optional case weight per row (> 0): counts become sums of weights
 * @param entry   optional entry time per row (< its time): at risk only after it
 * @param squared whether to sum the squared weights too, in the same pass (result.squared)
 */
export function tabulate(
  time: Float64Array,
  event: Uint8Array,
  group: ArrayLike<number> | null = null,
  nGroups = 1,
  rows: Int32Array | null = null,
  weights: Float64Array | null = null,
  entry: Float64Array | null = null,
  squared = false,
): Tabulation {
  const m = rows ? rows.length : time.length;
  // Hashing pays while the distinct times are few; past m / 8 sorting is cheaper.
  const counted =
    countByHash(time, event, group, nGroups, rows, Math.max(4096, m >>> 3), weights, squared) ??
    countBySort(time, event, group, nGroups, rows, weights, squared);
  const tab = finish(counted, nGroups, squared);
  if (!entry) return tab;
  const entries = leaveOutEntries(tab, entry, group, rows, weights);
  return { ...tab, distinct: { time: counted.sorted, entry: entries } };
}

/**
 * Takes out of each risk set the rows that have not entered yet: a row entering at e is not at
 * risk at the times <= e (the first countAtOrBelow(time, e) rows of the table). The entry times
 * are counted first (they repeat as the times do), so each distinct one is looked up once.
 * Returns the distinct entry times.
 */
function leaveOutEntries(
  tab: Tabulation,
  entry: Float64Array,
  group: ArrayLike<number> | null,
  rows: Int32Array | null,
  weights: Float64Array | null,
): Float64Array {
  const k = tab.nGroups;
  const d = tab.time.length;
  const later = new Float64Array((d + 1) * k); // weight entering after time[j - 1], by the first row it is at risk at
  const none = new Uint8Array(entry.length); // all "censored": counts in cells k..2k-1
  const m = rows ? rows.length : entry.length;
  const entries =
    countByHash(entry, none, group, k, rows, Math.max(4096, m >>> 3), weights) ?? countBySort(entry, none, group, k, rows, weights);
  for (let v = 0; v < entries.sorted.length; v++) {
    const first = countAtOrBelow(tab.time, entries.sorted[v]) * k;
    for (let g = 0; g < k; g++) later[first + g] += entries.counts[v * 2 * k + k + g];
  }
  const acc = new Float64Array(k);
  for (let j = d - 1; j >= 0; j--) {
    for (let g = 0; g < k; g++) {
      acc[g] += later[(j + 1) * k + g];
      tab.nRisk[j * k + g] -= acc[g];
    }
  }
  return entries.sorted;
}

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/** murmur3's fmix32 over both words of the double: every bit of the key reaches the slot. */
function hash(t: number, mask: number): number {
  bits[0] = t;
  let h = words[0] ^ Math.imul(words[1], 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & mask;
}

/** One pass with an open-addressing table; null as soon as there are more than `limit` distinct times. */
function countByHash(
  time: Float64Array,
  event: Uint8Array,
  group: ArrayLike<number> | null,
  nGroups: number,
  rows: Int32Array | null,
  limit: number,
  weights: Float64Array | null,
  squared = false,
): Counts | null {
  const m = rows ? rows.length : time.length;
  const w = (squared ? 4 : 2) * nGroups;
  let mask = 1023;
  let keys = new Float64Array(mask + 1);
  let slots = new Int32Array(mask + 1).fill(-1);
  let seen = new Float64Array(512);
  let counts = new Float64Array(512 * w);
  let d = 0;
  for (let r = 0; r < m; r++) {
    const i = rows ? rows[r] : r;
    const t = time[i] + 0; // -0 -> 0
    let h = hash(t, mask);
    let s = slots[h];
    while (s !== -1 && keys[h] !== t) {
      h = (h + 1) & mask;
      s = slots[h];
    }
    if (s === -1) {
      if (d === limit) return null;
      s = d++;
      keys[h] = t;
      slots[h] = s;
      if (d > seen.length) {
        const seen2 = new Float64Array(seen.length * 2);
        seen2.set(seen);
        seen = seen2;
        const counts2 = new Float64Array(seen.length * w);
        counts2.set(counts);
        counts = counts2;
      }
      seen[s] = t;
      if (2 * d > mask) {
        // keep the load under one half: rehash into a table twice the size
        mask = mask * 2 + 1;
        keys = new Float64Array(mask + 1);
        slots = new Int32Array(mask + 1).fill(-1);
        for (let k = 0; k < d; k++) {
          let h2 = hash(seen[k], mask);
          while (slots[h2] !== -1) h2 = (h2 + 1) & mask;
          keys[h2] = seen[k];
          slots[h2] = k;
        }
      }
    }
    const g = group ? group[i] : 0;
    const c = s * w + (event[i] ? g : nGroups + g);
    const wi = weights ? weights[i] : 1;
    counts[c] += wi;
    if (squared) counts[c + 2 * nGroups] += wi * wi;
  }
  // Sort the distinct values natively, then move each one's counts to its sorted row.
  const sorted = seen.slice(0, d).sort();
  const out = new Float64Array(d * w);
  for (let k = 0; k < d; k++) {
    const t = sorted[k];
    let h = hash(t, mask);
    while (slots[h] === -1 || keys[h] !== t) h = (h + 1) & mask;
    out.set(counts.subarray(slots[h] * w, slots[h] * w + w), k * w);
  }
  return { sorted, counts: out };
}

/** Native sort of the times of each (group, event) cell, then a merge of the sorted cells. */
function countBySort(
  time: Float64Array,
  event: Uint8Array,
  group: ArrayLike<number> | null,
  nGroups: number,
  rows: Int32Array | null,
  weights: Float64Array | null,
  squared = false,
): Counts {
  const m = rows ? rows.length : time.length;
  const cellCount = 2 * nGroups;
  const w = (squared ? 2 : 1) * cellCount;
  const cellOf = (i: number) => (event[i] ? 0 : nGroups) + (group ? group[i] : 0);
  const size = new Int32Array(cellCount);
  for (let r = 0; r < m; r++) size[cellOf(rows ? rows[r] : r)]++;
  const cells = Array.from(size, (s) => new Float64Array(s));
  // With weights, each cell's rows are sorted by time too, to sum their weights.
  const cellRows = weights ? Array.from(size, (s) => new Int32Array(s)) : null;
  const fill = new Int32Array(cellCount);
  for (let r = 0; r < m; r++) {
    const i = rows ? rows[r] : r;
    const c = cellOf(i);
    if (cellRows) cellRows[c][fill[c]] = i;
    cells[c][fill[c]++] = time[i] + 0;
  }
  if (cellRows) {
    cellRows.forEach((cr, c) => {
      cr.sort((a, b) => time[a] - time[b]);
      for (let h = 0; h < cr.length; h++) cells[c][h] = time[cr[h]] + 0;
    });
  } else {
    for (const cell of cells) cell.sort();
  }
  const head = new Int32Array(cellCount);
  const sorted = new Float64Array(m);
  const counts = new Float64Array(m * w);
  let d = 0;
  for (;;) {
    let t = Infinity;
    let any = false;
    for (let c = 0; c < cellCount; c++) {
      if (head[c] < size[c]) {
        any = true;
        if (cells[c][head[c]] < t) t = cells[c][head[c]];
      }
    }
    if (!any) break;
    sorted[d] = t;
    for (let c = 0; c < cellCount; c++) {
      const cell = cells[c];
      let h = head[c];
      if (cellRows) {
        let sum = 0;
        let sumSquares = 0;
        for (; h < size[c] && cell[h] === t; h++) {
          const wi = weights![cellRows[c][h]];
          sum += wi;
          sumSquares += wi * wi;
        }
        counts[d * w + c] = sum;
        if (squared) counts[d * w + cellCount + c] = sumSquares;
      } else {
        while (h < size[c] && cell[h] === t) h++;
        counts[d * w + c] = h - head[c];
        if (squared) counts[d * w + cellCount + c] = h - head[c];
      }
      head[c] = h;
    }
    d++;
  }
  return { sorted: sorted.slice(0, d), counts: counts.slice(0, d * w) };
}

/**
 * The distinct values of x, ascending, exactly as they are (no near-tie merging): by the hash
 * table while they are few, else by a sort; with a limit, null when there are more than that.
 */
export function distinctValues(x: Float64Array): Float64Array;
export function distinctValues(x: Float64Array, limit: number): Float64Array | null;
export function distinctValues(x: Float64Array, limit?: number): Float64Array | null {
  const counted = countByHash(x, new Uint8Array(x.length), null, 1, null, limit ?? Math.max(4096, x.length >>> 3), null);
  if (counted) return counted.sorted;
  if (limit !== undefined) return null; // more than limit distinct values
  const sorted = Float64Array.from(x).sort();
  let m = 0;
  for (let i = 0; i < sorted.length; i++) if (m === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i] + 0;
  return sorted.slice(0, m);
}

/**
 * The index of each x[i] in `values` (distinct, every x among them), by a hash table: one pass,
 * where a binary search per row would cost log(values) branches.
 */
export function valueIndex(values: Float64Array, x: ArrayLike<number>): Int32Array {
  let mask = 15;
  while (mask < 2 * values.length) mask = mask * 2 + 1;
  const keys = new Float64Array(mask + 1);
  const slots = new Int32Array(mask + 1).fill(-1);
  for (let k = 0; k < values.length; k++) {
    let h = hash(values[k] + 0, mask);
    while (slots[h] !== -1) h = (h + 1) & mask;
    keys[h] = values[k] + 0;
    slots[h] = k;
  }
  const out = new Int32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const t = x[i] + 0;
    let h = hash(t, mask);
    while (keys[h] !== t || slots[h] === -1) h = (h + 1) & mask;
    out[i] = slots[h];
  }
  return out;
}

/** Merges near-equal times (aeqSurv) and accumulates the risk sets. */
function finish({ sorted, counts }: Counts, nGroups: number, squared = false): Tabulation {
  const d = sorted.length;
  const w = (squared ? 4 : 2) * nGroups;
  // Runs of times closer than R's tolerance become the first time of the run (aeqSurv).
  let meanAbs = 0;
  for (let k = 0; k < d; k++) meanAbs += Math.abs(sorted[k]);
  meanAbs /= d;
  const run = new Int32Array(d); // output row of each distinct value
  let rowsOut = d === 0 ? 0 : 1;
  for (let k = 1; k < d; k++) {
    const dy = sorted[k] - sorted[k - 1];
    const tied = dy <= TIME_TOLERANCE || dy / meanAbs <= TIME_TOLERANCE;
    run[k] = tied ? run[k - 1] : rowsOut++;
  }
  const out = {
    time: new Float64Array(rowsOut),
    nGroups,
    nEvent: new Float64Array(rowsOut * nGroups),
    nCensor: new Float64Array(rowsOut * nGroups),
    nRisk: new Float64Array(rowsOut * nGroups),
    n: new Float64Array(nGroups),
  };
  const sq = squared ? { nEvent: new Float64Array(rowsOut * nGroups), nCensor: new Float64Array(rowsOut * nGroups) } : null;
  for (let k = d - 1; k >= 0; k--) {
    const j = run[k];
    out.time[j] = sorted[k]; // ends as the first (smallest) value of the run
    for (let g = 0; g < nGroups; g++) {
      out.nEvent[j * nGroups + g] += counts[k * w + g];
      out.nCensor[j * nGroups + g] += counts[k * w + nGroups + g];
      if (sq) {
        sq.nEvent[j * nGroups + g] += counts[k * w + 2 * nGroups + g];
        sq.nCensor[j * nGroups + g] += counts[k * w + 3 * nGroups + g];
      }
    }
  }
  // Risk sets: everyone with time >= t_j, accumulated from the end.
  const acc = new Float64Array(nGroups);
  for (let j = rowsOut - 1; j >= 0; j--) {
    for (let g = 0; g < nGroups; g++) {
      const k = j * nGroups + g;
      acc[g] += out.nEvent[k] + out.nCensor[k];
      out.nRisk[k] = acc[g];
    }
  }
  out.n.set(acc);
  return sq ? { ...out, squared: sq } : out;
}
