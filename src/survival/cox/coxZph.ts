/**
 * Test of the proportional-hazards assumption of a Cox model, as R's cox.zph(fit, transform)
 * in survival >= 3.0 (survival 3.5: R/cox.zph.R and src/zph1.c): the score test of
 * Grambsch & Therneau (1994) for adding beta_k g(t) x_k, one covariate at a time and all
 * together (GLOBAL), each on 1 and p degrees of freedom. (Not the older approximation of
 * survival < 3.0 that correlated the scaled residuals with time.) Plus the scaled Schoenfeld
 * residuals and transformed times of plot(cox.zph(fit)).
 *
 * With g the transformed time centred on its mean over the events, and at each event time the
 * risk-set means xbar and covariances V of x weighted by exp(x' beta) (Efron or Breslow for
 * ties, as the fit), at the fitted beta:
 *   U_2 = sum over events of g(t) (x - xbar),
 *   I = [[sum V, sum g V], [sum g V, sum g^2 V]]   (2p x 2p),
 * and the test of covariate k is U' I_kk^-1 U on the rows and columns 1..p and p + k, with U
 * zero in the first p places (the fitted beta has zero score); GLOBAL uses all 2p.
 * Scaled Schoenfeld residuals: r_i V_mean^-1 + beta, with r_i = x_i - xbar(t_i) and
 * V_mean = (sum V) / (number of events); their variance matrix V_mean^-1 is `variance`.
 *
 * Transforms of time: "km" (default, as R) 1 - S(t-) of the pooled Kaplan-Meier curve; "rank"
 * the rank of the time among all rows (ties averaged); "identity"; "log".
 *
 * The CoxPHResult gives coef and the ties method; everything else is recomputed here from the
 * same data, in one pass over the rows sorted by time (times closer than R's tolerance are tied,
 * as coxph's timefix). coxPH could make this easier by exposing the linear predictor or the
 * information at the estimate; a fit that kept its data would spare passing `data` again.
 * With strata the risk sets are those of each stratum, the residuals come stratum by stratum
 * (R's order), and the scaled residuals divide the information by the events of the strata in
 * which each covariate varies (R's wtmat); case weights as the fit. The time transform is that
 * of the pooled, unweighted Kaplan-Meier curve, as R's.
 * Not supported (R supports them): (start, stop] rows, multi-column terms.
 *
 * Reference: Grambsch & Therneau (1994), Proportional hazards tests and diagnostics based on
 * weighted residuals, Biometrika 81:515-526; Therneau & Grambsch (2000), Modeling Survival
 * Data, sec. 6.2; R survival 3.5 cox.zph.
 */
import { chiSquareUpper } from "../core/distributions.js";
import { checkOneOf, checkOptions } from "../core/validate.js";
import { SurvivalInputError, show } from "../errors.js";
import { checkCoxFit, checkFitData } from "./fitData.js";
import { cholesky2, chsolve2 } from "./cholesky.js";
import { sortOrder } from "../core/sortOrder.js";
import { tieGroups } from "../core/timefix.js";
import type { CoxPHData, CoxPHResult } from "./coxPH.js";
import { printable } from "../print/printable.js";
import { printCoxZph } from "../print/printCox.js";

/** The rows the fit was made from: time, event, covariates, and its strata and weights (coxPH's data). */
export type CoxZphData = Pick<CoxPHData, "time" | "event" | "covariates" | "strata" | "weights">;

export type ZphTransform = "km" | "rank" | "identity" | "log";

export interface CoxZphOptions {
  /** Transform of time, default "km" (R's default). */
  transform?: ZphTransform;
}

export interface ZphTest {
  /** Covariate name, or "GLOBAL". */
  readonly term: string;
  /** The score test's chi-square (R's zph$table chisq). */
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
}

