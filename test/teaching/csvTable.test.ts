import { describe, expect, it } from "vitest";
import { loadCsvTable, parseCsvTable } from "../../src/teaching/csvTable.js";
import { DataFileError } from "../../src/study/data/dataFileError.js";
import { SurvivalInputError } from "../../src/survival/errors.js";
import { dataset } from "../helpers/fixtures.js";

describe("parseCsvTable and loadCsvTable", () => {
  it("reads numeric and text columns by name", () => {
    const t = parseCsvTable("a,b,c\n1,x,2.5\n3,y,4\n", "t.csv");
    expect(t.n).toBe(2);
    expect(t.names).toEqual(["a", "b", "c"]);
    expect(t.numbers("a")).toEqual([1, 3]);
    expect(t.numbers("c")).toEqual([2.5, 4]);
    expect(t.texts("b")).toEqual(["x", "y"]);
    expect(t.texts("a")).toEqual(["1", "3"]);
    expect(Object.isFrozen(t) && Object.isFrozen(t.numbers("a"))).toBe(true);
  });

  it("names a column that is missing or not numeric", () => {
    const t = parseCsvTable("a,b\n1,x\n", "t.csv");
    expect(() => t.numbers("b")).toThrow(/"b" is not numeric of t.csv/);
    expect(() => t.numbers("z")).toThrow(SurvivalInputError);
    expect(() => t.texts("z")).toThrow(/the columns are a, b/);
  });

  it.each([
    ["a header only", "a,b\n", /no rows/],
    ["a repeated name", "a,a\n1,2\n", /empty or repeated name/],
    ["too few values", "a,b\n1\n", /1 values in "1" where the header has 2/],
    ["an empty value", "a,b\n1,\n", /empty value/],
  ])("stops at %s", (_, text, message) => {
    expect(() => parseCsvTable(text, "t.csv")).toThrow(DataFileError);
    expect(() => parseCsvTable(text, "t.csv")).toThrow(message);
  });

  it("reads data/teaching/veteran.csv as R's survival::veteran (datasets fixture)", () => {
    const v = loadCsvTable("data/teaching/veteran.csv");
    const r = dataset("veteran");
    expect(v.n).toBe(137);
    expect(v.numbers("days")).toEqual(r.time);
    expect(v.numbers("status")).toEqual(r.status);
    expect(v.numbers("karno")).toEqual(r.karno);
    expect(v.texts("celltype")).toEqual(r.celltype);
    expect(v.texts("treatment")).toEqual(r.trt.map((x) => (x === 1 ? "standard" : "test")));
  });

  it("names a file that cannot be read", () => {
    expect(() => loadCsvTable("no/such.csv")).toThrow(/no\/such.csv: cannot be read/);
  });
});
