/**
 * The Aalen-Johansen engine for competing risks: the cumulative incidence of each cause in one
 * group, with survfit's infinitesimal-jackknife standard error; checked arrays in, no checks.
 *
 * Everyone starts event-free (state 0) and leaves it at most once, to cause k = 1..K or by
 * censoring. At each distinct time t_j (n at risk, d_k events of cause k, d = sum d_k):
 *   S(t_j) = S(t_j-) (1 - d / n),   F_k(t_j) = F_k(t_j-) + S(t_j-) d_k / n,
 * the Aalen-Johansen product of the transition matrices H_j (row 0: 1 - d/n, d_1/n, ..., d_K/n;
 * the causes absorbing). The standard error is R's (survfit for a multi-state factor outcome,
 * src/survfitci.c, survival 3.5): each subject i carries an influence vector U_i over the
 * states, updated at each event time as U_i <- U_i H_j, plus S(t_j-)/n (e_s - H_j[0, ]) for
 * the subjects at risk (s their state just after t_j), and var F_k(t) = sum_i U_ik(t)^2.
 * Everyone at risk shares one U (they entered together and have not moved), so the sum is kept
 * as that vector plus the sum of U_i' U_i over the subjects who have left (which evolves as
 * H' M H): O(K^3) per time instead of R's O(n K^2).
 *
 * With delayed entry (at risk on (entry, time], R's Surv(entry, time, cause) with each row its
 * own id) a row's U_i is 0 until it enters, and those at risk share U only with the rows that
 * entered between the same two event times: they are kept as cohorts, a U and a count each
 * (withEntry below). Without entry, the engine is the one-cohort case above, unchanged.
 *
 * Reference: Aalen & Johansen (1978), Scand J Stat 5:141; Kalbfleisch & Prentice (2002),
 * sec. 8.2; Therneau, Crowson & Atkinson, "Multi-state models and competing risks" (survival
 * vignette); R survival 3.5 survfitCI.R / survfitci.c.
 */
import { sortOrder } from "../core/sortOrder.js";
import { tieGroups } from "../core/timefix.js";

export interface AalenJohansenFit {
  /** Distinct times (events or censorings), ascending. */
  readonly time: Float64Array;
  /** Number event-free (at risk) just before each time. */
  readonly nRisk: Float64Array;
  readonly nCensor: Float64Array;
  /** Per cause k = 1..K (index k - 1): events at each time, the incidence and its standard error. */
  readonly nEvent: Float64Array[];
  readonly incidence: Float64Array[];
  readonly stdErr: Float64Array[];
  /** The event-free probability S(t) and its standard error (survfit's state "(s0)"). */
  readonly eventFree: Float64Array;
  readonly eventFreeStdErr: Float64Array;
}

/**
 * @param time    checked times of the group's rows
 * @param cause   0 = censored, k = 1..K the cause, one per row
 * @param K       number of causes
 * @param entry   entry times (< time), already on R's timefix grid with time (onTimeGrid), or null
 * @returns       the curves, one row per distinct time
 *
 * @example
 * aalenJohansen(Float64Array.of(1, 2, 3), Int32Array.of(1, 2, 0), 2).incidence[0] // [1/3, 1/3, 1/3]
 */
export function aalenJohansen(time: Float64Array, cause: Int32Array, K: number, entry: Float64Array | null = null): AalenJohansenFit {
  if (entry !== null) return withEntry(time, cause, K, entry);
  const n0 = time.length;
  const order = sortOrder(time);
  const sorted = new Float64Array(n0);
  for (let i = 0; i < n0; i++) sorted[i] = time[order[i]];
  const tie = tieGroups(sorted, true);
  const m = n0 === 0 ? 0 : tie[n0 - 1] + 1;

  const S = K + 1; // states: 0 = event-free, k = cause k
  const out = emptyFit(m, K);

  const p = new Float64Array(S); // state probabilities
  p[0] = 1;
  const u = new Float64Array(S); // the influence vector shared by everyone at risk
  let M = new Float64Array(S * S); // sum of U_i' U_i over those who have left
  let HtMH = new Float64Array(S * S);
  const MH = new Float64Array(S * S); // scratch for sandwich
  const h0 = new Float64Array(S); // row 0 of H
  const uNew = new Float64Array(S);
  const uEvent = new Float64Array(S);
  const d = new Float64Array(S);
  let atRisk = n0;
  let i = 0;
  for (let j = 0; j < m; j++) {
    out.time[j] = sorted[i];
    d.fill(0);
    let censored = 0;
    while (i < n0 && tie[i] === j) {
      const c = cause[order[i]];
      if (c === 0) censored++;
      else d[c]++;
      i++;
    }
    let events = 0;
    for (let k = 1; k < S; k++) events += d[k];
    const n = atRisk;
    out.nRisk[j] = n;
    out.nCensor[j] = censored;

    if (events > 0) {
      h0[0] = 1 - events / n;
      for (let k = 1; k < S; k++) h0[k] = d[k] / n;
      sandwich(M, h0, S, MH, HtMH); // those who have left: H' M H
      // Those at risk: u <- u H + S(t-)/n (e_s - h0), s = 0 for those still event-free.
      const scale = p[0] / n;
      for (let b = 0; b < S; b++) uNew[b] = u[b] + u[0] * (h0[b] - (b === 0 ? 1 : 0));
      // Variance at t_j: the departed, the event-free, and each cause's new arrivals.
      const variance = new Float64Array(S);
      for (let b = 0; b < S; b++) {
        const stay = uNew[b] + scale * ((b === 0 ? 1 : 0) - h0[b]);
        variance[b] = HtMH[b * S + b] + (n - events) * stay * stay;
      }
      const next = HtMH;
      for (let k = 1; k < S; k++) {
        if (d[k] === 0) continue;
        for (let b = 0; b < S; b++) uEvent[b] = uNew[b] + scale * ((b === k ? 1 : 0) - h0[b]);
        for (let b = 0; b < S; b++) {
          variance[b] += d[k] * uEvent[b] * uEvent[b];
          for (let a = 0; a < S; a++) next[a * S + b] += d[k] * uEvent[a] * uEvent[b];
        }
      }
      for (let b = 0; b < S; b++) u[b] = uNew[b] + scale * ((b === 0 ? 1 : 0) - h0[b]);
      for (let a = 0; a < S; a++) for (let b = 0; b < S; b++) next[a * S + b] += censored * u[a] * u[b];
      HtMH = M;
      M = next;
      stepProbabilities(p, h0); // p <- p H
      storeRow(out, j, p, variance, d, K);
    } else {
      const variance = new Float64Array(S);
      for (let b = 0; b < S; b++) variance[b] = M[b * S + b] + n * u[b] * u[b];
      for (let a = 0; a < S; a++) for (let b = 0; b < S; b++) M[a * S + b] += censored * u[a] * u[b];
      storeRow(out, j, p, variance, d, K);
    }
    atRisk -= events + censored;
  }
  return out;
}

