/**
 * The generated files of the teaching unit are current: the seeded simulations as R reads them
 * (data/teaching/*.csv) and the teacher's answer key (notebooks/teaching/answer-key.md) equal
 * what scripts/teaching-files.ts writes now. When one fails, run `npx tsx scripts/teaching-files.ts`
 * (and, for a changed simulation, `Rscript test/teaching/fixtures/r/teaching.R`).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { simulationCsvs } from "../../src/teaching/simulate/simulationCsv.js";
import { answerKey } from "../../src/teaching/answerKey.js";
import { EXERCISES } from "../../src/teaching/exercises.js";
import { isWritten } from "../../src/teaching/exercise.js";

describe("generated files", () => {
  for (const { path, text } of simulationCsvs()) {
    it(`${path} is the simulation as the notebooks run it`, () => {
      expect(readFileSync(path, "utf8")).toBe(text);
    });
  }

  it("notebooks/teaching/answer-key.md is written from the exercises' specs", () => {
    expect(readFileSync("notebooks/teaching/answer-key.md", "utf8")).toBe(answerKey());
  });

  it("the answer key holds every exercise, with its answer or model answer", () => {
    const key = answerKey();
    for (const spec of EXERCISES.values()) {
      expect(key, spec.id).toContain(`### ${spec.label}${isWritten(spec) ? " (written)" : ""}\n`);
    }
    expect(key.match(/\*\*Answer: /g)?.length).toBe([...EXERCISES.values()].filter((s) => !isWritten(s)).length);
    expect(key.match(/\*\*Model answer:\*\*/g)?.length).toBe([...EXERCISES.values()].filter(isWritten).length);
  });
});
