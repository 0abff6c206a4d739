// armFits against R (test/study/fixtures/r/endpoint.R: survfit per arm at conf.int 0.95 and 0.9).
import { describe, expect, it } from "vitest";
import { armFits } from "../../../src/study/endpoint/armFits.js";
import { loadStudy } from "../../../src/study/data/loadEndpoint.js";
import { expectAllClose } from "../../helpers/fixtures.js";
import { inputError } from "../../helpers/errors.js";
import { CASES } from "./fixture.js";

const study = loadStudy();

describe.each(CASES)("armFits: $label", ({ endpoint, level }) => {
  const arms = armFits(study[endpoint], { confLevel: level.confLevel });
  it("one curve per arm of the cohort, group 1 first, named as data/cohort.json names them", () => {
    expect(arms.map((a) => [a.group, a.name])).toEqual([[1, "anlotinib + chemotherapy"], [2, "chemotherapy alone"]]);
    expect(Object.isFrozen(arms) && arms.every((a) => Object.isFrozen(a))).toBe(true);
  });
  it("each curve, its intervals at the level asked and its median as R's survfit", () => {
    arms.forEach((a, i) => {
      const r = level.arms[i];
      expect([a.fit.confLevel, a.fit.confType, a.fit.n, a.fit.events]).toEqual([level.confLevel, "log", r.n, r.events]);
      expectAllClose(a.fit.time, r.table.time, "time");
      expectAllClose(a.fit.survival, r.table.surv, "survival");
      expectAllClose(a.fit.lower, r.table.lower, "lower");
      expectAllClose(a.fit.upper, r.table.upper, "upper");
      expect([a.fit.median.estimate, a.fit.median.lower, a.fit.median.upper]).toEqual([r.median, r.lower, r.upper]);
    });
  });
});

describe("armFits: options", () => {
  it("defaults to R's: 0.95, log transform", () => {
    const [a] = armFits(study.recurrence);
    expect([a.fit.confLevel, a.fit.confType]).toEqual([0.95, "log"]);
    expect(armFits(study.recurrence, { confType: "plain" })[0].fit.confType).toBe("plain");
  });
  it("refuses an unknown option, a bad level and a misspelt column", () => {
    expect(inputError(() => armFits(study.recurrence, { conflevel: 0.9 } as never)).value).toBe("conflevel");
    expect(inputError(() => armFits(study.recurrence, { confLevel: 95 })).argument).toBe("confLevel");
    expect(inputError(() => armFits({ ...study.recurrence, monts: [] } as never)).message).toContain("rows.monts is not a field armFits reads");
  });
});
