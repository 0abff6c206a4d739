/**
 * Every exercise of the teaching notebooks: its right answer agrees with R (test/teaching/fixtures/r/teaching.R
 * and rows-from-figure.R),
 * a right answer is judged right, a wrong one wrong (with the hint), no answer "not answered yet";
 * and every exercise is asked in its notebook, with null as the default answer.
 */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EXERCISES, judge } from "../../src/teaching/exercises.js";
import { loadSurvivalCsv } from "../../src/teaching/survivalCsv.js";
import { expectClose, loadFixture } from "../helpers/fixtures.js";
import type { Answer } from "../../src/teaching/exercise.js";

const R = loadFixture<{
  answers: Record<string, number | null>;
  pvalues: Record<string, number>;
  statistics: Record<string, number>;
}>("teaching");
// The lesson "Rows from a figure" keeps its R answers in their own fixture (numbers, or a word R decides).
const rowsFromFigure = loadFixture<{ answers: Record<string, number | string> }>("rows-from-figure").answers;

/**
 * Right answers of the exercises that are not numbers: each from its definition or decided by
 * R's numbers (the comment says which).
 */
const WORDS: Record<string, Answer> = {
  // A censored time is a lower bound on the event time (the definition).
  "censoring/what-censored-means": "b",
  // Counting censored patients as never having the event is the most optimistic assumption.
  "censoring/biased-up": "event-free",
  // Only S - z se(S) subtracts from S directly; exp() and exp(-exp()) are positive.
  "km/below-zero": "plain",
  // R: survdiff p < 0.05, chisq.test(correct = FALSE) on the 1-year table p > 0.05.
  "logrank/which-significant":
    R.pvalues.logrank < 0.05 && R.pvalues.pearson_recurrence_1y >= 0.05 ? "log-rank" : "fixture changed",
  // FH(0, 1) weighs late times; the arms differ early (the weighted statistics are validated
  // against R and statsmodels in test/survival/logrank/).
  "logrank/smallest": "FH(0,1)",
  // R: chisq.test(correct = FALSE) on the 1-year recurrence table rounds to the paper's 3.81.
  "tables/paper-test": Math.abs(R.statistics.pearson_recurrence_1y - 3.81) <= 0.005 ? "pearson" : "fixture changed",
  // R: Pearson p < 0.05 and Yates p > 0.05 on the lung table.
  "tables/yates-flips": R.pvalues.pearson_lung_1y < 0.05 !== R.pvalues.yates_lung_1y < 0.05,
};

const ownData = loadSurvivalCsv("data/recurrence.csv", { time: "months", event: "status", group: "group" });
const contextOf = (id: string) => (id.startsWith("own-data/") ? ownData : undefined);

/** R's answer: a number, "not reached" for R's NA, or the word above. */
function rAnswer(id: string): Answer {
  if (id in WORDS) return WORDS[id];
  if (id in rowsFromFigure) return rowsFromFigure[id];
  if (!(id in R.answers)) throw new Error(`no R answer for ${id}: add it to test/teaching/fixtures/r/teaching.R`);
  const x = R.answers[id];
  return x === null ? "not reached" : x;
}

/** A wrong answer of the same kind. */
function wrongOf(id: string, right: Answer): Answer[] {
  const spec = EXERCISES.get(id)!;
  if (typeof right === "boolean") return [!right];
  if (spec.choices) return spec.choices.filter((c) => c !== right);
  if (right === "not reached") return [18, 0];
  const x = right as number;
  const tol = spec.tolerance ?? 0;
  return [x + 1, x - 1, x + 3 * tol + 1e-9, -x];
}

