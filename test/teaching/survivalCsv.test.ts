import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { groupRows, loadSurvivalCsv, parseSurvivalCsv } from "../../src/teaching/survivalCsv.js";
import { DataFileError } from "../../src/study/data/dataFileError.js";
import { SurvivalInputError } from "../../src/survival/errors.js";
import { loadEndpoint } from "../../src/study/data/loadEndpoint.js";
import { dataFileError } from "../helpers/errors.js";

const cols = { time: "months", event: "status", group: "group" };

/** The DataFileError thrown by parsing `text`, or a failure. */
function errorOf(text: string, columns: Parameters<typeof parseSurvivalCsv>[2] = cols): DataFileError {
  return dataFileError(() => parseSurvivalCsv(text, "f.csv", columns));
}

describe("parseSurvivalCsv", () => {
  it("reads the chosen columns, ignores the others, and sorts the groups as R's factor()", () => {
    const d = parseSurvivalCsv("id,arm,days,died,note\n1,B,30,1,x\n2,A,45.5,0,\n3,B,7,1,\"a, b\"\n", "my.csv", {
      time: "days",
      event: "died",
      group: "arm",
    });
    expect(d).toMatchObject({ file: "my.csv", n: 3, time: [30, 45.5, 7], event: [1, 0, 1], group: ["B", "A", "B"], groups: ["A", "B"] });
    expect(d.columns).toEqual({ time: "days", event: "died", group: "arm" });
    expect(Object.isFrozen(d) && Object.isFrozen(d.time)).toBe(true);
  });

  it("makes groups numbers when every value is a plain number, sorted numerically", () => {
    const d = parseSurvivalCsv("months,status,group\n1,1,10\n2,0,2\n3,1,10\n", "f.csv", cols);
    expect(d.group).toEqual([10, 2, 10]);
    expect(d.groups).toEqual([2, 10]);
  });

  it("reads a file with no group column as one group", () => {
    const d = parseSurvivalCsv("months,status\n1,1\n2,0\n", "f.csv", { time: "months", event: "status", group: null });
    expect(d.groups).toEqual(["all"]);
    expect(d.group).toEqual(["all", "all"]);
  });

  it("takes other codes for event and censored", () => {
    const d = parseSurvivalCsv("t,s\n5,2\n6,1\n", "f.csv", { time: "t", event: "s", eventValue: "2", censoredValue: "1" });
    expect(d.event).toEqual([1, 0]);
  });

  it("accepts CRLF, a byte-order mark and one final newline; quoted values with doubled quotes", () => {
    const d = parseSurvivalCsv('\uFEFFmonths,status,group\r\n1,1,"x ""y"""\r\n2,0,z\r\n', "f.csv", cols);
    expect(d.group).toEqual(['x "y"', "z"]);
  });

  it("reads the paper's table exactly as the project's own reader does", () => {
    const ours = loadSurvivalCsv("data/recurrence.csv", cols);
    const theirs = loadEndpoint("recurrence");
    expect(ours.time).toEqual(theirs.months);
    expect(ours.event).toEqual(theirs.status);
    expect(ours.group).toEqual(theirs.group);
  });

  it.each([
    ["an empty file", "", 1, undefined, /empty/],
    ["a header only", "months,status,group\n", 2, undefined, /no rows/],
    ["a missing time column", "time,status,group\n1,1,a\n", 1, "months", /time column "months" is not in the header/],
    ["a missing event column", "months,dead,group\n1,1,a\n", 1, "status", /event column "status"/],
    ["a missing group column", "months,status,arm\n1,1,a\n", 1, "group", /group column "group"/],
    ["a near-miss column name", "Months,status,group\n1,1,a\n", 1, "months", /did you mean "Months"\?/],
    ["a duplicated header", "months,status,group,status\n1,1,a,1\n", 1, "status", /appears twice/],
    ["a blank line inside", "months,status,group\n1,1,a\n\n2,0,b\n", 3, undefined, /blank line/],
    ["too few values", "months,status,group\n1,1\n", 2, undefined, /2 values in "1,1" where the header has 3/],
    ["too many values", "months,status,group\n1,1,a,b\n", 2, undefined, /4 values/],
    ["a non-numeric time", "months,status,group\n1,1,a\nabc,0,b\n", 3, "months", /"abc" is not a number/],
    ["NA as a time", "months,status,group\nNA,1,a\n", 2, "months", /missing time cannot be analysed/],
    ["an empty time", "months,status,group\n,1,a\n", 2, "months", /missing time/],
    ["a time with a space", "months,status,group\n 7,1,a\n", 2, "months", /" 7" is not a number/],
    ["a time in exponent form", "months,status,group\n1e3,1,a\n", 2, "months", /"1e3" is not a number/],
    ["a negative time", "months,status,group\n-1,1,a\n", 2, "months", /not a time >= 0/],
    ["a status of 2", "months,status,group\n1,2,a\n", 2, "status", /"2" is not a status/],
    ["an empty status", "months,status,group\n1,,a\n", 2, "status", /"" is not a status/],
    ["an empty group", "months,status,group\n1,1,\n", 2, "group", /empty group/],
    ["an unclosed quote", 'months,status,group\n1,1,"a\n', 2, undefined, /not closed/],
    ["text after a closing quote", 'months,status,group\n1,1,"a"b\n', 2, undefined, /after a closing quote/],
  ])("stops at %s, naming file, line, column and value", (_, text, line, column, message) => {
    const e = errorOf(text);
    expect(e.file).toBe("f.csv");
    expect(e.line).toBe(line);
    expect(e.column).toBe(column);
    expect(e.message).toMatch(message);
    expect(e.message.startsWith(`f.csv, line ${line}`)).toBe(true);
  });

  it("rejects bad column choices as input errors", () => {
    for (const columns of [
      null,
      "months",
      { time: "months" },
      { time: "months", event: "months" },
      { time: "months", event: "status", group: "status" },
      { time: "months", event: "status", eventValue: "1", censoredValue: "1" },
      { time: "months", event: "status", colour: "red" },
      { time: "", event: "status" },
    ]) {
      expect(() => parseSurvivalCsv("months,status\n1,1\n", "f.csv", columns as never), JSON.stringify(columns)).toThrow(SurvivalInputError);
    }
  });
});

describe("loadSurvivalCsv and groupRows", () => {
  it("names a file that cannot be read", () => {
    expect(() => loadSurvivalCsv("no/such/file.csv", cols)).toThrow(/no\/such\/file.csv: cannot be read \(ENOENT\)/);
  });

  it("reads a file from disk; groupRows returns one group's rows in file order", () => {
    const dir = mkdtempSync(join(tmpdir(), "survival-csv-"));
    const path = join(dir, "x.csv");
    writeFileSync(path, "months,status,group\n3,1,b\n1,0,a\n2,1,b\n");
    const d = loadSurvivalCsv(path, cols);
    expect(groupRows(d, "b")).toEqual({ time: [3, 2], event: [1, 1] });
    expect(() => groupRows(d, "c")).toThrow(/group "c" has no row/);
  });
});
