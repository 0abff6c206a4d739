/**
 * The engine under Kaplan-Meier and the log-rank family: counts of events and censorings at
 * each distinct time, per group, and the numbers at risk just before each time.
 *
 * Distinct times are found by hashing (O(n)) and only the distinct values are sorted, so data
 * with heavy ties costs less than sorting the times themselves. No input checks: callers pass
 * validated arrays (see validate.ts).
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
  group: Int32Array | null = null,
  nGroups = 1,
  rows: Int32Array | null = null,
): Tabulation {
  const m = rows ? rows.length : time.length;
  const slot = new Map<number, number>();
  // Per distinct time, in first-seen order, growable: [events g0..gk-1, censor g0..gk-1]
  let cap = 64;
  let counts = new Float64Array(cap * 2 * nGroups);
  let seen = new Float64Array(cap);
  let d = 0;
  const w = 2 * nGroups;
  for (let r = 0; r < m; r++) {
    const i = rows ? rows[r] : r;
    const t = time[i];
    let s = slot.get(t);
    if (s === undefined) {
      s = d++;
      slot.set(t, s);
      if (s >= cap) {
        cap *= 2;
        const c2 = new Float64Array(cap * w);
        c2.set(counts);
        counts = c2;
        const s2 = new Float64Array(cap);
        s2.set(seen);
        seen = s2;
      }
      seen[s] = t;
    }
    const g = group ? group[i] : 0;
    counts[s * w + (event[i] ? g : nGroups + g)] += 1;
  }
  const distinct = seen.slice(0, d);
  const sortedTimes = distinct.slice().sort();
  const out = {
    time: sortedTimes,
    nGroups,
    nEvent: new Float64Array(d * nGroups),
    nCensor: new Float64Array(d * nGroups),
    nRisk: new Float64Array(d * nGroups),
    n: new Float64Array(nGroups),
  };
  for (let j = 0; j < d; j++) {
    const s = slot.get(sortedTimes[j])!;
    for (let g = 0; g < nGroups; g++) {
      out.nEvent[j * nGroups + g] = counts[s * w + g];
      out.nCensor[j * nGroups + g] = counts[s * w + nGroups + g];
    }
  }
  // Risk sets: everyone with time >= t_j, accumulated from the end.
  const acc = new Float64Array(nGroups);
  for (let j = d - 1; j >= 0; j--) {
    for (let g = 0; g < nGroups; g++) {
      const k = j * nGroups + g;
      acc[g] += out.nEvent[k] + out.nCensor[k];
      out.nRisk[k] = acc[g];
    }
  }
  out.n.set(acc);
  return out;
}
