/**
 * The checks shared by the functions that take a fitted Cox model and its data, as R's
 * residuals(fit), survfit(fit), cox.zph(fit) and concordance(fit) do: the fit must come from
 * coxPH, and the data must name the fit's covariates in the fit's order (and, where the
 * function reads the fit's own rows, have as many rows).
 */
import { SurvivalInputError, show } from "../errors.js";
import {
  checkData,
  checkEntry,
  checkEvents,
  checkFinite,
  checkLabels,
  checkObject,
  checkTimes,
  checkWeights,
  type Coded,
} from "../core/validate.js";
import { onTimeGrid } from "../core/timefix.js";
import type { CoxPHResult } from "./coxPH.js";

/** Throws unless `fit` looks like a coxPH result with the named array fields (and ties, if asked). */
export function checkCoxFit(fit: unknown, arrays: readonly ("names" | "coef" | "means")[], ties = true): CoxPHResult {
  const f = checkObject("fit", fit);
  if (arrays.some((key) => !Array.isArray(f[key])) || (ties && f.ties !== "efron" && f.ties !== "breslow")) {
    const needs = [...arrays, ...(ties ? ["ties"] : [])];
    const list = `${needs.slice(0, -1).join(", ")} and ${needs[needs.length - 1]}`;
    throw new SurvivalInputError(`fit must be the result of coxPH (${list})`, "fit", undefined, fit);
  }
  return fit as CoxPHResult;
}

/** A Cox model's data, checked column by column. */
export interface FitColumns {
  readonly n: number;
  /** On R's timefix grid with entry where entry is given. */
  readonly time: Float64Array;
  readonly event: Uint8Array;
  readonly entry: Float64Array | null;
  /** One column per covariate of the fit, in the fit's order. */
  readonly columns: Float64Array[];
  readonly weights: Float64Array | null;
  readonly strata: Coded | null;
  readonly cluster: Coded | null;
}

/**
 * Checks `data` for function `fn` against the fit: only `fields` may appear; the covariates are
 * the fit's, in its order; with `sameRows` the data has the fit's number of rows (the function
 * reads the rows the model was fitted on).
 */
export function checkFitData(
  fn: string,
  fit: CoxPHResult,
  data: unknown,
  fields: readonly string[],
  sameRows: boolean,
): FitColumns {
  const d = checkData(fn, data, fields);
  let time = checkTimes("time", d.time);
  const n = time.length;
  const event = checkEvents("event", d.event, n);
  const names = fit.names;
  const covariates = checkObject("covariates", d.covariates);
  const keys = Object.keys(covariates);
  const pass = sameRows ? "pass the data the model was fitted on" : "pass data with the fit's covariates";
  if (keys.length !== names.length || keys.some((key, k) => key !== names[k])) {
    throw new SurvivalInputError(
      `covariates are ${keys.map(show).join(", ")} but the fit has ${names.map(show).join(", ")}: ${pass}`,
      "covariates",
      undefined,
      keys,
    );
  }
  if (sameRows && fit.n !== n) {
    throw new SurvivalInputError(`time has length ${n} but the fit used ${fit.n} rows: ${pass}`, "time", undefined, n);
  }
  const columns = names.map((name) => checkFinite(`covariates.${name}`, covariates[name], n));
  const weights = d.weights === undefined ? null : checkWeights("weights", d.weights, n);
  let entry: Float64Array | null = null;
  if (d.entry !== undefined) ({ entry, time } = onTimeGrid(checkEntry("entry", d.entry, time), time));
  const strata = d.strata === undefined ? null : checkLabels("strata", d.strata, n);
  const cluster = d.cluster === undefined ? null : checkLabels("cluster", d.cluster, n);
  return { n, time, event, entry, columns, weights, strata, cluster };
}
