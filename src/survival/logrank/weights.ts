/**
 * Weights of the weighted log-rank family, one per distinct time of one stratum.
 *
 * - "logrank": w = 1 (Mantel-Haenszel; R's survdiff(rho = 0)).
 * - "gehan-breslow": w = n, the number at risk (Gehan 1965, Breslow 1970; SPSS calls it
 *   "Breslow"; statsmodels weight_type "gb").
 * - "tarone-ware": w = sqrt(n) (Tarone & Ware 1977; statsmodels "tw").
 * - "fleming-harrington": w = S(t-)^p (1 - S(t-))^q (Fleming & Harrington 1991, ch. 7),
 *   S the Kaplan-Meier of the stratum's pooled sample (all groups together) taken just before
 *   t. p = 1, q = 0 is R's survdiff(rho = 1); G(rho, 0) is survdiff(rho).
 *
 * n and S are those of the stratum, as R's survdiff (src/survdiff2.c) and statsmodels'
 * survdiff compute them. Reference: Klein & Moeschberger (2003), Survival Analysis, sec. 7.3.
 */

export type LogRankWeight = "logrank" | "gehan-breslow" | "tarone-ware" | "fleming-harrington";

export const LOG_RANK_WEIGHTS: readonly LogRankWeight[] = [
  "logrank",
  "gehan-breslow",
  "tarone-ware",
  "fleming-harrington",
];

/**
 * @param weight    the weight family
 * @param nRisk     pooled number at risk just before each distinct time (ascending times)
 * @param nEvent    pooled number of events at each distinct time
 * @param p, q      Fleming-Harrington exponents (ignored by the other weights)
 * @returns         the weight at each distinct time
 *
 * @example
 * timeWeights("fleming-harrington", Float64Array.of(4, 3, 1), Float64Array.of(1, 2, 1), 1, 0)
 * // Float64Array [1, 0.75, 0.25]: S(t-) = 1, 3/4, 3/4 * 1/3
 */
export function timeWeights(
  weight: LogRankWeight,
  nRisk: Float64Array,
  nEvent: Float64Array,
  p = 1,
  q = 0,
): Float64Array {
  const d = nRisk.length;
  const w = new Float64Array(d);
  switch (weight) {
    case "logrank":
      w.fill(1);
      break;
    case "gehan-breslow":
      w.set(nRisk);
      break;
    case "tarone-ware":
      for (let j = 0; j < d; j++) w[j] = Math.sqrt(nRisk[j]);
      break;
    case "fleming-harrington": {
      // Left-continuous pooled KM, updated as survdiff2.c does: km *= (n - d) / n.
      let km = 1;
      for (let j = 0; j < d; j++) {
        w[j] = (p === 0 ? 1 : Math.pow(km, p)) * (q === 0 ? 1 : Math.pow(1 - km, q));
        km = (km * (nRisk[j] - nEvent[j])) / nRisk[j];
      }
      break;
    }
  }
  return w;
}
