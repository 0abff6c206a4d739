/**
 * timeToEventSweep on the paper's tables against R (test/study/fixtures/r/beyond-notebook.R:
 * survdiff, a direct weighted log-rank for Gehan-Breslow and Tarone-Ware, coxph with Efron and
 * Breslow ties and summary()'s likelihood-ratio, Wald and score tests).
 */
import { describe, expect, it } from "vitest";
import { timeToEventSweep, NOT_APPLICABLE } from "../../../src/study/sensitivity/timeToEventSweep.js";
import { loadStudy } from "../../../src/study/data/loadEndpoint.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";
import { expectClose, loadFixture } from "../../helpers/fixtures.js";

const R = loadFixture("beyond-notebook");
const study = loadStudy();

describe.each(["recurrence", "lung_metastasis"] as const)("timeToEventSweep: %s", (name) => {
  const s = timeToEventSweep(study[name]);
  const r = R.time_to_event[name];
  it("the log-rank family (ties not applicable), then three Cox tests for each ties method", () => {
    expect(s.rows.map((x) => `${x.choice.test} | ${x.choice.ties}`)).toEqual([
      `Log-rank | ${NOT_APPLICABLE}`, `Gehan-Breslow | ${NOT_APPLICABLE}`, `Tarone-Ware | ${NOT_APPLICABLE}`,
      "Cox likelihood ratio | Efron", "Cox Wald | Efron", "Cox score | Efron",
      "Cox likelihood ratio | Breslow", "Cox Wald | Breslow", "Cox score | Breslow",
    ]);
    expect(s.reference).toBe(s.rows[0]);
  });
  it("statistics and p-values as R computes them", () => {
    const expected = [r.logrank, r.gehan_breslow, r.tarone_ware,
      r.cox.efron.lr, r.cox.efron.wald, r.cox.efron.score, r.cox.breslow.lr, r.cox.breslow.wald, r.cox.breslow.score];
    s.rows.forEach((x, i) => {
      expectClose(x.statistic, expected[i][0], `${x.choice.test} ${x.choice.ties}`);
      expectClose(x.pValue, expected[i][1], `${x.choice.test} ${x.choice.ties} p`);
    });
  });
  it("every choice calls the difference significant at 0.05: no flip", () => {
    expect([s.significant, s.flips, s.stable]).toEqual([9, 0, true]);
  });
});

it("refuses a third group", () => {
  expect(() => timeToEventSweep({ group: [1, 2, 3], status: [1, 1, 0], months: [1, 2, 3] })).toThrow(SurvivalInputError);
});
