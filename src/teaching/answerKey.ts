/**
 * The teacher's answer key of the unit (notebooks/teaching/answer-key.md), written from the same
 * specs the notebooks' exercises are judged by (lessons/): for each exercise, the question, the
 * right answer as the data give it, other answers accepted, the explanation and the worked
 * solution; for each written exercise, the prompt and the model answer. The template's exercises
 * are answered for its default file, data/recurrence.csv. Lesson titles are the notebooks' own.
 *
 * scripts/teaching-files.ts writes it; test/teaching/generated.test.ts fails when the committed
 * file differs from what this function writes, so the key cannot drift from the exercises.
 *
 * @example
 * answerKey().startsWith("# Answer key");   // => true
 */
import { readFileSync } from "node:fs";
import { explain, formatAnswer, isWritten, type TaskSpec } from "./exercise.js";
import { LESSONS } from "./exercises.js";
import { EXERCISES } from "./exercises.js";
import { loadSurvivalCsv } from "./survivalCsv.js";

/** The template notebook's default file and columns. */
export const TEMPLATE_DEFAULT = { file: "data/recurrence.csv", columns: { time: "months", event: "status", group: "group" } } as const;

/** The first heading of a notebook, e.g. "Teaching 1. Censoring: what a censored row means". */
function notebookTitle(notebook: string): string {
  const nb = JSON.parse(readFileSync(`notebooks/teaching/${notebook}.ipynb`, "utf8"));
  const first = [].concat(nb.cells[0].source).join("");
  return first.split("\n")[0].replace(/^#\s*/, "");
}

function entry(spec: TaskSpec<any>, context: unknown): string {
  if (isWritten(spec)) {
    return `### ${spec.label} (written)\n\n${spec.prompt}\n\n**Model answer:**\n\n${spec.modelAnswer(context)}\n`;
  }
  const answer = spec.answer(context);
  const tolerance = spec.tolerance && spec.tolerance >= 1e-6 ? ` (accepted within ±${spec.tolerance})` : "";
  const explanation = explain(spec, answer);
  const said = explanation === `${formatAnswer(answer)}.` ? "" : ` ${explanation}`;
  const also = (spec.alsoRight?.(context) ?? []).map((m) => `- Also accepted: ${formatAnswer(m.answer)}. ${m.feedback}`);
  return [
    `### ${spec.label}`,
    "",
    spec.question,
    "",
    `- **Answer: ${formatAnswer(answer)}**${tolerance}.${said}`,
    ...also,
    `- Hint (after a wrong try): ${spec.hint}`,
    "",
    `**Worked solution:** ${spec.solution(context)}`,
    "",
  ].join("\n");
}

export function answerKey(): string {
  const own = loadSurvivalCsv(TEMPLATE_DEFAULT.file, TEMPLATE_DEFAULT.columns);
  const parts = [
    "# Answer key of the teaching unit",
    "",
    "For the teacher: do not hand this file out with the notebooks. It is written by `npx tsx scripts/teaching-files.ts` " +
      "from the exercises' own specifications (`src/teaching/lessons/`), which also judge the students' answers, so it " +
      "always agrees with the notebooks; `test/teaching/generated.test.ts` fails when it is out of date. Numbers are " +
      `computed from the data; the template's exercises are answered for its default file, \`${TEMPLATE_DEFAULT.file}\`.`,
    "",
  ];
  for (const lesson of LESSONS) {
    const notebook = lesson[0].notebook;
    parts.push(`## ${notebookTitle(notebook)} (\`${notebook}.ipynb\`)`, "");
    for (const s of lesson) {
      const spec = EXERCISES.get(s.id)!;
      parts.push(entry(spec, spec.id.startsWith("own-data/") ? own : undefined));
    }
  }
  return parts.join("\n").replace(/\n+$/, "\n");
}
