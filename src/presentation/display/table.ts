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
import { checkOptions } from "../../survival/core/validate.js";
import * as format from "../../survival/print/table.js";
import type { Cell, TableColumns } from "../../survival/print/table.js";
import { tslabSink, type DisplayData, type DisplaySink } from "./show.js";

export { formatCell, displayWidth, type Cell, type TableColumns } from "../../survival/print/table.js";

/** What showTable reads of a danfo DataFrame. */
export interface FrameLike {
  readonly columns: readonly string[];
  readonly values: readonly (readonly Cell[])[] | readonly Cell[];
}

export interface TableOptions extends format.TableFormat {
  /** Where to send the bundle; default the running tslab kernel (see src/presentation/display/show.ts). */
  readonly sink?: DisplaySink | null;
}

const OPTION_NAMES = ["caption", "digits", "decimals", "missing", "sink"];

function isFrame(x: unknown): x is FrameLike {
  const f = x as FrameLike;
  return typeof x === "object" && x !== null && Array.isArray(f.columns) && Array.isArray(f.values) && typeof (x as { print?: unknown }).print === "function";
}

/** The columns of a table, or of a danfo DataFrame's rows. */
function columnsOf(table: TableColumns | FrameLike): TableColumns {
  if (!isFrame(table)) return table;
  const rows = table.values as readonly unknown[];
  const matrix = rows.length > 0 && !Array.isArray(rows[0]) ? rows.map((v) => [v]) : (rows as Cell[][]);
  return Object.fromEntries(table.columns.map((name, j) => [name, matrix.map((row) => (row as Cell[])[j])]));
}

/**
 * The table as aligned plain text: a header line, then one line a row, columns two spaces apart,
 * aligned by display width (a Chinese character takes two columns).
 */
export function tableText(table: TableColumns | FrameLike, options: TableOptions = {}): string {
  checkOptions("tableText", options, OPTION_NAMES);
  return format.tableText(columnsOf(table), options);
}

/**
 * The table as HTML (numbers right-aligned), every text escaped. With a caption, a <figure>
 * whose <figcaption> is as wide as the page (a <caption> would wrap at the table's width).
 */
export function tableHtml(table: TableColumns | FrameLike, options: TableOptions = {}): string {
  checkOptions("tableHtml", options, OPTION_NAMES);
  return format.tableHtml(columnsOf(table), options);
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
