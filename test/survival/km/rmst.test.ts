// Restricted mean survival time against R 4.2 + survival 3.5 (test/survival/fixtures/r/km.R):
//   summary(fit, rmean = tau)$table[c("rmean", "se(rmean)")], the *rmean and *se(rmean) that
//   print(fit, rmean = tau) shows; for tau below the first time, survival:::survmean.
import { describe, expect, it } from "vitest";
import { kaplanMeier } from "../../../src/survival/km/kaplanMeier.js";
import { expectClose } from "../../helpers/fixtures.js";
import { curve, curves } from "./kmFixture.js";

describe("rmst(tau) = print(fit, rmean = tau)", () => {
  for (const c of curves) {
    it(`${c.label}: tau ${c.rmean.tau.map((t) => +t.toPrecision(6)).join(", ")}`, () => {
      const km = kaplanMeier({ time: c.time, event: c.status });
      c.rmean.tau.forEach((tau, i) => {
        const r = km.rmst(tau);
        expectClose(r.estimate, c.rmean.rmean[i], `rmean(${tau})`);
        expectClose(r.stdErr, c.rmean.se[i], `se(rmean(${tau}))`);
      });
    });
  }

  it("the taus lie below the first time, at an event time, inside, at the last time and beyond", () => {
    const c = curve("aml x=Maintained");
    const first = Math.min(...c.time);
    const last = Math.max(...c.time);
    const eventTimes = c.time.filter((_, i) => c.status[i] === 1);
    expect(c.rmean.tau.some((t) => t < first)).toBe(true);
    expect(c.rmean.tau.some((t) => eventTimes.includes(t))).toBe(true);
    expect(c.rmean.tau.some((t) => t > first && t < last && !c.time.includes(t))).toBe(true);
    expect(c.rmean.tau).toContain(last);
    expect(c.rmean.tau.some((t) => t > last)).toBe(true);
  });

  it("beyond the last time the curve is carried flat: the area grows by S(last) per unit", () => {
    const c = curve("aml x=Maintained"); // ends censored at 161 with S > 0
    const km = kaplanMeier({ time: c.time, event: c.status });
    const sLast = km.survival[km.survival.length - 1];
    expect(sLast).toBeGreaterThan(0);
    expectClose(km.rmst(261).estimate - km.rmst(161).estimate, 100 * sLast, "flat extension");
  });
});
