import { describe, expect, it } from "vitest";
import { armData } from "../../../src/study/data/armData.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";

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