export interface CoxZphResult {
  /** One test per covariate, in the fit's order (the rows of R's zph$table but GLOBAL). */
  readonly tests: readonly ZphTest[];
  /** The GLOBAL row. */
  readonly global: ZphTest;
  /** tests and global together, as R prints the table. */
  readonly table: readonly ZphTest[];
  readonly names: readonly string[];
  /** Transformed time at each event, in time order (R's zph$x). */
  readonly x: readonly number[];
  /** Event times, in the same order (R's zph$time): by stratum, then time. */
  readonly time: readonly number[];
  /** The stratum of each event (R's zph$strata), or null without strata. */
  readonly strata: readonly (string | number)[] | null;
  /** Scaled Schoenfeld residuals: y[k][i] for covariate k at event i (R's zph$y[i, k]). */
  readonly y: readonly (readonly number[])[];
  /** Their variance matrix, V_mean^-1 (R's zph$var). */
  readonly variance: readonly (readonly number[])[];
  readonly transform: ZphTransform;
  /** Ties method of the fit. */
  readonly ties: "efron" | "breslow";
}

const TRANSFORMS: readonly ZphTransform[] = ["km", "rank", "identity", "log"];

/**
 * Times merged as R's aeqSurv (coxph's timefix): each sorted time takes the first value of its
 * tie group (tieGroups, as coxPH groups them).
 */
function mergedTimes(sorted: Float64Array): Float64Array {
  const group = tieGroups(sorted, true);
  const out = sorted.slice();
  for (let i = 1; i < sorted.length; i++) if (group[i] === group[i - 1]) out[i] = out[i - 1];
  return out;
}

/** Transformed times, one per sorted row (sorted ascending, status 0/1). */
function transformTimes(transform: ZphTransform, time: Float64Array, status: Uint8Array, rowOf: Int32Array): Float64Array {
  const n = time.length;
  const g = new Float64Array(n);
  if (transform === "identity") {
    g.set(time);
  } else if (transform === "log") {
    for (let i = 0; i < n; i++) {
      if (status[i] === 1 && !(time[i] > 0)) {
        throw new SurvivalInputError(
          `time[${rowOf[i]}] is ${show(time[i])} with an event: transform "log" needs event times > 0`,
          "time",
          rowOf[i],
          time[i],
        );
      }
      g[i] = Math.log(time[i]);
    }
  } else if (transform === "rank") {
    // R's rank(): ties get the average of their positions (1-based).
    for (let i = 0; i < n; ) {
      let j = i;
      while (j + 1 < n && time[j + 1] === time[i]) j++;
      const r = (i + j) / 2 + 1;
      for (let l = i; l <= j; l++) g[l] = r;
      i = j + 1;
    }
  } else {
    // 1 - S(t-) of the pooled Kaplan-Meier curve (survfitKM, left-continuous).
    let s = 1;
    for (let i = 0; i < n; ) {
      let j = i;
      let deaths = status[i];
      while (j + 1 < n && time[j + 1] === time[i]) deaths += status[++j];
      for (let l = i; l <= j; l++) g[l] = 1 - s;
      const atRisk = n - i;
      s *= (atRisk - deaths) / atRisk;
      i = j + 1;
    }
  }
  return g;
}

function solveQuadratic(m: Float64Array, size: number, u: Float64Array, what: string): number {
  const a = m.slice();
  const { rank } = cholesky2(a, size, Math.pow(2.220446049250313e-16, 0.75));
  if (rank !== size) {
    throw new SurvivalInputError(
      `fit: the information matrix of the ${what} test is singular (rank ${Math.abs(rank)} of ${size}): the test is undefined`,
      "fit",
    );
  }
  const b = u.slice();
  chsolve2(a, size, b);
  let q = 0;
  for (let i = 0; i < size; i++) q += b[i] * u[i];
  return q;
}

