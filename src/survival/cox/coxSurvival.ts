/**
 * Predicted survival curves of a Cox model, and its baseline cumulative hazard, as R's
 * survfit(fit, newdata) (survival 3.5, survfit.coxph / coxsurv.fit / agsurv): for each stratum
 * and each row of `newdata` (default: one curve at the fit's means, R's default),
 *   H(t | x) = H0(t) exp((x - means)' beta),   S(t | x) = exp(-H(t | x))   (R's stype = 2),
 * H0 the Breslow hazard, or with Efron ties Efron's (the d tied deaths leave in d fractions,
 * R's ctype = 2, the default for an Efron fit). The standard error is that of H(t | x),
 * Tsiatis's: sqrt(sum dH0 var term + d' V d) exp((x - means)' beta), d = H0(t) x - sum xbar dH0,
 * V the fit's variance (robust when the fit is); summary()'s std.err is S times it. Limits as
 * survfit_confint on S with the standard error of log S (conf.type "log" by default).
 * One row per distinct time of the stratum (events and censorings), as survfit.
 *
 * Like coxZph it takes the data again, as the fit keeps none.
 *
 * Reference: Breslow (1972); Tsiatis (1981), Ann Stat 9:93; Therneau & Grambsch (2000), sec.
 * 10.2; R survival 3.5 survfit.coxph, agsurv.R, agsurv5.c.
 */
import { SurvivalInputError, show } from "../errors.js";
import { checkCoxFit, checkFitData } from "./fitData.js";
import {
  checkConfLevel,
  checkFinite,
  checkObject,
  checkOneOf,
  checkOptions,
} from "../core/validate.js";
import { countAtOrBelow } from "../core/bisect.js";
import { normalQuantile } from "../core/distributions.js";
import { CONF_TYPES, confidenceLimits, type ConfType } from "../km/confint.js";
import { sortOrder } from "../core/sortOrder.js";
import { tieGroups } from "../core/timefix.js";
import type { CoxPHData, CoxPHResult } from "./coxPH.js";

export interface CoxSurvivalOptions {
  /** Covariate values of the curves: one column per covariate, one entry per curve; default the fit's means. */
  newdata?: Record<string, ArrayLike<number>>;
  /** CI transform, default "log" (R's). */
  confType?: ConfType;
  /** Confidence level in (0, 1), default 0.95. */
  confLevel?: number;
}

export interface CoxSurvivalCurve {
  /** The stratum, or null without strata. */
  readonly stratum: string | number | null;
  /** The row of newdata (0 for the default curve). */
  readonly row: number;
  /** The covariate values of the curve. */
  readonly covariates: readonly number[];
  readonly time: readonly number[];
  /** Weighted number at risk, events and censorings (R's n.risk, n.event, n.censor). */
  readonly nRisk: readonly number[];
  readonly nEvent: readonly number[];
  readonly nCensor: readonly number[];
  /** H(t | x) and S(t | x) = exp(-H). */
  readonly cumHazard: readonly number[];
  readonly survival: readonly number[];
  /** Standard error of S, as summary() prints it (S times that of H). */
  readonly stdErr: readonly number[];
  /** Standard error of H(t | x) (R's fit$std.err for a Cox curve). */
  readonly cumHazardStdErr: readonly number[];
  readonly lower: readonly number[];
  readonly upper: readonly number[];
}

export interface CoxSurvivalResult {
  readonly curves: readonly CoxSurvivalCurve[];
  /** The baseline cumulative hazard H0 per stratum at its distinct times (at the fit's means: R's basehaz(fit)). */
  readonly baseline: readonly { readonly stratum: string | number | null; readonly time: readonly number[]; readonly cumHazard: readonly number[] }[];
  readonly confType: ConfType;
  readonly confLevel: number;
  readonly method: string;
}

const DATA_FIELDS = ["time", "event", "covariates", "weights", "entry", "strata", "cluster"];

