// Notebook files as nbformat writes them (fixtures/outputs.ipynb is nbformat.write's output,
// from test/runner/fixtures/jupyter_reference.py; the other fixtures were written the same way).
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { clearOutputs, NotebookFormatError, parseNotebook, serializeNotebook, splitLines } from "../../src/runner/ipynb.js";

const fixture = (name: string) => readFileSync(`test/runner/fixtures/${name}`, "utf8");

describe("nbformat 4 reading and writing", () => {
  it("writes every fixture back byte for byte as nbformat saved it", () => {
    const files = readdirSync("test/runner/fixtures").filter((f) => f.endsWith(".ipynb"));
    expect(files).toContain("outputs.ipynb");
    for (const file of files) {
      const text = fixture(file);
      expect(serializeNotebook(parseNotebook(text, file)), file).toBe(text);
    }
  });

  it("holds multi-line fields as single strings in memory, JSON MIME data as objects", () => {
    const nb = parseNotebook(fixture("outputs.ipynb"));
    expect(nb.cells[0].source).toBe("# Outputs\n\nEvery output type, saved by nbformat (ünïcode kept).");
    const code = nb.cells[1];
    expect(code.cell_type === "code" && code.outputs[0]).toEqual({ output_type: "stream", name: "stdout", text: "1\n2\n" });
    const display = nb.cells[2].cell_type === "code" ? nb.cells[2].outputs[0] : undefined;
    expect(display?.output_type === "display_data" && display.data["text/html"]).toBe("<table>\n<tr><td>1</td></tr>\n</table>");
    expect(display?.output_type === "display_data" && display.data["application/vnd.plotly.v1+json"]).toMatchObject({ layout: { title: { text: "KM" } } });
  });

  it("drops timing metadata (nbclient's metadata.execution) and clears outputs", () => {
    const nb = parseNotebook(fixture("outputs.ipynb"));
    const cell = nb.cells[1];
    cell.metadata = { tags: ["x"], execution: { "iopub.status.busy": "2020-01-01T00:00:00Z" } };
    expect(serializeNotebook(nb)).not.toContain("iopub.status.busy");
    expect(serializeNotebook(nb)).toContain('"tags"');
    const cleared = clearOutputs(nb);
    expect(cleared.cells.every((c) => c.cell_type !== "code" || (c.outputs.length === 0 && c.execution_count === null))).toBe(true);
    expect(nb.cells[1].cell_type === "code" && nb.cells[1].outputs.length).toBe(2); // the input is not changed
  });

  it("splits lines as Python's splitlines(keepends=True) for \\n", () => {
    expect(splitLines("")).toEqual([]);
    expect(splitLines("a")).toEqual(["a"]);
    expect(splitLines("a\n")).toEqual(["a\n"]);
    expect(splitLines("a\n\nb")).toEqual(["a\n", "\n", "b"]);
    // Python: "a\r\nb\rc\u2028d".splitlines(True) == ['a\r\n', 'b\r', 'c\u2028', 'd']
    expect(splitLines("a\r\nb\rc\u2028d")).toEqual(["a\r\n", "b\r", "c\u2028", "d"]);
  });

  it("names the file and the fault for what is not a notebook", () => {
    expect(() => parseNotebook("{", "x.ipynb")).toThrow(NotebookFormatError);
    expect(() => parseNotebook("{", "x.ipynb")).toThrow(/^x\.ipynb: not an nbformat 4 notebook: invalid JSON/);
    expect(() => parseNotebook('{"nbformat": 3, "cells": []}', "old.ipynb")).toThrow(/old\.ipynb: .*nbformat is 3/);
    expect(() => parseNotebook('{"nbformat": 4, "cells": [{"cell_type": "heading", "source": ""}]}', "h.ipynb")).toThrow(
      /h\.ipynb: .*cell 1 has cell_type "heading"/,
    );
  });
});
