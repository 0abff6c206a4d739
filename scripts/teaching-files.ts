/**
 * Writes the generated files of the teaching unit: the seeded simulations as CSV for R
 * (data/teaching/*.csv, from src/teaching/simulate/) and the teacher's answer key
 * (notebooks/teaching/answer-key.md, from src/teaching/lessons/). test/teaching/generated.test.ts
 * fails while a committed copy differs from what this writes.
 *
 *   npx tsx scripts/teaching-files.ts
 */
import { writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { simulationCsvs } from "../src/teaching/simulate/simulationCsv.js";
import { answerKey } from "../src/teaching/answerKey.js";

process.chdir(resolve(dirname(fileURLToPath(import.meta.url)), ".."));
for (const { path, text } of simulationCsvs()) {
  writeFileSync(path, text);
  process.stdout.write(`${path}\n`);
}
writeFileSync("notebooks/teaching/answer-key.md", answerKey());
process.stdout.write("notebooks/teaching/answer-key.md\n");
