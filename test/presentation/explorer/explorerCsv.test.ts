import { describe, expect, it } from "vitest";
import { cellValue, explorerCsv, rowValues } from "../../../src/presentation/explorer/explorerCsv.js";
import { parseEndpointCsv } from "../../../src/study/data/parseEndpointCsv.js";
import { loadEndpoint } from "../../../src/study/data/loadEndpoint.js";
import { parseSurvivalCsv } from "../../../src/teaching/survivalCsv.js";
import { inputError } from "../../helpers/errors.js";

const rec = loadEndpoint("recurrence");
const text = { group: rec.group.map(String), status: rec.status.map(String), months: rec.months.map(String) };

describe("cellValue", () => {
  it("reads a plain number as the CSV readers do, and keeps anything else as typed", () => {
    expect([cellValue("12"), cellValue(" 5.5 "), cellValue("-3"), cellValue("007")]).toEqual([12, 5.5, -3, 7]);
    expect([cellValue(""), cellValue("1e3"), cellValue("abc"), cellValue(".5"), cellValue("+1")]).toEqual(["", "1e3", "abc", ".5", "+1"]);
  });
  it("rowValues reads every cell", () => {
    expect(rowValues({ group: ["1", ""], status: ["0", "2"], months: ["3", "x"] })).toEqual({ group: [1, ""], status: [0, 2], months: [3, "x"] });
  });
});

describe("explorerCsv", () => {
  it("writes the paper's table back as the paper's CSV file is", async () => {
    const { readFileSync } = await import("node:fs");
    expect(explorerCsv(text)).toBe(readFileSync("data/recurrence.csv", "utf8"));
  });

  it("an edited table loads with the paper's reader and with the teaching notebook's (11-your-own-data)", () => {
    const edited = { group: [...text.group, "2"], status: text.status.map((s, i) => (i === 6 ? "0" : s)).concat("1"), months: [...text.months, " 10.25"] };
    const csv = explorerCsv(edited);
    const paper = parseEndpointCsv(csv, "recurrence-edited.csv");
    expect(paper.n).toBe(40);
    expect(paper.status[6]).toBe(0);
    expect(paper.months[39]).toBe(10.25);
    const own = parseSurvivalCsv(csv, "recurrence-edited.csv", { time: "months", event: "status", group: "group" });
    expect([own.n, own.time[39], own.event[6], own.groups]).toEqual([40, 10.25, 0, [1, 2]]);
  });

  it("refuses a cell that is not a plain number, naming it", () => {
    const e = inputError(() => explorerCsv({ group: ["1"], status: ["1"], months: ["-"] }));
    expect([e.message, e.argument, e.index]).toEqual(['months[0] is "-": a CSV cell must be a plain number', "months", 0]);
    expect(inputError(() => explorerCsv({ group: ["1"], status: [], months: ["1"] })).argument).toBe("status");
  });
});
