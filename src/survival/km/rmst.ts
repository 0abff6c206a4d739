/**
 * Restricted mean survival time up to tau (the area under the Kaplan-Meier curve on [0, tau])
 * and its standard error, as R's print(fit, rmean = tau) shows them as `*rmean` and
 * `*se(rmean)` (survival 3.5, R/print.survfit.R, survmean's `pfun`).
 *
 * With rows j = 0..K-1 the times <= tau (censoring times included), S_j the curve there and
 * rectangles r_0 = t_0 * 1, r_j = (t_j - t_{j-1}) S_{j-1}, r_K = (tau - t_{K-1}) S_{K-1}:
 *   rmean       = sum_j r_j
 *   se(rmean)^2 = sum_{j<K} (r_{j+1} + ... + r_K)^2 d_j / (n_j (n_j - d_j))   (0 where n_j = d_j)
 * i.e. the Greenwood-type variance with the area beyond each event time (Klein & Moeschberger
 * 2003, section 4.5). For tau beyond the last time the curve is carried flat to tau, as R does.
 * For tau before the first time, rmean = tau and se = 0 (survmean's value; print() refuses).
 */
import { countAtOrBelow } from "../core/bisect.js";

export interface RestrictedMean {
  readonly estimate: number;
  /** Its standard error (R's se(rmean)). */
  readonly stdErr: number;
}

export function restrictedMean(
  time: ArrayLike<number>,
  survival: ArrayLike<number>,
  nRisk: ArrayLike<number>,
  nEvent: ArrayLike<number>,
  tau: number,
): RestrictedMean {
  const K = countAtOrBelow(time, tau); // rows with time <= tau (times ascending)
  if (K === 0) return Object.freeze({ estimate: tau, stdErr: 0 });

  // Rectangle r_j, the area between t_{j-1} and t_j (t_{-1} = 0, t_K = tau).
  const rect = (j: number) =>
    j === 0 ? time[0] : ((j === K ? tau : time[j]) - time[j - 1]) * survival[j - 1];
  let estimate = 0;
  for (let j = 0; j <= K; j++) estimate += rect(j);

  let variance = 0;
  let areaBeyond = 0;
  for (let j = K - 1; j >= 0; j--) {
    areaBeyond += rect(j + 1);
    const n = nRisk[j];
    const d = nEvent[j];
    if (d > 0 && n > d) variance += areaBeyond * areaBeyond * (d / (n * (n - d)));
  }
  return Object.freeze({ estimate, stdErr: Math.sqrt(variance) });
}