/**
 * @param fit      the coxPH result
 * @param data     the data it was fitted on (coxPH's data)
 * @param options  `newdata` (covariate columns, one entry per curve; default the fit's means),
 *                 `confType` (default "log"), `confLevel` (default 0.95)
 * @returns        a frozen result: `curves` (per stratum and newdata row: `time`, `nRisk`,
 *                 `nEvent`, `nCensor`, `cumHazard`, `survival`, `stdErr`, `cumHazardStdErr`,
 *                 `lower`, `upper`), `baseline` (H0 per stratum), the settings and `method`
 * @throws SurvivalInputError  for a fit that is not a coxPH result, data other than the fit's,
 *                 bad data (as coxPH), newdata without a covariate of the fit or with a bad
 *                 value, a field other than coxPH's, or an unknown or bad option
 *
 * @example
 * const data = {
 *   time: [5, 8, 12, 3, 9, 20, 4, 15, 7, 11],
 *   event: [1, 1, 0, 1, 1, 0, 1, 1, 1, 0],
 *   covariates: { arm: [1, 1, 1, 0, 0, 0, 0, 1, 0, 1] },
 * };
 * const fit = coxPH(data);
 * const sf = coxSurvival(fit, data, { newdata: { arm: [0, 1] } });   // survfit(fit, newdata)
 * sf.curves[1].survival[4];                                          // => 0.6152 (arm 1 at time 7)
 * sf.curves[1].stdErr[4];                                            // => 0.1863 (as summary(sf) prints it)
 */
