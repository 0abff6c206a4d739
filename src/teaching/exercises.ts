/**
 * Every exercise of the teaching unit (notebooks/teaching/), lesson by lesson (the specs are in
 * lessons/), numbered as the notebooks number them ("2.3": lesson 2, its third exercise), and
 * what a kernel session remembers of them: the tries of each exercise, so that the hint comes
 * after a wrong try and the worked solution after three (exercise.ts), and whether an exercise
 * has been attempted, so that cells that would show its answer wait until it has (revealAfter).
 *
 * The session state lives in this module: it survives re-runs of any cell, and a fresh kernel
 * (or the runner's `%reset -f`) starts it anew. With the environment variable
 * TEACHING_SOLUTIONS=1 every exercise counts as attempted and shows its worked solution: the
 * teacher's copy (`TEACHING_SOLUTIONS=1 npm run reproduce -- notebooks/teaching`).
 *
 * test/teaching/exercises.test.ts checks every answer against R and every exercise for a right
 * answer, a wrong one, no answer and three wrong ones; test/notebooks/teaching.test.ts checks
 * that every exercise is asked, in order, in its notebook.
 *
 * @example
 * // in a notebook cell
 * const atRisk: number | null = null;        // <- your answer
 * exercise("km/at-risk-9", atRisk);           // "not answered yet"
 * revealAfter("km/at-risk-9", () => showTable(...));   // "answer exercise 2.1 first"
 */
import { showNote } from "../presentation/display/note.js";
import { checkAnswer, showFeedback, NO_HISTORY, isWritten, type Feedback, type History, type TaskSpec } from "./exercise.js";
import type { SurvivalCsv } from "./survivalCsv.js";
import { censoring } from "./lessons/censoring.js";
import { kaplanMeierByHand } from "./lessons/kaplanMeier.js";
import { reading } from "./lessons/reading.js";
import { hazards } from "./lessons/hazards.js";
import { logRankLesson } from "./lessons/logRank.js";
import { tables } from "./lessons/tables.js";
import { coxLesson } from "./lessons/cox.js";
import { design } from "./lessons/design.js";
import { competingRisks } from "./lessons/competingRisks.js";
import { rowsFromFigure } from "./lessons/rowsFromFigure.js";
import { ownData } from "./lessons/ownData.js";

/** The lessons in teaching order; each notebook's name starts with its number. */
export const LESSONS: readonly (readonly TaskSpec<any>[])[] = [
  censoring,
  kaplanMeierByHand,
  reading,
  hazards,
  logRankLesson,
  tables,
  coxLesson,
  design,
  competingRisks,
  rowsFromFigure,
  ownData,
];

function numbered(): Map<string, TaskSpec<any>> {
  const out = new Map<string, TaskSpec<any>>();
  for (const lesson of LESSONS) {
    lesson.forEach((spec, k) => {
      const number = Number(spec.notebook.slice(0, 2));
      if (out.has(spec.id)) throw new Error(`exercises: ${spec.id} is defined twice`);
      out.set(spec.id, Object.freeze({ ...spec, label: `${number}.${k + 1}` }));
    });
  }
  return out;
}

/** All exercises, by id, in teaching order, each with its label ("2.3"). */
export const EXERCISES: ReadonlyMap<string, TaskSpec<any>> = numbered();

function spec(id: string): TaskSpec<any> {
  const s = EXERCISES.get(id);
  if (!s) throw new Error(`There is no exercise ${JSON.stringify(id)}; the exercises are ${[...EXERCISES.keys()].join(", ")}`);
  return s;
}

/** The template's exercises take the reader's data. */
const needsData = (id: string) => id.startsWith("own-data/");

/** What this kernel session remembers of each exercise. */
const session = new Map<string, History>();

/** Whether the teacher's copy is being built: every exercise shows its solution, and nothing waits. */
export const solutionsShown = (): boolean => typeof process !== "undefined" && process.env?.TEACHING_SOLUTIONS === "1";

/** The verdict on an answer after the tries in `history` (the pure part of `exercise`). */
export function judge(id: string, given: unknown, context?: SurvivalCsv, history: History = NO_HISTORY): Feedback {
  const s = spec(id);
  if (needsData(s.id) && context === undefined) {
    throw new Error(`exercise ${JSON.stringify(id)} needs your data: call exercise(${JSON.stringify(id)}, answer, data)`);
  }
  return checkAnswer(s, given, context, history);
}

/** The teacher's copy of an exercise: its answer, explanation and worked solution (or model answer). */
function solutionNote(id: string, context?: SurvivalCsv): string {
  const s = spec(id);
  if (isWritten(s)) return `🔑 **Exercise ${s.label} (written), model answer:**\n\n${s.modelAnswer(context)}`;
  return `🔑 **Exercise ${s.label}, worked solution:**\n\n${s.solution(context)}`;
}

/**
 * In a notebook cell: shows whether `given` answers exercise `id` ("not answered yet" for null),
 * with the hint after a wrong try and the worked solution after three, and remembers the try.
 * `context` is the reader's data for the template's exercises.
 */
export function exercise(id: string, given: unknown, context?: SurvivalCsv): void {
  if (solutionsShown()) {
    spec(id);
    showNote(solutionNote(id, context));
    return;
  }
  const feedback = judge(id, given, context, session.get(id) ?? NO_HISTORY);
  session.set(id, feedback.history);
  showFeedback(feedback);
}

/** Whether exercise `id` has been attempted in this kernel session (any answer given, right or wrong). */
export function attempted(id: string): boolean {
  spec(id);
  return solutionsShown() || (session.get(id)?.attempted ?? false);
}

/**
 * Runs `reveal` (a cell's output that would show an exercise's answer) only once every exercise
 * in `ids` has been attempted; until then shows "Answer exercise 2.1 first".
 */
export function revealAfter(ids: string | readonly string[], reveal: () => void): void {
  const list = typeof ids === "string" ? [ids] : [...ids];
  const waiting = list.filter((id) => !attempted(id));
  if (waiting.length === 0) {
    reveal();
    return;
  }
  const labels = waiting.map((id) => spec(id).label!);
  const which = labels.length === 1 ? `exercise ${labels[0]}` : `exercises ${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
  showNote(`✏️ Answer ${which} first (above), then run this cell again: it shows ${labels.length === 1 ? "that exercise's answer" : "their answers"}.`);
}

/** Forgets every try of this session (for tests; a fresh kernel starts empty anyway). */
export function resetSession(): void {
  session.clear();
}
