/**
 * The concordance engine: counts of concordant, discordant and tied pairs of a predictor x with
 * right-censored times, and each row's influence on them, as R survival 3.5's concordance3.c
 * (timewt "n"); no input checks. concordance.ts turns the counts into Harrell's C and its
 * infinitesimal-jackknife standard error.
 *
 * A pair is comparable when the shorter time is an event (a censoring at the same time counts
 * as longer, as R); among comparable pairs it is concordant when the longer-lived row has the
 * larger x, discordant when the smaller, tied on x when equal; pairs of deaths at one time are
 * tied on y (and tied on xy when x is equal too). Each pair counts w_i w_j. Rows are walked from
 * the largest time down, censorings before deaths at a time; sums of weights by rank of x are
 * kept in Fenwick trees (R uses a balanced binary tree), one for everyone seen and one for the
 * deaths, which also gives each row's influence: its own pairs as the death, and as the
 * longer-lived partner the deaths seen after it entered the walk.
 *
 * Reference: Harrell, Califf, Pryor, Lee & Rosati (1982), JAMA 247:2543; Therneau & Watson
 * (2015), "The concordance statistic and the Cox model" (survival vignette); R survival 3.5
 * concordancefit / concordance3.c.
 */

export interface ConcordanceCounts {
  /** concordant, discordant, tied.x, tied.y, tied.xy (weighted pair counts). */
  readonly count: Float64Array;
  /** Influence per row: concordant, discordant, tied.x (R's imat columns 1-3), [row * 3 + k]. */
  readonly influence: Float64Array;
}

/** A Fenwick tree of weights by rank 0..m-1: sums below, above and at a rank in O(log m). */
class RankSums {
  private readonly tree: Float64Array;
  private readonly at: Float64Array;
  total = 0;
  constructor(private readonly m: number) {
    this.tree = new Float64Array(m + 1);
    this.at = new Float64Array(m);
  }
  add(rank: number, w: number): void {
    this.at[rank] += w;
    this.total += w;
    for (let i = rank + 1; i <= this.m; i += i & -i) this.tree[i] += w;
  }
  /** [greater, smaller, equal] weights, as R's walkup's sums[0], [1], [2]. */
  split(rank: number, out: Float64Array): void {
    let below = 0;
    for (let i = rank; i > 0; i -= i & -i) below += this.tree[i];
    const equal = this.at[rank];
    out[0] = this.total - below - equal;
    out[1] = below;
    out[2] = equal;
  }
}

/**
 * @param rows     the row indices of one stratum, by time descending, censorings before deaths
 *                 at a time (any order within)
 * @param tie      tie group per row (rows with one value share a time)
 * @param event    1 = event
 * @param rank     rank of x per row among the distinct values of x, 0-based
 * @param ranks    number of distinct values
 * @param weights  case weights or null
 * @param count    the five counts, added to
 * @param influence the influence, [row * 3 + k], added to
 */
export function concordanceCounts(
  rows: Int32Array,
  tie: ArrayLike<number>,
  event: ArrayLike<number>,
  rank: Int32Array,
  ranks: number,
  weights: ArrayLike<number> | null,
  count: Float64Array,
  influence: Float64Array,
): void {
  const all = new RankSums(ranks);
  const dead = new RankSums(ranks);
  const sums = new Float64Array(3);
  const wt = (i: number) => (weights ? weights[i] : 1);
  const n = rows.length;
  for (let r = 0; r < n; ) {
    const i0 = rows[r];
    if (!event[i0]) {
      dead.split(rank[i0], sums);
      influence[i0 * 3] -= sums[1];
      influence[i0 * 3 + 1] -= sums[0];
      influence[i0 * 3 + 2] -= sums[2];
      all.add(rank[i0], wt(i0));
      r++;
      continue;
    }
    // the deaths tied at this time (they follow the censorings of the time)
    let end = r;
    while (end < n && tie[rows[end]] === tie[i0] && event[rows[end]]) end++;
    let dwt = 0;
    // tied on y, and on xy (deaths of one time, of equal x)
    for (let k = r; k < end; k++) {
      const j = rows[k];
      count[3] += wt(j) * dwt;
      dwt += wt(j);
    }
    const byRank = new Map<number, number>();
    for (let k = r; k < end; k++) {
      const j = rows[k];
      const before = byRank.get(rank[j]) ?? 0;
      count[4] += wt(j) * before;
      byRank.set(rank[j], before + wt(j));
    }
    for (let k = r; k < end; k++) {
      const j = rows[k];
      all.split(rank[j], sums);
      for (let c = 0; c < 3; c++) {
        count[c] += wt(j) * sums[c];
        influence[j * 3 + c] += sums[c];
      }
      dead.add(rank[j], wt(j));
    }
    for (let k = r; k < end; k++) {
      const j = rows[k];
      dead.split(rank[j], sums);
      influence[j * 3] -= sums[1];
      influence[j * 3 + 1] -= sums[0];
      influence[j * 3 + 2] -= sums[2];
      all.add(rank[j], wt(j));
    }
    r = end;
  }
  for (let r = 0; r < n; r++) {
    const i = rows[r];
    dead.split(rank[i], sums);
    influence[i * 3] += sums[1];
    influence[i * 3 + 1] += sums[0];
    influence[i * 3 + 2] += sums[2];
  }
}
