// kaplanMeier with delayed entry against R 4.2 + survival 3.5, from
// test/survival/fixtures/r/entry.json (entry.R):
//   summary(survfit(Surv(entry, time, status) ~ 1, weights, robust), censored = TRUE)
import { describe, expect, it } from "vitest";
import { kaplanMeier } from "../../../src/survival/km/kaplanMeier.js";
import { expectAllClose, expectClose, loadFixture } from "../../helpers/fixtures.js";
import { expectSurvfitTable } from "./kmFixture.js";

type Num = number | null;
interface KmCase {
  label: string;
  entry: number[];
  time: number[];
  status: number[];
  weights: number[];
  robust: boolean;
  table: Record<"time" | "n.risk" | "n.event" | "n.censor" | "surv" | "std.err" | "lower" | "upper" | "cumhaz" | "std.chaz", Num[]>;
  median: { estimate: Num; lower: Num; upper: Num };
  probes: number[];
  atRisk: number[];
}
const { km } = loadFixture<{ km: KmCase[] }>("entry");

describe("kaplanMeier with entry = survfit(Surv(entry, time, status) ~ 1)", () => {
  for (const c of km) {
    it(c.label, () => {
      const fit = kaplanMeier({ entry: c.entry, time: c.time, event: c.status, weights: c.weights }, { robust: c.robust });
      const t = c.table;
      expectSurvfitTable(fit, t);
      expectClose(fit.median.estimate, c.median.estimate, "median");
      expectClose(fit.median.lower, c.median.lower, "median lower");
      expectClose(fit.median.upper, c.median.upper, "median upper");
    });

    it(`${c.label}: the number at risk at any time, as summary(fit, times, extend = TRUE)`, () => {
      const fit = kaplanMeier({ entry: c.entry, time: c.time, event: c.status, weights: c.weights }, { robust: c.robust });
      expectAllClose(c.probes.map((t) => fit.nRiskAt(t)), c.atRisk, "nRiskAt");
    });
  }
});

describe("delayed entry: what must hold", () => {
  it("entry 0 for everyone is the plain curve", () => {
    const c = km[2];
    const a = kaplanMeier({ time: c.time, event: c.status });
    const b = kaplanMeier({ time: c.time, event: c.status, entry: c.time.map(() => -1) });
    expect(Array.from(b.survival)).toEqual(Array.from(a.survival));
    expect(Array.from(b.nRisk)).toEqual(Array.from(a.nRisk));
  });
  it("the number at risk at t is the risk set of the next time, as the fit's own nRisk (a row entering exactly at a time is not in it)", () => {
    const fit = kaplanMeier({ entry: [0, 5, 0, 2], time: [10, 10, 2, 10], event: [1, 1, 0, 1] });
    expect(Array.from(fit.time)).toEqual([2, 10]);
    expect(Array.from(fit.nRisk)).toEqual([2, 3]); // at 2 the row entering at 2 is not at risk
    expect([fit.nRiskAt(2), fit.nRiskAt(10)]).toEqual([2, 3]);
    expect([fit.nRiskAt(0), fit.nRiskAt(3), fit.nRiskAt(11)]).toEqual([2, 3, 0]);
  });
  it("entry and time closer than R's tolerance are one time (aeqSurv)", () => {
    const a = kaplanMeier({ entry: [0, 1 + 1e-10, 0], time: [3, 4, 1], event: [1, 1, 1] });
    const b = kaplanMeier({ entry: [0, 1, 0], time: [3, 4, 1], event: [1, 1, 1] });
    expect(Array.from(a.nRisk)).toEqual(Array.from(b.nRisk));
    expect(() => kaplanMeier({ entry: [0, 1], time: [3, 1 + 1e-10], event: [1, 1] })).toThrow("an interval of length 0");
  });
  it("refuses an entry that is not below its time, naming the row", () => {
    expect(() => kaplanMeier({ entry: [0, 5], time: [3, 4], event: [1, 1] })).toThrow(
      "entry[1] is 5 but time[1] is 4: a row must enter before its time (entry < time)",
    );
    expect(() => kaplanMeier({ entry: [0, NaN], time: [3, 4], event: [1, 1] })).toThrow("entry[1] is NaN");
  });
});
