/**
 * Self-checking exercises for the teaching notebooks: the pure judge. The student sets a value
 * in a cell and runs it; the cell says whether the value is right. The default value in every
 * notebook is `null`, which reads "not answered yet", so that a notebook run from top to bottom
 * never fails on an exercise.
 *
 * Two kinds of exercise:
 * - an **answer** (ExerciseSpec): a number (compared within a stated tolerance), a word from a
 *   list of choices, or true/false, computed by the library from the data, never typed in.
 *   Known wrong answers carry their own feedback; other right answers (`alsoRight`) too.
 * - a **written** interpretation (WrittenSpec): the student writes a sentence or two; once
 *   they have written something (at least three words), the model answer is shown.
 *
 * The help grows with the tries (Feedback.history carries them from one run to the next):
 * no hint before the first try; after a wrong try, the hint; after three wrong tries, the
 * worked solution. A wrong answer counts as a new try unless it repeats the previous answer,
 * so that running a cell again (or Run All) does not use up tries.
 *
 * `checkAnswer` is the judge (tested for every exercise in test/teaching/exercises.test.ts);
 * `showFeedback` shows its verdict in a notebook as one Markdown output; exercises.ts keeps the
 * history of each exercise for the kernel session.
 *
 * @example
 * const first = checkAnswer(spec, 0.6, undefined);                 // wrong: the hint
 * const third = checkAnswer(spec, 0.7, undefined, first.history);  // ... after three: the solution
 */
import { tslabSink, type DisplaySink } from "../presentation/display/show.js";

/** What an answer can be. "not reached" is a valid answer where a median may not be reached. */
export type Answer = number | string | boolean;

/** A given answer that deserves its own feedback (a known mistake, or another right answer). */
export interface Mistake {
  readonly answer: Answer;
  readonly feedback: string;
}

interface Common {
  /** "<topic>/<name>", e.g. "km/at-risk-9". */
  readonly id: string;
  /** The notebook that asks it, e.g. "02-kaplan-meier-by-hand". */
  readonly notebook: string;
  /** Its number in the lesson, e.g. "2.1" (set by the registry, exercises.ts). */
  readonly label?: string;
}

export interface ExerciseSpec<C = undefined> extends Common {
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
  /** Other answers that are right too, each with feedback (e.g. another software's convention). */
  readonly alsoRight?: (context: C) => readonly Mistake[];
  /** Shown after a wrong try. */
  readonly hint: string;
  /** Shown with a right answer; "{answer}" is replaced by the right answer. */
  readonly explanation: string;
  /** The worked solution (Markdown, numbers from the data), shown after three wrong tries. */
  readonly solution: (context: C) => string;
}

export interface WrittenSpec<C = undefined> extends Common {
  /** The prompt, as the notebook asks it. */
  readonly prompt: string;
  /** The model answer (Markdown, numbers from the data), shown once the student has written something. */
  readonly modelAnswer: (context: C) => string;
}

export type TaskSpec<C = undefined> = ExerciseSpec<C> | WrittenSpec<C>;

export const isWritten = <C>(spec: TaskSpec<C>): spec is WrittenSpec<C> => "modelAnswer" in spec;

/** "right", "wrong", "not answered", or "written" (a written answer was given). */
export type Status = "right" | "wrong" | "not answered" | "written";

/** What the judge remembers of an exercise between runs of its cell. */
export interface History {
  /** Wrong tries so far (a repeat of the previous answer is not a new try). */
  readonly wrongTries: number;
  /** The previous answer given, as a key (null before any answer). */
  readonly last: string | null;
  /** Whether an answer (right or wrong, or a written one) has been given. */
  readonly attempted: boolean;
}

export const NO_HISTORY: History = Object.freeze({ wrongTries: 0, last: null, attempted: false });

/** Wrong tries after which the worked solution is shown. */
export const TRIES_BEFORE_SOLUTION = 3;

/** Words a written answer needs before the model answer is shown. */
export const WORDS_BEFORE_MODEL_ANSWER = 3;

