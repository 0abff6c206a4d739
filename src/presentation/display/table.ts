/**
 * A table in a notebook: one display_data output holding `text/html` (JupyterLab, VS Code and
 * the HTML report draw it as a table) and `text/plain` (an aligned text table, as R prints a
 * data.frame, for terminals and plain viewers). The input is the same as toDataFrame's (named
 * columns of equal length) or a danfo DataFrame (anything with `columns` and row `values`).
 *
 * Cells: integers as they are; other numbers to `digits` significant digits (default 4, as
 * R's summary.survfit prints), or to fixed `decimals` for the columns named there; null, NaN
 * and undefined as `missing` (default "NA", as R prints them); strings and booleans as they are.
 * Numbers are right-aligned, text left-aligned. Every text is HTML-escaped.
 *
 * @example
 * showTable({ arm: ["1", "2"], median: [14, 6.5] }, { caption: "Medians (months)" });
 * tableText({ time: [1, 2.5], survival: [0.9565217, 0.5] });
 * // "time  survival\n   1    0.9565\n 2.5       0.5"   (header and cells right-aligned for numbers)
 */
import { SurvivalInputError, show } from "../../survival/errors.js";
import { checkOptions } from "../../survival/core/validate.js";
import { tslabSink, type DisplayData, type DisplaySink } from "./show.js";

export type Cell = number | string | boolean | null | undefined;
export type TableColumns = Record<string, ArrayLike<Cell>>;

/** What showTable reads of a danfo DataFrame. */
export interface FrameLike {
  readonly columns: readonly string[];
  readonly values: readonly (readonly Cell[])[] | readonly Cell[];
}

export interface TableOptions {
  /** A caption above the table. */
  readonly caption?: string;
  /** Significant digits of non-integer numbers; default 4. */
  readonly digits?: number;
  /** Fixed decimals for the named columns (e.g. `{ pValue: 4 }`); overrides digits there. */
  readonly decimals?: Readonly<Record<string, number>>;
  /** Text for null, undefined and NaN; default "NA". */
  readonly missing?: string;
  /** Where to send the bundle; default the running tslab kernel (see src/presentation/display/show.ts). */
  readonly sink?: DisplaySink | null;
}

interface Grid {
  readonly names: string[];
  /** Formatted cells, column by column. */
  readonly cells: string[][];
  /** Whether each column is all numbers (or missing): right-aligned. */
  readonly numeric: boolean[];
}

/** One cell as text. */
export function formatCell(value: Cell, digits = 4, decimals?: number, missing = "NA"): string {
  if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))) return missing;
  if (typeof value !== "number") return String(value);
  if (decimals !== undefined) return value.toFixed(decimals);
  if (Number.isInteger(value) || !Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(digits)));
}

function isFrame(x: unknown): x is FrameLike {
  const f = x as FrameLike;
  return typeof x === "object" && x !== null && Array.isArray(f.columns) && Array.isArray(f.values) && typeof (x as { print?: unknown }).print === "function";
}

/** The columns of a table or a danfo DataFrame, checked: at least one, all arrays of one length. */
function columnsOf(table: TableColumns | FrameLike): Record<string, ArrayLike<Cell>> {
  if (isFrame(table)) {
    const rows = table.values as readonly unknown[];
    const matrix = rows.length > 0 && !Array.isArray(rows[0]) ? rows.map((v) => [v]) : (rows as Cell[][]);
    return Object.fromEntries(table.columns.map((name, j) => [name, matrix.map((row) => (row as Cell[])[j])]));
  }
  if (typeof table !== "object" || table === null || Array.isArray(table)) {
    throw new SurvivalInputError(`table is ${show(table)}: it must be an object of named columns or a DataFrame`, "table", undefined, table);
  }
  const names = Object.keys(table);
  if (names.length === 0) throw new SurvivalInputError("table has no column", "table", undefined, table);
  for (const name of names) {
    const col = table[name];
    if (col === null || typeof col !== "object" || typeof col.length !== "number") {
      throw new SurvivalInputError(`table.${name} is ${show(col)}: it must be an array`, `table.${name}`, undefined, col);
    }
    if (col.length !== table[names[0]].length) {
      throw new SurvivalInputError(
        `table.${name} has length ${col.length} but table.${names[0]} has length ${table[names[0]].length}`,
        `table.${name}`,
        undefined,
        col.length,
      );
    }
  }
  return table;
}

