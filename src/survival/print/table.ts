/**
 * Named columns as a table of text, as R prints a data.frame (aligned plain text), or as an HTML
 * table: what the library's printouts (print*.ts) and the notebooks' tables
 * (src/presentation/display/table.ts) are made of.
 *
 * Cells: integers as they are; other numbers to `digits` significant digits (default 4, as R's
 * summary.survfit prints), or to fixed `decimals` for the columns named there; null, NaN and
 * undefined as `missing` (default "NA", as R prints them); strings and booleans as they are.
 * Numbers are right-aligned, text left-aligned; columns are aligned by display width (a Chinese
 * character takes two columns). Every text in the HTML is escaped.
 *
 * @example
 * tableText({ time: [1, 2.5], survival: [0.9565217, 0.5] });
 * // "time  survival\n   1    0.9565\n 2.5       0.5"
 */
import { SurvivalInputError, show } from "../errors.js";

export type Cell = number | string | boolean | null | undefined;
export type TableColumns = Record<string, ArrayLike<Cell>>;

export interface TableFormat {
  /** A caption above the table. */
  readonly caption?: string;
  /** Significant digits of non-integer numbers; default 4. */
  readonly digits?: number;
  /** Fixed decimals for the named columns (e.g. `{ pValue: 4 }`); overrides digits there. */
  readonly decimals?: Readonly<Record<string, number>>;
  /** Text for null, undefined and NaN; default "NA". */
  readonly missing?: string;
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

/** The columns, checked: an object of at least one array, all of one length. */
function checkColumns(table: unknown): TableColumns {
  if (typeof table !== "object" || table === null || Array.isArray(table)) {
    throw new SurvivalInputError(`table is ${show(table)}: it must be an object of named columns`, "table", undefined, table);
  }
  const columns = table as TableColumns;
  const names = Object.keys(columns);
  if (names.length === 0) throw new SurvivalInputError("table has no column", "table", undefined, table);
  for (const name of names) {
    const col = columns[name];
    if (col === null || typeof col !== "object" || typeof col.length !== "number") {
      throw new SurvivalInputError(`table.${name} is ${show(col)}: it must be an array`, `table.${name}`, undefined, col);
    }
    if (col.length !== columns[names[0]].length) {
      throw new SurvivalInputError(
        `table.${name} has length ${col.length} but table.${names[0]} has length ${columns[names[0]].length}`,
        `table.${name}`,
        undefined,
        col.length,
      );
    }
  }
  return columns;
}

function grid(table: TableColumns, format: TableFormat): Grid {
  const columns = checkColumns(table);
  const digits = format.digits ?? 4;
  if (!Number.isInteger(digits) || digits < 1 || digits > 17) {
    throw new SurvivalInputError(`digits is ${show(digits)}: it must be a whole number from 1 to 17`, "digits", undefined, digits);
  }
  const names = Object.keys(columns);
  for (const [name, d] of Object.entries(format.decimals ?? {})) {
    if (!names.includes(name)) throw new SurvivalInputError(`decimals.${name}: the table has no column ${show(name)}`, "decimals", undefined, name);
    if (!Number.isInteger(d) || d < 0 || d > 20) throw new SurvivalInputError(`decimals.${name} is ${show(d)}: it must be a whole number from 0 to 20`, "decimals", undefined, d);
  }
  const cells = names.map((name) => Array.from(columns[name], (v) => formatCell(v, digits, format.decimals?.[name], format.missing)));
  const numeric = names.map((name) => Array.from(columns[name]).every((v) => v === null || v === undefined || typeof v === "number"));
  return { names, cells, numeric };
}

/**
 * The table as aligned plain text: a header line, then one line a row, columns two spaces apart,
 * aligned by display width; the caption, if any, on a line above.
 */
export function tableText(table: TableColumns, format: TableFormat = {}): string {
  const { names, cells, numeric } = grid(table, format);
  const widths = names.map((name, j) => Math.max(displayWidth(name), ...cells[j].map(displayWidth)));
  const pad = (s: string, j: number) => (numeric[j] ? padStart(s, widths[j]) : padEnd(s, widths[j]));
  const nRows = cells[0].length;
  const lines = [names.map(pad).join("  ").trimEnd()];
  for (let i = 0; i < nRows; i++) lines.push(names.map((_, j) => pad(cells[j][i], j)).join("  ").trimEnd());
  return (format.caption ? `${format.caption}\n` : "") + lines.join("\n");
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Text with &, <, > and " escaped, for HTML. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => ESCAPES[c]);

/**
 * The table as HTML (numbers right-aligned), every text escaped. With a caption, a <figure>
 * whose <figcaption> is as wide as the page (a <caption> would wrap at the table's width).
 */
export function tableHtml(table: TableColumns, format: TableFormat = {}): string {
  const { names, cells, numeric } = grid(table, format);
  const align = (j: number) => (numeric[j] ? ' style="text-align: right"' : ' style="text-align: left"');
  const head = names.map((name, j) => `<th${align(j)}>${escapeHtml(name)}</th>`).join("");
  const rows: string[] = [];
  for (let i = 0; i < cells[0].length; i++) rows.push(`<tr>${names.map((_, j) => `<td${align(j)}>${escapeHtml(cells[j][i])}</td>`).join("")}</tr>`);
  const html = `<table><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
  if (!format.caption) return html;
  return `<figure style="margin: 0.5em 0"><figcaption style="text-align: left"><strong>${escapeHtml(format.caption)}</strong></figcaption>${html}</figure>`;
}
