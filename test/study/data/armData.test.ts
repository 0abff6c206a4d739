import { describe, expect, it } from "vitest";
import { armData, armCovariate, groupData } from "../../../src/study/data/armData.js";
import { loadEndpoint } from "../../../src/study/data/loadEndpoint.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";
import { logRankTest } from "../../../src/survival/logrank/logRankTest.js";
import { coxPH } from "../../../src/survival/cox/coxPH.js";
import { expectAllClose, expectClose, loadFixture } from "../../helpers/fixtures.js";

const rows = { group: [1, 2, 1, 2], status: [1, 0, 0, 1], months: [5.5, 12, 18, 4] };

describe("armData", () => {
  it("takes one arm's months and status, in file order", () => {
    expect(armData(rows, 1)).toEqual({ time: [5.5, 18], event: [1, 0] });
    expect(armData(rows, 2)).toEqual({ time: [12, 4], event: [0, 1] });
  });
  it("returns frozen arrays and leaves the input alone", () => {
    const arm = armData(rows, 1);
    expect(Object.isFrozen(arm.time)).toBe(true);
    expect(rows.months).toEqual([5.5, 12, 18, 4]);
  });
  it("rejects a group with no row and columns of different lengths", () => {
    expect(() => armData(rows, 3)).toThrow(SurvivalInputError);
    expect(() => armData(rows, 3)).toThrow(/group 3 has no row/);
    expect(() => armData({ ...rows, months: [1] }, 1)).toThrow(/months has length 1 but group has length 4/);
  });
});

describe("groupData", () => {
  it("the whole table as the tests take it: months as time, status as event, and group, in file order", () => {
    const d = groupData(rows);
    expect(d).toEqual({ time: [5.5, 12, 18, 4], event: [1, 0, 0, 1], group: [1, 2, 1, 2] });
    expect(Object.isFrozen(d) && Object.isFrozen(d.time) && Object.isFrozen(d.group)).toBe(true);
  });
  it("gives logRankTest R's survdiff on Table 1 (test/study/fixtures/r/endpoint.R)", () => {
    const lr = logRankTest(groupData(loadEndpoint("recurrence")));
    expectAllClose(lr.expected, loadFixture("endpoint").recurrence.survdiff.exp, "expected");
  });
  it("rejects columns of different lengths and a misspelt column, naming itself", () => {
    expect(() => groupData({ ...rows, status: [1] })).toThrow(/status has length 1 but group has length 4/);
    expect(() => groupData({ ...rows, grup: [1] } as never)).toThrow(/rows.grup is not a field groupData reads/);
  });
});

describe("armCovariate", () => {
  it("the arm as coxPH's only covariate: anlotinib = 1 for group 1, 0 for group 2", () => {
    const d = armCovariate(rows);
    expect(d).toEqual({ time: [5.5, 12, 18, 4], event: [1, 0, 0, 1], covariates: { anlotinib: [1, 0, 1, 0] } });
    expect(Object.isFrozen(d.covariates) && Object.isFrozen(d.covariates.anlotinib)).toBe(true);
  });
  it("gives coxPH R's hazard ratio of group 1 on Table 1 (test/study/fixtures/r/endpoint.R)", () => {
    expectClose(coxPH(armCovariate(loadEndpoint("recurrence"))).hazardRatio[0], loadFixture("endpoint").recurrence.levels[0].cox[0].hazardRatio, "HR");
  });
  it("rejects a misspelt column, naming itself", () => {
    expect(() => armCovariate({ ...rows, month: [1] } as never)).toThrow(/rows.month is not a field armCovariate reads/);
  });
});
