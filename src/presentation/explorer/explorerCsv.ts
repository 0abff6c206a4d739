/**
 * The explorer's patient table as text cells, and back: what a typed cell means to the library,
 * and the table as a CSV file that the paper's reader (parseEndpointCsv) and the teaching
 * notebooks' reader (notebooks/teaching/11-your-own-data.ipynb: loadSurvivalCsv with time
 * "months", event "status", group "group") both load.
 *
 * A cell is read as the CSV readers read a value: a plain decimal number (csvLines.ts'
 * PLAIN_NUMBER: "12", "5.5", "-3"; surrounding spaces dropped) is that number, anything else
 * stays the text typed, so that the library's error names it as written (`months[4] is "1e3"`).
 *
 * @example
 * cellValue(" 5.5 ");   // => 5.5
 * cellValue("");        // => ""
 * explorerCsv({ group: ["1", "2"], status: ["1", "0"], months: ["5.5", "12"] });   // => "group,status,months\n1,1,5.5\n2,0,12\n"
 */
import { SurvivalInputError, show } from "../../survival/errors.js";
import { PLAIN_NUMBER } from "../../study/data/csvLines.js";

/** The columns, in the order of the paper's CSV files. */
export const CSV_COLUMNS = Object.freeze(["group", "status", "months"] as const);
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The table as the page holds it: one text per cell, column by column. */
export type TextRows = { readonly [K in CsvColumn]: readonly string[] };

/** A typed cell as the library gets it: the number, or the (trimmed) text when it is not a plain number. */
export function cellValue(text: string): number | string {
  const t = text.trim();
  return PLAIN_NUMBER.test(t) ? Number(t) : t;
}

/** The table's cells as the library gets them. */
export function rowValues(rows: TextRows): { group: (number | string)[]; status: (number | string)[]; months: (number | string)[] } {
  return { group: rows.group.map(cellValue), status: rows.status.map(cellValue), months: rows.months.map(cellValue) };
}

/**
 * @param rows  the table's cells (each a plain number: check the table with explorerResults first)
 * @returns     the CSV text: the header group,status,months, then one line per row, "\n" line ends
 * @throws SurvivalInputError  for a cell that is not a plain number, or columns of different lengths
 */
export function explorerCsv(rows: TextRows): string {
  const n = rows.group.length;
  const lines = [CSV_COLUMNS.join(",")];
  for (const c of CSV_COLUMNS) {
    if (rows[c].length !== n) throw new SurvivalInputError(`${c} has length ${rows[c].length} but group has length ${n}`, c, undefined, rows[c].length);
  }
  for (let i = 0; i < n; i++) {
    lines.push(
      CSV_COLUMNS.map((c) => {
        const t = rows[c][i].trim();
        if (!PLAIN_NUMBER.test(t)) throw new SurvivalInputError(`${c}[${i}] is ${show(rows[c][i])}: a CSV cell must be a plain number`, c, i, rows[c][i]);
        return t;
      }).join(","),
    );
  }
  return lines.join("\n") + "\n";
}
