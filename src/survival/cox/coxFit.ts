/**
 * The Cox proportional-hazards engine: partial likelihood with Breslow or Efron handling of
 * tied event times, maximised by Newton-Raphson with step-halving. No input checks: coxPH
 * checks and then calls this (as R's coxph calls coxph.fit).
 *
 * A line-by-line re-derivation of R survival's coxfit6.c (survival 3.5-3, the version without
 * trust regions) and coxph.fit.R:
 * - rows are sorted by time; times closer than sqrt(machine eps) (absolutely, or relative to the
 *   mean absolute distinct time) are tied, as R's aeqSurv (coxph.control(timefix = TRUE));
 * - case weights w multiply each row's contribution (risk w exp(x b), score and log-likelihood
 *   terms w x, w x b); at a tied time Efron's fractions split the deaths' weighted risk by their
 *   number of rows, each step weighted by the deaths' mean weight (coxfit6.c; R's book6 test);
 * - each covariate is centred on its (weighted) mean and scaled by sum w / sum w|x - mean| before fitting, except
 *   covariates whose values all lie in {-1, 0, 1} (coxph's default nocenter = c(-1, 0, 1));
 *   results are returned on the original scale;
 * - the first step is from beta = 0, where the score test u' I^-1 u is taken;
 * - a step is accepted when the log partial likelihood does not fall; otherwise (or when it is not
 *   finite) the step is pulled back toward the last accepted beta, ever harder: newbeta =
 *   (newbeta + h * beta) / (h + 1) with h = 1, 2, ...;
 * - convergence when |1 - loglik_old / loglik_new| <= eps (coxph.control eps = 1e-9), at most
 *   iterMax iterations (iter.max = 20); the returned beta, information and score are those at the
 *   converged point.
 *
 * Reference: Therneau & Grambsch, Modeling Survival Data (2000), ch. 3; Efron (1977) JASA 72:557.
 */
import { sortOrder } from "../core/sortOrder.js";
import { tieGroups } from "../core/timefix.js";
import { distinctValues, valueIndex } from "../core/tabulate.js";
import { cholesky2, chinv2, chsolve2, symmetricFromUpper } from "./cholesky.js";

export type Ties = "efron" | "breslow";

export interface CoxFitControl {
  readonly ties: Ties;
  /** Convergence tolerance on the relative change of the log partial likelihood (R: eps). */
  readonly eps: number;
  /** Maximum number of Newton-Raphson iterations (R: iter.max), >= 1. */
  readonly iterMax: number;
  /** Relative pivot tolerance of the Cholesky decomposition (R: toler.chol). */
  readonly tolerChol: number;
  /** Merge times that differ by floating-point noise, as R's timefix (aeqSurv). */
  readonly timefix: boolean;
  /**
   * Sum the likelihood by (stratum, time) cells rather than over sorted rows: by default from
   * 5,000 rows on, where the cells are few (the same sums in another order: on ill-conditioned
   * fits, such as a coefficient diverging, the iterations can then part from R's).
   */
  readonly cells?: boolean;
}

export interface CoxFitResult {
  /** Coefficients on the original covariate scale. */
  readonly coef: Float64Array;
  /** Inverse information at coef, p x p row-major (R: fit$var). */
  readonly variance: Float64Array;
  /** Score vector at coef. */
  readonly u: Float64Array;
  /** Log partial likelihood at beta = 0 and at coef (R: fit$loglik). */
  readonly logLikNull: number;
  readonly logLik: number;
  /** Score test statistic at beta = 0 (R: fit$score). */
  readonly score: number;
  /** Iterations used (R: fit$iter when converged; iterMax when not). */
  readonly iterations: number;
  readonly converged: boolean;
  /** Whether the last step was pulled back (R's flag -2). */
  readonly halved: boolean;
  /** Columns judged redundant (collinear) by the Cholesky decomposition of the information at beta = 0. */
  readonly redundantAtStart: boolean[];
  /** The information matrix at beta = 0 on the centred and scaled covariates (p x p), for diagnosing collinearity. */
  readonly informationAtStart: Float64Array;
  /** Columns with a zero pivot in the final information matrix. */
  readonly redundantAtEnd: boolean[];
  /** Centring constants (0 for covariates left uncentred) and scale factors. */
  readonly means: Float64Array;
  readonly scale: Float64Array;
}