function grid(table: TableColumns | FrameLike, options: TableOptions): Grid {
  const columns = columnsOf(table);
  const digits = options.digits ?? 4;
  if (!Number.isInteger(digits) || digits < 1 || digits > 17) {
    throw new SurvivalInputError(`digits is ${show(digits)}: it must be a whole number from 1 to 17`, "digits", undefined, digits);
  }
  const names = Object.keys(columns);
  for (const [name, d] of Object.entries(options.decimals ?? {})) {
    if (!names.includes(name)) throw new SurvivalInputError(`decimals.${name}: the table has no column ${show(name)}`, "decimals", undefined, name);
    if (!Number.isInteger(d) || d < 0 || d > 20) throw new SurvivalInputError(`decimals.${name} is ${show(d)}: it must be a whole number from 0 to 20`, "decimals", undefined, d);
  }
  const cells = names.map((name) => Array.from(columns[name], (v) => formatCell(v, digits, options.decimals?.[name], options.missing)));
  const numeric = names.map((name) => Array.from(columns[name]).every((v) => v === null || v === undefined || typeof v === "number"));
  return { names, cells, numeric };
}

/** East Asian wide and fullwidth characters (Unicode UAX #11, W and F), which a terminal shows two columns wide. */
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;
const ZERO_WIDTH = /[\u0300-\u036F\u200B-\u200F\uFE00-\uFE0F]/u;

/**
 * How many columns a monospaced terminal gives the text: 2 for each Chinese, Japanese or Korean
 * character (and other East Asian wide forms), 0 for combining marks, 1 for the rest.
 *
 * @example
 * displayWidth("可延长 (prolongs)") // 17
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ZERO_WIDTH.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
  return width;
}

const padEnd = (s: string, width: number) => s + " ".repeat(Math.max(0, width - displayWidth(s)));
const padStart = (s: string, width: number) => " ".repeat(Math.max(0, width - displayWidth(s))) + s;

const OPTION_NAMES = ["caption", "digits", "decimals", "missing", "sink"];

/**
 * The table as aligned plain text: a header line, then one line a row, columns two spaces apart,
 * aligned by display width (a Chinese character takes two columns).
 */
export function tableText(table: TableColumns | FrameLike, options: TableOptions = {}): string {
  checkOptions("tableText", options, OPTION_NAMES);
  const { names, cells, numeric } = grid(table, options);
  const widths = names.map((name, j) => Math.max(displayWidth(name), ...cells[j].map(displayWidth)));
  const pad = (s: string, j: number) => (numeric[j] ? padStart(s, widths[j]) : padEnd(s, widths[j]));
  const nRows = cells[0].length;
  const lines = [names.map(pad).join("  ").trimEnd()];
  for (let i = 0; i < nRows; i++) lines.push(names.map((_, j) => pad(cells[j][i], j)).join("  ").trimEnd());
  return (options.caption ? `${options.caption}\n` : "") + lines.join("\n");
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ESCAPES[c]);

/**
 * The table as HTML (numbers right-aligned), every text escaped. With a caption, a <figure>
 * whose <figcaption> is as wide as the page (a <caption> would wrap at the table's width).
 */
export function tableHtml(table: TableColumns | FrameLike, options: TableOptions = {}): string {
  checkOptions("tableHtml", options, OPTION_NAMES);
  const { names, cells, numeric } = grid(table, options);
  const align = (j: number) => (numeric[j] ? ' style="text-align: right"' : ' style="text-align: left"');
  const head = names.map((name, j) => `<th${align(j)}>${escape(name)}</th>`).join("");
  const rows: string[] = [];
  for (let i = 0; i < cells[0].length; i++) rows.push(`<tr>${names.map((_, j) => `<td${align(j)}>${escape(cells[j][i])}</td>`).join("")}</tr>`);
  const html = `<table><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
  if (!options.caption) return html;
  return `<figure style="margin: 0.5em 0"><figcaption style="text-align: left"><strong>${escape(options.caption)}</strong></figcaption>${html}</figure>`;
}

/** The display bundle: text/html and text/plain. */
export function tableBundle(table: TableColumns | FrameLike, options: TableOptions = {}): DisplayData {
  checkOptions("tableBundle", options, OPTION_NAMES);
  return { data: { "text/html": tableHtml(table, options), "text/plain": tableText(table, options) }, metadata: {} };
}

/** Shows the table as one notebook output (outside a kernel: prints the text table). */
export function showTable(table: TableColumns | FrameLike, options: TableOptions = {}): void {
  checkOptions("showTable", options, OPTION_NAMES);
  const bundle = tableBundle(table, options);
  const sink = options.sink === undefined ? tslabSink() : options.sink;
  if (sink) sink(bundle, false);
  else process.stdout.write(`${bundle.data["text/plain"]}\n`);
}
