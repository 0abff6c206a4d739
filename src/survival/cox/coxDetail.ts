/**
 * Per-row quantities of a fitted Cox model at coefficients beta: martingale and score residuals,
 * Schoenfeld residuals, and the baseline hazard's steps. No input checks; coxPH (robust
 * variance), coxResiduals and coxSurvival call it with checked arrays.
 *
 * At each event time t of a stratum, with the risk set's sums at t (denom = sum w r, a = sum w r x,
 * r = exp(x'beta); with delayed entry, rows with entry < t <= time) and the d tied deaths' sums
 * (e = sum w r, a2 = sum w r x, total weight W):
 * - Breslow: hazard step dH = W / denom and mean x = a / denom;
 * - Efron: the deaths leave in d equal fractions, f = 0, 1/d, ..., (d-1)/d: dH = sum_f (W/d) /
 *   (denom - f e), and a death at t itself is exposed only to the part (1 - f) of each step.
 * Row k then has martingale residual M_k = status_k - r_k (H(t_k) - H(entry_k)) and score residual
 * status_k (x_k - xbar(t_k)) - r_k sum over event times in (entry_k, t_k] of (x_k - xbar(t)) dH(t),
 * which is r_k (x_k H_k - G_k) with G the running sum of xbar dH: O(n p) in all, where R's
 * coxscore2.c walks the risk set at every event time. The Schoenfeld residual of a death is
 * x_k - xbar(t_k), xbar for Efron the mean of the d fractional means.
 *
 * Reference: Therneau, Grambsch & Fleming (1990), Biometrika 77:147 (martingale and deviance
 * residuals); Therneau & Grambsch (2000), ch. 4 and 7; R survival 3.5 src/coxmart.c, coxscore2.c,
 * coxscho.c, agmart3.c, agscore2.c.
 */
import { countAtOrBelow } from "../core/bisect.js";
import type { CoxOrder } from "./coxFit.js";

export interface CoxDetail {
  /** exp of the centred linear predictor, per row (R's score / exp(mean eta)). */
  readonly risk: Float64Array;
  /** Martingale residual per row (unweighted, as R's residuals(fit)). */
  readonly martingale: Float64Array;
  /** Score residuals, per covariate: score[k][row] (unweighted). */
  readonly score: Float64Array[];
  /** Death rows in time order (within strata, strata in order), and their Schoenfeld residuals schoenfeld[k][j]. */
  readonly deaths: Int32Array;
  readonly schoenfeld: Float64Array[];
  /** Per event time (tie group with a death), in sorted order: time, stratum, Breslow/Efron hazard step, weight at risk and of deaths, Schoenfeld mean x. */
  readonly eventTime: Float64Array;
  readonly eventStratum: Int32Array;
  readonly hazard: Float64Array;
  readonly nRisk: Float64Array;
  readonly nEvent: Float64Array;
  readonly xbar: Float64Array[];
}

/**
 * @param sorted   coxOrder of the rows
 * @param time     times (on the timefix grid with entry)
 * @param event    1 = event
 * @param x        centred covariate columns (original row order)
 * @param weights  case weights or null
 * @param entry    entry times or null
 * @param beta     coefficients (for the centred columns: the same as for the raw ones)
 * @param efron    Efron (true) or Breslow ties
 * @returns        the residuals and the hazard steps
 */
