/**
 * nearbyTables and tableChanges: counts worked out by hand for one change, and the number of
 * tables within 3 changes against R's brute-force search (test/study/fixtures/r/beyond-notebook.R).
 */
import { describe, expect, it } from "vitest";
import { nearbyTables, tableChanges } from "../../../src/study/forensics/nearbyTables.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";
import { loadFixture } from "../../helpers/fixtures.js";

const R = loadFixture("beyond-notebook");

describe("tableChanges", () => {
  it("a move is one change, an addition or a removal is one change", () => {
    expect(tableChanges([[6, 17], [10, 6]], [[5, 18], [10, 6]])).toBe(1);
    expect(tableChanges([[6, 17], [10, 6]], [[7, 17], [10, 6]])).toBe(1);
    expect(tableChanges([[6, 17], [10, 6]], [[4, 16], [10, 9]])).toBe(3);
    expect(tableChanges([[6, 17], [10, 6]], [[6, 17], [10, 6]])).toBe(0);
  });
});

describe("nearbyTables", () => {
  const t = [[6, 17], [10, 6]];
  it("one change: 8 additions or removals and 12 moves, described in words", () => {
    const one = nearbyTables(t, 1);
    expect(one.length).toBe(20);
    expect(one.every((x) => x.changes === 1)).toBe(true);
    expect(one[0]).toEqual({ table: [[5, 17], [10, 6]], changes: 1, description: "-1 group 1 event" });
    expect(one.find((x) => x.table[0][0] === 5 && x.table[0][1] === 18)!.description).toBe("-1 group 1 event, +1 group 1 no event");
    expect(one.some((x) => tableChanges(t, x.table) === 0)).toBe(false);
  });
  it("within 3 changes: as many tables as R's brute force, sorted by changes", () => {
    for (const name of ["recurrence", "lung_metastasis"] as const) {
      const paper = R.forensics[name].paper.table;
      const near = nearbyTables(paper, 3);
      expect(near.length, name).toBe(R.forensics[name].nearby.searched);
      expect(near.map((x) => x.changes)).toEqual([...near.map((x) => x.changes)].sort((a, b) => a - b));
    }
  });
  it("never goes below 0 and leaves out tables with an empty margin", () => {
    const near = nearbyTables([[0, 2], [1, 1]], 2);
    expect(near.every((x) => x.table.flat().every((v) => v >= 0))).toBe(true);
    expect(near.some((x) => x.table[0][0] + x.table[1][0] === 0)).toBe(false);
  });
  it("refuses non-count tables and a bad maxChanges", () => {
    expect(() => nearbyTables([[1.5, 2], [3, 4]], 1)).toThrow(SurvivalInputError);
    expect(() => nearbyTables([[1, 2, 3], [3, 4, 5]] as never, 1)).toThrow(/2 x 2/);
    expect(() => nearbyTables(t, 0)).toThrow(/maxChanges/);
  });
});
