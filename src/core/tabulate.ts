/**
 * The engine under Kaplan-Meier and the log-rank family: counts of events and censorings at
 * each distinct time, per group, and the numbers at risk just before each time.
 *
 * Distinct times are found with an open-addressing hash table on the doubles (O(n)), and only
 * the distinct values are sorted, so data with heavy ties costs less than sorting the times.
 * Times that differ by floating-point noise are merged as R's survival does (aeqSurv, with
 * the tolerance of all.equal: see R/aeqSurv.R in the survival package), so 0.1 + 0.2 and 0.3
 * are one time, as in survfit and survdiff. No input checks: callers pass validated arrays.
 */

export interface Tabulation {
  /** Distinct times (with an event or a censoring), ascending. */
  readonly time: Float64Array;
  readonly nGroups: number;
  /** Events at time[j] in group g, at [j * nGroups + g]. */
  readonly nEvent: Float64Array;
  /** Censorings at time[j] in group g, at [j * nGroups + g]. */
  readonly nCensor: Float64Array;
  /** Number at risk just before time[j] in group g (time >= time[j]), at [j * nGroups + g]. */
  readonly nRisk: Float64Array;
  /** Number of subjects in each group. */
  readonly n: Float64Array;
}

/** R's default tie tolerance, sqrt(.Machine$double.eps). */
export const TIME_TOLERANCE = Math.sqrt(Number.EPSILON);

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

function hash(t: number, mask: number): number {
  bits[0] = t;
  return (Math.imul(words[0] ^ Math.imul(words[1], 0x9e3779b1), 0x85ebca6b) >>> 15) & mask;
}

/**
 * @param time    validated times
 * @param event   1 = event, 0 = censored
 * @param group   group code 0..nGroups-1 per row, or null for one group
 * @param nGroups number of groups
 * @param rows    optional subset of row indices (e.g. one stratum)
 */
export function tabulate(
  time: Float64Array,
  event: Uint8Array,
  group: ArrayLike<number> | null = null,
  nGroups = 1,
  rows: Int32Array | null = null,
): Tabulation {
  const m = rows ? rows.length : time.length;
  const w = 2 * nGroups; // per distinct value: events g0..gk-1, then censorings g0..gk-1
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
    counts[s * w + (event[i] ? g : nGroups + g)] += 1;
  }

  // Sort the distinct values through an index permutation.
  const order = new Int32Array(d);
  for (let k = 0; k < d; k++) order[k] = k;
  order.sort((a, b) => seen[a] - seen[b]);

  // Merge runs of times closer than R's tolerance into the first time of the run (aeqSurv).
  let meanAbs = 0;
  for (let k = 0; k < d; k++) meanAbs += Math.abs(seen[k]);
  meanAbs /= d;
  const run = new Int32Array(d); // output row of each sorted distinct value
  let rowsOut = d === 0 ? 0 : 1;
  for (let k = 1; k < d; k++) {
    const dy = seen[order[k]] - seen[order[k - 1]];
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
  for (let k = d - 1; k >= 0; k--) {
    const s = order[k];
    const j = run[k];
    out.time[j] = seen[s]; // ends as the first (smallest) value of the run
    for (let g = 0; g < nGroups; g++) {
      out.nEvent[j * nGroups + g] += counts[s * w + g];
      out.nCensor[j * nGroups + g] += counts[s * w + nGroups + g];
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
  return out;
}
