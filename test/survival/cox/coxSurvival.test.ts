// coxSurvival against R 4.2 + survival 3.5's survfit(fit[, newdata]) for coxph fits, from
// test/survival/fixtures/r/coxmore.json (coxmore.R).
import { describe, expect, it } from "vitest";
import { coxPH } from "../../../src/survival/cox/coxPH.js";
import { coxSurvival } from "../../../src/survival/cox/coxSurvival.js";
import { expectAllClose, loadFixture } from "../../helpers/fixtures.js";
import { coxData, FULL, given, list } from "./coxFixture.js";
import { expectColumn } from "../km/kmFixture.js";

type Label = string | number;
type Num = number | null;
interface Curve {
  stratum: Label | Record<string, never>;
  row: number;
  time: number[];
  "n.risk": number[];
  "n.event": number[];
  "n.censor": number[];
  surv: number[];
  cumhaz: number[];
  "std.err": Num[];
  lower: Num[];
  upper: Num[];
}
interface Case {
  label: string;
  time: number[];
  status: number[];
  covariates: Record<string, number[] | number>;
  entry: number[] | Record<string, never>;
  strata: Label[] | Record<string, never>;
  weights: number[] | Record<string, never>;
  ties: "efron" | "breslow";
  newdata: Record<string, number[] | number> | Record<string, never>;
  means: number[] | number;
  curves: Curve[];
}
const cases = loadFixture<{ survfit: Case[] }>("coxmore").survfit;

describe("coxSurvival = survfit(coxph fit, newdata)", () => {
  for (const c of cases) {
    it(c.label, () => {
      const data = coxData(c, ["entry", "strata", "weights"]);
      const fit = coxPH(data, { ties: c.ties, ...FULL });
      expectAllClose(fit.means, list(c.means), "means");
      const newdata = given(c.newdata);
      const sf = coxSurvival(fit, data, newdata ? { newdata: Object.fromEntries(Object.entries(newdata).map(([k, v]) => [k, list(v)])) } : {});
      expect(sf.curves.length).toBe(c.curves.length);
      c.curves.forEach((r, k) => {
        const curve = sf.curves[k];
        expect(curve.row).toBe(r.row);
        expect(curve.stratum).toEqual(given(r.stratum) ?? null);
        expectColumn(curve.time, r.time, "time");
        expectColumn(curve.nRisk, r["n.risk"], "n.risk");
        expectColumn(curve.nEvent, r["n.event"], "n.event");
        expectColumn(curve.nCensor, r["n.censor"], "n.censor");
        expectColumn(curve.survival, r.surv, "surv");
        expectColumn(curve.cumHazard, r.cumhaz, "cumhaz");
        expectColumn(curve.cumHazardStdErr, r["std.err"], "std.err (of H)");
        expectColumn(curve.lower, r.lower, "lower");
        expectColumn(curve.upper, r.upper, "upper");
      });
    });
  }
  it("refuses newdata without a covariate or with an unknown one", () => {
    const c = cases[1];
    const data = { time: c.time, event: c.status, covariates: Object.fromEntries(Object.entries(c.covariates).map(([k, v]) => [k, list(v)])) };
    const fit = coxPH(data);
    expect(() => coxSurvival(fit, data, { newdata: { trt: [1] } })).toThrow('newdata has no column "karno"');
    expect(() => coxSurvival(fit, data, { newdata: { trt: [1], karno: [1], age: [1], sex: [1] } })).toThrow("newdata.sex is not a covariate of the fit");
  });
});