/**
 * The engine with delayed entry. The rows at risk are kept in cohorts: those who entered between
 * the same two event times share U (0 at entry). At an event time every cohort's U moves to
 * U H + S(t-)/n (e_0 - h0) = U + (U_0 - S(t-)/n)(h0 - e_0), and a row leaving by cause k carries
 * that plus S(t-)/n (e_k - e_0). O(K) per cohort alive at each event time, O(K^2) per cohort
 * with rows leaving (R: O(K^2) per row at risk). So the cost grows with the cohorts alive times
 * the event times, at most the square of the number of distinct event times: on a grid of times
 * (days, months) it stays within a few times the plain fit's; with continuous times it is
 * quadratic (10,000 rows in about 0.4 s, 30,000 in about 4 s).
 */
function withEntry(time: Float64Array, cause: Int32Array, K: number, entry: Float64Array): AalenJohansenFit {
  const n0 = time.length;
  const order = sortOrder(time);
  const sorted = new Float64Array(n0);
  for (let i = 0; i < n0; i++) sorted[i] = time[order[i]];
  const tie = tieGroups(sorted, false); // entry and time are on R's grid already (onTimeGrid)
  const m = n0 === 0 ? 0 : tie[n0 - 1] + 1;
  const entryOrder = sortOrder(entry);

  const S = K + 1; // states: 0 = event-free, k = cause k
  const out = emptyFit(m, K);

  // Cohort c: cu[c S + b] its U, cn[c] how many of it are at risk, cd[c S + k] how many of it
  // leave at the current time by cause k (k = 0: censored). At most one new cohort per time.
  const cu = new Float64Array((m + 1) * S);
  const cn = new Float64Array(m + 1);
  const cd = new Float64Array((m + 1) * S);
  const cohortOf = new Int32Array(n0);
  const live = new Int32Array(m + 1); // the cohorts with rows at risk
  let nLive = 0;
  let cohorts = 0;
  let open = -1; // the cohort entrants join (its U still 0), or -1 when there is none

  const p = new Float64Array(S); // state probabilities
  p[0] = 1;
  let M = new Float64Array(S * S); // sum of U_i' U_i over those who have left
  let HtMH = new Float64Array(S * S);
  const MH = new Float64Array(S * S);
  const h0 = new Float64Array(S); // row 0 of H
  const d = new Float64Array(S);
  const variance = new Float64Array(S);
  let atRisk = 0;
  let entered = 0;
  let i = 0;
  for (let j = 0; j < m; j++) {
    const t = sorted[i];
    out.time[j] = t;
    for (; entered < n0 && entry[entryOrder[entered]] < t; entered++) {
      if (open < 0) {
        open = cohorts++;
        live[nLive++] = open;
      }
      cohortOf[entryOrder[entered]] = open;
      cn[open]++;
      atRisk++;
    }
    d.fill(0);
    for (; i < n0 && tie[i] === j; i++) {
      const row = order[i];
      d[cause[row]]++;
      cd[cohortOf[row] * S + cause[row]]++;
    }
    const censored = d[0];
    let events = 0;
    for (let k = 1; k < S; k++) events += d[k];
    const n = atRisk;
    out.nRisk[j] = n;
    out.nCensor[j] = censored;

    if (events > 0) {
      h0[0] = 1 - events / n;
      for (let k = 1; k < S; k++) h0[k] = d[k] / n;
      sandwich(M, h0, S, MH, HtMH); // those who have left: H' M H
      for (let b = 0; b < S; b++) variance[b] = HtMH[b * S + b];
      const next = HtMH;
      const scale = p[0] / n;
      for (let l = 0; l < nLive; l++) {
        const c = live[l];
        const o = c * S;
        const g = cu[o] - scale;
        for (let b = 0; b < S; b++) cu[o + b] += g * (h0[b] - (b === 0 ? 1 : 0)); // the event-free's U after t_j
        const cens = cd[o];
        let left = 0;
        for (let k = 0; k < S; k++) {
          const dk = cd[o + k];
          if (dk === 0) continue;
          left += dk;
          cd[o + k] = 0;
          // a row leaving by cause k: U + scale (e_k - e_0); censored (k = 0): U, added to M
          for (let a = 0; a < S; a++) {
            const ua = cu[o + a] + (k === 0 ? 0 : scale * ((a === k ? 1 : 0) - (a === 0 ? 1 : 0)));
            if (k > 0) variance[a] += dk * ua * ua;
            for (let b = 0; b < S; b++) {
              const ub = cu[o + b] + (k === 0 ? 0 : scale * ((b === k ? 1 : 0) - (b === 0 ? 1 : 0)));
              next[a * S + b] += dk * ua * ub;
            }
          }
        }
        const eventFree = cn[c] - left + cens; // the censored are event-free at t_j
        for (let b = 0; b < S; b++) variance[b] += eventFree * cu[o + b] * cu[o + b];
        cn[c] -= left;
      }
      HtMH = M;
      M = next;
      open = -1;
      stepProbabilities(p, h0); // p <- p H
    } else {
      for (let b = 0; b < S; b++) variance[b] = M[b * S + b];
      for (let l = 0; l < nLive; l++) {
        const o = live[l] * S;
        for (let b = 0; b < S; b++) variance[b] += cn[live[l]] * cu[o + b] * cu[o + b];
        const gone = cd[o];
        if (gone === 0) continue;
        for (let a = 0; a < S; a++) for (let b = 0; b < S; b++) M[a * S + b] += gone * cu[o + a] * cu[o + b];
        cn[live[l]] -= gone;
        cd[o] = 0;
      }
    }
    storeRow(out, j, p, variance, d, K);
    atRisk -= events + censored;
    let kept = 0; // drop the cohorts with no one left at risk
    for (let l = 0; l < nLive; l++) if (cn[live[l]] > 0) live[kept++] = live[l];
    nLive = kept;
    if (open >= 0 && cn[open] === 0) open = -1;
  }
  return out;
}

