/**
 * The narrative notebooks as committed: nbformat 4.5 on the project's tslab kernelspec, no
 * outputs, stable cell ids, imports only from the compiled library's layers, and none of the paper's
 * printed statistics typed in (they come from data/claims.json).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseNotebook, serializeNotebook } from "../../src/runner/ipynb.js";

const DIR = "notebooks";
const files = readdirSync(DIR).filter((f) => /^\d\d-.*\.ipynb$/.test(f)).sort();
const raw = (f: string) => JSON.parse(readFileSync(join(DIR, f), "utf8"));
const text = (source: string | string[]) => (Array.isArray(source) ? source.join("") : source);
/** What a notebook imports: a layer of the compiled library (lib/ is src/ compiled; README, "Run it in Jupyter"). */
const LIBRARY_ENTRY = /^\.\/lib\/(survival|study|presentation|teaching|digitize)$/;

describe("the narrative notebooks", () => {
  it("start with the five of the reproduction and are numbered 01, 02, ... without gaps", () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(files.map((f) => f.slice(0, 3))).toEqual(files.map((_, i) => `${String(i + 1).padStart(2, "0")}-`));
  });

  describe.each(files)("%s", (file) => {
    const nb = raw(file);
    const code = nb.cells.filter((c: { cell_type: string }) => c.cell_type === "code");

    it("is nbformat 4.5 on the tslab kernelspec", () => {
      expect([nb.nbformat, nb.nbformat_minor]).toEqual([4, 5]);
      expect(nb.metadata.kernelspec).toEqual({ name: "tslab", display_name: "TypeScript (tslab)", language: "typescript" });
      expect(nb.metadata.language_info.name).toBe("typescript");
    });

    it("is committed without outputs or execution counts", () => {
      expect(code.length).toBeGreaterThan(0);
      for (const c of code) {
        expect(c.outputs, c.id).toEqual([]);
        expect(c.execution_count, c.id).toBeNull();
      }
    });

    it("has stable, unique cell ids sharing one prefix", () => {
      const ids: string[] = nb.cells.map((c: { id: string }) => c.id);
      expect(ids.every((id) => /^[a-z]+-\d\d$/.test(id)), ids.join(" ")).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids.map((id) => id.split("-")[0])).size).toBe(1);
    });

    it("is written as Jupyter writes it (a re-save changes no byte)", () => {
      const bytes = readFileSync(join(DIR, file), "utf8");
      expect(serializeNotebook(parseNotebook(bytes, file))).toBe(bytes);
    });

    it("imports only the compiled library's layer entries (./lib/<layer>), and every layer exists", () => {
      for (const c of code) {
        const src = text(c.source);
        expect(src, c.id).not.toMatch(/\brequire\s*\(|\bimport\s*\(/);
        for (const m of src.matchAll(/\bfrom\s+"([^"]+)"/g)) {
          expect(m[1], c.id).toMatch(LIBRARY_ENTRY);
          expect(existsSync(join("src", m[1].slice("./lib/".length), "index.ts")), `${c.id}: ${m[1]}`).toBe(true);
        }
      }
    });

    it("closes every `code`, * and ** span on the line that opens it (the HTML report renders them line by line)", () => {
      for (const c of nb.cells.filter((c: { cell_type: string }) => c.cell_type === "markdown")) {
        for (const line of text(c.source).split("\n")) {
          if (!/^\s*(```|~~~)/.test(line)) expect((line.split("`").length - 1) % 2, `${c.id}: ${line}`).toBe(0);
          const plain = line.replace(/`[^`]*`/g, "").replace(/^\s*[-*] /, "");
          const strong = plain.split("**").length - 1;
          const em = plain.replace(/\*\*/g, "").split("*").length - 1;
          expect([strong % 2, em % 2], `${c.id}: ${line}`).toEqual([0, 0]);
        }
      }
    });

    it("types in none of the statistics the paper prints (they come from data/claims.json)", () => {
      const claims = JSON.parse(readFileSync("data/claims.json", "utf8")).claims as {
        check: { kind: string };
        values: { text: string }[];
      }[];
      const printed = claims.filter((c) => c.check.kind !== "none").flatMap((c) => c.values.map((v) => v.text)).filter((t) => t.includes("."));
      expect(printed.length).toBeGreaterThan(0);
      const all = nb.cells.map((c: { source: string | string[] }) => text(c.source)).join("\n");
      for (const t of printed) expect(all.includes(t), t).toBe(false);
    });
  });
});
