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
import { countBelow } from "../core/bisect.js";
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

/**
 * Tie groups in sorted order, as R's aeqSurv: distinct times whose gap is <= tol, or whose gap
 * relative to the mean absolute distinct time is <= tol, fall into one group (chained).
 */
export function tieGroups(sortedTime: Float64Array, timefix: boolean): Int32Array {
  const n = sortedTime.length;
  const group = new Int32Array(n);
  const tol = Math.sqrt(2.220446049250313e-16);
  let meanAbs = 0;
  if (timefix) {
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (i === 0 || sortedTime[i] !== sortedTime[i - 1]) {
        meanAbs += Math.abs(sortedTime[i]);
        count++;
      }
    }
    meanAbs /= count;
  }
  let g = 0;
  for (let i = 1; i < n; i++) {
    const dy = sortedTime[i] - sortedTime[i - 1];
    if (dy !== 0 && !(timefix && (dy <= tol || dy / meanAbs <= tol))) g++;
    group[i] = g;
  }
  return group;
}

/**
 * The permutation that sorts time ascending, ties in row order (R's order(time)): the distinct
 * times by a native numeric sort, each row's rank by binary search, then a counting sort.
 */
export function sortOrder(time: ArrayLike<number>): Int32Array {
  const n = time.length;
  const u = Float64Array.from(time).sort();
  let m = 0;
  for (let i = 0; i < n; i++) if (m === 0 || u[i] !== u[m - 1]) u[m++] = u[i];
  const start = new Int32Array(m + 1);
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = countBelow(u, time[i], m); // time[i] is u[r]
    rank[i] = r;
    start[r + 1]++;
  }
  for (let k = 0; k < m; k++) start[k + 1] += start[k];
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[start[rank[i]]++] = i;
  return order;
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

  // Sort by stratum and time (stable), as coxph.fit's order(strata, time).
  const sorted = coxOrder(time, rows, control.timefix);
  const order = sorted.order;
  const group = sorted.group;
  const stratum = sorted.stratum;
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
  const byEntry = sorted.byEntry;
  const positionOf = new Int32Array(entry ? n : 0);
  if (entry) for (let r = 0; r < n; r++) positionOf[order[r]] = r;

  // Centre and scale (coxfit6.c): x <- (x - mean) * sum w / sum w |x - mean|, means weighted.
  const means = new Float64Array(p);
  const scale = new Float64Array(p).fill(1);
  const x: Float64Array[] = [];
  for (let k = 0; k < p; k++) {
    const col = columns[k];
    const xk = new Float64Array(n);
    for (let i = 0; i < n; i++) xk[i] = col[order[i]];
    if (!isIndicatorLike(xk)) {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += wt[i] * xk[i];
      mean /= wtotal;
      let absSum = 0;
      for (let i = 0; i < n; i++) {
        xk[i] -= mean;
        absSum += wt[i] * Math.abs(xk[i]);
      }
      const s = absSum > 0 ? wtotal / absSum : 1;
      for (let i = 0; i < n; i++) xk[i] *= s;
      means[k] = mean;
      scale[k] = s;
    }
    x.push(xk);
  }

  // Work space shared by the likelihood evaluations.
  const u = new Float64Array(p);
  const imat = new Float64Array(p * p);
  const a = new Float64Array(p);
  const a2 = new Float64Array(p);
  const cmat = new Float64Array(p * p);
  const cmat2 = new Float64Array(p * p);
  const xi = new Float64Array(p);

  /**
   * Log partial likelihood at beta; leaves the score in u and the information in the upper
   * triangle of imat (coxfit6_iter; agfit4 with delayed entry). Walks each stratum from its
   * largest time down, so the risk-set sums (denom, a, cmat) grow as rows come in; with delayed
   * entry a row is taken out again (its terms subtracted, as agfit4) before the first time it
   * is not at risk at, its entry or earlier. Deaths at a tied time enter all at once (Breslow)
   * or in ndead equal fractions (Efron).
   */
  function evaluate(beta: Float64Array): number {
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
          let zbeta = 0;
          for (let k = 0; k < p; k++) {
            xi[k] = x[k][r];
            zbeta += beta[k] * xi[k];
          }
          const risk = Math.exp(zbeta) * wt[r];
          denom -= risk;
          for (let i2 = 0; i2 < p; i2++) {
            a[i2] -= risk * xi[i2];
            for (let j = 0; j <= i2; j++) cmat[i2 * p + j] -= risk * xi[i2] * xi[j];
          }
        }
      }
      let ndead = 0;
      let deadwt = 0;
      let denom2 = 0;
      while (person >= 0 && group[person] === g) {
        let zbeta = 0;
        for (let k = 0; k < p; k++) {
          xi[k] = x[k][person];
          zbeta += beta[k] * xi[k];
        }
        const w = wt[person];
        const risk = Math.exp(zbeta) * w;
        nrisk++;
        if (status[person] === 0) {
          denom += risk;
          for (let i = 0; i < p; i++) {
            a[i] += risk * xi[i];
            for (let j = 0; j <= i; j++) cmat[i * p + j] += risk * xi[i] * xi[j];
          }
        } else {
          ndead++;
          deadwt += w;
          denom2 += risk;
          loglik += w * zbeta;
          for (let i = 0; i < p; i++) {
            u[i] += w * xi[i];
            a2[i] += risk * xi[i];
            for (let j = 0; j <= i; j++) cmat2[i * p + j] += risk * xi[i] * xi[j];
          }
        }
        person--;
      }
      if (ndead === 0) continue;
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
      } else {
        const wtave = deadwt / ndead;
        for (let k = 0; k < ndead; k++) {
          denom += denom2 / ndead;
          loglik -= wtave * Math.log(denom);
          for (let i = 0; i < p; i++) {
            a[i] += a2[i] / ndead;
            const mean = a[i] / denom;
            u[i] -= wtave * mean;
            for (let j = 0; j <= i; j++) {
              cmat[i * p + j] += cmat2[i * p + j] / ndead;
              imat[j * p + i] += (wtave * (cmat[i * p + j] - mean * a[j])) / denom;
            }
          }
        }
      }
      a2.fill(0);
      cmat2.fill(0);
    }
    return loglik;
  }

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