export function coxDetail(
  sorted: CoxOrder,
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  x: ArrayLike<number>[],
  weights: ArrayLike<number> | null,
  entry: ArrayLike<number> | null,
  beta: ArrayLike<number>,
  efron: boolean,
): CoxDetail {
  const n = time.length;
  const p = x.length;
  const { order, group, stratum, byEntry } = sorted;
  const w = (i: number) => (weights ? weights[i] : 1);
  const risk = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eta = 0;
    for (let k = 0; k < p; k++) eta += beta[k] * x[k][i];
    risk[i] = Math.exp(eta);
  }

  // Tie groups with deaths, in sorted order.
  const nGroups = n === 0 ? 0 : group[n - 1] + 1;
  const groupStart = new Int32Array(nGroups + 1);
  for (let r = 0; r < n; r++) groupStart[group[r] + 1] = r + 1;
  const hasDeath = new Uint8Array(nGroups);
  for (let r = 0; r < n; r++) if (event[order[r]]) hasDeath[group[r]] = 1;
  const eventGroups: number[] = [];
  for (let g = 0; g < nGroups; g++) if (hasDeath[g]) eventGroups.push(g);
  const m = eventGroups.length;
  const slotOf = new Int32Array(nGroups).fill(-1);
  eventGroups.forEach((g, s) => (slotOf[g] = s));

  const eventTime = new Float64Array(m);
  const eventStratum = new Int32Array(m);
  const hazard = new Float64Array(m); // dH for rows at risk that do not die at t
  const hazardDead = new Float64Array(m); // dH as a death at t sees it (Efron's (1 - f))
  const nRisk = new Float64Array(m);
  const nEvent = new Float64Array(m);
  const xbar = Array.from({ length: p }, () => new Float64Array(m)); // Schoenfeld means
  const gStep = Array.from({ length: p }, () => new Float64Array(m)); // sum xbar dH
  const gStepDead = Array.from({ length: p }, () => new Float64Array(m));

  // Backward pass: the risk-set sums at each event time (rows come in as time falls and, with
  // delayed entry, go out at their entry).
  const a = new Float64Array(p);
  const a2 = new Float64Array(p);
  let denom = 0;
  let nrisk = 0;
  let weightAtRisk = 0;
  let current = -1;
  let out = n - 1;
  const positionOf = new Int32Array(entry ? n : 0);
  if (entry) for (let r = 0; r < n; r++) positionOf[order[r]] = r;
  for (let g = nGroups - 1; g >= 0; g--) {
    const first = groupStart[g];
    const last = groupStart[g + 1] - 1;
    if (stratum[last] !== current) {
      current = stratum[last];
      denom = 0;
      nrisk = 0;
      weightAtRisk = 0;
      a.fill(0);
      if (byEntry) while (out >= 0 && stratum[positionOf[byEntry[out]]] > current) out--;
    }
    const t = time[order[last]];
    if (entry && byEntry) {
      while (out >= 0) {
        const i = byEntry[out];
        if (stratum[positionOf[i]] !== current || entry[i] < t) break;
        out--;
        nrisk--;
        if (nrisk === 0) {
          denom = 0;
          weightAtRisk = 0;
          a.fill(0);
          continue;
        }
        weightAtRisk -= w(i);
        const rw = risk[i] * w(i);
        denom -= rw;
        for (let k = 0; k < p; k++) a[k] -= rw * x[k][i];
      }
    }
    let deaths = 0;
    let deadWeight = 0;
    let eDenom = 0;
    a2.fill(0);
    for (let r = first; r <= last; r++) {
      const i = order[r];
      const rw = risk[i] * w(i);
      nrisk++;
      weightAtRisk += w(i);
      denom += rw;
      for (let k = 0; k < p; k++) a[k] += rw * x[k][i];
      if (event[i]) {
        deaths++;
        deadWeight += w(i);
        eDenom += rw;
        for (let k = 0; k < p; k++) a2[k] += rw * x[k][i];
      }
    }
    const s = slotOf[g];
    if (s < 0) continue;
    eventTime[s] = t;
    eventStratum[s] = current;
    nEvent[s] = deadWeight;
    nRisk[s] = weightAtRisk;
    if (!efron || deaths === 1) {
      const h = deadWeight / denom;
      hazard[s] = h;
      hazardDead[s] = h;
      for (let k = 0; k < p; k++) {
        const mean = a[k] / denom;
        xbar[k][s] = mean;
        gStep[k][s] = mean * h;
        gStepDead[k][s] = mean * h;
      }
    } else {
      const meanwt = deadWeight / deaths;
      for (let dd = 0; dd < deaths; dd++) {
        const f = dd / deaths;
        const d2 = denom - f * eDenom;
        const h = meanwt / d2;
        hazard[s] += h;
        hazardDead[s] += h * (1 - f);
        for (let k = 0; k < p; k++) {
          const mean = (a[k] - f * a2[k]) / d2;
          xbar[k][s] += mean / deaths;
          gStep[k][s] += mean * h;
          gStepDead[k][s] += mean * h * (1 - f);
        }
      }
    }
  }

  // Forward pass, stratum by stratum: the running H and G, and each row's residuals.
  const martingale = new Float64Array(n);
  const score = Array.from({ length: p }, () => new Float64Array(n));
  const H = new Float64Array(m); // after event time s (within its stratum)
  const G = Array.from({ length: p }, () => new Float64Array(m));
  {
    let h = 0;
    const gsum = new Float64Array(p);
    for (let s = 0; s < m; s++) {
      if (s > 0 && eventStratum[s] !== eventStratum[s - 1]) {
        h = 0;
        gsum.fill(0);
      }
      h += hazard[s];
      H[s] = h;
      for (let k = 0; k < p; k++) G[k][s] = gsum[k] += gStep[k][s];
    }
  }
  // Event slots of each stratum: [strataStart[c], strataStart[c + 1]).
  let nStrata = 0;
  for (let r = 0; r < n; r++) if (stratum[r] + 1 > nStrata) nStrata = stratum[r] + 1;
  const strataStart = new Int32Array(nStrata + 1);
  for (let s = 0; s < m; s++) strataStart[eventStratum[s] + 1] = s + 1;
  for (let c = 0; c < nStrata; c++) if (strataStart[c + 1] < strataStart[c]) strataStart[c + 1] = strataStart[c];
  const deathsList: number[] = [];
  const deathSlots: number[] = [];
  /** H and G after the event times of stratum c up to time t (inclusive); slot index or -1. */
  const slotAtOrBelow = (c: number, t: number): number => {
    const lo = strataStart[c];
    const k = countAtOrBelow(eventTime.subarray(lo, strataStart[c + 1]), t);
    return k === 0 ? -1 : lo + k - 1;
  };
  for (let r = 0; r < n; r++) {
    const i = order[r];
    const c = stratum[r];
    const g = group[r];
    const s = slotOf[g];
    // the last event time at or before this row's time, in its stratum
    const upTo = s >= 0 ? s : slotAtOrBelow(c, time[i]);
    const from = entry ? slotAtOrBelow(c, entry[i]) : -1;
    let hk = upTo >= 0 ? H[upTo] : 0;
    const hk0 = from >= 0 ? H[from] : 0;
    const dead = event[i] === 1;
    if (dead) hk += hazardDead[s] - hazard[s];
    martingale[i] = (dead ? 1 : 0) - risk[i] * (hk - hk0);
    for (let k = 0; k < p; k++) {
      let gk = upTo >= 0 ? G[k][upTo] : 0;
      const gk0 = from >= 0 ? G[k][from] : 0;
      if (dead) gk += gStepDead[k][s] - gStep[k][s];
      score[k][i] = (dead ? x[k][i] - xbar[k][s] : 0) - risk[i] * (x[k][i] * (hk - hk0) - (gk - gk0));
    }
    if (dead) {
      deathsList.push(i);
      deathSlots.push(s);
    }
  }
  const deaths = Int32Array.from(deathsList);
  const schoenfeld = Array.from({ length: p }, (_, k) => {
    const col = new Float64Array(deaths.length);
    for (let j = 0; j < deaths.length; j++) col[j] = x[k][deaths[j]] - xbar[k][deathSlots[j]];
    return col;
  });
  return { risk, martingale, score, deaths, schoenfeld, eventTime, eventStratum, hazard, nRisk, nEvent, xbar };
}
