/**
 * Harrell's concordance of a Cox model with the data, with its standard error, as R's
 * concordance(fit) (survival 3.5, timewt "n"): the share of comparable pairs in which the row
 * with the higher risk score (linear predictor) has the shorter time, pairs tied on the score
 * counting one half. The standard error is R's infinitesimal jackknife: each row's influence on
 * Somers' d, summed within clusters when `cluster` is given (concordance(fit, cluster = )).
 *
 * The checked entry point; the engine is concordanceFit.ts. Strata and case weights as the fit's
 * data: pairs are compared within strata only.
 *
 * Reference: Harrell et al. (1982), JAMA 247:2543; Therneau & Watson (2015), survival vignette
 * "concordance"; R survival 3.5 concordance.coxph / concordancefit.
 */
import { SurvivalInputError } from "../errors.js";
import { checkCoxFit, checkFitData } from "./fitData.js";
import { checkObject } from "../core/validate.js";
import { countBelow } from "../core/bisect.js";
import { sortOrder } from "../core/sortOrder.js";
import { tieGroups } from "../core/timefix.js";
import { concordanceCounts } from "./concordanceFit.js";
import type { CoxPHData, CoxPHResult } from "./coxPH.js";

export interface ConcordanceResult {
  /** Harrell's C, R's concordance. */
  readonly concordance: number;
  /** Its standard error (R's sqrt(var), the infinitesimal jackknife). */
  readonly stdErr: number;
  /** Weighted pair counts, as R's count: concordant, discordant, tied on x, on y, on both. */
  readonly count: {
    readonly concordant: number;
    readonly discordant: number;
    readonly tiedX: number;
    readonly tiedY: number;
    readonly tiedXY: number;
  };
  readonly n: number;
}

const DATA_FIELDS = ["time", "event", "covariates", "weights", "strata", "cluster", "entry"];

/**
 * @param fit   the coxPH result
 * @param data  the data to compare its risk scores with: coxPH's data (time, event, covariates,
 *              and weights and strata as the fit), optionally `cluster` (the standard error sums
 *              within clusters)
 * @returns     a frozen result: `concordance`, `stdErr`, `count` ({ concordant, discordant,
 *              tiedX, tiedY, tiedXY }), `n`
 * @throws SurvivalInputError  for a fit that is not a coxPH result, covariates other than the
 *              fit's, bad data (as coxPH), (start, stop] data (not supported here), no
 *              comparable pair, or a field other than coxPH's
 *
 * @example
 * const data = {
 *   time: [5, 8, 12, 3, 9, 20, 4, 15, 7, 11],
 *   event: [1, 1, 0, 1, 1, 0, 1, 1, 1, 0],
 *   covariates: { arm: [1, 1, 1, 0, 0, 0, 0, 1, 0, 1] },
 * };
 * const c = concordance(coxPH(data), data);   // concordance(fit)
 * c.concordance;                              // => 0.6375
 * c.stdErr;                                   // => 0.1015 (the infinitesimal jackknife, R's sqrt(var))
 */
export function concordance(fit: CoxPHResult, data: CoxPHData): ConcordanceResult {
  checkCoxFit(fit, ["names", "coef"], false);
  if (checkObject("data", data).entry !== undefined) {
    throw new SurvivalInputError(
      "entry: the concordance of (start, stop] data is not implemented here (R's concordance4); pass right-censored rows",
      "entry",
    );
  }
  const { n, time, event, columns, weights, strata, cluster } = checkFitData("concordance", fit, data, DATA_FIELDS, false);

  // Risk scores and their ranks (exact ties share a rank).
  const lp = new Float64Array(n);
  columns.forEach((col, k) => {
    for (let i = 0; i < n; i++) lp[i] += fit.coef[k] * col[i];
  });
  const distinct = Float64Array.from(lp).sort();
  let m = 0;
  for (let i = 0; i < n; i++) if (m === 0 || distinct[i] !== distinct[m - 1]) distinct[m++] = distinct[i];
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) rank[i] = countBelow(distinct, lp[i], m);

  // Rows by stratum, time descending, censorings before deaths at a time (R's order(-time, status)).
  const ascending = sortOrder(time);
  const sortedTime = new Float64Array(n);
  for (let r = 0; r < n; r++) sortedTime[r] = time[ascending[r]];
  const tieSorted = tieGroups(sortedTime, true);
  const tie = new Int32Array(n);
  for (let r = 0; r < n; r++) tie[ascending[r]] = tieSorted[r];
  const nStrata = strata ? strata.levels.length : 1;
  const byStratum: number[][] = Array.from({ length: nStrata }, () => []);
  for (let r = n - 1; r >= 0; ) {
    let s = r;
    while (s > 0 && tieSorted[s - 1] === tieSorted[r]) s--;
    for (const pass of [0, 1]) {
      for (let q = s; q <= r; q++) {
        const i = ascending[q];
        if (event[i] === pass) byStratum[strata ? strata.codes[i] : 0].push(i);
      }
    }
    r = s - 1;
  }

  const count = new Float64Array(5);
  const influence = new Float64Array(n * 3);
  for (const rows of byStratum) concordanceCounts(Int32Array.from(rows), tie, event, rank, m, weights, count, influence);
  count[3] -= count[4]; // tied.xy were counted as tied.y too

  const npair = count[0] + count[1] + count[2];
  if (!(npair > 0)) {
    throw new SurvivalInputError("event: there is no comparable pair (an event with someone at risk after it): the concordance is undefined", "event");
  }
  const somer = (count[0] - count[1]) / npair;
  const groups = cluster ? cluster.levels.length : n;
  const dfbeta = new Float64Array(groups);
  for (let i = 0; i < n; i++) {
    const a = influence[i * 3];
    const b = influence[i * 3 + 1];
    const c = influence[i * 3 + 2];
    dfbeta[cluster ? cluster.codes[i] : i] += (weights ? weights[i] : 1) * ((a - b) / npair - (somer / npair) * (a + b + c));
  }
  let varSomer = 0;
  for (let g = 0; g < groups; g++) varSomer += dfbeta[g] * dfbeta[g];
  // R's concordance(coxph) reverses: a higher risk score should mean a shorter time.
  return Object.freeze({
    concordance: 1 - (somer + 1) / 2,
    stdErr: Math.sqrt(varSomer / 4),
    count: Object.freeze({ concordant: count[1], discordant: count[0], tiedX: count[2], tiedY: count[3], tiedXY: count[4] }),
    n,
  });
}