export function coxSurvival(fit: CoxPHResult, data: CoxPHData, options?: CoxSurvivalOptions): CoxSurvivalResult {
  checkCoxFit(fit, ["names", "coef", "means"]);
  const o = checkOptions("coxSurvival", options, ["newdata", "confType", "confLevel"]);
  const confType = o.confType === undefined ? "log" : checkOneOf("confType", o.confType, CONF_TYPES);
  const confLevel = o.confLevel === undefined ? 0.95 : checkConfLevel(o.confLevel);
  const { n, time, event, entry, columns: x, weights, strata } = checkFitData("coxSurvival", fit, data, DATA_FIELDS, true);
  const names = fit.names;
  const p = names.length;

  // The curves' covariates: newdata's rows, or the fit's means.
  let targets: number[][];
  if (o.newdata === undefined) {
    targets = [fit.means.slice()];
  } else {
    const nd = checkObject("newdata", o.newdata);
    for (const key of Object.keys(nd)) {
      if (!names.includes(key)) {
        throw new SurvivalInputError(`newdata.${key} is not a covariate of the fit; the covariates are ${names.join(", ")}`, "newdata", undefined, key);
      }
    }
    const first = nd[names[0]] as ArrayLike<number> | undefined;
    const rows = first && typeof first === "object" ? first.length : 0;
    const cols = names.map((name) => {
      if (nd[name] === undefined) {
        throw new SurvivalInputError(`newdata has no column ${show(name)}: give a value of every covariate of the fit`, "newdata", undefined, name);
      }
      return checkFinite(`newdata.${name}`, nd[name], rows, `newdata.${names[0]}`);
    });
    if (rows === 0) throw new SurvivalInputError("newdata has no rows: give at least one value per covariate", "newdata");
    targets = Array.from({ length: rows }, (_, r) => cols.map((c) => c[r]));
  }

  const beta = fit.coef;
  const xcenter = fit.means.reduce((acc, m, k) => acc + m * beta[k], 0);
  const risk = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eta = -xcenter;
    for (let k = 0; k < p; k++) eta += beta[k] * x[k][i];
    risk[i] = Math.exp(eta);
  }
  const V = fit.variance;
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const efron = fit.ties === "efron";
  const levels = strata ? strata.levels : [null];
  const curves: CoxSurvivalCurve[] = [];
  const baseline: CoxSurvivalResult["baseline"][number][] = [];
  const frozen = (a: ArrayLike<number>) => Object.freeze(Array.from(a));
  levels.forEach((level, s) => {
    const rows: number[] = [];
    for (let i = 0; i < n; i++) if (!strata || strata.codes[i] === s) rows.push(i);
    const h = baselineHazard(Int32Array.from(rows), time, event, x, weights, entry, risk, efron);
    baseline.push(Object.freeze({ stratum: level, time: frozen(h.time), cumHazard: frozen(h.cumHazard) }));
    const m = h.time.length;
    targets.forEach((x2, row) => {
      let eta = -xcenter;
      for (let k = 0; k < p; k++) eta += beta[k] * x2[k];
      const risk2 = Math.exp(eta);
      const cumHazard = new Float64Array(m);
      const survival = new Float64Array(m);
      const seH = new Float64Array(m);
      const seS = new Float64Array(m);
      const lower = new Float64Array(m);
      const upper = new Float64Array(m);
      const dt = new Float64Array(p);
      let varSum = 0;
      for (let j = 0; j < m; j++) {
        varSum += h.varHazard[j];
        for (let k = 0; k < p; k++) dt[k] = h.cumHazard[j] * x2[k] - h.xbar[k][j];
        let quad = 0;
        for (let k = 0; k < p; k++) for (let l = 0; l < p; l++) quad += dt[k] * V[k][l] * dt[l];
        cumHazard[j] = h.cumHazard[j] * risk2;
        survival[j] = Math.exp(-cumHazard[j]);
        seH[j] = Math.sqrt((varSum + quad) * risk2 * risk2);
        seS[j] = survival[j] * seH[j];
        confidenceLimits(confType, survival[j], seH[j], z, lower, upper, j);
      }
      curves.push(
        Object.freeze({
          stratum: level,
          row,
          covariates: Object.freeze(x2.slice()),
          time: frozen(h.time),
          nRisk: frozen(h.nRisk),
          nEvent: frozen(h.nEvent),
          nCensor: frozen(h.nCensor),
          cumHazard: frozen(cumHazard),
          survival: frozen(survival),
          stdErr: frozen(seS),
          cumHazardStdErr: frozen(seH),
          lower: frozen(lower),
          upper: frozen(upper),
        }),
      );
    });
  });
  return Object.freeze({
    curves: Object.freeze(curves),
    baseline: Object.freeze(baseline),
    confType,
    confLevel,
    method:
      `Cox model survival curves (R survfit.coxph, stype = 2): ${efron ? "Efron" : "Breslow"} baseline hazard, ` +
      `Tsiatis standard errors, ${confType} ${Number((confLevel * 100).toPrecision(12))}% limits`,
  });
}