/** True when every value lies in {-1, 0, 1}: R's coxph leaves such covariates uncentred and unscaled. */
export function isIndicatorLike(x: ArrayLike<number>): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] !== 0 && x[i] !== 1 && x[i] !== -1) return false;
  return true;
}

/** Rows beyond time and event: case weights, delayed entry, strata (all optional). */
export interface CoxRows {
  readonly weights?: ArrayLike<number> | null;
  /** Entry times (< time, on R's timefix grid: core/timefix.ts): at risk on (entry, time]. */
  readonly entry?: ArrayLike<number> | null;
  /** Stratum codes 0..k-1: a baseline hazard, and risk sets, per stratum. */
  readonly strata?: ArrayLike<number> | null;
}

/**
 * The rows in the order the likelihood walks them: by stratum, then time (stable), with the
 * tie group of each (rows of one stratum at one time, near-equal times merged as R's aeqSurv
 * over all rows), and, with delayed entry, the rows by stratum then entry time.
 */
export interface CoxOrder {
  /** Row index of each sorted position. */
  readonly order: Int32Array;
  /** Tie group of each sorted position (increasing). */
  readonly group: Int32Array;
  /** Stratum of each sorted position. */
  readonly stratum: Int32Array;
  /** Row indices by stratum, then entry time; null without entry. */
  readonly byEntry: Int32Array | null;
}

export function coxOrder(time: ArrayLike<number>, rows: CoxRows, timefix: boolean): CoxOrder {
  const n = time.length;
  const byTime = sortOrder(time);
  const strata = rows.strata ?? null;
  // Tie ids by value over all rows (aeqSurv sees every time at once).
  const sortedTime = new Float64Array(n);
  for (let r = 0; r < n; r++) sortedTime[r] = time[byTime[r]];
  const tieByValue = tieGroups(sortedTime, timefix);
  const tieOf = new Int32Array(n);
  for (let r = 0; r < n; r++) tieOf[byTime[r]] = tieByValue[r];
  const order = strata ? stableByStratum(byTime, strata) : byTime;
  const group = new Int32Array(n);
  const stratum = new Int32Array(n);
  let g = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r];
    stratum[r] = strata ? strata[i] : 0;
    if (r > 0 && (stratum[r] !== stratum[r - 1] || tieOf[i] !== tieOf[order[r - 1]])) g++;
    group[r] = g;
  }
  let byEntry: Int32Array | null = null;
  if (rows.entry) {
    const entry = rows.entry;
    const e = sortOrder(entry);
    byEntry = strata ? stableByStratum(e, strata) : e;
  }
  return { order, group, stratum, byEntry };
}

/** A stable counting sort of the positions of `order` by stratum. */
function stableByStratum(order: Int32Array, strata: ArrayLike<number>): Int32Array {
  const n = order.length;
  let k = 0;
  for (let i = 0; i < n; i++) if (strata[i] + 1 > k) k = strata[i] + 1;
  const start = new Int32Array(k + 1);
  for (let i = 0; i < n; i++) start[strata[i] + 1]++;
  for (let s = 0; s < k; s++) start[s + 1] += start[s];
  const out = new Int32Array(n);
  for (let r = 0; r < n; r++) out[start[strata[order[r]]]++] = order[r];
  return out;
}

/**
 * Fits the model. time, event, the covariate columns and the optional rows (weights, entry,
 * strata) are the caller's (already checked) arrays; they are not modified.
 */
