/**
 * The log-rank engine (as R's survdiff.fit under survdiff): checked arrays in, the weighted
 * observed and expected counts per group and the covariance of O - E out, summed over strata;
 * no input checks. logRankTest (logRankTest.ts) checks the data and options, calls this and
 * turns the sums into the chi-square test.
 *
 * Within each stratum, at each distinct event time t_j (n_j at risk, d_j events; n_gj and d_gj
 * in group g) with weight w_j (weights.ts, from the stratum's own numbers at risk and pooled
 * Kaplan-Meier):
 *   O_g = sum_j w_j d_gj,   E_g = sum_j w_j d_j n_gj / n_j,
 *   V_gh = sum_j w_j^2 d_j (n_j - d_j) / (n_j - 1) (n_gj / n_j) (1[g = h] - n_hj / n_j),
 * as R's src/survdiff2.c. With case weights, every count is a sum of weights (frequency
 * weights: whole-number weights give survdiff on the rows repeated); with delayed entry the risk
 * sets hold the rows with entry < t <= time; a time with at most
 * one (weighted) subject at risk adds no variance. Reference: Klein & Moeschberger (2003),
 * Survival Analysis, sec. 7.3.
 */
import { tabulate } from "../core/tabulate.js";
import { type LogRankWeight, timeWeights } from "./weights.js";

/** Weighted O, E (length k) and V (k x k, row-major), summed over strata. */
export interface LogRankFit {
  readonly n: Float64Array;
  readonly observed: Float64Array;
  readonly expected: Float64Array;
  readonly variance: Float64Array;
}

/**
 * @param time     checked times
 * @param event    1 = event, 0 = censored
 * @param group    group codes 0..k-1
 * @param k        number of groups
 * @param strata   stratum codes 0..nStrata-1, or null for one stratum
 * @param nStrata  number of strata (1 without strata)
 * @param weight   the weight family (weights.ts), with the Fleming-Harrington exponents p, q
 * @param cases    case weights per row, or null
 * @param entry    entry times per row (delayed entry, on R's timefix grid), or null
 * @returns        weighted O, E and the covariance V of O - E, summed over strata; n counts rows
 */
export function logRankFit(
  time: Float64Array,
  event: Uint8Array,
  group: Int32Array,
  k: number,
  strata: Int32Array | null,
  nStrata: number,
  weight: LogRankWeight,
  p = 1,
  q = 0,
  cases: Float64Array | null = null,
  entry: Float64Array | null = null,
): LogRankFit {
  const observed = new Float64Array(k);
  const expected = new Float64Array(k);
  const variance = new Float64Array(k * k);
  const nGroup = new Float64Array(k);
  for (const rows of strataRows(strata, nStrata, time.length)) {
    const tab = tabulate(time, event, group, k, rows, cases, entry);
    const d = tab.time.length;
    if (cases === null) for (let g = 0; g < k; g++) nGroup[g] += tab.n[g];
    const nRisk = new Float64Array(d);
    const nEvent = new Float64Array(d);
    for (let j = 0; j < d; j++) {
      let r = 0;
      let e = 0;
      for (let g = 0; g < k; g++) {
        r += tab.nRisk[j * k + g];
        e += tab.nEvent[j * k + g];
      }
      nRisk[j] = r;
      nEvent[j] = e;
    }
    const w = timeWeights(weight, nRisk, nEvent, p, q);
    for (let j = 0; j < d; j++) {
      const deaths = nEvent[j];
      if (deaths === 0) continue;
      const nr = nRisk[j];
      const wt = w[j];
      const base = j * k;
      for (let g = 0; g < k; g++) {
        observed[g] += wt * tab.nEvent[base + g];
        expected[g] += (wt * deaths * tab.nRisk[base + g]) / nr;
      }
      if (nr <= 1) continue; // one subject at risk: no variance
      const w2 = wt * wt;
      for (let g = 0; g < k; g++) {
        const rg = tab.nRisk[base + g];
        if (rg === 0) continue;
        const tmp = (w2 * deaths * rg * (nr - deaths)) / (nr * (nr - 1));
        variance[g * k + g] += tmp;
        for (let h = 0; h < k; h++) variance[g * k + h] -= (tmp * tab.nRisk[base + h]) / nr;
      }
    }
  }
  if (cases !== null) for (let i = 0; i < group.length; i++) nGroup[group[i]]++;
  return { n: nGroup, observed, expected, variance };
}

/** Row indices of each stratum (a counting sort), or [null] for one stratum (all rows). */
function strataRows(strata: Int32Array | null, nStrata: number, n: number): (Int32Array | null)[] {
  if (strata === null) return [null];
  const count = new Int32Array(nStrata + 1);
  for (let i = 0; i < n; i++) count[strata[i] + 1]++;
  for (let s = 0; s < nStrata; s++) count[s + 1] += count[s];
  const order = new Int32Array(n);
  const next = count.slice(0, nStrata);
  for (let i = 0; i < n; i++) order[next[strata[i]]++] = i;
  const out: Int32Array[] = [];
  for (let s = 0; s < nStrata; s++) out.push(order.subarray(count[s], count[s + 1]));
  return out;
}
