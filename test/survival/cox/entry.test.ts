// coxPH with delayed entry ((start, stop] rows) against R 4.2 + survival 3.5, from
// test/survival/fixtures/r/entry.json (entry.R): coxph(Surv(entry, time, status) ~ x, ties);
// Therneau & Grambsch's data set 2 (R survival tests/book3.R, Breslow; book4.R, Efron).
import { describe, expect, it } from "vitest";
import { coxPH } from "../../../src/survival/cox/coxPH.js";
import { expectAllClose, expectClose, loadFixture } from "../../helpers/fixtures.js";

interface CoxCase {
  label: string;
  entry: number[];
  time: number[];
  status: number[];
  covariates: Record<string, number[]>;
  weights: number[] | Record<string, never>;
  ties: "efron" | "breslow";
  full: boolean;
  coef: number[];
  var: number[][] | number;
  loglik: number[];
  score: number;
  wald: number;
  iter: number;
  byhand: number | Record<string, never>;
}
const { cox } = loadFixture<{ cox: CoxCase[] }>("entry");
const FULL = { eps: 1e-14, iterMax: 100, tolerChol: 1e-15 };

describe("coxPH with entry = coxph(Surv(entry, time, status) ~ x)", () => {
  for (const c of cox) {
    it(c.label, () => {
      const weights = Array.isArray(c.weights) ? { weights: c.weights } : {};
      const fit = coxPH(
        { entry: c.entry, time: c.time, event: c.status, covariates: c.covariates, ...weights },
        { ties: c.ties, robust: false, ...(c.full ? FULL : {}) },
      );
      expectAllClose(fit.coef, c.coef, "coef");
      expectAllClose(fit.variance.flat(), Array.isArray(c.var) ? c.var.flat() : [c.var], "var");
      expectClose(fit.logLikNull, c.loglik[0], "loglik[1]");
      expectClose(fit.logLik, c.loglik[1], "loglik[2]");
      expectClose(fit.score.statistic, c.score, "score");
      expectClose(fit.wald.statistic, c.wald, "wald");
      if (typeof c.byhand === "number") expectClose(fit.logLik, c.byhand, "by hand");
      if (!c.full) expect(fit.iterations).toBe(c.iter);
    });
  }

  it("entry before every time is the plain fit", () => {
    const c = cox[5];
    const plain = coxPH({ time: c.time, event: c.status, covariates: c.covariates }, FULL);
    const early = coxPH({ time: c.time, event: c.status, covariates: c.covariates, entry: c.time.map(() => -1) }, FULL);
    early.coef.forEach((b, k) => expect(b).toBeCloseTo(plain.coef[k], 12));
  });
});