export function coxFit(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  columns: ArrayLike<number>[],
  control: CoxFitControl,
  rows: CoxRows = {},
): CoxFitResult {
  const n = time.length;
  const p = columns.length;
  const efron = control.ties === "efron";
  const weights = rows.weights ?? null;

  // Where the (stratum, time) cells are few, the likelihood sums rows into them in data order
  // (no sort); otherwise rows are sorted by stratum and time (stable), as coxph.fit's order.
  const useCells = control.cells ?? n >= 5000;
  const plan = rows.entry || !useCells ? null : cellPlan(time, rows.strata ?? null, control.timefix, p);
  const sorted = plan ? null : coxOrder(time, rows, control.timefix);
  const order = sorted ? sorted.order : identity(n);
  const group = sorted ? sorted.group : new Int32Array(0);
  const stratum = sorted ? sorted.stratum : new Int32Array(0);
  const stime = new Float64Array(n);
  const status = new Uint8Array(n);
  const wt = new Float64Array(n);
  let wtotal = 0;
  for (let i = 0; i < n; i++) {
    stime[i] = time[order[i]];
    status[i] = event[order[i]] ? 1 : 0;
    wt[i] = weights ? weights[order[i]] : 1;
    wtotal += wt[i];
  }
  // With delayed entry: each row's sorted position, and the entry times in the entry order.
  const entry = rows.entry ?? null;
  const byEntry = sorted ? sorted.byEntry : null;
  const positionOf = new Int32Array(entry ? n : 0);
  if (entry) for (let r = 0; r < n; r++) positionOf[order[r]] = r;

  // Centre and scale (coxfit6.c): x <- (x - mean) * sum w / sum w |x - mean|, means weighted.
  const means = new Float64Array(p);
  const scale = new Float64Array(p).fill(1);
  // Row-major (one stream through memory in the likelihood's walk), in the walk's order.
  const xr = new Float64Array(n * p);
  const sortedRows = sorted !== null;
  for (let k = 0; k < p; k++) {
    const col = columns[k];
    if (isIndicatorLike(col)) {
      for (let i = 0; i < n; i++) xr[i * p + k] = col[sortedRows ? order[i] : i];
      continue;
    }
    // summed in the walk's order, as coxfit6.c sums the sorted rows (on a diverging fit the
    // last bits of the mean decide where R's iterations stop)
    let mean = 0;
    for (let i = 0; i < n; i++) mean += wt[i] * col[sortedRows ? order[i] : i];
    mean /= wtotal;
    let absSum = 0;
    for (let i = 0; i < n; i++) absSum += wt[i] * Math.abs(col[sortedRows ? order[i] : i] - mean);
    const sc = absSum > 0 ? wtotal / absSum : 1;
    for (let i = 0; i < n; i++) xr[i * p + k] = (col[sortedRows ? order[i] : i] - mean) * sc;
    means[k] = mean;
    scale[k] = sc;
  }

  // Work space shared by the likelihood evaluations.
  const u = new Float64Array(p);
  const imat = new Float64Array(p * p);
  const a = new Float64Array(p);
  const a2 = new Float64Array(p);
  const cmat = new Float64Array(p * p);
  const cmat2 = new Float64Array(p * p);
  const pp = p * p;

  /**
   * Log partial likelihood at beta; leaves the score in u and the information in the upper
   * triangle of imat (coxfit6_iter; agfit4 with delayed entry). Walks each stratum from its
   * largest time down, so the risk-set sums (denom, a, cmat) grow as rows come in; with delayed
   * entry a row is taken out again (its terms subtracted, as agfit4) before the first time it
   * is not at risk at, its entry or earlier. Deaths at a tied time enter all at once (Breslow)
   * or in ndead equal fractions (Efron).
   */
  function evaluateSorted(beta: Float64Array): number {
    u.fill(0);
    imat.fill(0);
    let loglik = 0;
    let denom = 0;
    let nrisk = 0;
    let current = -1; // stratum being walked
    let out = n - 1; // the next row to take out, in the entry order (walked down)
    let person = n - 1;
    while (person >= 0) {
      const g = group[person];
      if (stratum[person] !== current) {
        current = stratum[person];
        denom = 0;
        nrisk = 0;
        a.fill(0);
        cmat.fill(0);
        // rows of the strata walked already that were never taken out (at risk to the end)
        if (byEntry) while (out >= 0 && stratum[positionOf[byEntry[out]]] > current) out--;
      }
      if (entry && byEntry) {
        // Take out the rows of this stratum that enter at or after this time.
        const t = stime[person];
        while (out >= 0) {
          const i = byEntry[out];
          const r = positionOf[i];
          if (stratum[r] !== current || entry[i] < t) break;
          out--;
          nrisk--;
          if (nrisk === 0) {
            denom = 0;
            a.fill(0);
            cmat.fill(0);
            continue;
          }
          const base = r * p;
          let zbeta = 0;
          for (let k = 0; k < p; k++) zbeta += beta[k] * xr[base + k];
          const risk = Math.exp(zbeta) * wt[r];
          denom -= risk;
          for (let i2 = 0; i2 < p; i2++) {
            const rx = risk * xr[base + i2];
            a[i2] -= rx;
            for (let j = 0; j <= i2; j++) cmat[i2 * p + j] -= rx * xr[base + j];
          }
        }
      }
      let ndead = 0;
      let deadwt = 0;
      let denom2 = 0;
      while (person >= 0 && group[person] === g) {
        const base = person * p;
        let zbeta = 0;
        for (let k = 0; k < p; k++) zbeta += beta[k] * xr[base + k];
        const w = wt[person];
        const risk = Math.exp(zbeta) * w;
        nrisk++;
        if (status[person] === 0) {
          denom += risk;
          for (let i = 0; i < p; i++) {
            const rx = risk * xr[base + i];
            a[i] += rx;
            for (let j = 0; j <= i; j++) cmat[i * p + j] += rx * xr[base + j];
          }
        } else {
          ndead++;
          deadwt += w;
          denom2 += risk;
          loglik += w * zbeta;
          for (let i = 0; i < p; i++) {
            const xv = xr[base + i];
            const rx = risk * xv;
            u[i] += w * xv;
            a2[i] += rx;
            for (let j = 0; j <= i; j++) cmat2[i * p + j] += rx * xr[base + j];
          }
        }
        person--;
      }
      if (ndead === 0) continue;
      const step = addDeaths(denom, denom2, ndead, deadwt);
      loglik += step.loglik;
      denom = step.denom;
      a2.fill(0);
      cmat2.fill(0);
    }
    return loglik;
  }

  /**
   * The same by cells: one pass over the rows in data order sums each (stratum, time) cell's
   * risk, risk x and risk x x' (censored rows and deaths apart), then the cells are walked as
   * the sorted rows would be. The sums are the same; only their order of addition differs.
   */
  const cells = plan ? cellSums(plan.count, p) : null;
  // What does not depend on beta: the deaths' number and weight per cell, and sum w x over deaths
  // (the score's first term, and with beta the log-likelihood's).
  const deathsIn = new Float64Array(plan ? plan.count : 0);
  const deadWeightIn = new Float64Array(plan ? plan.count : 0);
  const deadSum = new Float64Array(p);
  if (plan) {
    for (let i = 0; i < n; i++) {
      if (status[i] === 0) continue;
      deathsIn[plan.cell[i]]++;
      deadWeightIn[plan.cell[i]] += wt[i];
      for (let k = 0; k < p; k++) deadSum[k] += wt[i] * xr[i * p + k];
    }
  }
  function evaluateCells(beta: Float64Array): number {
    const c = cells!;
    const cell = plan!.cell;
    c.zero();
    const den = c.den; // cell 2b: censored rows of cell b; 2b + 1: its deaths
    const ca = c.a;
    const cc = c.c;
    for (let i = 0; i < n; i++) {
      const base = i * p;
      let zbeta = 0;
      for (let k = 0; k < p; k++) zbeta += beta[k] * xr[base + k];
      const risk = Math.exp(zbeta) * wt[i];
      const b = 2 * cell[i] + status[i];
      den[b] += risk;
      const ab = b * p;
      const cb = b * pp;
      for (let k = 0; k < p; k++) {
        const rx = risk * xr[base + k];
        ca[ab + k] += rx;
        const row = cb + k * p;
        for (let l = 0; l <= k; l++) cc[row + l] += rx * xr[base + l];
      }
    }
    let loglik = 0;
    for (let k = 0; k < p; k++) {
      u[k] = deadSum[k];
      loglik += beta[k] * deadSum[k];
    }
    imat.fill(0);
    const perStratum = plan!.perStratum;
    for (let s = 0; s < plan!.strata; s++) {
      let denom = 0;
      a.fill(0);
      cmat.fill(0);
      for (let j = perStratum - 1; j >= 0; j--) {
        const b = s * perStratum + j;
        const censored = 2 * b;
        denom += den[censored];
        for (let k = 0; k < p; k++) {
          a[k] += ca[censored * p + k];
          for (let l = 0; l <= k; l++) cmat[k * p + l] += cc[censored * pp + k * p + l];
        }
        const ndead = deathsIn[b];
        if (ndead === 0) continue;
        const dead = censored + 1;
        for (let k = 0; k < p; k++) {
          a2[k] = ca[dead * p + k];
          for (let l = 0; l <= k; l++) cmat2[k * p + l] = cc[dead * pp + k * p + l];
        }
        const step = addDeaths(denom, den[dead], ndead, deadWeightIn[b]);
        loglik += step.loglik;
        denom = step.denom;
      }
    }
    return loglik;
  }

  /**
   * Adds the d deaths of one time (their sums in denom2, a2, cmat2) to u, imat and the risk-set
   * sums a, cmat; returns the log-likelihood term and the new denom. Breslow, or Efron: the k-th
   * death sees denom + f denom2, a + f a2, cmat + f cmat2, f = k/d, and the sums over k of
   * coxfit6.c's terms are taken in closed form from five scalar sums: O(d + p^2), not O(d p^2).
   */
  function addDeaths(denom: number, denom2: number, ndead: number, deadwt: number): { loglik: number; denom: number } {
    let loglik = 0;
    if (!efron || ndead === 1) {
      denom += denom2;
      loglik -= deadwt * Math.log(denom);
      for (let i = 0; i < p; i++) {
        a[i] += a2[i];
        const mean = a[i] / denom;
        u[i] -= deadwt * mean;
        for (let j = 0; j <= i; j++) {
          cmat[i * p + j] += cmat2[i * p + j];
          imat[j * p + i] += (deadwt * (cmat[i * p + j] - mean * a[j])) / denom;
        }
      }
      return { loglik, denom };
    }
    const wtave = deadwt / ndead;
    let s1 = 0; // sum 1/D
    let sf = 0; // sum f/D
    let t0 = 0; // sum 1/D^2
    let t1 = 0; // sum f/D^2
    let t2 = 0; // sum f^2/D^2
    let product = 1; // sum of log D as the log of products (one log per few deaths, not per death)
    for (let k = 1; k <= ndead; k++) {
      const f = k / ndead;
      const D = denom + f * denom2;
      if (D > 1e-100 && D < 1e100) {
        product *= D; // stays within 1e-200 .. 1e200
        if (product > 1e100 || product < 1e-100) {
          loglik -= wtave * Math.log(product);
          product = 1;
        }
      } else {
        loglik -= wtave * Math.log(D);
      }
      const inv = 1 / D;
      const inv2 = inv * inv;
      s1 += inv;
      sf += f * inv;
      t0 += inv2;
      t1 += f * inv2;
      t2 += f * f * inv2;
    }
    loglik -= wtave * Math.log(product);
    for (let i = 0; i < p; i++) {
      u[i] -= wtave * (a[i] * s1 + a2[i] * sf);
      for (let j = 0; j <= i; j++) {
        const c = cmat[i * p + j] * s1 + cmat2[i * p + j] * sf;
        const aa = a[i] * a[j] * t0 + (a[i] * a2[j] + a2[i] * a[j]) * t1 + a2[i] * a2[j] * t2;
        imat[j * p + i] += wtave * (c - aa);
      }
    }
    for (let i = 0; i < p; i++) {
      a[i] += a2[i];
      for (let j = 0; j <= i; j++) cmat[i * p + j] += cmat2[i * p + j];
    }
    return { loglik, denom: denom + denom2 };
  }

  const evaluate = plan ? evaluateCells : evaluateSorted;
  const beta = new Float64Array(p);
  const newbeta = new Float64Array(p);
  const step = new Float64Array(p);

  // Start at beta = 0: the null log-likelihood and the score test.
  const logLikNull = evaluate(beta);
  const informationAtStart = symmetricFromUpper(imat.slice(), p);
  step.set(u);
  const start = cholesky2(imat, p, control.tolerChol);
  chsolve2(imat, p, step);
  let score = 0;
  for (let i = 0; i < p; i++) score += u[i] * step[i];

  const finish = (iterations: number, converged: boolean, halved: boolean, logLik: number, redundantAtEnd: boolean[]): CoxFitResult => {
    chinv2(imat, p);
    symmetricFromUpper(imat, p);
    const coef = new Float64Array(p);
    const variance = new Float64Array(p * p);
    const uOut = new Float64Array(p);
    for (let i = 0; i < p; i++) {
      coef[i] = beta[i] * scale[i];
      uOut[i] = u[i] / scale[i];
      for (let j = 0; j < p; j++) variance[i * p + j] = imat[i * p + j] * scale[i] * scale[j];
    }
    return {
      coef,
      variance,
      u: uOut,
      logLikNull,
      logLik,
      score,
      iterations,
      converged,
      halved,
      redundantAtStart: start.redundant,
      informationAtStart,
      redundantAtEnd,
      means,
      scale,
    };
  };

  // Collinear columns: the engine stops here; coxPH reports them.
  if (start.rank < p || !Number.isFinite(logLikNull)) return finish(0, false, false, logLikNull, start.redundant);

  let best = logLikNull;
  for (let i = 0; i < p; i++) newbeta[i] = beta[i] + step[i];
  let halving = 0;
  for (let iter = 1; iter <= control.iterMax; iter++) {
    const newlk = evaluate(newbeta);
    const factor = cholesky2(imat, p, control.tolerChol);
    let finite = Number.isFinite(newlk);
    for (let i = 0; i < p && finite; i++) {
      if (!Number.isFinite(u[i])) finite = false;
      for (let j = 0; j < p; j++) if (!Number.isFinite(imat[i * p + j])) finite = false;
    }
    if (finite && Math.abs(1 - best / newlk) <= control.eps) {
      beta.set(newbeta);
      return finish(iter, true, halving > 0, newlk, factor.redundant);
    }
    if (!finite || newlk < best) {
      // Not improving: pull the step back toward the last accepted beta.
      halving++;
      for (let i = 0; i < p; i++) newbeta[i] = (newbeta[i] + halving * beta[i]) / (halving + 1);
    } else {
      halving = 0;
      best = newlk;
      step.set(u);
      chsolve2(imat, p, step);
      for (let i = 0; i < p; i++) {
        beta[i] = newbeta[i];
        newbeta[i] = newbeta[i] + step[i];
      }
    }
  }

  // Out of iterations: report the last accepted beta with its own score and information.
  // (R recomputes them but inverts the information without factoring it again, so its
  // fit$var is not the inverse information in this case; we factor it.)
  const logLik = evaluate(beta);
  const factor = cholesky2(imat, p, control.tolerChol);
  return finish(control.iterMax, false, halving > 0, logLik, factor.redundant);
}

