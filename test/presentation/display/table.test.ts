import { describe, expect, it } from "vitest";
import { displayWidth, formatCell, showTable, tableBundle, tableHtml, tableText } from "../../../src/presentation/display/table.js";
import { toDataFrame } from "../../../src/presentation/display/danfo.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";
import type { DisplayData } from "../../../src/presentation/display/show.js";

describe("formatCell", () => {
  it.each([
    [5, "5"],
    [0.95652173913, "0.9565"],
    [23.571428, "23.57"],
    [0.0033115, "0.003312"],
    [null, "NA"],
    [undefined, "NA"],
    [NaN, "NA"],
    [Infinity, "Infinity"],
    ["not reached", "not reached"],
    [true, "true"],
  ] as const)("%s -> %s (4 significant digits, R's NA)", (x, text) => {
    expect(formatCell(x)).toBe(text);
  });
  it("takes digits, fixed decimals and the missing text", () => {
    expect(formatCell(2 / 3, 2)).toBe("0.67");
    expect(formatCell(75, 4, 1)).toBe("75.0");
    expect(formatCell(null, 4, undefined, "")).toBe("");
  });
});

describe("tableText", () => {
  it("aligns numbers right and text left, two spaces apart, caption first", () => {
    expect(tableText({ arm: ["one", "a longer arm"], median: [14, 6.5] }, { caption: "Medians" })).toBe(
      ["Medians", "arm           median", "one               14", "a longer arm     6.5"].join("\n"),
    );
  });
  it("a column with a missing value stays numeric", () => {
    expect(tableText({ x: [1, null] })).toBe(" x\n 1\nNA");
  });
  it("applies per-column decimals", () => {
    expect(tableText({ rate: [43.478, 75] }, { decimals: { rate: 1 } })).toBe("rate\n43.5\n75.0");
  });
  it("reads a danfo DataFrame (columns and row values)", () => {
    const df = toDataFrame({ group: [1, 2], months: [5.5, 12] });
    expect(tableText(df)).toBe("group  months\n    1     5.5\n    2      12");
  });
  it("reads typed arrays", () => {
    expect(tableText({ t: new Float64Array([1, 2.5]) })).toBe("  t\n  1\n2.5");
  });
});

describe("tableHtml", () => {
  const table =
    '<table><thead><tr><th style="text-align: left">a&lt;b</th><th style="text-align: right">n</th></tr></thead><tbody><tr>' +
    '<td style="text-align: left">x &amp; y</td><td style="text-align: right">3</td></tr></tbody></table>';
  it("writes a header and aligned cells, escaping text", () => {
    expect(tableHtml({ "a<b": ["x & y"], n: [3] })).toBe(table);
  });
  it("puts a caption above the table in a figure", () => {
    expect(tableHtml({ "a<b": ["x & y"], n: [3] }, { caption: "1 < 2" })).toBe(
      '<figure style="margin: 0.5em 0"><figcaption style="text-align: left"><strong>1 &lt; 2</strong></figcaption>' + table + "</figure>",
    );
  });
});

describe("showTable", () => {
  it("sends one bundle with text/html and text/plain to the sink", () => {
    const sent: [DisplayData, boolean][] = [];
    showTable({ n: [1] }, { sink: (d, u) => sent.push([d, u]) });
    expect(sent).toEqual([[{ data: { "text/html": tableHtml({ n: [1] }), "text/plain": "n\n1" }, metadata: {} }, false]]);
    expect(tableBundle({ n: [1] })).toEqual(sent[0][0]);
  });
  it("prints the text table without a kernel", () => {
    const writes: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((s: string) => (writes.push(s), true)) as typeof process.stdout.write;
    try {
      showTable({ n: [1] }, { sink: null });
    } finally {
      process.stdout.write = write;
    }
    expect(writes).toEqual(["n\n1\n"]);
  });
});

describe("bad input", () => {
  it.each([
    [null, /table is null/],
    [[1, 2], /table is \[1,2\]/],
    [{}, /table has no column/],
    [{ a: 3 }, /table\.a is 3: it must be an array/],
    [{ a: [1, 2], b: [1] }, /table\.b has length 1 but table\.a has length 2/],
  ])("rejects %j", (table, words) => {
    expect(() => tableText(table as never)).toThrow(SurvivalInputError);
    expect(() => tableText(table as never)).toThrow(words);
  });
  it("rejects bad digits and decimals", () => {
    expect(() => tableText({ a: [1] }, { digits: 0 })).toThrow(/digits is 0/);
    expect(() => tableText({ a: [1] }, { decimals: { b: 1 } })).toThrow(/the table has no column "b"/);
    expect(() => tableText({ a: [1] }, { decimals: { a: -1 } })).toThrow(/decimals\.a is -1/);
  });
  it("does not change the caller's arrays", () => {
    const col = [0.123456, 2];
    tableText({ col });
    expect(col).toEqual([0.123456, 2]);
  });
});

describe("tableText with Chinese text", () => {
  it("counts a CJK character as two columns, so columns stay aligned in a terminal", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("可延长")).toBe(6);
    expect(displayWidth("可延长 (prolongs)")).toBe(17);
    expect(displayWidth("e\u0301")).toBe(1); // a combining accent takes no column
    const lines = tableText({ reported: ["可延长 (prolongs)", "3.81"], recomputed: ["7.000", "3.813"] }).split("\n");
    // The second column starts at the same display column on every line.
    const starts = lines.map((l) => displayWidth(l.slice(0, l.search(/\S+$/))));
    expect(new Set(starts).size).toBe(1);
    expect(lines[1]).toBe("可延长 (prolongs)  7.000");
    expect(lines[2]).toBe("3.81               3.813");
  });
});
