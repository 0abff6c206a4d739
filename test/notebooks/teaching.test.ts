/**
 * The teaching unit's notebooks: as committed (format, no outputs, stable ids, goals and summary,
 * imports that exist, short cells, every exercise asked once, in order, under its number, with
 * null as its default), and as a class runs them. Each lesson is executed twice on tslab
 * kernels with the project's runner:
 * - as Run All with no answer given: no error, every exercise "not answered yet", every cell that
 *   would show an answer says "Answer exercise N first", and no answer, explanation or worked
 *   solution of an exercise appears in any output;
 * - as the teacher's copy (TEACHING_SOLUTIONS=1, set in the kernel): no error, every exercise
 *   shows its worked solution or model answer, and every waiting cell runs.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { EXERCISES, LESSONS } from "../../src/teaching/exercises.js";
import { isWritten, formatAnswer, type ExerciseSpec } from "../../src/teaching/exercise.js";
import { formatCell } from "../../src/presentation/display/table.js";
import { loadSurvivalCsv } from "../../src/teaching/survivalCsv.js";
import { readNotebook, type Notebook, type Output } from "../../src/runner/ipynb.js";
import { runNotebooks } from "../../src/runner/pool.js";

const folder = "notebooks/teaching";
const REQUIRED = [
  "01-censoring",
  "02-kaplan-meier-by-hand",
  "03-reading-a-km-curve",
  "04-hazards",
  "05-log-rank-by-hand",
  "06-small-2x2-tables",
  "07-cox-model",
  "08-study-design",
  "09-competing-risks-and-delayed-entry",
  "10-rows-from-a-figure",
  "11-your-own-data",
];
/** The longest code cell a lesson may have (lines). */
const MAX_CELL_LINES = 20;
const files = readdirSync(folder).filter((f) => f.endsWith(".ipynb")).sort();
const text = (cell: { source: string | string[] }) => (Array.isArray(cell.source) ? cell.source.join("") : cell.source);
const ownData = loadSurvivalCsv("data/recurrence.csv", { time: "months", event: "status", group: "group" });
const contextOf = (id: string) => (id.startsWith("own-data/") ? ownData : undefined);