function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** Each row's (stratum, time) cell, when the cells are few enough to be summed into; else null. */
interface CellPlan {
  readonly cell: Int32Array;
  readonly count: number;
  readonly strata: number;
  /** Merged distinct times (cells per stratum). */
  readonly perStratum: number;
}

function cellPlan(time: ArrayLike<number>, strata: ArrayLike<number> | null, timefix: boolean, p: number): CellPlan | null {
  const n = time.length;
  const values = distinctValues(time instanceof Float64Array ? time : Float64Array.from(time), Math.max(64, n >>> 4));
  if (values === null) return null;
  let k = 1;
  if (strata) for (let i = 0; i < n; i++) if (strata[i] + 1 > k) k = strata[i] + 1;
  const merged = tieGroups(values, timefix); // as aeqSurv, over the distinct values
  const perStratum = values.length === 0 ? 0 : merged[values.length - 1] + 1;
  const count = k * perStratum;
  if (count > n / 4 || count * (p * p + p + 2) * 2 > 1 << 23) return null;
  const cell = valueIndex(values, time);
  for (let i = 0; i < n; i++) cell[i] = (strata ? strata[i] : 0) * perStratum + merged[cell[i]];
  return { cell, count, strata: k, perStratum };
}

/** The per-cell sums of the likelihood (risk, risk x, risk x x'), censored rows and deaths apart. */
function cellSums(count: number, p: number) {
  const sums = {
    den: new Float64Array(2 * count),
    a: new Float64Array(2 * count * p),
    c: new Float64Array(2 * count * p * p),
    zero() {
      sums.den.fill(0);
      sums.a.fill(0);
      sums.c.fill(0);
    },
  };
  return sums;
}
