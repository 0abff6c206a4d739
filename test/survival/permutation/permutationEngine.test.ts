/**
 * The permutation engine: every assignment's statistic against a brute-force enumeration with
 * R's survdiff (test/survival/fixtures/r/beyond.R), and its bookkeeping (counting and
 * enumerating the assignments).
 */
import { describe, expect, it } from "vitest";
import { countAssignments, nextArrangement, permutationCount, permutationEngine } from "../../../src/survival/permutation/permutationEngine.js";
import { EXACT_LIMIT } from "../../../src/survival/permutation/permutationLogRank.js";
import { checkEvents, checkLabels, checkTimes } from "../../../src/survival/core/validate.js";
import { expectAllClose, expectClose, loadFixture } from "../../helpers/fixtures.js";

interface PermCase {
  data: string;
  rho: number;
  time: number[];
  status: number[];
  group: string[];
  assignments: number;
  statistic: number;
  p: number;
  ranks: number[];
  statistics: number[];
}

const fixture = loadFixture<{ permutation: PermCase[] }>("beyond");

function engineOf(c: PermCase) {
  const time = checkTimes("time", c.time);
  const event = checkEvents("event", c.status, time.length);
  const labels = checkLabels("group", c.group, time.length);
  const engine = permutationEngine(time, event, labels.levels.length, c.rho === 1 ? "fleming-harrington" : "logrank");
  return { engine, codes: labels.codes };
}

describe("permutationEngine matches a brute-force enumeration in R", () => {
  for (const c of fixture.permutation) {
    it(`${c.data}, rho = ${c.rho}: every assignment's statistic, sorted, as R's`, () => {
      const { engine, codes: observed } = engineOf(c);
      const codes = observed.slice().sort();
      const all: number[] = [];
      do all.push(engine.statistic(codes));
      while (nextArrangement(codes));
      all.sort((a, b) => a - b);
      expect(all.length).toBe(c.assignments);
      // R's values are rounded to 1e-9 relative; statistics of 0 (up to rounding) are absolute.
      expectAllClose(
        c.ranks.map((r) => all[r - 1]),
        c.statistics,
        "sorted statistics",
        1e-9,
        1e-12,
      );
    });

    it(`${c.data}, rho = ${c.rho}: permutationCount gives R's exact p`, () => {
      const { engine, codes } = engineOf(c);
      const before = codes.slice();
      const r = permutationCount(engine, codes, "exact", 0, 0);
      expectClose(r.observed, c.statistic, "observed chisq");
      expect(r.evaluated).toBe(c.assignments);
      expectClose(r.pValue, c.p, "exact p");
      expect(r.mcError).toBe(0);
      expect(codes).toEqual(before);
    });
  }
});

describe("permutation bookkeeping", () => {
  it("counts assignments as n! / (n_1! ... n_k!)", () => {
    expect(countAssignments([6, 6])).toBe(924);
    expect(countAssignments([4, 4, 4])).toBe(34650);
    expect(countAssignments([10, 10])).toBe(184756);
    expect(countAssignments([23, 16])).toBe(37711260990);
    expect(countAssignments([50, 50]) / 1.0089134454556418e29).toBeCloseTo(1, 9);
    expect(EXACT_LIMIT).toBe(1e7);
  });

  it("nextArrangement visits each distinct arrangement once", () => {
    const a = Int32Array.from([0, 0, 1, 1, 2]);
    const seen = new Set<string>();
    do seen.add(a.join(""));
    while (nextArrangement(a));
    expect(seen.size).toBe(30); // 5! / (2! 2! 1!)
    expect(Array.from(a)).toEqual([0, 0, 1, 1, 2]);
  });

  it("Monte Carlo counts (b + 1) / (B + 1) and leaves the codes alone", () => {
    const { engine, codes } = engineOf(fixture.permutation[0]);
    const before = codes.slice();
    const r = permutationCount(engine, codes, "monte-carlo", 999, 3);
    expect(r.evaluated).toBe(999);
    expect(r.pValue).toBe((r.atLeast + 1) / 1000);
    expect(codes).toEqual(before);
  });
});
