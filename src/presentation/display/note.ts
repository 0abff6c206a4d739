/**
 * A sentence computed in a code cell, shown as Markdown: one display_data output holding
 * `text/markdown` (rendered by JupyterLab, VS Code and the HTML report) and `text/plain` (the
 * same text, for terminals). Notebooks use it where prose must state a finding that depends
 * on the numbers, so that the finding is printed from the data, never typed in.
 *
 * @example
 * showNote(`The printed statistic is **${variant}**.`);
 */
import { SurvivalInputError, show } from "../../survival/errors.js";
import { tslabSink, type DisplayData, type DisplaySink } from "./show.js";

/** The display bundle: text/markdown and text/plain. */
export function noteBundle(markdown: string): DisplayData {
  if (typeof markdown !== "string" || markdown.trim() === "") {
    throw new SurvivalInputError(`markdown is ${show(markdown)}: it must be a non-empty string`, "markdown", undefined, markdown);
  }
  return { data: { "text/markdown": markdown, "text/plain": markdown }, metadata: {} };
}

/** Shows the Markdown as one notebook output (outside a kernel: prints it). */
export function showNote(markdown: string, sink: DisplaySink | null = tslabSink()): void {
  const bundle = noteBundle(markdown);
  if (sink) sink(bundle, false);
  else process.stdout.write(`${markdown}\n`);
}

/**
 * A verdict note ("a; b (x; y); c", as evaluateClaims writes them) split into its clauses at
 * the "; " that are outside brackets, so that each clause can be shown as a list item.
 *
 * @example
 * noteLines("p = 0.05 (p < 0.05; no p printed); lower in group 1")  // ["p = 0.05 (p < 0.05; no p printed)", "lower in group 1"]
 */
export function noteLines(note: string): readonly string[] {
  if (typeof note !== "string") throw new SurvivalInputError(`note is ${show(note)}: it must be a string`, "note", undefined, note);
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < note.length; i++) {
    const c = note[i];
    if (c === "(" || c === "[") depth++;
    else if ((c === ")" || c === "]") && depth > 0) depth--;
    else if (c === ";" && depth === 0 && note[i + 1] === " ") {
      out.push(note.slice(start, i));
      start = i + 2;
    }
  }
  out.push(note.slice(start));
  return Object.freeze(out.map((s) => s.trim()).filter((s) => s !== ""));
}
