/**
 * Gray's test of equal cumulative incidence of one cause among k groups: the scores and their
 * covariance, summed over strata, as cmprsk's crstm (Fortran, cmprsk 2.2, subroutine crst,
 * re-derived line by line); no input checks.
 *
 * Within a stratum, at each distinct time with an event (of any cause), the score of group g
 * adds w (d_1g - d_1 R_g / R), with R_g = n_g (1 - F_1g(t-)) / S_g(t-) the group's "risk set"
 * for the subdistribution hazard of cause 1, R = sum R_g, and weight w = (1 - F_1(t-))^rho
 * (F_1 the pooled estimate; rho = 0 by default). The covariance follows Gray's (1988)
 * asymptotic form; the statistic is s' V^-1 s over the first k - 1 groups, chi-square on
 * k - 1 df.
 *
 * Reference: Gray (1988), Ann Stat 16:1141; cmprsk 2.2 (R. Gray), src/crstm.f.
 */

export interface GrayScores {
  /** Scores of groups 1..k-1 (length k - 1). */
  readonly score: Float64Array;
  /** Their covariance, (k - 1) x (k - 1) row-major. */
  readonly variance: Float64Array;
}

/**
 * @param status   0 = censored, 1 = the cause tested, 2 = another cause, per row
 * @param group    group code 0..k-1 per row
 * @param k        number of groups
 * @param strata   the row indices of each stratum, each in ascending time order
 * @param tie      tie group of each row (rows with one tie value share a time)
 * @param rho      the weight's exponent
 * @returns        the scores of groups 1..k-1 and their covariance, summed over strata
 */
export function grayScores(
  status: Int32Array,
  group: Int32Array,
  k: number,
  strata: Int32Array[],
  tie: Int32Array,
  rho: number,
): GrayScores {
  const k1 = k - 1;
  const s = new Float64Array(k1);
  const v = new Float64Array(k1 * k1);
  for (const rows of strata) {
    const part = crst(status, group, k, rows, tie, rho);
    for (let i = 0; i < k1; i++) {
      s[i] += part.score[i];
      for (let j = 0; j < k1; j++) v[i * k1 + j] += part.variance[i * k1 + j];
    }
  }
  return { score: s, variance: v };
}