function storeRow(
  out: {
    eventFree: Float64Array;
    eventFreeStdErr: Float64Array;
    incidence: Float64Array[];
    stdErr: Float64Array[];
    nEvent: Float64Array[];
  },
  j: number,
  p: Float64Array,
  variance: Float64Array,
  d: Float64Array,
  K: number,
): void {
  out.eventFree[j] = p[0];
  out.eventFreeStdErr[j] = Math.sqrt(variance[0]);
  for (let k = 1; k <= K; k++) {
    out.incidence[k - 1][j] = p[k];
    out.stdErr[k - 1][j] = Math.sqrt(variance[k]);
    out.nEvent[k - 1][j] = d[k];
  }
}

/** The fit's columns for m times and K causes, zeroed. */
function emptyFit(m: number, K: number) {
  return {
    time: new Float64Array(m),
    nRisk: new Float64Array(m),
    nCensor: new Float64Array(m),
    nEvent: Array.from({ length: K }, () => new Float64Array(m)),
    incidence: Array.from({ length: K }, () => new Float64Array(m)),
    stdErr: Array.from({ length: K }, () => new Float64Array(m)),
    eventFree: new Float64Array(m),
    eventFreeStdErr: new Float64Array(m),
  };
}

/**
 * out <- H' M H for the transition matrix H of one event time, which differs from the identity in
 * row 0 only (h0): (M H)[a][b] = M[a][b] + M[a][0] (h0[b] - [b = 0]), and likewise on the left.
 * MH is scratch space of S x S.
 */
function sandwich(M: Float64Array, h0: Float64Array, S: number, MH: Float64Array, out: Float64Array): void {
  for (let a = 0; a < S; a++) {
    for (let b = 0; b < S; b++) MH[a * S + b] = M[a * S + b] + M[a * S] * (h0[b] - (b === 0 ? 1 : 0));
  }
  for (let a = 0; a < S; a++) {
    const ra = h0[a] - (a === 0 ? 1 : 0);
    for (let b = 0; b < S; b++) out[a * S + b] = MH[a * S + b] + ra * MH[b];
  }
}

/** The state probabilities through one event time, p <- p H (H as in sandwich). */
function stepProbabilities(p: Float64Array, h0: Float64Array): void {
  const p0 = p[0];
  p[0] = p0 * h0[0];
  for (let k = 1; k < p.length; k++) p[k] += p0 * h0[k];
}
