/**
 * The permutation engine under permutationLogRank: checked arrays in, no input checks. One
 * tabulation of the pooled data (distinct times, numbers at risk, events and the weights, which
 * do not depend on the labels) is reused; each assignment of the group labels only recounts
 * the labels per distinct time, O(n + m k^2) for m distinct times and k groups.
 *
 * - permutationEngine: the chi-square statistic of logRankTest (R's survdiff) for any
 *   assignment of group codes, on the tabulation shared by all of them.
 * - permutationCount: the observed statistic and the share of assignments at least as extreme,
 *   over every distinct assignment ("exact", enumerated by nextArrangement) or over seeded
 *   random shuffles ("monte-carlo", p = (b + 1) / (B + 1), Phipson & Smyth 2010).
 * - countAssignments: n! / (n_1! ... n_k!), the number of distinct assignments.
 *
 * Reference: Good (2005), Permutation, Parametric and Bootstrap Tests of Hypotheses, ch. 3;
 * Davison & Hinkley (1997), sec. 4.2; Phipson & Smyth (2010), Stat Appl Genet Mol Biol 9:39.
 */
import { logGamma } from "../core/distributions.js";
import { createRandom, shuffle } from "../core/random.js";
import { countAtOrBelow } from "../core/bisect.js";
import { tabulate } from "../core/tabulate.js";
import { quadraticForm } from "../logrank/quadraticForm.js";
import { timeWeights, type LogRankWeight } from "../logrank/weights.js";

/** How the permutation distribution is obtained: every assignment, or random ones. */
export type PermutationDistribution = "exact" | "monte-carlo";

/** Relative tolerance of the "at least as extreme" comparison. */
export const TIE_TOLERANCE = Math.sqrt(Number.EPSILON);

/**
 * The tabulation shared by every assignment: per row its distinct-time index, and per
 * distinct time the pooled numbers at risk and of events and the weight.
 */
export interface PermutationEngine {
  readonly n: number;
  readonly k: number;
  /** The chi-square statistic for one assignment of group codes 0..k-1 (one per row). */
  statistic(codes: ArrayLike<number>): number;
}

export function permutationEngine(
  time: Float64Array,
  event: Uint8Array,
  k: number,
  weight: LogRankWeight,
  p = 1,
  q = 0,
): PermutationEngine {
  const n = time.length;
  const tab = tabulate(time, event);
  const m = tab.time.length;
  // Row -> distinct time: the last distinct time <= the row's time (tabulate merges times
  // closer than R's tolerance into the first of their run).
  const at = new Int32Array(n);
  for (let i = 0; i < n; i++) at[i] = countAtOrBelow(tab.time, time[i], m) - 1;
  const w = timeWeights(weight, tab.nRisk, tab.nEvent, p, q);
  // Event times only, from the last to the first, with d w, the variance factor
  // w^2 d (n - d) / (n - 1) / n, and 1 / n.
  let nEventTimes = 0;
  for (let j = 0; j < m; j++) if (tab.nEvent[j] > 0) nEventTimes++;
  const idx = new Int32Array(nEventTimes);
  for (let j = m - 1, r = 0; j >= 0; j--) if (tab.nEvent[j] > 0) idx[r++] = j;
  const nRisk = tab.nRisk;
  const nEvent = tab.nEvent;
  const cnt = new Float64Array(m * k); // rows of each group at each distinct time
  const evt = new Float64Array(m * k); // events of each group at each distinct time
  const risk = new Float64Array(k);
  const u = new Float64Array(k); // O - E
  const e = new Float64Array(k); // E
  const v = new Float64Array(k * k);

  // Two groups: only group 1's counts are needed; per event time (in idx order) the
  // constants w d / n and w^2 d (n - d) / ((n - 1) n).
  const c1 = new Float64Array(m);
  const e1 = new Float64Array(m);
  const wdn = new Float64Array(idx.length);
  const vf = new Float64Array(idx.length);
  for (let r = 0; r < idx.length; r++) {
    const j = idx[r];
    const nj = nRisk[j];
    const dj = nEvent[j];
    wdn[r] = (w[j] * dj) / nj;
    vf[r] = nj > 1 ? (w[j] * w[j] * dj * (nj - dj)) / ((nj - 1) * nj) : 0;
  }

  function statistic2(codes: ArrayLike<number>): number {
    c1.fill(0);
    e1.fill(0);
    for (let i = 0; i < n; i++) {
      if (codes[i] === 1) {
        c1[at[i]] += 1;
        e1[at[i]] += event[i];
      }
    }
    let r1 = 0;
    let next = m - 1;
    let u1 = 0;
    let v11 = 0;
    let exp0 = 0;
    let exp1 = 0;
    for (let r = 0; r < idx.length; r++) {
      const j = idx[r];
      for (; next >= j; next--) r1 += c1[next];
      const nj = nRisk[j];
      const ex = wdn[r] * r1;
      exp1 += ex;
      exp0 += wdn[r] * (nj - r1);
      u1 += w[j] * e1[j] - ex;
      v11 += vf[r] * r1 * (1 - r1 / nj);
    }
    // survdiff: both groups need E > 0, else the statistic is 0
    if (!(exp0 > 0 && exp1 > 0)) return 0;
    return v11 > 0 ? (u1 * u1) / v11 : 0;
  }

  function statistic(codes: ArrayLike<number>): number {
    if (k === 2) return statistic2(codes);
    cnt.fill(0);
    evt.fill(0);
    for (let i = 0; i < n; i++) {
      const c = at[i] * k + codes[i];
      cnt[c] += 1;
      evt[c] += event[i];
    }
    risk.fill(0);
    u.fill(0);
    e.fill(0);
    v.fill(0);
    let next = m - 1; // risk sets accumulate from the last time down
    for (let r = 0; r < idx.length; r++) {
      const j = idx[r];
      for (; next >= j; next--) for (let g = 0; g < k; g++) risk[g] += cnt[next * k + g];
      const nj = nRisk[j];
      const dj = nEvent[j];
      const wj = w[j];
      for (let g = 0; g < k; g++) {
        const eg = (wj * dj * risk[g]) / nj;
        e[g] += eg;
        u[g] += wj * evt[j * k + g] - eg;
      }
      if (nj > 1) {
        const f = (wj * wj * dj * (nj - dj)) / ((nj - 1) * nj);
        for (let g = 0; g < k; g++) {
          const rg = risk[g];
          if (rg === 0) continue;
          const t = f * rg;
          v[g * k + g] += t;
          for (let h = 0; h < k; h++) v[g * k + h] -= (t * risk[h]) / nj;
        }
      }
    }
    // survdiff: the groups with E > 0, the first of them dropped; fewer than two: 0.
    const keep: number[] = [];
    for (let g = 0; g < k; g++) if (e[g] > 0) keep.push(g);
    if (keep.length < 2) return 0;
    const rest = keep.slice(1);
    const qf = quadraticForm(
      rest.map((g) => u[g]),
      rest.map((g) => rest.map((h) => v[g * k + h])),
    );
    return qf.rank > 0 ? qf.value : 0;
  }

  return { n, k, statistic };
}

