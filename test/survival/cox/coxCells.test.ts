// The Cox engine's two ways of summing the likelihood (coxFit.ts): by cells of (stratum, time),
// the default from 5,000 rows on, and over sorted rows, the default below. Both against R
// (test/survival/fixtures/r/coxmore.R and weights.R: coxph fully converged), so that the path
// large data takes is checked on the same cases as the other.
import { describe, expect, it } from "vitest";
import { coxFit } from "../../../src/survival/cox/coxFit.js";
import { checkLabels } from "../../../src/survival/core/validate.js";
import { expectAllClose, expectClose, loadFixture } from "../../helpers/fixtures.js";
import { given, list } from "./coxFixture.js";

type Label = string | number;
interface Case {
  label: string;
  time: number[];
  status: number[];
  covariates: Record<string, number[] | number>;
  entry?: number[] | Record<string, never>;
  strata?: Label[] | Record<string, never>;
  weights?: number[] | Record<string, never>;
  ties: "efron" | "breslow";
  coef: number[] | number;
  loglik: number[];
  score: number;
}
const cases: Case[] = [
  ...loadFixture<{ cases: Case[] }>("coxmore").cases,
  ...loadFixture<{ cox: Case[] }>("weights").cox,
].filter((c) => given(c.entry) === undefined);

describe("coxFit by cells = coxFit over sorted rows = R", () => {
  it("has cases with strata, weights and both ties", () => expect(cases.length).toBeGreaterThanOrEqual(12));
  for (const c of cases) {
    for (const cells of [true, false]) {
      it(`${c.label}, ${cells ? "cells" : "sorted rows"}`, () => {
        const strata = given(c.strata);
        const fit = coxFit(
          Float64Array.from(c.time),
          Uint8Array.from(c.status),
          Object.values(c.covariates).map((v) => Float64Array.from(list(v))),
          { ties: c.ties, eps: 1e-14, iterMax: 100, tolerChol: 1e-15, timefix: true, cells },
          { weights: given(c.weights) ?? null, strata: strata ? checkLabels("strata", strata, c.time.length).codes : null },
        );
        expectAllClose(fit.coef, list(c.coef), "coef");
        expectClose(fit.logLikNull, c.loglik[0], "loglik[1]");
        expectClose(fit.logLik, c.loglik[1], "loglik[2]");
        expectClose(fit.score, c.score, "score");
      });
    }
  }
});