/**
 * Tests proportional hazards for each covariate of a Cox fit and globally; see the module comment.
 *
 * @param fit      the coxPH result to test
 * @param data     the `{ time, event, covariates, strata?, weights? }` it was fitted on
 * @param options  `transform` of time: "km" (default, R's), "rank", "identity" or "log"
 * @returns        a frozen result: `tests` (one { term, statistic, df, pValue } per covariate),
 *                 `global`, `table` (both, as R prints it), the scaled Schoenfeld residuals `y`
 *                 at the transformed event times `x` (and `time`), their `variance`, `names`,
 *                 `transform`, `ties`
 * @throws SurvivalInputError  for a fit that is not a coxPH result or has an infinite
 *                 coefficient, data other than the fit's (covariates or rows), bad data (as
 *                 coxPH), a singular information matrix, a "log" transform with an event at time
 *                 0, a field other than time, event, covariates, strata and weights, or an unknown or bad option
 *
 * @example
 * const data = {
 *   time: [5, 8, 12, 3, 9, 20, 4, 15, 7, 11],
 *   event: [1, 1, 0, 1, 1, 0, 1, 1, 1, 0],
 *   covariates: { arm: [1, 1, 1, 0, 0, 0, 0, 1, 0, 1] },
 * };
 * const zph = coxZph(coxPH(data), data);   // cox.zph(fit), transform "km"
 * zph.tests[0].statistic;                  // => 1.2474
 * zph.global.pValue;                       // => 0.2641
 */
