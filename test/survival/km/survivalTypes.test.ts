// kaplanMeier's logit and arcsin limits and its exp(-H) curves (stype, ctype) against R 4.2 +
// survival 3.5, from test/survival/fixtures/r/hazard.json (hazard.R):
//   summary(survfit(Surv(time, status) ~ 1, conf.type = "logit" / "arcsin"), censored = TRUE)
//   summary(survfit(Surv(time, status) ~ 1, stype = 2, ctype, conf.type), censored = TRUE)
import { describe, expect, it } from "vitest";
import { kaplanMeier } from "../../../src/survival/km/kaplanMeier.js";
import { expectClose } from "../../helpers/fixtures.js";
import { expectColumn } from "./kmFixture.js";
import { ctypeName, hazardCurves } from "./hazardFixture.js";

for (const c of hazardCurves) {
  describe(c.label, () => {
    for (const k of c.km) {
      it(`Kaplan-Meier with ${k.confType} limits`, () => {
        const km = kaplanMeier({ time: c.time, event: c.status }, { confType: k.confType });
        expectColumn(km.lower, k.lower, "lower");
        expectColumn(km.upper, k.upper, "upper");
      });
    }

    for (const e of c.exp) {
      it(`exp(-H), ctype = ${e.ctype}, ${e.confType} limits, median and quantiles`, () => {
        const fit = kaplanMeier(
          { time: c.time, event: c.status },
          { stype: "exp-hazard", ctype: ctypeName(e.ctype), confType: e.confType },
        );
        expectColumn(fit.time, e.time, "time");
        expectColumn(fit.survival, e.surv, "surv");
        expectColumn(fit.stdErr, e["std.err"], "std.err");
        expectColumn(fit.lower, e.lower, "lower");
        expectColumn(fit.upper, e.upper, "upper");
        expectColumn(fit.cumHazard, e.cumhaz, "cumhaz");
        expectColumn(fit.cumHazardStdErr, e["std.chaz"], "std.chaz");
        expectClose(fit.median.estimate, e.median.estimate, "median");
        expectClose(fit.median.lower, e.median.lower, "median lower");
        expectClose(fit.median.upper, e.median.upper, "median upper");
        [0.25, 0.5, 0.75].forEach((p, i) => {
          const q = fit.quantile(p);
          expectClose(q.estimate, e.quantile.estimate[i], `quantile ${p}`);
          expectClose(q.lower, e.quantile.lower[i], `quantile ${p} lower`);
          expectClose(q.upper, e.quantile.upper[i], `quantile ${p} upper`);
        });
        expect([fit.stype, fit.ctype]).toEqual(["exp-hazard", ctypeName(e.ctype)]);
      });
    }

    it("Kaplan-Meier with the Fleming-Harrington hazard: the same curve, R's ctype = 2 hazard", () => {
      const plain = kaplanMeier({ time: c.time, event: c.status });
      const fit = kaplanMeier({ time: c.time, event: c.status }, { ctype: "fleming-harrington" });
      expect(Array.from(fit.survival)).toEqual(Array.from(plain.survival));
      const h = c.hazard.find((x) => x.ctype === 2)!;
      expectColumn(fit.cumHazard, h.cumhaz, "cumhaz");
      expectColumn(fit.cumHazardStdErr, h["std.chaz"], "std.chaz");
    });
  });
}

describe("kaplanMeier's new options are checked", () => {
  it("refuses an unknown stype or ctype, listing the valid ones", () => {
    const data = { time: [1, 2], event: [1, 0] };
    expect(() => kaplanMeier(data, { stype: "fh" as never })).toThrow('stype is "fh": it must be one of "kaplan-meier", "exp-hazard"');
    expect(() => kaplanMeier(data, { ctype: 2 as never })).toThrow('ctype is 2: it must be one of "nelson-aalen", "fleming-harrington"');
    expect(() => kaplanMeier(data, { confType: "logitt" as never })).toThrow('"logit", "arcsin"');
  });
});
