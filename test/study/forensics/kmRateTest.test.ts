/**
 * kmRateTest against R: the z² of S(12) on the plain, log and log-log scales from
 * summary(survfit, times = 12)'s surv and std.err (test/study/fixtures/r/beyond-notebook.R).
 */
import { describe, expect, it } from "vitest";
import { kmRateTest } from "../../../src/study/forensics/kmRateTest.js";
import { loadStudy } from "../../../src/study/data/loadEndpoint.js";
import { armData } from "../../../src/study/data/armData.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";
import { expectAllClose, expectClose, loadFixture } from "../../helpers/fixtures.js";

const R = loadFixture("beyond-notebook");
const study = loadStudy();

describe.each(["recurrence", "lung_metastasis"] as const)("kmRateTest at 12 months: %s", (name) => {
  const rows = study[name];
  const r = kmRateTest(armData(rows, 1), armData(rows, 2), 12);
  const e = R.forensics[name].km;
  it("S(12), se and the three statistics as R", () => {
    expect(r.map((x) => x.scale)).toEqual(e.scales);
    expectAllClose(r[0].survival, e.surv, "S(12)");
    expectAllClose(r[0].stdErr, e.se, "se");
    expectAllClose(r.map((x) => x.statistic), e.statistic, "z²");
  });
  it("with nobody censored before 12, the plain z² is the unpooled Wald chi-square", () => {
    const paper = R.forensics[name].paper;
    expectClose(r[0].statistic, paper.statistic[paper.tests.indexOf("unpooled Wald")], "plain = Wald");
  });
});

describe("kmRateTest: edge cases", () => {
  it("returns no test when a curve is still at 1 (before its first event)", () => {
    expect(kmRateTest({ time: [5, 6], event: [1, 1] }, { time: [1, 2], event: [1, 0] }, 3)).toEqual([]);
  });
  it("refuses a negative time", () => {
    expect(() => kmRateTest({ time: [1], event: [1] }, { time: [1], event: [1] }, -1)).toThrow(SurvivalInputError);
  });
});
