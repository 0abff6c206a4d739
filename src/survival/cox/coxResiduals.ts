/**
 * Residuals of a Cox model, as R's residuals(fit, type, weighted, collapse):
 * - "martingale" (R's default): status - the row's cumulative hazard at its time (from its entry);
 * - "deviance": sign(M) sqrt(-2 (M + status log(status - M))), the martingale residual made
 *   more symmetric (after summing within clusters, as R);
 * - "score": per row and covariate, the row's contribution to the score at the estimate;
 * - "dfbeta": the score residuals times the (naive) variance, each row's approximate change
 *   of the coefficients (weighted by default, as R);
 * - "schoenfeld": per death, x - the risk-set mean of x at its time, deaths in time order.
 * Breslow or Efron as the fit; strata, weights and delayed entry as the fit's data. With
 * `cluster` in the data the residuals are summed within clusters (R's collapse = cluster).
 *
 * The checked entry point; the engine is coxDetail.ts. Like coxZph it takes the data again, as
 * the fit keeps none.
 *
 * Reference: Therneau, Grambsch & Fleming (1990), Biometrika 77:147; Therneau & Grambsch (2000),
 * Modeling Survival Data, ch. 4; R survival 3.5 residuals.coxph.
 */
import { SurvivalInputError, show } from "../errors.js";
import { checkCoxFit, checkFitData } from "./fitData.js";
import { checkOneOf, checkOptions } from "../core/validate.js";
import { coxOrder } from "./coxFit.js";
import { coxDetail } from "./coxDetail.js";
import type { CoxPHData, CoxPHResult } from "./coxPH.js";

export type CoxResidualType = "martingale" | "deviance" | "score" | "dfbeta" | "schoenfeld";

export const COX_RESIDUAL_TYPES: readonly CoxResidualType[] = ["martingale", "deviance", "score", "dfbeta", "schoenfeld"];

export interface CoxResidualsOptions {
  /** Default "martingale" (R's default). */
  type?: CoxResidualType;
  /** Multiply by the case weights; default false, true for "dfbeta" (R's defaults). */
  weighted?: boolean;
}

interface ResidualsBase {
  readonly weighted: boolean;
  /** The cluster label of each row of the result when the data have clusters, else null. */
  readonly clusters: readonly (string | number)[] | null;
}

/** One residual per row (or cluster). */
export interface CoxVectorResiduals extends ResidualsBase {
  readonly type: "martingale" | "deviance";
  readonly residuals: readonly number[];
}

/** One row per observation (or cluster, or death for "schoenfeld"), one column per covariate. */
export interface CoxMatrixResiduals extends ResidualsBase {
  readonly type: "score" | "dfbeta" | "schoenfeld";
  readonly residuals: readonly (readonly number[])[];
  /** The covariates, the columns' order. */
  readonly names: readonly string[];
  /** For "schoenfeld": the death times, the rows' order; else null. */
  readonly time: readonly number[] | null;
}

export type CoxResidualsResult = CoxVectorResiduals | CoxMatrixResiduals;

const DATA_FIELDS = ["time", "event", "covariates", "weights", "entry", "strata", "cluster"];

/**
 * Computes residuals of a fitted Cox model.
 *
 * @param fit      the coxPH result
 * @param data     the data it was fitted on (coxPH's data; with `cluster`, residuals are summed within clusters)
 * @param options  `type`: "martingale" (default), "deviance", "score", "dfbeta" or "schoenfeld";
 *                 `weighted`: multiply by the case weights (default false, true for "dfbeta")
 * @returns        a frozen result: `type`, `residuals` (a number per row for martingale and
 *                 deviance; else a row of covariate values per row, cluster or death, with
 *                 `names`, and the death `time`s for schoenfeld), `weighted`, `clusters`
 * @throws SurvivalInputError  for a fit that is not a coxPH result, data other than the fit's,
 *                 bad data (as coxPH), "schoenfeld" with clusters, a field other than coxPH's,
 *                 or an unknown or bad option
 *
 * @example
 * const data = {
 *   time: [5, 8, 12, 3, 9, 20, 4, 15, 7, 11],
 *   event: [1, 1, 0, 1, 1, 0, 1, 1, 1, 0],
 *   covariates: { arm: [1, 1, 1, 0, 0, 0, 0, 1, 0, 1] },
 * };
 * const fit = coxPH(data);
 * coxResiduals(fit, data).residuals[0];                        // => 0.7514 (martingale, residuals(fit))
 * coxResiduals(fit, data, { type: "deviance" }).residuals[0];  // => 1.1319
 * coxResiduals(fit, data, { type: "score" }).residuals[0];     // => [0.3768]
 */
