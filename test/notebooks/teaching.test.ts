/** The teaching notebooks as committed: format, no outputs, stable ids, goals and summary, imports that exist. */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";

const folder = "notebooks/teaching";
const REQUIRED = [
  "01-censoring",
  "02-kaplan-meier-by-hand",
  "03-reading-a-km-curve",
  "04-log-rank-by-hand",
  "05-small-2x2-tables",
  "06-your-own-data",
];
const files = readdirSync(folder).filter((f) => f.endsWith(".ipynb")).sort();
const text = (cell: { source: string | string[] }) => (Array.isArray(cell.source) ? cell.source.join("") : cell.source);

describe("the teaching notebooks", () => {
  it("include the six the course needs", () => {
    for (const name of REQUIRED) expect(files, name).toContain(`${name}.ipynb`);
  });

  for (const file of files) {
    describe(file, () => {
      const raw = readFileSync(`${folder}/${file}`, "utf8");
      const nb = JSON.parse(raw);

      it("is nbformat 4.5 for the project's tslab kernel, written as Jupyter writes it", () => {
        expect(nb.nbformat).toBe(4);
        expect(nb.nbformat_minor).toBe(5);
        expect(nb.metadata.kernelspec).toEqual({ name: "tslab", display_name: "TypeScript (tslab)", language: "typescript" });
        expect(raw.endsWith("}\n")).toBe(true);
        expect(raw.startsWith('{\n "cells": [\n')).toBe(true);
      });

      it("is committed without outputs, execution counts null, with unique stable ids", () => {
        const ids = nb.cells.map((c: { id: string }) => c.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const cell of nb.cells) {
          expect(cell.id).toMatch(/^[a-z0-9-]{1,64}$/);
          if (cell.cell_type === "code") {
            expect(cell.outputs, cell.id).toEqual([]);
            expect(cell.execution_count, cell.id).toBeNull();
          }
        }
      });

      it("opens with learning goals and ends with a summary or the settings to report", () => {
        expect(nb.cells[0].cell_type).toBe("markdown");
        expect(text(nb.cells[0])).toMatch(/\*\*Learning goals\.\*\*/);
        const last = nb.cells[nb.cells.length - 1];
        expect(last.cell_type).toBe("markdown");
        expect(text(last)).toMatch(/^## Summary/m);
      });

      it("imports only the compiled library's layer entries (./lib/<layer>), from the project root", () => {
        for (const cell of nb.cells.filter((c: { cell_type: string }) => c.cell_type === "code")) {
          for (const m of text(cell).matchAll(/from\s+"([^"]+)"/g)) {
            expect(m[1], `${cell.id}: ${m[1]}`).toMatch(/^\.\/lib\/(survival|study|presentation|teaching|digitize)$/);
            expect(existsSync(`src/${m[1].slice("./lib/".length)}/index.ts`), `${cell.id}: ${m[1]}`).toBe(true);
          }
        }
      });
    });
  }
});
