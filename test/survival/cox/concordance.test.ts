// concordance(fit, data) against R 4.2 + survival 3.5's concordance(fit[, cluster]), from
// test/survival/fixtures/r/coxmore.json (coxmore.R).
import { describe, expect, it } from "vitest";
import { coxPH } from "../../../src/survival/cox/coxPH.js";
import { concordance } from "../../../src/survival/cox/concordance.js";
import { expectAllClose, expectClose, loadFixture } from "../../helpers/fixtures.js";
import { coxData, FULL, given } from "./coxFixture.js";

type Label = string | number;
interface Case {
  label: string;
  time: number[];
  status: number[];
  covariates: Record<string, number[] | number>;
  strata: Label[] | Record<string, never>;
  weights: number[] | Record<string, never>;
  cluster: Label[] | Record<string, never>;
  ties: "efron" | "breslow";
  concordance: number;
  std: number;
  count: number[];
}
const cases = loadFixture<{ concordance: Case[] }>("coxmore").concordance;

describe("concordance = R's concordance(fit)", () => {
  for (const c of cases) {
    it(c.label, () => {
      const data = coxData(c, ["strata", "weights"]);
      const fit = coxPH(data, { ties: c.ties, ...FULL });
      const cluster = given(c.cluster);
      const cc = concordance(fit, cluster ? { ...data, cluster } : data);
      expectClose(cc.concordance, c.concordance, "concordance");
      expectClose(cc.stdErr, c.std, "std");
      const k = cc.count;
      expectAllClose([k.concordant, k.discordant, k.tiedX, k.tiedY, k.tiedXY], c.count, "count");
      expect(Object.isFrozen(cc) && Object.isFrozen(cc.count)).toBe(true);
    });
  }
  it("refuses (start, stop] data and covariates other than the fit's", () => {
    const c = cases[1];
    const data = { time: c.time, event: c.status, covariates: { trt: c.covariates.trt as number[] } };
    const fit = coxPH(data);
    expect(() => concordance(fit, { ...data, entry: c.time.map(() => -1) })).toThrow("(start, stop] data is not implemented");
    expect(() => concordance(fit, { ...data, covariates: { age: c.covariates.age as number[] } })).toThrow("but the fit has");
  });
});