/**
 * Rearranges a into the next larger arrangement in lexicographic order (C++'s
 * std::next_permutation on a multiset); false when a was the last (then a is left sorted).
 * Starting from the sorted codes it visits every distinct arrangement exactly once.
 */
export function nextArrangement(a: Int32Array): boolean {
  let i = a.length - 2;
  while (i >= 0 && a[i] >= a[i + 1]) i--;
  if (i < 0) {
    a.reverse();
    return false;
  }
  let j = a.length - 1;
  while (a[j] <= a[i]) j--;
  let t = a[i];
  a[i] = a[j];
  a[j] = t;
  for (let l = i + 1, r = a.length - 1; l < r; l++, r--) {
    t = a[l];
    a[l] = a[r];
    a[r] = t;
  }
  return true;
}

/** n! / (n_1! ... n_k!), the number of distinct assignments (exact to 2^53, then rounded). */
export function countAssignments(sizes: ArrayLike<number>): number {
  let n = 0;
  let logCount = 0;
  for (let g = 0; g < sizes.length; g++) {
    n += sizes[g];
    logCount -= logGamma(sizes[g] + 1);
  }
  logCount += logGamma(n + 1);
  const approx = Math.exp(logCount);
  if (approx > 2 ** 52) return approx;
  // Exact by products of binomial coefficients (each an integer at every step).
  let count = 1;
  let placed = 0;
  for (let g = 0; g < sizes.length; g++) {
    for (let i = 1; i <= sizes[g]; i++) count = (count * (placed + i)) / i;
    placed += sizes[g];
  }
  return Math.round(count);
}

/** What permutationCount finds. */
export interface PermutationCount {
  /** The statistic of the observed assignment. */
  readonly observed: number;
  /** Assignments evaluated whose statistic is at least the observed one (ties included). */
  readonly atLeast: number;
  /** Assignments evaluated: all of them (exact) or the draws (Monte Carlo). */
  readonly evaluated: number;
  /** atLeast / evaluated (exact) or (atLeast + 1) / (draws + 1) (Monte Carlo). */
  readonly pValue: number;
  /** sqrt(p (1 - p) / draws) for Monte Carlo; 0 for exact. */
  readonly mcError: number;
}

/**
 * @param engine        the shared tabulation (permutationEngine)
 * @param codes         the observed group codes 0..k-1, one per row (not changed)
 * @param distribution  "exact": every distinct assignment; "monte-carlo": `draws` shuffles
 * @param draws         number of Monte Carlo draws (ignored for exact)
 * @param seed          seed of the generator (ignored for exact)
 * @returns             the observed statistic, the count at least as extreme and the p-value
 */
export function permutationCount(
  engine: PermutationEngine,
  codes: Int32Array,
  distribution: PermutationDistribution,
  draws: number,
  seed: number,
): PermutationCount {
  const observed = engine.statistic(codes);
  const threshold = observed * (1 - TIE_TOLERANCE);
  let atLeast = 0;
  if (distribution === "exact") {
    const a = codes.slice().sort();
    let evaluated = 0;
    do {
      if (engine.statistic(a) >= threshold) atLeast++;
      evaluated++;
    } while (nextArrangement(a));
    return { observed, atLeast, evaluated, pValue: atLeast / evaluated, mcError: 0 };
  }
  const rng = createRandom(seed);
  const a = codes.slice();
  for (let b = 0; b < draws; b++) {
    shuffle(a, rng);
    if (engine.statistic(a) >= threshold) atLeast++;
  }
  const pValue = (atLeast + 1) / (draws + 1);
  return { observed, atLeast, evaluated: draws, pValue, mcError: Math.sqrt((pValue * (1 - pValue)) / draws) };
}
