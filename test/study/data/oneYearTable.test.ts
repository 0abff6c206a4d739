import { describe, expect, it } from "vitest";
import { loadStudy } from "../../../src/study/data/loadEndpoint.js";
import { oneYearTable } from "../../../src/study/data/oneYearTable.js";
import { loadFixture } from "../../helpers/fixtures.js";
import { inputError } from "../../helpers/errors.js";

const R = loadFixture("paper-claims");
const study = loadStudy();

describe("oneYearTable on the paper's tables", () => {
  it("gives the paper's counts with the inclusive cut-off (Table 1: 10/23 and 12/16; Table 2: 6/23 and 10/16)", () => {
    expect(oneYearTable(study.recurrence).table).toEqual([[10, 13], [12, 4]]);
    expect(oneYearTable(study.lung_metastasis).table).toEqual([[6, 17], [10, 6]]);
    for (const name of ["recurrence", "lung_metastasis"] as const) {
      const t = oneYearTable(study[name]);
      expect(t.table.map((r) => r[0])).toEqual(R[name].within12); // R: status == 1 & months <= 12
      expect(t.table).toEqual(R[name].inclusive.table);
      expect(t.n).toEqual([23, 16]);
      expect(t.rate.map((x) => 100 * x)).toEqual(R[name].rate_percent);
    }
  });

  it("counts the event at exactly 12 months only when inclusive", () => {
    const inc = oneYearTable(study.recurrence, { cutoff: 12, inclusive: true });
    const exc = oneYearTable(study.recurrence, { cutoff: 12, inclusive: false });
    expect(inc.eventsAt).toEqual([1, 0]);
    expect(exc.table).toEqual([[9, 14], [12, 4]]);
    expect(exc.table.map((r) => r[0])).toEqual(R.recurrence.within12_exclusive);
    expect(oneYearTable(study.lung_metastasis, { inclusive: false }).table.map((r) => r[0])).toEqual(R.lung_metastasis.within12_exclusive);
  });

  it("counts a patient censored at exactly 12 months as no event, and reports censoring before the cut-off (none here)", () => {
    for (const name of ["recurrence", "lung_metastasis"] as const) {
      const t = oneYearTable(study[name]);
      expect(t.censoredAt).toEqual([0, 1]);
      expect(t.censoredBefore).toEqual([0, 0]);
    }
  });
});

describe("oneYearTable semantics on small hand-made data", () => {
  // group 1: event at 3, event at 12, censored at 6, event at 20; group 2: event at 12, censored at 12, event at 11.9
  const ep = { group: [1, 1, 1, 1, 2, 2, 2], status: [1, 1, 0, 1, 1, 0, 1], months: [3, 12, 6, 20, 12, 12, 11.9] };
  it("inclusive: events at <= cutoff; censored before the cut-off count as no event", () => {
    const t = oneYearTable(ep);
    expect(t.table).toEqual([[2, 2], [2, 1]]);
    expect(t.censoredBefore).toEqual([1, 0]);
    expect(t.censoredAt).toEqual([0, 1]);
    expect(t.eventsAt).toEqual([1, 1]);
    expect(t.rate).toEqual([2 / 4, 2 / 3]);
  });
  it("exclusive: events at < cutoff", () => {
    expect(oneYearTable(ep, { inclusive: false }).table).toEqual([[1, 3], [1, 2]]);
  });
  it("other cut-offs", () => {
    expect(oneYearTable(ep, { cutoff: 24 }).table).toEqual([[3, 1], [2, 1]]);
    expect(oneYearTable(ep, { cutoff: 0 }).table).toEqual([[0, 4], [0, 3]]);
  });
  it("does not change its input and returns frozen results", () => {
    const copy = JSON.parse(JSON.stringify(ep));
    const t = oneYearTable(ep);
    expect(ep).toEqual(copy);
    expect(Object.isFrozen(t) && Object.isFrozen(t.table) && Object.isFrozen(t.table[0])).toBe(true);
  });
  it.each([
    [{ cutoff: -1 }, "cutoff", /cutoff is -1/],
    [{ cutoff: NaN }, "cutoff", /cutoff is NaN/],
    [{ inclusive: "yes" as unknown as boolean }, "inclusive", /inclusive is "yes"/],
  ])("rejects options %j", (opts, argument, words) => {
    const e = inputError(() => oneYearTable(ep, opts));
    expect(e.message).toMatch(words);
    expect(e.argument).toBe(argument);
  });
  it.each([
    [{ ...ep, group: [1, 1, 1, 3, 2, 2, 2] }, /group\[3\] is 3/],
    [{ ...ep, status: [1, 1, 0, 2, 1, 0, 1] }, /status\[3\] is 2/],
    [{ ...ep, months: [3, 12, -6, 20, 12, 12, 11.9] }, /months\[2\] is -6/],
    [{ ...ep, months: [3, 12] }, /months has length 2 but group has length 7/],
    [{ group: [1, 1], status: [1, 0], months: [1, 2] }, /no patient in group 2/],
  ])("rejects bad rows (%#)", (bad, words) => {
    expect(() => oneYearTable(bad)).toThrow(words);
  });
});
