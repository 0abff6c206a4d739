// nelsonAalen against R 4.2 + survival 3.5, from test/survival/fixtures/r/hazard.json (hazard.R):
//   summary(survfit(Surv(time, status) ~ 1, ctype), censored = TRUE)$cumhaz, $std.chaz
//   survival:::survfit_confint(cumhaz, std.chaz, logse = FALSE, conf.type, conf.int, ulimit = FALSE)
import { describe, expect, it } from "vitest";
import { nelsonAalen } from "../../../src/survival/km/nelsonAalen.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";
import { expectColumn } from "./kmFixture.js";
import { ctypeName, hazardCurves } from "./hazardFixture.js";

describe("nelsonAalen = survfit's cumhaz and std.chaz", () => {
  it("covers R's book1 data, the paper, aml, lung, veteran, the synthetic groups and the hand-made cases", () => {
    expect(hazardCurves.length).toBeGreaterThanOrEqual(15);
    expect(hazardCurves[0].label).toBe("book1 test1");
  });

  for (const c of hazardCurves) {
    describe(c.label, () => {
      for (const h of c.hazard) {
        for (const lim of h.limits) {
          it(`ctype = ${h.ctype}: rows, hazard, std.chaz, ${lim.confType} ${lim.confLevel} limits`, () => {
            const na = nelsonAalen(
              { time: c.time, event: c.status },
              { ctype: ctypeName(h.ctype), confType: lim.confType, confLevel: lim.confLevel },
            );
            expectColumn(na.time, h.time, "time");
            expectColumn(na.nRisk, h["n.risk"], "n.risk");
            expectColumn(na.nEvent, h["n.event"], "n.event");
            expectColumn(na.nCensor, h["n.censor"], "n.censor");
            expectColumn(na.cumHazard, h.cumhaz, "cumhaz");
            expectColumn(na.stdErr, h["std.chaz"], "std.chaz");
            expectColumn(na.lower, lim.lower, "lower");
            expectColumn(na.upper, lim.upper, "upper");
            expect(na.ctype).toBe(ctypeName(h.ctype));
            expect(na.n).toBe(c.time.length);
            expect(na.events).toBe(c.status.reduce((a, b) => a + b, 0));
          });
        }
      }

      it("the Greenwood-type variance, sum d (n - d) / n^3", () => {
        const na = nelsonAalen({ time: c.time, event: c.status }, { variance: "greenwood" });
        expectColumn(na.stdErr, c.greenwood, "se");
        expect(na.variance).toBe("greenwood");
      });
    });
  }
});

describe("nelsonAalen by hand (Therneau & Grambsch's test1: deaths at 1, 6, 6, 9)", () => {
  const data = { time: [9, 1, 1, 6, 6, 8], event: [1, 1, 0, 1, 1, 0] };
  it("Nelson-Aalen 1/6, + 2/4, + 1/1; Fleming-Harrington 1/6, + 1/4 + 1/3, + 1", () => {
    expect(nelsonAalen(data).cumHazard).toEqual([1 / 6, 1 / 6 + 2 / 4, 1 / 6 + 2 / 4, 1 / 6 + 2 / 4 + 1]);
    const fh = nelsonAalen(data, { ctype: "fleming-harrington" });
    expect(fh.cumHazard[1]).toBeCloseTo(1 / 6 + 1 / 4 + 1 / 3, 14);
    expect(fh.stdErr[1] ** 2).toBeCloseTo(1 / 36 + 1 / 16 + 1 / 9, 14);
  });

  it("the result is frozen and names its method", () => {
    const na = nelsonAalen(data, { confType: "log", confLevel: 0.9 });
    expect(Object.isFrozen(na) && Object.isFrozen(na.cumHazard) && Object.isFrozen(na.lower)).toBe(true);
    expect(na.method).toBe("Nelson-Aalen cumulative hazard (R survfit, ctype = 1), Aalen's variance (R's std.chaz), log 90% limits");
  });
});

describe("nelsonAalen refuses bad input", () => {
  const data = { time: [1, 2, 3], event: [1, 0, 1] };
  it("names the argument, the index and the value", () => {
    expect(() => nelsonAalen({ time: [1, -2, 3], event: [1, 0, 1] })).toThrow("time[1] is -2");
    expect(() => nelsonAalen({ time: [1, 2, 3], event: [1, 2, 1] })).toThrow("event[1] is 2");
    expect(() => nelsonAalen(data, { confType: "log-log" as never })).toThrow('confType is "log-log": it must be one of "plain", "log"');
    expect(() => nelsonAalen(data, { ctype: "breslow" as never })).toThrow(SurvivalInputError);
  });
  it("refuses the Greenwood-type variance with the Fleming-Harrington hazard", () => {
    expect(() => nelsonAalen(data, { variance: "greenwood", ctype: "fleming-harrington" })).toThrow(
      'variance is "greenwood" but ctype is "fleming-harrington"',
    );
  });
});
