// kaplanMeier against R 4.2 + survival 3.5, from test/survival/fixtures/r/km.json (test/survival/fixtures/r/km.R):
//   summary(survfit(Surv(time, status) ~ 1, conf.type, conf.int), censored = TRUE)
//   summary(fit, times = probes, extend = TRUE)$surv
import { describe, expect, it } from "vitest";
import { kaplanMeier } from "../../../src/survival/km/kaplanMeier.js";
import { curve, curves, expectColumn, expectSurvfitTable } from "./kmFixture.js";

describe("kaplanMeier = summary(survfit(...), censored = TRUE)", () => {
  it("covers the datasets, every transform and two confidence levels", () => {
    expect(curves.length).toBeGreaterThanOrEqual(31);
    const kinds = new Set(curves.flatMap((c) => c.fits.map((f) => `${f.confType} ${f.confLevel}`)));
    expect([...kinds].sort()).toEqual(["log 0.9", "log 0.95", "log-log 0.9", "log-log 0.95", "plain 0.9", "plain 0.95"]);
  });

  for (const c of curves) {
    describe(c.label, () => {
      for (const f of c.fits) {
        it(`rows, Greenwood se, ${f.confType} ${f.confLevel} limits, cumulative hazard`, () => {
          const km = kaplanMeier({ time: c.time, event: c.status }, { confType: f.confType, confLevel: f.confLevel });
          const t = f.table;
          expectSurvfitTable(km, t);
          expect(km.n).toBe(f.n);
          expect(km.events).toBe(f.events);
          expect(km.confType).toBe(f.confType);
          expect(km.confLevel).toBe(f.confLevel);
        });
      }

      it("survivalAt = summary(fit, times, extend = TRUE)$surv", () => {
        const km = kaplanMeier({ time: c.time, event: c.status });
        expectColumn(c.probes.time.map((t) => km.survivalAt(t)), c.probes.surv, "survivalAt");
      });
    });
  }
});

describe("R's NA in the CI columns is NaN", () => {
  it("log and log-log limits and the se are NaN where the curve reaches 0; plain too", () => {
    const c = curve("synthetic group=C");
    for (const confType of ["log", "log-log", "plain"] as const) {
      const km = kaplanMeier({ time: c.time, event: c.status }, { confType });
      const last = km.time.length - 1;
      expect(km.survival[last]).toBe(0);
      expect(km.stdErr[last]).toBeNaN();
      expect(km.lower[last]).toBeNaN();
      expect(km.upper[last]).toBeNaN();
      expect(Number.isFinite(km.lower[last - 1]) && Number.isFinite(km.upper[last - 1])).toBe(true);
    }
  });

  it("log-log limits are NaN where the curve is 1 (before the first event), log limits are 1", () => {
    const c = curve("censored before the first event");
    const ll = kaplanMeier({ time: c.time, event: c.status }, { confType: "log-log" });
    const lg = kaplanMeier({ time: c.time, event: c.status }, { confType: "log" });
    expect(ll.survival[0]).toBe(1);
    expect(ll.lower[0]).toBeNaN();
    expect(ll.upper[0]).toBeNaN();
    expect([lg.lower[0], lg.upper[0], lg.stdErr[0]]).toEqual([1, 1, 0]);
  });
});

describe("near-equal times are one time, as survfit's timefix", () => {
  it("merges 0.1 + 0.2 with 0.3 and 1 + 1e-10 with 1, reporting the smaller", () => {
    const km = kaplanMeier({ time: [0.1 + 0.2, 0.3, 1 + 1e-10, 1], event: [1, 1, 1, 0] });
    expect(Array.from(km.time)).toEqual([0.3, 1]);
    expect(Array.from(km.nEvent)).toEqual([2, 1]);
    expect(Array.from(km.nCensor)).toEqual([0, 1]);
    expect(Array.from(km.nRisk)).toEqual([4, 2]);
  });
});

describe("the result", () => {
  it("is frozen, and so are its median and quantiles", () => {
    const km = kaplanMeier({ time: [1, 2, 3], event: [1, 1, 0] });
    expect(Object.isFrozen(km)).toBe(true);
    expect(Object.isFrozen(km.median)).toBe(true);
    expect(Object.isFrozen(km.quantile(0.3))).toBe(true);
    expect(Object.isFrozen(km.rmst(2))).toBe(true);
  });

  it("accepts booleans and typed arrays", () => {
    const a = kaplanMeier({ time: [5, 3, 3, 8], event: [true, false, true, true] });
    const b = kaplanMeier({ time: Float64Array.of(5, 3, 3, 8), event: Uint8Array.of(1, 0, 1, 1) });
    expect(Array.from(a.survival)).toEqual(Array.from(b.survival));
    expect(Array.from(a.survival)).toEqual([0.75, 0.375, 0]);
  });
});