export function coxZph(fit: CoxPHResult, data: CoxZphData, options?: CoxZphOptions): CoxZphResult {
  checkCoxFit(fit, ["names", "coef"]);
  const names = fit.names as readonly string[];
  const beta = fit.coef as readonly number[];
  const efron = fit.ties === "efron";
  beta.forEach((b, k) => {
    if (!Number.isFinite(b)) {
      throw new SurvivalInputError(`fit.coef[${k}] (${names[k]}) is ${show(b)}: the test needs finite coefficients`, "fit", k, b);
    }
  });
  const o = checkOptions("coxZph", options, ["transform"]);
  const transform = o.transform === undefined ? "km" : checkOneOf("transform", o.transform, TRANSFORMS);

  const fields = ["time", "event", "covariates", "strata", "weights"];
  const { n, time, event, columns, strata, weights } = checkFitData("coxZph", fit, data, fields, true);
  const p = names.length;

  // Sort by time (stable); merge near-equal times; within a merged run keep row order (R's order).
  const pooled = sortOrder(time);
  const sorted = Float64Array.from(pooled, (i) => time[i]);
  const mergedPooled = mergedTimes(sorted);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && mergedPooled[j + 1] === mergedPooled[i]) j++;
    if (j > i) pooled.subarray(i, j + 1).sort();
    i = j + 1;
  }
  const statusPooled = Uint8Array.from(pooled, (i) => event[i]);
  let nEvent = 0;
  for (let i = 0; i < n; i++) nEvent += statusPooled[i];
  if (nEvent === 0) throw new SurvivalInputError("event has no events: there is nothing to test", "event", undefined, 0);

  // Transformed time g (of the pooled rows, as R), centred on its mean over the events.
  const ttimePooled = transformTimes(transform, mergedPooled, statusPooled, pooled);
  let gMean = 0;
  for (let i = 0; i < n; i++) if (statusPooled[i]) gMean += ttimePooled[i];
  gMean /= nEvent;

  // Then by stratum (stable): R's order(istrat, time).
  const order = strata ? stableByLabel(pooled, strata.codes, strata.levels.length) : pooled;
  const positionInPooled = new Int32Array(n);
  for (let r = 0; r < n; r++) positionInPooled[pooled[r]] = r;
  const merged = Float64Array.from(order, (i) => mergedPooled[positionInPooled[i]]);
  const ttime = Float64Array.from(order, (i) => ttimePooled[positionInPooled[i]]);
  const status = Uint8Array.from(order, (i) => event[i]);
  const stratum = Int32Array.from(order, (i) => (strata ? strata.codes[i] : 0));
  const wt = Float64Array.from(order, (i) => (weights ? weights[i] : 1));

  // Covariates in sorted order, centred (zph1.c); risk scores exp(eta - mean eta).
  const x: Float64Array[] = columns.map((col) => {
    const xk = Float64Array.from(order, (i) => col[i]);
    let mean = 0;
    for (let i = 0; i < n; i++) mean += xk[i];
    mean /= n;
    for (let i = 0; i < n; i++) xk[i] -= mean;
    return xk;
  });
  const eta = new Float64Array(n);
  for (let k = 0; k < p; k++) for (let i = 0; i < n; i++) eta[i] += beta[k] * columns[k][order[i]];
  let etaMean = 0;
  for (let i = 0; i < n; i++) etaMean += eta[i];
  etaMean /= n;

  // One backward pass (zph1.c): risk-set sums a, cmat, denom grow as time falls.
  const p2 = 2 * p;
  const u = new Float64Array(p2);
  const imat = new Float64Array(p2 * p2);
  const schoen = x.map(() => new Float64Array(nEvent));
  const a = new Float64Array(p);
  const a2 = new Float64Array(p);
  const cmat = new Float64Array(p * p);
  const cmat2 = new Float64Array(p * p);
  let denom = 0;
  let ev = nEvent;
  let current = -1;
  for (let ip = n - 1; ip >= 0; ) {
    if (stratum[ip] !== current) {
      current = stratum[ip];
      denom = 0;
      a.fill(0);
      cmat.fill(0);
    }
    const dtime = merged[ip];
    const timewt = ttime[ip] - gMean;
    let ndead = 0;
    let deadwt = 0;
    let denom2 = 0;
    for (; ip >= 0 && merged[ip] === dtime && stratum[ip] === current; ip--) {
      const risk = Math.exp(eta[ip] - etaMean) * wt[ip];
      if (status[ip] === 0) {
        denom += risk;
        for (let i = 0; i < p; i++) {
          a[i] += risk * x[i][ip];
          for (let j = 0; j <= i; j++) cmat[i * p + j] += risk * x[i][ip] * x[j][ip];
        }
      } else {
        ndead++;
        deadwt += wt[ip];
        denom2 += risk;
        ev--;
        for (let i = 0; i < p; i++) {
          schoen[i][ev] = x[i][ip];
          u[i] += wt[ip] * x[i][ip];
          u[i + p] += timewt * wt[ip] * x[i][ip];
          a2[i] += risk * x[i][ip];
          for (let j = 0; j <= i; j++) cmat2[i * p + j] += risk * x[i][ip] * x[j][ip];
        }
      }
    }
    if (ndead === 0) continue;
    const add = (weight: number, i: number, j: number, mean: number) => {
      const temp = (weight * (cmat[i * p + j] - mean * a[j])) / denom;
      imat[j * p2 + i] += temp;
      imat[j * p2 + i + p] += timewt * temp;
      imat[(j + p) * p2 + i + p] += timewt * timewt * temp;
    };
    if (!efron) {
      denom += denom2;
      for (let i = 0; i < p; i++) {
        a[i] += a2[i];
        const mean = a[i] / denom;
        u[i] -= deadwt * mean;
        u[i + p] -= timewt * deadwt * mean;
        for (let j = 0; j <= i; j++) {
          cmat[i * p + j] += cmat2[i * p + j];
          add(deadwt, i, j, mean);
        }
        for (let j = 0; j < ndead; j++) schoen[i][ev + j] -= mean;
      }
    } else {
      // Schoenfeld residuals: the mean of the Efron means, over fractions 1/d, ..., d/d.
      for (let i = 0; i < p; i++) {
        let tmean = 0;
        for (let k = 0; k < ndead; k++) {
          const frac = (k + 1) / ndead;
          tmean += (a[i] + a2[i] * frac) / (denom + denom2 * frac);
        }
        for (let j = 0; j < ndead; j++) schoen[i][ev + j] -= tmean / ndead;
      }
      const wtave = deadwt / ndead;
      for (let k = 0; k < ndead; k++) {
        denom += denom2 / ndead;
        for (let i = 0; i < p; i++) {
          a[i] += a2[i] / ndead;
          const mean = a[i] / denom;
          u[i] -= wtave * mean;
          u[i + p] -= timewt * wtave * mean;
          for (let j = 0; j <= i; j++) {
            cmat[i * p + j] += cmat2[i * p + j] / ndead;
            add(wtave, i, j, mean);
          }
        }
      }
    }
    a2.fill(0);
    cmat2.fill(0);
  }
  // Fill in the symmetric parts (zph1.c): the blocks are symmetric, the lower-left the transpose.
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < i; j++) {
      imat[i * p2 + j] = imat[j * p2 + i];
      imat[i * p2 + j + p] = imat[j * p2 + i + p];
      imat[(i + p) * p2 + j + p] = imat[(j + p) * p2 + i + p];
    }
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) imat[(i + p) * p2 + j] = imat[j * p2 + i + p];

  // Score tests: U is 0 in the first p places (beta is fitted), the time-interaction score after.
  const test = (term: string, statistic: number, df: number): ZphTest =>
    Object.freeze({ term, statistic, df, pValue: chiSquareUpper(statistic, df) });
  const tests = names.map((name, k) => {
    const idx = [...Array.from({ length: p }, (_, i) => i), p + k];
    const s = p + 1;
    const m = new Float64Array(s * s);
    idx.forEach((r, ri) => idx.forEach((c, ci) => (m[ri * s + ci] = imat[r * p2 + c])));
    const uk = new Float64Array(s);
    uk[p] = u[p + k];
    return test(name, solveQuadratic(m, s, uk, name), 1);
  });
  const uAll = new Float64Array(p2);
  for (let k = 0; k < p; k++) uAll[p + k] = u[p + k];
  const global = test("GLOBAL", solveQuadratic(imat, p2, uAll, "GLOBAL"), p);

  // Scaled Schoenfeld residuals: r V_mean^-1 + beta, V_mean = I_11 / wtmat: the events of the
  // strata in which both covariates vary (R's used and wtmat; the events without strata).
  const nStrata = strata ? strata.levels.length : 1;
  const used = Array.from({ length: nStrata }, () => new Float64Array(p));
  for (let s0 = 0, r = 0; s0 < nStrata; s0++) {
    const start = r;
    let deaths = 0;
    while (r < n && stratum[r] === s0) deaths += status[r++];
    for (let k = 0; k < p; k++) {
      for (let q = start + 1; q < r; q++) {
        if (x[k][q] !== x[k][start]) {
          used[s0][k] = deaths;
          break;
        }
      }
    }
  }
  const vmean = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      let wtmat = 0;
      for (const u0 of used) wtmat += Math.min(u0[i], u0[j]);
      vmean[i * p + j] = imat[i * p2 + j] / (wtmat === 0 ? 1 : wtmat);
    }
  }
  const factor = vmean.slice();
  const { rank } = cholesky2(factor, p, Math.pow(2.220446049250313e-16, 0.75));
  if (rank !== p) {
    throw new SurvivalInputError("fit: the information matrix at the estimate is singular: residuals cannot be scaled", "fit");
  }
  const variance = Array.from({ length: p }, (_, i) => {
    const e = new Float64Array(p);
    e[i] = 1;
    chsolve2(factor, p, e);
    return Object.freeze(Array.from(e));
  });
  const y = x.map(() => new Array<number>(nEvent));
  const r = new Float64Array(p);
  for (let e = 0; e < nEvent; e++) {
    for (let k = 0; k < p; k++) r[k] = schoen[k][e];
    chsolve2(factor, p, r);
    for (let k = 0; k < p; k++) y[k][e] = r[k] + beta[k];
  }
  const eventRows: number[] = [];
  for (let i = 0; i < n; i++) if (status[i]) eventRows.push(i);

  return printable({
    tests: Object.freeze(tests),
    global,
    table: Object.freeze([...tests, global]),
    names: Object.freeze(names.slice()),
    x: Object.freeze(eventRows.map((i) => ttime[i])),
    time: Object.freeze(eventRows.map((i) => merged[i])),
    strata: strata ? Object.freeze(eventRows.map((i) => strata.levels[stratum[i]])) : null,
    y: Object.freeze(y.map((col) => Object.freeze(col))),
    variance: Object.freeze(variance),
    transform,
    ties: fit.ties,
  }, printCoxZph);
}

/** A stable counting sort of `order` by label code. */
function stableByLabel(order: Int32Array, codes: Int32Array, k: number): Int32Array {
  const start = new Int32Array(k + 1);
  for (let i = 0; i < codes.length; i++) start[codes[i] + 1]++;
  for (let c = 0; c < k; c++) start[c + 1] += start[c];
  const out = new Int32Array(order.length);
  for (let r = 0; r < order.length; r++) out[start[codes[order[r]]]++] = order[r];
  return out;
}
