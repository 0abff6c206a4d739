// coxPH with case weights against R 4.2 + survival 3.5, from test/survival/fixtures/r/weights.json
// (weights.R): coxph(Surv(time, status) ~ x, weights = w, ties, robust = FALSE), fully converged;
// R survival's tests/book5.R (Breslow) and book6.R (Efron, the weighted Efron approximation).
import { describe, expect, it } from "vitest";
import { coxPH } from "../../../src/survival/cox/coxPH.js";
import { expectAllClose, expectClose, loadFixture } from "../../helpers/fixtures.js";

interface CoxCase {
  label: string;
  time: number[];
  status: number[];
  covariates: Record<string, number[]>;
  weights: number[];
  ties: "efron" | "breslow";
  coef: number[];
  var: number[][] | number;
  loglik: number[];
  score: number;
  wald: number;
  lr: number;
  byhand: number | Record<string, never>;
}
const { cox } = loadFixture<{ cox: CoxCase[] }>("weights");
const FULL = { eps: 1e-14, iterMax: 100, tolerChol: 1e-15 };

describe("coxPH with weights = coxph(weights =)", () => {
  for (const c of cox) {
    it(c.label, () => {
      const fit = coxPH({ time: c.time, event: c.status, covariates: c.covariates, weights: c.weights }, { ties: c.ties, robust: false, ...FULL });
      expectAllClose(fit.coef, c.coef, "coef");
      const V = Array.isArray(c.var) ? c.var.flat() : [c.var];
      expectAllClose(fit.variance.flat(), V, "var");
      expectClose(fit.logLikNull, c.loglik[0], "loglik[1]");
      expectClose(fit.logLik, c.loglik[1], "loglik[2]");
      expectClose(fit.score.statistic, c.score, "score");
      expectClose(fit.wald.statistic, c.wald, "wald");
      expectClose(fit.likelihoodRatio.statistic, c.lr, "lr");
      if (typeof c.byhand === "number") expectClose(fit.logLik, c.byhand, "by hand");
      expect(fit.nEvent).toBe(c.status.reduce((a, b) => a + b, 0)); // events count rows, as R's nevent
    });
  }

  it("with Breslow ties, whole weights equal the rows repeated (not with Efron's: it splits by rows, as R)", () => {
    const c = cox.find((x) => x.label.startsWith("veteran, whole"))!;
    const w = c.weights;
    const rep = (col: number[]) => col.flatMap((v, i) => Array(w[i]).fill(v));
    const breslow = { ...FULL, ties: "breslow" as const };
    const a = coxPH({ time: c.time, event: c.status, covariates: c.covariates, weights: w }, breslow);
    const covs = Object.fromEntries(Object.entries(c.covariates).map(([k, v]) => [k, rep(v)]));
    const b = coxPH({ time: rep(c.time), event: rep(c.status), covariates: covs }, breslow);
    a.coef.forEach((x, k) => expect(x).toBeCloseTo(b.coef[k], 10));
    a.stdErr.forEach((x, k) => expect(x).toBeCloseTo(b.stdErr[k], 10));
    const efron = coxPH({ time: c.time, event: c.status, covariates: c.covariates, weights: w }, FULL);
    const efronRepeated = coxPH({ time: rep(c.time), event: rep(c.status), covariates: covs }, FULL);
    expect(Math.abs(efron.coef[0] - efronRepeated.coef[0])).toBeGreaterThan(1e-3);
  });
});
