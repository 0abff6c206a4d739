// coxPH with strata, clusters and the robust variance, and coxResiduals, against R 4.2 +
// survival 3.5, from test/survival/fixtures/r/coxmore.json (coxmore.R): coxph(... + strata() +
// cluster(), weights, robust), fully converged; residuals(fit, type[, collapse = cluster]).
import { describe, expect, it } from "vitest";
import { coxPH, type CoxPHData } from "../../../src/survival/cox/coxPH.js";
import { coxResiduals } from "../../../src/survival/cox/coxResiduals.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";
import { expectAllClose, expectClose, loadFixture } from "../../helpers/fixtures.js";
import { coxData, FULL, given } from "./coxFixture.js";
import { expectColumn } from "../km/kmFixture.js";

type Label = string | number;
type Num = number | null;
interface Case {
  label: string;
  time: number[];
  status: number[];
  covariates: Record<string, number[] | number>;
  entry: number[] | Record<string, never>;
  strata: Label[] | Record<string, never>;
  cluster: Label[] | Record<string, never>;
  weights: number[] | Record<string, never>;
  ties: "efron" | "breslow";
  robust: boolean;
  coef: number[];
  var: number[][];
  naive_var: number[][];
  loglik: number[];
  score: number;
  wald: number;
  rscore: number | number[][] | Record<string, never>;
  residuals: Record<string, Num[] | Num[][]>;
}
const { cases } = loadFixture<{ cases: Case[] }>("coxmore");
const dataOf = (c: Case): CoxPHData => coxData(c, ["entry", "strata", "cluster", "weights"]);

describe("coxPH with strata, clusters and robust = coxph(... + strata() + cluster(), robust)", () => {
  it("covers strata, weights, (start, stop] rows by patient, Breslow and Efron", () => expect(cases.length).toBe(10));
  for (const c of cases) {
    it(c.label, () => {
      const fit = coxPH(dataOf(c), { ties: c.ties, robust: c.robust, ...FULL });
      expect(fit.robust).toBe(c.robust);
      expectAllClose(fit.coef, c.coef, "coef");
      expectAllClose(fit.variance.flat(), c.var.flat(), "vcov");
      expectAllClose(fit.naiveVariance.flat(), c.naive_var.flat(), "naive.var");
      expectClose(fit.logLikNull, c.loglik[0], "loglik[1]");
      expectClose(fit.logLik, c.loglik[1], "loglik[2]");
      expectClose(fit.score.statistic, c.score, "score");
      expectClose(fit.wald.statistic, c.wald, "wald");
      const rscore = given(c.rscore);
      if (rscore === undefined) expect(fit.robustScore).toBeNull();
      else expectClose(fit.robustScore!.statistic, Array.isArray(rscore) ? rscore[0][0] : rscore, "rscore");
      if (c.robust) expectAllClose(fit.robustStdErr!, c.var.map((r, k) => Math.sqrt(r[k])), "robust se");
      else expect(fit.robustStdErr).toBeNull();
    });
  }
  it("defaults: robust with a cluster or a fractional weight, as R; strata named in the method", () => {
    const c = cases.find((x) => x.label.startsWith("heart"))!;
    const fit = coxPH(dataOf(c), FULL);
    expect(fit.robust).toBe(true);
    expect(fit.method).toContain("robust variance (103 clusters)");
    const s = coxPH(dataOf(cases[0]), FULL);
    expect([s.robust, s.strata]).toEqual([false, ["adeno", "large", "smallcell", "squamous"]]);
    expect(s.method).toContain("stratified (4 strata)");
  });
});

describe("coxResiduals = residuals(fit, type)", () => {
  for (const c of cases) {
    describe(c.label, () => {
      const data = dataOf(c);
      const fit = coxPH(data, { ties: c.ties, robust: c.robust, ...FULL });
      const { cluster, ...plain } = data;
      for (const type of ["martingale", "deviance", "score", "dfbeta", "schoenfeld"] as const) {
        it(type, () => {
          const r = coxResiduals(fit, plain, { type });
          const expected = c.residuals[type];
          if (type === "martingale" || type === "deviance") {
            expectColumn(r.residuals as number[], expected as Num[], type);
          } else {
            const rows = (expected as (Num[] | Num)[]).map((x) => (Array.isArray(x) ? x : [x]));
            expect(r.residuals.length).toBe(rows.length);
            expectColumn((r.residuals as number[][]).flat(), rows.flat(), type);
          }
          if (type === "schoenfeld" && r.type === "schoenfeld") expectColumn(r.time!, c.residuals.schoenfeld_time as Num[], "time");
        });
      }
      if (cluster) {
        it("collapsed by cluster", () => {
          for (const type of ["martingale", "deviance", "score", "dfbeta"] as const) {
            const r = coxResiduals(fit, data, { type });
            const expected = c.residuals[`${type}_collapsed`] as (Num[] | Num)[];
            expectColumn((r.residuals as (number | number[])[]).flat(), expected.flat(), `${type} collapsed`);
          }
        });
      }
    });
  }
  it("refuses Schoenfeld residuals with clusters, data other than the fit's, and bad options", () => {
    const c = cases.find((x) => x.label.startsWith("heart"))!;
    const fit = coxPH(dataOf(c), FULL);
    expect(() => coxResiduals(fit, dataOf(c), { type: "schoenfeld" })).toThrow("Schoenfeld residuals belong to deaths");
    expect(() => coxResiduals(fit, { ...dataOf(c), covariates: { age: dataOf(c).covariates.age } })).toThrow(SurvivalInputError);
    expect(() => coxResiduals(fit, dataOf(c), { type: "pearson" as never })).toThrow('type is "pearson"');
  });
});