/** The exercise calls of a notebook's code cells, in order: id, variable, cell index and source. */
function exerciseCalls(nb: { cells: { cell_type: string; source: string | string[] }[] }) {
  const calls: { id: string; variable: string; cell: number; source: string }[] = [];
  nb.cells.forEach((cell, k) => {
    if (cell.cell_type !== "code") return;
    const source = text(cell);
    for (const m of source.matchAll(/\bexercise\(\s*"([^"]+)",\s*([A-Za-z_$][\w$]*)/g)) calls.push({ id: m[1], variable: m[2], cell: k, source });
  });
  return calls;
}

describe("the teaching notebooks as committed", () => {
  it("are the eleven lessons of the unit, numbered 01 to 11", () => {
    expect(files).toEqual(REQUIRED.map((n) => `${n}.ipynb`));
    expect(LESSONS.map((l) => l[0].notebook)).toEqual(REQUIRED);
  });

  it("the teacher's README lists the lessons in order, and as many exercises as there are", () => {
    const readme = readFileSync(`${folder}/README.md`, "utf8");
    const listed = [...readme.matchAll(/^\| \d+ \| `(\d\d-[\w-]+)\.ipynb` \|/gm)].map((m) => m[1]);
    expect(listed).toEqual(REQUIRED);
    expect(readme).toContain(`${EXERCISES.size} in all`);
    expect(readme).toContain("answer-key.md");
  });

  for (const file of files) {
    describe(file, () => {
      const raw = readFileSync(`${folder}/${file}`, "utf8");
      const nb = JSON.parse(raw);
      const name = file.replace(/\.ipynb$/, "");
      const code = nb.cells.filter((c: { cell_type: string }) => c.cell_type === "code");

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

      it("opens with its lesson number, learning goals and ends with a summary", () => {
        expect(nb.cells[0].cell_type).toBe("markdown");
        expect(text(nb.cells[0])).toMatch(new RegExp(`^# Teaching ${Number(name.slice(0, 2))}\\. `));
        expect(text(nb.cells[0])).toMatch(/\*\*Learning goals\.\*\*/);
        const last = nb.cells[nb.cells.length - 1];
        expect(last.cell_type).toBe("markdown");
        expect(text(last)).toMatch(/^## Summary/m);
      });

      it("imports only the compiled library's layer entries (./lib/<layer>), from the project root", () => {
        for (const cell of code) {
          for (const m of text(cell).matchAll(/from\s+"([^"]+)"/g)) {
            expect(m[1], `${cell.id}: ${m[1]}`).toMatch(/^\.\/lib\/(survival|study|presentation|teaching|digitize)$/);
            expect(existsSync(`src/${m[1].slice("./lib/".length)}/index.ts`), `${cell.id}: ${m[1]}`).toBe(true);
          }
        }
      });

      it(`has no code cell longer than ${MAX_CELL_LINES} lines`, () => {
        for (const cell of code) expect(text(cell).split("\n").length, `${cell.id}: ${text(cell).split("\n")[0]}`).toBeLessThanOrEqual(MAX_CELL_LINES);
      });

      it("asks its lesson's exercises, each once, in order, under its number, with null as the default answer", () => {
        const calls = exerciseCalls(nb);
        const lesson = LESSONS.find((l) => l[0].notebook === name)!;
        expect(calls.map((c) => c.id)).toEqual(lesson.map((s) => s.id));
        for (const c of calls) {
          const spec = EXERCISES.get(c.id)!;
          expect(c.source, c.id).toContain(`// Exercise ${spec.label}${isWritten(spec) ? " (written)" : ""}.`);
          const declared = new RegExp(`(?:const|let)\\s+${c.variable.replace(/\$/g, "\\$")}\\s*:[^=]*\\|\\s*null\\s*=\\s*null;`);
          expect(declared.test(c.source), `${c.id} (${c.variable})`).toBe(true);
        }
      });

      it("makes cells that would show an answer wait for an exercise asked above them", () => {
        const calls = exerciseCalls(nb);
        nb.cells.forEach((cell: { cell_type: string; source: string | string[] }, k: number) => {
          for (const m of text(cell).matchAll(/revealAfter\(\s*(\[[^\]]*\]|"[^"]+")/g)) {
            const ids = JSON.parse(m[1].startsWith("[") ? m[1] : `[${m[1]}]`) as string[];
            for (const id of ids) {
              const asked = calls.find((c) => c.id === id);
              expect(asked, `${name}: revealAfter("${id}")`).toBeDefined();
              expect(asked!.cell, `${name}: ${id} is asked after the cell that waits for it`).toBeLessThan(k);
            }
          }
        });
      });
    });
  }
});

/** Every text a cell's outputs show a reader (figures' descriptions, not their data). */
function outputText(outputs: readonly Output[]): string {
  return outputs
    .map((o) => {
      if (o.output_type === "stream") return o.text;
      if (o.output_type === "error") return `${o.ename}: ${o.evalue}`;
      return ["text/markdown", "text/plain", "text/html"].map((m) => (typeof o.data[m] === "string" ? (o.data[m] as string) : "")).join("\n");
    })
    .join("\n");
}

/** The forms in which a number answer would be printed: as tables, notes and exercises print numbers. */
function printedForms(x: number, tolerance: number): string[] {
  if (Number.isInteger(x)) return []; // counts and whole numbers appear everywhere; the gate test covers them
  const decimals = tolerance > 0 ? Math.max(1, Math.round(-Math.log10(2 * tolerance))) : 4;
  const forms = new Set([x.toFixed(decimals), x.toFixed(decimals + 1), formatCell(x), formatAnswer(x)]);
  return [...forms].filter((s) => s.replace(/^-?0?\.?/, "").replace(/0+$/, "").length >= 3); // "0.5" and the like are everywhere
}

const lessonsRun = process.env.TEACHING_NOTEBOOKS !== "skip";

describe.skipIf(!lessonsRun)("the lessons as a class runs them (tslab kernels; TEACHING_NOTEBOOKS=skip to skip)", { timeout: 900_000 }, () => {
  let plain: Notebook[] = [];
  let teacher: Notebook[] = [];
  let session: Notebook | undefined;
  /** A student's session: three different wrong answers to one exercise, the import cell run again between them. */
  const sessionCells = [
    'import { exercise } from "./lib/teaching";',
    'exercise("km/at-risk-9", 1);',
    'exercise("km/at-risk-9", 1); // the same answer again: not a new try',
    'import { exercise as again } from "./lib/teaching";',
    'again("km/at-risk-9", 2);',
    'exercise("km/at-risk-9", 3);',
  ];
  beforeAll(async () => {
    // The kernels import lib/ (src/ compiled): compile it once here rather than in both kernels at once.
    (createRequire(import.meta.url)("../../scripts/build-lib.cjs") as { ensureLib: (root: string) => unknown }).ensureLib(process.cwd());
    const jobs = files.map((f) => ({ name: `${folder}/${f}`, nb: readNotebook(`${folder}/${f}`) }));
    const sessionNb: Notebook = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: sessionCells.map((source, k) => ({ cell_type: "code", id: `s-${k}`, metadata: {}, source, execution_count: null, outputs: [] })),
    };
    const options = { cwd: process.cwd(), jobs: 1, log: () => {} };
    const [a, b] = await Promise.all([
      runNotebooks([...jobs, { name: "a student's session", nb: sessionNb }], options),
      runNotebooks(jobs, { ...options, warmup: 'process.env.TEACHING_SOLUTIONS = "1";' }),
    ]);
    plain = a.slice(0, files.length).map((r) => r.nb);
    session = a[files.length].nb;
    teacher = b.map((r) => r.nb);
  }, 900_000);

  it("a kernel session keeps each exercise's tries across cells and a re-run import: hint, then the worked solution at the third different answer", () => {
    const out = session!.cells.map((c) => (c.cell_type === "code" ? outputText(c.outputs) : ""));
    expect(out[1]).toMatch(/not right.*\*Hint:\*.*2 more different tries/s);
    expect(out[2]).toContain("2 more different tries");
    expect(out[4]).toContain("One more different try");
    expect(out[5]).toContain("**Worked solution** (shown after 3 tries)");
  });

  for (const [i, file] of files.entries()) {
    const name = file.replace(/\.ipynb$/, "");
    const lesson = LESSONS.find((l) => l[0].notebook === name)!;

    it(`${name}, Run All with no answer: every exercise unanswered, every answer held back`, () => {
      const nb = plain[i];
      const cells = nb.cells.map((c) => (c.cell_type === "code" ? { source: c.source, out: outputText(c.outputs) } : null));
      const calls = exerciseCalls(nb);
      for (const c of calls) expect(cells[c.cell]!.out, c.id).toMatch(/not answered yet/);
      cells.forEach((c, k) => {
        if (c && /revealAfter\(/.test(c.source)) expect(c.out, `cell ${k + 1}: ${c.source.split("\n")[0]}`).toMatch(/Answer exercises? [\d., and]+ first/);
      });
      for (const spec of lesson) {
        const context = contextOf(spec.id);
        const asked = calls.find((c) => c.id === spec.id)!.cell;
        const later = cells.slice(asked).map((c) => c?.out ?? "").join("\n");
        const everything = cells.map((c) => c?.out ?? "").join("\n");
        if (isWritten(spec)) {
          expect(everything, spec.id).not.toContain(spec.modelAnswer(context).slice(0, 80));
          continue;
        }
        const s = spec as ExerciseSpec<any>;
        expect(everything, `${spec.id}: its worked solution`).not.toContain(s.solution(context).slice(0, 80));
        const answer = s.answer(context);
        if (typeof answer === "number") {
          for (const form of printedForms(answer, s.tolerance ?? 0)) {
            const shown = new RegExp(`(?<![\\d.])${form.replace(/[.\-]/g, "\\$&")}(?![\\d])`).test(later);
            expect(shown, `${spec.id}: its answer ${form} is printed after the exercise`).toBe(false);
          }
        }
      }
    });

    it(`${name}, the teacher's copy: every solution shown, every waiting cell run`, () => {
      const nb = teacher[i];
      const out = nb.cells.map((c) => (c.cell_type === "code" ? outputText(c.outputs) : "")).join("\n");
      expect(out).not.toMatch(/Answer exercises? [\d., and]+ first/);
      for (const spec of lesson) expect(out, spec.id).toContain(`Exercise ${EXERCISES.get(spec.id)!.label}${isWritten(spec) ? " (written), model answer" : ", worked solution"}`);
    });
  }
});
