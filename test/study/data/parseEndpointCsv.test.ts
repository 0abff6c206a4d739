import { describe, expect, it } from "vitest";
import { loadEndpoint } from "../../../src/study/data/loadEndpoint.js";
import { parseEndpointCsv } from "../../../src/study/data/parseEndpointCsv.js";
import { dataFileError } from "../../helpers/errors.js";

describe("parseEndpointCsv: well-formed input", () => {
  it("reads columns in file order as numbers", () => {
    const d = parseEndpointCsv("group,status,months\n1,1,5.5\n1,0,18\n2,1,4\n", "t.csv");
    expect(d).toEqual({ file: "t.csv", n: 3, group: [1, 1, 2], status: [1, 0, 1], months: [5.5, 18, 4] });
    expect(Object.isFrozen(d) && Object.isFrozen(d.months)).toBe(true);
  });

  it("accepts the columns in another order, no final newline, CRLF line ends and a byte-order mark", () => {
    const d = parseEndpointCsv("\uFEFFmonths,group,status\r\n12,2,0\r\n0.5,1,1", "t.csv");
    expect(d).toMatchObject({ n: 2, group: [2, 1], status: [0, 1], months: [12, 0.5] });
  });

  it("accepts blank lines at the end of the file (an editor's final empty line)", () => {
    const d = loadEndpoint("test/study/fixtures/trailing-blank-lines.csv");
    expect(d).toMatchObject({ n: 2, group: [1, 2], status: [1, 0], months: [7, 16] });
  });
});

// Each malformed fixture: the line, column and value the error must name.
const BAD: [file: string, line: number, column: string | undefined, value: string, words: RegExp][] = [
  ["missing-column.csv", 1, "months", "group,status", /missing from the header/],
  ["non-numeric-month.csv", 4, "months", "abc", /"abc" is not a number/],
  ["status-2.csv", 3, "status", "2", /"2" is not a status/],
  ["duplicated-header.csv", 1, "status", "status", /appears twice in the header/],
  ["blank-line.csv", 4, undefined, "", /blank line/],
  ["unknown-column.csv", 1, "arm", "arm", /unknown column "arm"/],
  ["empty-month.csv", 3, "months", "", /"" is not a number/],
  ["space-month.csv", 2, "months", " 7", /" 7" is not a number/],
  ["exponent-month.csv", 2, "months", "1e", /"1e" is not a number/],
  ["group-3.csv", 2, "group", "3", /"3" is not a group/],
  ["negative-month.csv", 3, "months", "-1", /"-1" is not a number of months >= 0/],
  ["short-row.csv", 3, undefined, "1,1", /2 values in "1,1" where the header has 3/],
  ["empty.csv", 1, undefined, "", /the file is empty/],
  ["header-only.csv", 2, undefined, "", /no rows after the header/],
  ["header-case.csv", 1, "Group", "Group", /unknown column "Group"/],
];

describe("loadEndpoint: every malformed fixture stops with an error naming file, line, column and value", () => {
  it.each(BAD)("%s -> line %i", (name, line, column, value, words) => {
    const file = `test/study/fixtures/bad-data/${name}`;
    const e = dataFileError(() => loadEndpoint(file));
    expect(e.file).toBe(file);
    expect(e.line).toBe(line);
    expect(e.column).toBe(column);
    expect(e.value).toBe(value);
    expect(e.message).toMatch(words);
    expect(e.message.startsWith(`${file}, line ${line}`)).toBe(true);
    if (column !== undefined) expect(e.message).toContain(`column "${column}"`);
    if (value !== "") expect(e.message).toContain(value);
  });
});

describe("parseEndpointCsv: strict values", () => {
  const row = (v: string) => () => parseEndpointCsv(`group,status,months\n1,1,${v}\n`, "x.csv");
  it.each(["", " 7", "7 ", "1e", "1e3", "+1", ".5", "5.", "abc", '"7"', "NaN", "Infinity", "0x1", "1,5"])("rejects months %j", (v) => {
    const e = dataFileError(row(v));
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/^x\.csv, line 2/);
  });
  it.each(["0", "12", "5.5", "18.25", "007"])("accepts months %j", (v) => {
    expect(parseEndpointCsv(`group,status,months\n1,1,${v}\n`, "x.csv").months).toEqual([Number(v)]);
  });
  it.each([["0"], ["1.5"], ["-1"]])("rejects group %j", (g) => {
    expect(dataFileError(() => parseEndpointCsv(`group,status,months\n${g},1,3\n`, "x.csv")).column).toBe("group");
  });
  it.each([["-1"], ["0.5"], ["true"]])("rejects status %j", (s) => {
    expect(dataFileError(() => parseEndpointCsv(`group,status,months\n1,${s},3\n`, "x.csv")).column).toBe("status");
  });
  it("names a file that cannot be read", () => {
    const e = dataFileError(() => loadEndpoint("test/study/fixtures/bad-data/no-such-file.csv"));
    expect(e.message).toMatch(/no-such-file\.csv: cannot be read \(ENOENT\)/);
  });
});