export interface Feedback {
  readonly id: string;
  readonly status: Status;
  /** Markdown: the verdict, then the feedback, the hint and the worked solution as earned. */
  readonly message: string;
  /** The history after this answer, for the next run of the cell. */
  readonly history: History;
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

/** The explanation with the right answer in it (a word as it is: the templates quote it themselves). */
export function explain<C>(spec: ExerciseSpec<C>, expected: Answer): string {
  return spec.explanation.replace(/\{answer\}/g, typeof expected === "string" ? expected : formatAnswer(expected));
}

/** What kind of value the exercise expects, for a message about a value of the wrong type. */
function expectedKind(spec: ExerciseSpec<never>, expected: Answer): string {
  if (spec.choices) return `one of ${spec.choices.map((c) => JSON.stringify(c)).join(", ")}`;
  if (spec.allowNotReached) return 'a number or "not reached"';
  if (typeof expected === "boolean") return "true or false";
  if (typeof expected === "number") return "a number";
  return "a text";
}

/** A key for "the same answer as last time" (numbers exactly, words after normalise()). */
function keyOf(given: unknown): string {
  if (typeof given === "string") return `s:${normalise(given)}`;
  if (typeof given === "number" || typeof given === "boolean") return `${typeof given}:${String(given)}`;
  try {
    return `o:${JSON.stringify(given)}`;
  } catch {
    return `o:${String(given)}`;
  }
}

const title = (spec: Common, written = false) => `**Exercise ${spec.label ?? spec.id}${written ? " (written)" : ""}:`;

function judgeWritten<C>(spec: WrittenSpec<C>, given: unknown, context: C, history: History): Feedback {
  const words = typeof given === "string" ? given.trim().split(/\s+/).filter((w) => /\w/.test(w)).length : 0;
  if (words < WORDS_BEFORE_MODEL_ANSWER) {
    const what = given === null || given === undefined ? "not answered yet" : "write a little more";
    return Object.freeze({
      id: spec.id,
      status: "not answered",
      message:
        `${title(spec, true)} ${what}.** Write your answer between the quotes (at least ${WORDS_BEFORE_MODEL_ANSWER} words) ` +
        "and run the cell again: a model answer appears once you have written yours.",
      history,
    });
  }
  return Object.freeze({
    id: spec.id,
    status: "written",
    message: `${title(spec, true)} your answer is noted.** Compare it with this model answer:\n\n${spec.modelAnswer(context)}`,
    history: Object.freeze({ wrongTries: history.wrongTries, last: keyOf(given), attempted: true }),
  });
}

/**
 * Judges `given` against the exercise, after the tries in `history`: "not answered" for null or
 * undefined, else "right" or "wrong" (or "written" for a written exercise). Never throws on the
 * student's value (a string where a number is due, NaN, an object): those are wrong answers
 * with a message saying what is expected.
 */
export function checkAnswer<C>(spec: TaskSpec<C>, given: unknown, context: C, history: History = NO_HISTORY): Feedback {
  if (isWritten(spec)) return judgeWritten(spec, given, context, history);
  const hint = `*Hint:* ${spec.hint}`;
  if (given === null || given === undefined) {
    const again = history.wrongTries > 0 ? `\n\n${hint}` : "";
    return Object.freeze({
      id: spec.id,
      status: "not answered",
      message: `${title(spec)} not answered yet.** Replace \`null\` with your answer and run the cell again.${again}`,
      history,
    });
  }
  const expected = spec.answer(context);
  const tolerance = spec.tolerance ?? 0;
  const key = keyOf(given);
  const wrong = (shown: string, feedback: string | null): Feedback => {
    const tries = key === history.last && history.attempted ? history.wrongTries : history.wrongTries + 1;
    const next: History = Object.freeze({ wrongTries: tries, last: key, attempted: true });
    const more = TRIES_BEFORE_SOLUTION - tries;
    const tail =
      more <= 0
        ? `\n\n**Worked solution** (shown after ${TRIES_BEFORE_SOLUTION} tries):\n\n${spec.solution(context)}`
        : `\n\n(${more === 1 ? "One more different try" : `${more} more different tries`} and the worked solution is shown.)`;
    const message = `${title(spec)} not right** (your answer: ${shown}).\n\n` + (feedback ? `${feedback}\n\n` : "") + hint + tail;
    return Object.freeze({ id: spec.id, status: "wrong", message, history: next });
  };

  if (typeof given === "number" && !Number.isFinite(given)) {
    return wrong(`${String(given)}; a finite number is expected: check the computation for a division by zero or a missing value`, null);
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
    return wrong(`${shown}; the answer should be ${expectedKind(spec as ExerciseSpec<never>, expected)}`, null);
  }
  const value = given as Answer;
  const other = spec.alsoRight?.(context).find((m) => same(value, m.answer, tolerance));
  if (same(value, expected, tolerance) || other) {
    const explanation = explain(spec, expected);
    return Object.freeze({
      id: spec.id,
      status: "right",
      message: `${title(spec)} right.** ` + (other ? `${other.feedback}\n\n` : "") + explanation,
      history: Object.freeze({ wrongTries: history.wrongTries, last: key, attempted: true }),
    });
  }
  const mistake = spec.mistakes?.(context).find((m) => same(value, m.answer, tolerance));
  return wrong(formatAnswer(value), mistake ? mistake.feedback : null);
}

/**
 * Shows the verdict in the notebook (one Markdown output; outside a kernel, on stdout).
 * Returns nothing, so the cell prints no value after it.
 */
export function showFeedback(feedback: Feedback, sink: DisplaySink | null = tslabSink()): void {
  const icon = { right: "✅", wrong: "❌", "not answered": "✏️", written: "📝" }[feedback.status];
  const text = `${icon} ${feedback.message}`;
  if (sink) sink({ data: { "text/markdown": text, "text/plain": text }, metadata: {} }, false);
  else process.stdout.write(`${text}\n`);
}
