// coxZph with strata and case weights against R 4.2 + survival 3.5's cox.zph(fit, transform),
// from test/survival/fixtures/r/coxmore.json (coxmore.R).
import { describe, expect, it } from "vitest";
import { coxPH } from "../../../src/survival/cox/coxPH.js";
import { coxZph, type ZphTransform } from "../../../src/survival/cox/coxZph.js";
import { expectAllClose, loadFixture } from "../../helpers/fixtures.js";
import { coxData, FULL, given, list } from "./coxFixture.js";

type Label = string | number;
interface Case {
  label: string;
  time: number[];
  status: number[];
  covariates: Record<string, number[] | number>;
  strata: Label[] | Record<string, never>;
  weights: number[] | Record<string, never>;
  ties: "efron" | "breslow";
  transform: ZphTransform;
  chisq: number[];
  p: number[];
  x: number[];
  ztime: number[];
  zstrata: string[] | Record<string, never>;
  y: (number[] | number)[];
  var: (number[] | number)[];
}
const cases = loadFixture<{ zph: Case[] }>("coxmore").zph;

describe("coxZph with strata and weights = cox.zph(fit)", () => {
  for (const c of cases) {
    it(c.label, () => {
      const data = coxData(c, ["strata", "weights"]);
      const fit = coxPH(data, { ties: c.ties, robust: false, ...FULL });
      const z = coxZph(fit, data, { transform: c.transform });
      expectAllClose(z.table.map((t) => t.statistic), c.chisq, "chisq");
      expectAllClose(z.table.map((t) => t.pValue), c.p, "p");
      expectAllClose(z.x, c.x, "x");
      expectAllClose(z.time, c.ztime, "time");
      const zs = given(c.zstrata);
      if (zs) expect(z.strata!.map(String)).toEqual(zs.map((s) => s.replace(/^s_=/, "")));
      else expect(z.strata).toBeNull();
      const rows = c.y.map(list);
      rows.forEach((r, i) => expectAllClose(z.y.map((col) => col[i]), r, `y[${i}]`));
      expectAllClose(z.variance.flat(), c.var.map(list).flat(), "var");
    });
  }
});
