// Bad input for chiSquareTest, gTest and fisherExactTest: each throws SurvivalInputError whose
// message names the argument, the row/column indices and the value, and never mutates the input.
import { describe, expect, it } from "vitest";
import { checkTable } from "../../../src/survival/contingency/checkTable.js";
import { chiSquareTest } from "../../../src/survival/contingency/chiSquareTest.js";
import { gTest } from "../../../src/survival/contingency/gTest.js";
import { fisherExactTest } from "../../../src/survival/contingency/fisherExactTest.js";
import { inputError } from "../../helpers/errors.js";

const tests = { chiSquareTest, gTest, fisherExactTest } as Record<string, (t: any, o?: any) => unknown>;

function expectInputError(fn: () => unknown, message: RegExp, argument: string, index?: number, value?: unknown): void {
  const e = inputError(fn);
  expect(e.message).toMatch(message);
  expect(e.argument).toBe(argument);
  expect(e.index).toBe(index);
  if (arguments.length > 4) expect(e.value).toEqual(value);
}

const badTables: [string, unknown, RegExp, number | undefined, unknown][] = [
  ["not an array", "10, 13, 12, 4", /^table must be an array of rows .*got "10, 13, 12, 4"/, undefined, "10, 13, 12, 4"],
  ["null", null, /^table must be an array of rows .*got null/, undefined, null],
  ["no rows", [], /^table has 0 rows: .*at least 2 rows and 2 columns/, undefined, 0],
  ["one row", [[1, 2]], /^table has 1 row: .*at least 2 rows and 2 columns/, undefined, 1],
  ["one column", [[1], [2]], /^table has 1 column: .*at least 2 rows and 2 columns/, undefined, 1],
  ["a row that is not an array", [[1, 2], 3], /^table\[1\] is 3: each row must be an array of counts/, 1, 3],
  ["ragged", [[1, 2], [3]], /^table\[1\] has 1 entry but table\[0\] has 2: every row must have the same length/, 1, 1],
  ["ragged, longer row", [[1, 2], [3, 4, 5]], /^table\[1\] has 3 entries but table\[0\] has 2/, 1, 3],
  ["negative count", [[1, 2], [3, -4]], /^table\[1\]\[1\] \(row 1, column 1\) is -4: a count must be a finite number >= 0/, 1, -4],
  ["NaN count", [[NaN, 2], [3, 4]], /^table\[0\]\[0\] \(row 0, column 0\) is NaN: a count must be/, 0, NaN],
  ["infinite count", [[1, Infinity], [3, 4]], /^table\[0\]\[1\] \(row 0, column 1\) is Infinity: a count must be/, 0, Infinity],
  ["string count", [[1, 2], ["3", 4]], /^table\[1\]\[0\] \(row 1, column 0\) is "3": a count must be/, 1, "3"],
  ["null count", [[1, 2], [null, 4]], /^table\[1\]\[0\] \(row 1, column 0\) is null: a count must be/, 1, null],
  ["zero row total", [[0, 0], [3, 4]], /^row 0 of table sums to 0 \(table\[0\] is \[0,0\]\): every row and column needs a positive total/, 0, [0, 0]],
  ["zero column total", [[1, 0], [3, 0]], /^column 1 of table sums to 0 \(table\[\*\]\[1\] is \[0,0\]\)/, 1, [0, 0]],
];

describe("bad tables", () => {
  for (const [name, fn] of Object.entries(tests)) {
    for (const [what, table, message, index, value] of badTables) {
      // R's fisher.test answers for an empty row or column (fisherExactTest.test.ts); chisq.test gives NaN.
      if (name === "fisherExactTest" && what.startsWith("zero")) continue;
      it(`${name}: ${what}`, () => {
        const before = JSON.stringify(table);
        expectInputError(() => fn(table), message, "table", index, value);
        expect(JSON.stringify(table)).toBe(before);
      });
    }
  }

  it("fisherExactTest: a table that is not 2 x 2", () => {
    expectInputError(() => fisherExactTest([[1, 2, 3], [4, 5, 6]]), /^table is 2 x 3: fisherExactTest needs a 2 x 2 table/, "table", undefined, "2 x 3");
    expectInputError(() => fisherExactTest([[1, 2], [3, 4], [5, 6]]), /^table is 3 x 2/, "table", undefined, "3 x 2");
  });

  it("fisherExactTest: a count that is not a whole number (chi-square and G accept it, as R)", () => {
    const t = [[2.5, 3], [4, 1]];
    expectInputError(() => fisherExactTest(t), /^table\[0\]\[0\] \(row 0, column 0\) is 2.5: Fisher's exact test needs whole-number counts/, "table", 0, 2.5);
    expect(() => chiSquareTest(t)).not.toThrow();
    expect(() => gTest(t)).not.toThrow();
  });

  it("checkTable copies the counts", () => {
    const t = [[1, 2], [3, 4]];
    const checked = checkTable(t);
    checked.counts[0][0] = 99;
    expect(t[0][0]).toBe(1);
    expect(Array.from(checked.rowSums)).toEqual([3, 7]);
    expect(Array.from(checked.colSums)).toEqual([4, 6]);
    expect(checked.total).toBe(10);
  });
});

describe("bad options", () => {
  const t = [[10, 13], [12, 4]];
  for (const confLevel of [0, 1, 1.5, -0.1, NaN, "0.95"]) {
    it(`fisherExactTest: confLevel ${String(confLevel)}`, () => {
      expectInputError(() => fisherExactTest(t, { confLevel: confLevel as number }), /^confLevel is .*: it must be a number strictly between 0 and 1/, "confLevel", undefined, confLevel);
    });
  }
  it("fisherExactTest: unknown alternative", () => {
    expectInputError(() => fisherExactTest(t, { alternative: "two-sided" as any }), /^alternative is "two-sided": it must be one of "two.sided", "less", "greater"/, "alternative", undefined, "two-sided");
  });
  it("fisherExactTest: tol", () => {
    expectInputError(() => fisherExactTest(t, { tol: -1 }), /^tol is -1: it must be a finite number >= 0/, "tol", undefined, -1);
    expectInputError(() => fisherExactTest(t, { tol: NaN }), /^tol is NaN/, "tol", undefined, NaN);
  });
  it("chiSquareTest: correction that is not a boolean", () => {
    expectInputError(() => chiSquareTest(t, { correction: "yes" as any }), /^correction is "yes": it must be true or false/, "correction", undefined, "yes");
  });
  it("options that are not an object", () => {
    expectInputError(() => chiSquareTest(t, 5 as any), /^options must be an object; got 5/, "options", undefined, 5);
    expectInputError(() => fisherExactTest(t, [0.95] as any), /^options must be an object/, "options", undefined, [0.95]);
  });
});