/** One stratum (crst). Arrays indexed by group (0-based); the (k-1) x (k-1) output is full, not packed. */
function crst(status: Int32Array, group: Int32Array, k: number, rows: Int32Array, tie: Int32Array, rho: number): GrayScores {
  const k1 = k - 1;
  const rs = new Float64Array(k);
  for (const r of rows) rs[group[r]]++;
  const s = new Float64Array(k1);
  const v = new Float64Array(k1 * k1);
  const f1m = new Float64Array(k);
  const f1 = new Float64Array(k);
  const skmm = new Float64Array(k).fill(1);
  const skm = new Float64Array(k).fill(1);
  const v3 = new Float64Array(k);
  const v2 = new Float64Array(k1 * k); // v2[i][g]
  const c = new Float64Array(k * k);
  const a = new Float64Array(k * k);
  const d0 = new Float64Array(k);
  const d1 = new Float64Array(k);
  const d2 = new Float64Array(k);
  let fm = 0;
  let f = 0;
  const n = rows.length;
  let ll = 0;
  while (ll < n) {
    let lu = ll;
    while (lu + 1 < n && tie[rows[lu + 1]] === tie[rows[ll]]) lu++;
    d0.fill(0);
    d1.fill(0);
    d2.fill(0);
    for (let x = ll; x <= lu; x++) {
      const r = rows[x];
      const g = group[r];
      if (status[r] === 0) d0[g]++;
      else if (status[r] === 1) d1[g]++;
      else d2[g]++;
    }
    let nd1 = 0;
    let nd2 = 0;
    for (let g = 0; g < k; g++) {
      nd1 += d1[g];
      nd2 += d2[g];
    }
    if (nd1 > 0 || nd2 > 0) {
      let tr = 0;
      let tq = 0;
      for (let g = 0; g < k; g++) {
        if (rs[g] <= 0) continue;
        const td = d1[g] + d2[g];
        skm[g] = (skmm[g] * (rs[g] - td)) / rs[g];
        f1[g] = f1m[g] + (skmm[g] * d1[g]) / rs[g];
        tr += rs[g] / skmm[g];
        tq += (rs[g] * (1 - f1m[g])) / skmm[g];
      }
      f = fm + nd1 / tr;
      const fb = Math.pow(1 - fm, rho);
      for (let i = 0; i < k; i++) {
        for (let j = i; j < k; j++) a[i * k + j] = 0;
        if (rs[i] <= 0) continue;
        const t1 = rs[i] / skmm[i];
        a[i * k + i] = fb * t1 * (1 - t1 / tr);
        if (a[i * k + i] !== 0) c[i * k + i] += (a[i * k + i] * nd1) / (tr * (1 - fm));
        for (let j = i + 1; j < k; j++) {
          if (rs[j] <= 0) continue;
          a[i * k + j] = (-fb * t1 * rs[j]) / (skmm[j] * tr);
          if (a[i * k + j] !== 0) c[i * k + j] += (a[i * k + j] * nd1) / (tr * (1 - fm));
        }
      }
      for (let i = 1; i < k; i++) {
        for (let j = 0; j < i; j++) {
          a[i * k + j] = a[j * k + i];
          c[i * k + j] = c[j * k + i];
        }
      }
      for (let i = 0; i < k1; i++) {
        if (rs[i] <= 0) continue;
        s[i] += fb * (d1[i] - (nd1 * rs[i] * (1 - f1m[i])) / (skmm[i] * tq));
      }
      if (nd1 > 0) {
        for (let g = 0; g < k; g++) {
          if (rs[g] <= 0) continue;
          const t4 = skm[g] > 0 ? 1 - (1 - f) / skm[g] : 1;
          const t5 = nd1 > 1 ? 1 - (nd1 - 1) / (tr * skmm[g] - 1) : 1;
          const t3 = (t5 * skmm[g] * nd1) / (tr * rs[g]);
          v3[g] += t4 * t4 * t3;
          for (let i = 0; i < k1; i++) {
            const t1 = a[i * k + g] - t4 * c[i * k + g];
            v2[i * k + g] += t1 * t4 * t3;
            for (let j = 0; j <= i; j++) {
              const t2 = a[j * k + g] - t4 * c[j * k + g];
              v[i * k1 + j] += t1 * t2 * t3;
            }
          }
        }
      }
      if (nd2 > 0) {
        for (let g = 0; g < k; g++) {
          if (skm[g] <= 0 || d2[g] <= 0) continue;
          const t4 = (1 - f) / skm[g];
          const t5 = d2[g] > 1 ? 1 - (d2[g] - 1) / (rs[g] - 1) : 1;
          const t3 = (t5 * skmm[g] * skmm[g] * d2[g]) / (rs[g] * rs[g]);
          v3[g] += t4 * t4 * t3;
          for (let i = 0; i < k1; i++) {
            const t1 = t4 * c[i * k + g];
            v2[i * k + g] -= t1 * t4 * t3;
            for (let j = 0; j <= i; j++) {
              const t2 = t4 * c[j * k + g];
              v[i * k1 + j] += t1 * t2 * t3;
            }
          }
        }
      }
    }
    if (lu >= n - 1) break;
    for (let x = ll; x <= lu; x++) rs[group[rows[x]]]--;
    fm = f;
    for (let g = 0; g < k; g++) {
      f1m[g] = f1[g];
      skmm[g] = skm[g];
    }
    ll = lu + 1;
  }
  for (let i = 0; i < k1; i++) {
    for (let j = 0; j <= i; j++) {
      for (let g = 0; g < k; g++) {
        v[i * k1 + j] += c[i * k + g] * c[j * k + g] * v3[g];
        v[i * k1 + j] += c[i * k + g] * v2[j * k + g];
        v[i * k1 + j] += c[j * k + g] * v2[i * k + g];
      }
      v[j * k1 + i] = v[i * k1 + j];
    }
  }
  return { score: s, variance: v };
}