export function coxResiduals(fit: CoxPHResult, data: CoxPHData, options?: CoxResidualsOptions): CoxResidualsResult {
  checkCoxFit(fit, ["names", "coef"]);
  const o = checkOptions("coxResiduals", options, ["type", "weighted"]);
  const type = o.type === undefined ? "martingale" : checkOneOf("type", o.type, COX_RESIDUAL_TYPES);
  let weighted = type === "dfbeta";
  if (o.weighted !== undefined) {
    if (typeof o.weighted !== "boolean") {
      throw new SurvivalInputError(`weighted is ${show(o.weighted)}: it must be true or false`, "weighted", undefined, o.weighted);
    }
    weighted = o.weighted;
  }
  const { n, time, event, entry, columns, weights, strata, cluster } = checkFitData("coxResiduals", fit, data, DATA_FIELDS, true);
  const names = fit.names;
  const p = names.length;
  if (cluster && type === "schoenfeld") {
    throw new SurvivalInputError('cluster: Schoenfeld residuals belong to deaths and cannot be summed within clusters (R refuses too); leave cluster out', "cluster");
  }

  // Centre on the (weighted) means: residuals do not depend on it, the exponentials do.
  let wsum = 0;
  for (let i = 0; i < n; i++) wsum += weights ? weights[i] : 1;
  const centred = columns.map((col) => {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += (weights ? weights[i] : 1) * col[i];
    mean /= wsum;
    return col.map((v) => v - mean);
  });
  const sorted = coxOrder(time, { weights, entry, strata: strata?.codes }, true);
  const detail = coxDetail(sorted, time, event, centred, weights, entry, fit.coef, fit.ties === "efron");
  const w = (i: number) => (weighted && weights ? weights[i] : 1);
  const base = { weighted, clusters: cluster ? Object.freeze(cluster.levels.slice()) : null };

  if (type === "schoenfeld") {
    const rows = Array.from(detail.deaths, (i, j) => Object.freeze(detail.schoenfeld.map((col) => w(i) * col[j])));
    return Object.freeze({
      ...base,
      type,
      residuals: Object.freeze(rows),
      names: Object.freeze(names.slice()),
      time: Object.freeze(Array.from(detail.deaths, (i) => time[i])),
    });
  }
  const groups = cluster ? cluster.levels.length : n;
  const groupOf = (i: number) => (cluster ? cluster.codes[i] : i);
  if (type === "martingale" || type === "deviance") {
    const m = new Float64Array(groups);
    const status = new Float64Array(groups);
    for (let i = 0; i < n; i++) {
      m[groupOf(i)] += w(i) * detail.martingale[i];
      status[groupOf(i)] += event[i];
    }
    const values = Array.from(m, (r, g) =>
      type === "martingale" ? r : Math.sign(r) * Math.sqrt(-2 * (r + (status[g] === 0 ? 0 : status[g] * Math.log(status[g] - r)))),
    );
    return Object.freeze({ ...base, type, residuals: Object.freeze(values) });
  }
  const V = fit.naiveVariance;
  const out = Array.from({ length: groups }, () => new Float64Array(p));
  for (let i = 0; i < n; i++) for (let k = 0; k < p; k++) out[groupOf(i)][k] += w(i) * detail.score[k][i];
  const rows = out.map((r) => {
    if (type === "score") return Object.freeze(Array.from(r));
    return Object.freeze(Array.from({ length: p }, (_, k) => r.reduce((acc, v, l) => acc + v * V[l][k], 0)));
  });
  return Object.freeze({ ...base, type, residuals: Object.freeze(rows), names: Object.freeze(names.slice()), time: null });
}
