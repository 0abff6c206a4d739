/**
 * Self-checking exercises for the teaching notebooks. The student sets a value in a cell and
 * runs it; the cell says whether the value is right, and gives a hint when it is not. The
 * default value in every notebook is `null`, which reads "not answered yet" (with the hint), so
 * that a notebook run from top to bottom never fails on an exercise.
 *
 * An exercise (see exercises.ts for all of them) has a right answer computed by the library
 * from the data, never typed in: a number (compared within a stated tolerance), a word from a
 * list of choices, or true/false. Known wrong answers can carry their own feedback (e.g. "that
 * is the number of events, not of censored patients").
 *
 * `checkAnswer` is the pure judge (tested for a right and a wrong answer of every exercise);
 * `exercise` shows its verdict in a notebook as one Markdown output.
 *
 * @example
 * // in a notebook cell
 * const atRisk: number | null = null;        // <- your answer
 * exercise("km/at-risk", atRisk);             // "not answered yet", then the hint
 */
import { tslabSink, type DisplaySink } from "../presentation/display/show.js";

/** What an answer can be. "not reached" is a valid answer where a median may not be reached. */
export type Answer = number | string | boolean;

/** A wrong answer that deserves its own feedback. */
export interface Mistake {
  readonly answer: Answer;
  readonly feedback: string;
}

export interface ExerciseSpec<C = undefined> {
  /** "<topic>/<name>", e.g. "km/at-risk". */
  readonly id: string;
  /** The notebook that asks it, e.g. "02-kaplan-meier-by-hand". */
  readonly notebook: string;
  /** The question, as the notebook asks it. */
  readonly question: string;
  /** The right answer, computed from the data by the library (context: the data, for the template). */
  readonly answer: (context: C) => Answer;
  /** Numbers: accepted when |given - answer| <= tolerance. Default 0 (exact, for counts). */
  readonly tolerance?: number;
  /** Words: the answers the question offers (the right one among them). */
  readonly choices?: readonly string[];
  /** A number that may not exist (a median): the text "not reached" is a valid answer too. */
  readonly allowNotReached?: boolean;
  /** Known wrong answers with their own feedback. */
  readonly mistakes?: (context: C) => readonly Mistake[];
  /** Shown with "not answered yet" and with a wrong answer. */
  readonly hint: string;
  /** Shown with a right answer; "{answer}" is replaced by the right answer. */
  readonly explanation: string;
}

export type Status = "right" | "wrong" | "not answered";

export interface Feedback {
  readonly id: string;
  readonly status: Status;
  /** Markdown: the verdict, then the hint, the mistake's feedback or the explanation. */
  readonly message: string;
}

/** "Not Reached", " not-reached " and "not_reached" all read "not reached". */
export function normalise(word: string): string {
  return word.trim().toLowerCase().replace(/[\s_-]+/g, " ");
}

/** Whether two answers agree: numbers within `tolerance`, words after normalise(). */
function same(given: Answer, expected: Answer, tolerance: number): boolean {
  if (typeof expected === "number") return typeof given === "number" && Math.abs(given - expected) <= tolerance;
  if (typeof expected === "string") return typeof given === "string" && normalise(given) === normalise(expected);
  return given === expected;
}

/** The answer as the message shows it: numbers to at most 6 significant digits. */
export function formatAnswer(x: Answer): string {
  if (typeof x === "number") return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
  if (typeof x === "string") return JSON.stringify(x);
  return String(x);
}

/** What kind of value the exercise expects, for a message about a value of the wrong type. */
function expectedKind(spec: ExerciseSpec<never>, expected: Answer): string {
  if (spec.choices) return `one of ${spec.choices.map((c) => JSON.stringify(c)).join(", ")}`;
  if (spec.allowNotReached) return 'a number or "not reached"';
  if (typeof expected === "boolean") return "true or false";
  if (typeof expected === "number") return "a number";
  return "a text";
}

/**
 * Judges `given` against the exercise: "not answered" for null or undefined, else "right" or
 * "wrong". Never throws on the student's value (a string where a number is due, NaN, an
 * object): those are wrong answers with a message saying what is expected.
 */
export function checkAnswer<C>(spec: ExerciseSpec<C>, given: unknown, context: C): Feedback {
  const title = `**Exercise \`${spec.id}\`:`;
  const hint = `*Hint:* ${spec.hint}`;
  if (given === null || given === undefined) {
    return Object.freeze({
      id: spec.id,
      status: "not answered",
      message: `${title} not answered yet.** Replace \`null\` with your answer and run the cell again.\n\n${hint}`,
    });
  }
  const expected = spec.answer(context);
  const tolerance = spec.tolerance ?? 0;
  const wrong = (why: string): Feedback =>
    Object.freeze({ id: spec.id, status: "wrong", message: `${title} not right** (your answer: ${why}).\n\n${hint}` });

  if (typeof given === "number" && !Number.isFinite(given)) {
    return wrong(`${String(given)}; a finite number is expected: check the computation for a division by zero or a missing value`);
  }
  const isAnswer = typeof given === "number" || typeof given === "string" || typeof given === "boolean";
  const kindOk =
    isAnswer &&
    (spec.choices
      ? typeof given === "string" && spec.choices.some((c) => normalise(c) === normalise(given))
      : spec.allowNotReached
        ? typeof given === "number" || (typeof given === "string" && normalise(given) === "not reached")
        : typeof given === typeof expected);
  if (!kindOk) {
    const shown = isAnswer ? formatAnswer(given as Answer) : Array.isArray(given) ? "an array" : typeof given;
    return wrong(`${shown}; the answer should be ${expectedKind(spec as ExerciseSpec<never>, expected)}`);
  }
  const value = given as Answer;
  if (same(value, expected, tolerance)) {
    const explanation = spec.explanation.replace(/\{answer\}/g, formatAnswer(expected));
    return Object.freeze({ id: spec.id, status: "right", message: `${title} right.** ${explanation}` });
  }
  const mistake = spec.mistakes?.(context).find((m) => same(value, m.answer, tolerance));
  const message = `${title} not right** (your answer: ${formatAnswer(value)}).\n\n` + (mistake ? `${mistake.feedback}\n\n` : "") + hint;
  return Object.freeze({ id: spec.id, status: "wrong", message });
}

/**
 * Shows the verdict on `given` in the notebook (one Markdown output; outside a kernel, on
 * stdout). Returns nothing, so the cell prints no value after it.
 */
export function showFeedback(feedback: Feedback, sink: DisplaySink | null = tslabSink()): void {
  const icon = feedback.status === "right" ? "✅" : feedback.status === "wrong" ? "❌" : "✏️";
  const text = `${icon} ${feedback.message}`;
  if (sink) sink({ data: { "text/markdown": text, "text/plain": text }, metadata: {} }, false);
  else process.stdout.write(`${text}\n`);
}