describe("the exercises of the teaching notebooks", () => {
  const ids = [...EXERCISES.keys()];

  it("every exercise has an R answer or a stated word", () => {
    for (const id of ids) expect(() => rAnswer(id), id).not.toThrow();
  });

  for (const id of ids) {
    describe(id, () => {
      const spec = EXERCISES.get(id)!;
      const context = contextOf(id);
      const right = rAnswer(id);

      it("the library's answer agrees with R", () => {
        const ours = spec.answer(context as never);
        if (typeof right === "number") expectClose(ours as number, right, id);
        else expect(ours).toBe(right);
      });

      it("a right answer is right", () => {
        expect(judge(id, right, context).status).toBe("right");
        if (typeof right === "number" && (spec.tolerance ?? 0) > 0) {
          expect(judge(id, right + 0.9 * spec.tolerance!, context).status).toBe("right");
        }
      });

      it("a wrong answer is wrong, with the hint", () => {
        for (const wrong of wrongOf(id, right)) {
          if (typeof wrong === "number" && typeof right === "number" && Math.abs(wrong - right) <= (spec.tolerance ?? 0)) continue;
          const f = judge(id, wrong, context);
          expect(f.status, `${id}: ${String(wrong)}`).toBe("wrong");
          expect(f.message).toContain(spec.hint);
        }
      });

      it("no answer is 'not answered yet', with the hint", () => {
        const f = judge(id, null, context);
        expect(f.status).toBe("not answered");
        expect(f.message).toContain(spec.hint);
      });

      it("each known mistake is wrong, with its own feedback", () => {
        for (const m of spec.mistakes?.(context as never) ?? []) {
          const f = judge(id, m.answer, context);
          expect(f.status, `${id}: mistake ${String(m.answer)}`).toBe("wrong");
          expect(f.message).toContain(m.feedback);
        }
      });
    });
  }

  it("an unknown id is an error naming the exercises", () => {
    expect(() => judge("km/nope", 1)).toThrow(/no exercise "km\/nope".*km\/at-risk-9/);
  });

  it("the template's exercises need the reader's data", () => {
    expect(() => judge("own-data/events", 1)).toThrow(/needs your data/);
  });
});

describe("the exercises in the notebooks", () => {
  const folder = "notebooks/teaching";
  const notebooks = readdirSync(folder).filter((f) => f.endsWith(".ipynb")).sort();
  const calls: { notebook: string; id: string; variable: string; cell: string }[] = [];
  for (const file of notebooks) {
    const nb = JSON.parse(readFileSync(`${folder}/${file}`, "utf8"));
    for (const cell of nb.cells) {
      if (cell.cell_type !== "code") continue;
      const source = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
      for (const m of source.matchAll(/\bexercise\(\s*"([^"]+)",\s*([A-Za-z_$][\w$]*)/g)) {
        calls.push({ notebook: file.replace(/\.ipynb$/, ""), id: m[1], variable: m[2], cell: source });
      }
    }
  }

  it("finds the notebooks and their exercises", () => {
    expect(notebooks.length).toBeGreaterThanOrEqual(6);
    expect(calls.length).toBeGreaterThanOrEqual(EXERCISES.size);
  });

  it("every exercise asked in a notebook exists and belongs to that notebook", () => {
    for (const c of calls) {
      const spec = EXERCISES.get(c.id);
      expect(spec, `${c.notebook}: ${c.id}`).toBeDefined();
      expect(spec!.notebook, c.id).toBe(c.notebook);
    }
  });

  it("every exercise is asked in its notebook", () => {
    for (const [id, spec] of EXERCISES) {
      expect(calls.some((c) => c.id === id && c.notebook === spec.notebook), `${id} in ${spec.notebook}`).toBe(true);
    }
  });

  it("every notebook has exercises", () => {
    for (const file of notebooks) expect(calls.some((c) => `${c.notebook}.ipynb` === file), file).toBe(true);
  });

  it("every answer starts as null in the cell that checks it, so the notebook runs clean", () => {
    for (const c of calls) {
      const declared = new RegExp(`(?:const|let)\\s+${c.variable.replace(/\$/g, "\\$")}\\s*:[^=]*\\|\\s*null\\s*=\\s*null;`);
      expect(declared.test(c.cell), `${c.notebook}: ${c.id} (${c.variable})`).toBe(true);
    }
  });
});