/** One stratum's hazard steps at its distinct times (R's agsurv, survtype = vartype = 2 or 3). */
function baselineHazard(
  rows: Int32Array,
  timeAll: Float64Array,
  event: Uint8Array,
  x: Float64Array[],
  weights: Float64Array | null,
  entry: Float64Array | null,
  risk: Float64Array,
  efron: boolean,
) {
  const p = x.length;
  const nr = rows.length;
  const t = new Float64Array(nr);
  for (let r = 0; r < nr; r++) t[r] = timeAll[rows[r]];
  const order = sortOrder(t);
  const sortedT = new Float64Array(nr);
  for (let r = 0; r < nr; r++) sortedT[r] = t[order[r]];
  const tie = tieGroups(sortedT, true);
  const m = nr === 0 ? 0 : tie[nr - 1] + 1;
  const time = new Float64Array(m);
  const nEvent = new Float64Array(m);
  const nCensor = new Float64Array(m);
  const deaths = new Float64Array(m); // unweighted
  const wriskAt = new Float64Array(m); // sums of w r, w, w r x over the rows leaving at each time
  const wAt = new Float64Array(m);
  const xAt = Array.from({ length: p }, () => new Float64Array(m));
  const erisk = new Float64Array(m); // the deaths' w r and w r x
  const xDead = Array.from({ length: p }, () => new Float64Array(m));
  for (let r = 0; r < nr; r++) {
    const i = rows[order[r]];
    const j = tie[r];
    if (r === 0 || tie[r - 1] !== j) time[j] = sortedT[r];
    const w = weights ? weights[i] : 1;
    const wr = w * risk[i];
    wriskAt[j] += wr;
    wAt[j] += w;
    for (let k = 0; k < p; k++) xAt[k][j] += wr * x[k][i];
    if (event[i]) {
      nEvent[j] += w;
      deaths[j]++;
      erisk[j] += wr;
      for (let k = 0; k < p; k++) xDead[k][j] += wr * x[k][i];
    } else {
      nCensor[j] += w;
    }
  }
  // Sums over the risk set at each time: rows with time >= t, less those entering at or after t.
  const nrisk = new Float64Array(m);
  const irisk = new Float64Array(m);
  const xsum = Array.from({ length: p }, () => new Float64Array(m));
  let acc = 0;
  let accW = 0;
  const accX = new Float64Array(p);
  for (let j = m - 1; j >= 0; j--) {
    acc += wriskAt[j];
    accW += wAt[j];
    nrisk[j] = acc;
    irisk[j] = accW;
    for (let k = 0; k < p; k++) xsum[k][j] = accX[k] += xAt[k][j];
  }
  if (entry) {
    // a row entering at e is not at risk at the times <= e: take it out of those
    const out = new Float64Array(m + 1);
    const outW = new Float64Array(m + 1);
    const outX = Array.from({ length: p }, () => new Float64Array(m + 1));
    for (let r = 0; r < nr; r++) {
      const i = rows[r];
      const first = countAtOrBelow(time, entry[i]); // not at risk at time[0 .. first - 1]
      const w = weights ? weights[i] : 1;
      out[first] += w * risk[i];
      outW[first] += w;
      for (let k = 0; k < p; k++) outX[k][first] += w * risk[i] * x[k][i];
    }
    let o = 0;
    let oW = 0;
    const oX = new Float64Array(p);
    for (let j = m - 1; j >= 0; j--) {
      o += out[j + 1];
      oW += outW[j + 1];
      nrisk[j] -= o;
      irisk[j] -= oW;
      for (let k = 0; k < p; k++) xsum[k][j] -= oX[k] += outX[k][j + 1];
    }
  }
  const cumHazard = new Float64Array(m);
  const varHazard = new Float64Array(m);
  const xbar = Array.from({ length: p }, () => new Float64Array(m)); // cumulative sum of xbar dH
  let H = 0;
  const cumX = new Float64Array(p);
  for (let j = 0; j < m; j++) {
    const dd = deaths[j];
    let haz = 0;
    let vh = 0;
    const xb = new Float64Array(p);
    if (dd > 0) {
      if (!efron || dd === 1) {
        haz = nEvent[j] / nrisk[j];
        vh = nEvent[j] / (nrisk[j] * nrisk[j]);
        for (let k = 0; k < p; k++) xb[k] = (xsum[k][j] / nrisk[j]) * haz;
      } else {
        // agsurv5.c: the d deaths leave in d fractions
        let sum1 = 0;
        let sum2 = 0;
        for (let l = 0; l < dd; l++) {
          const inv = 1 / (nrisk[j] - (erisk[j] * l) / dd);
          sum1 += inv / dd;
          sum2 += (inv * inv) / dd;
          for (let k = 0; k < p; k++) xb[k] += ((xsum[k][j] - (xDead[k][j] * l) / dd) * inv * inv) / dd;
        }
        haz = nEvent[j] * sum1;
        vh = nEvent[j] * sum2;
        for (let k = 0; k < p; k++) xb[k] *= nEvent[j];
      }
    }
    H += haz;
    cumHazard[j] = H;
    varHazard[j] = vh;
    for (let k = 0; k < p; k++) xbar[k][j] = cumX[k] += xb[k];
  }
  return { time, nRisk: irisk, nEvent, nCensor, cumHazard, varHazard, xbar };
}
