// kaplanMeier with case weights against R 4.2 + survival 3.5, from
// test/survival/fixtures/r/weights.json (weights.R):
//   summary(survfit(Surv(time, status) ~ 1, weights = w, robust, ctype, stype), censored = TRUE)
import { describe, expect, it } from "vitest";
import { kaplanMeier } from "../../../src/survival/km/kaplanMeier.js";
import { expectClose, loadFixture } from "../../helpers/fixtures.js";
import { expectColumn, expectSurvfitTable } from "./kmFixture.js";

type Num = number | null;
interface KmCase {
  label: string;
  time: number[];
  status: number[];
  weights: number[];
  robust: boolean;
  ctype: 1 | 2;
  stype: 1 | 2;
  table: Record<"time" | "n.risk" | "n.event" | "n.censor" | "surv" | "std.err" | "lower" | "upper" | "cumhaz" | "std.chaz", Num[]>;
  median: { estimate: Num; lower: Num; upper: Num };
  rmean: { tau: number; estimate: number; se: number };
  events: number;
}
const { km } = loadFixture<{ km: KmCase[] }>("weights");

describe("kaplanMeier with weights = survfit(weights =)", () => {
  for (const c of km) {
    it(c.label, () => {
      const fit = kaplanMeier(
        { time: c.time, event: c.status, weights: c.weights },
        {
          robust: c.robust,
          ctype: c.ctype === 1 ? "nelson-aalen" : "fleming-harrington",
          stype: c.stype === 1 ? "kaplan-meier" : "exp-hazard",
        },
      );
      const t = c.table;
      expectSurvfitTable(fit, t);
      expectClose(fit.median.estimate, c.median.estimate, "median");
      expectClose(fit.median.lower, c.median.lower, "median lower");
      expectClose(fit.median.upper, c.median.upper, "median upper");
      const rm = fit.rmst(c.rmean.tau);
      expectClose(rm.estimate, c.rmean.estimate, "rmean");
      expectClose(rm.stdErr, c.rmean.se, "se(rmean)");
      expectClose(fit.events, c.events, "events");
      expect(fit.n).toBe(c.time.length);
      expect(fit.robust).toBe(c.robust);
    });
  }
});

describe("the robust default and what must hold", () => {
  const c = km.find((x) => x.label.startsWith("veteran, fractional weights, robust"))!;
  it("fractional weights make robust the default, as R's survfit", () => {
    const fit = kaplanMeier({ time: c.time, event: c.status, weights: c.weights });
    expect(fit.robust).toBe(true);
    expectColumn(fit.stdErr, c.table["std.err"], "std.err");
    expect(kaplanMeier({ time: c.time, event: c.status, weights: c.weights.map(Math.ceil) }).robust).toBe(false);
  });
  it("whole weights equal the rows repeated", () => {
    const w = c.weights.map(Math.ceil);
    const rep = { time: c.time.flatMap((t, i) => Array(w[i]).fill(t)), event: c.status.flatMap((e, i) => Array(w[i]).fill(e)) };
    const a = kaplanMeier({ time: c.time, event: c.status, weights: w });
    const b = kaplanMeier(rep);
    expect(Array.from(a.nRisk)).toEqual(Array.from(b.nRisk));
    Array.from(a.survival).forEach((s, j) => expect(s).toBeCloseTo(b.survival[j], 14));
    Array.from(a.stdErr).forEach((s, j) => (Number.isNaN(s) ? expect(b.stdErr[j]).toBeNaN() : expect(s).toBeCloseTo(b.stdErr[j], 14)));
  });
  it("refuses bad weights and robust with exp(-H)", () => {
    expect(() => kaplanMeier({ time: [1, 2], event: [1, 0], weights: [1, 0] })).toThrow("weights[1] is 0: a case weight must be a finite number > 0");
    expect(() => kaplanMeier({ time: [1, 2], event: [1, 0], weights: [1.5, 1] }, { stype: "exp-hazard" })).toThrow(
      "robust is true (R's default, as a weight is not a whole number), but the robust standard errors are implemented for",
    );
    expect(kaplanMeier({ time: [1, 2], event: [1, 0], weights: [1.5, 1] }, { stype: "exp-hazard", robust: false }).robust).toBe(false);
    expect(() => kaplanMeier({ time: [1, 2], event: [1, 0] }, { robust: "yes" as never })).toThrow('robust is "yes": it must be true or false');
  });
});
