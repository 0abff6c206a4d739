/**
 * A strict reader for the paper's patient tables (data/recurrence.csv, data/lung_metastasis.csv):
 * a pure function of the file's text and its name, with no dependency.
 *
 * The format, and everything that stops it with a DataFileError naming file, line, column and value:
 * - line 1 is the header: exactly the columns group, status, months, each once, in any order
 *   (a missing column, a duplicated name or an unknown column is an error);
 * - then one row per patient with exactly as many comma-separated values; no blank line
 *   anywhere (one final newline is allowed; CRLF line ends and a UTF-8 byte-order mark are accepted);
 * - every value is a plain decimal number: digits, optionally a point and digits ("12", "5.5");
 *   "", " 7", "1e", "1e3", "+1", ".5", "abc" and quoted values are errors;
 * - group is 1 (anlotinib + chemotherapy) or 2 (chemotherapy alone); status is 0 (censored) or
 *   1 (event); months is finite and >= 0.
 */
import { csvLines, PLAIN_NUMBER } from "./csvText.js";
import { DataFileError } from "./dataFileError.js";

export const COLUMNS = ["group", "status", "months"] as const;
export type Column = (typeof COLUMNS)[number];

/** One patient table, as columns of equal length in file order. */
export interface EndpointData {
  /** The file the rows came from, as named by the caller. */
  readonly file: string;
  /** Number of patients (rows). */
  readonly n: number;
  /** 1 = anlotinib + chemotherapy, 2 = chemotherapy alone. */
  readonly group: readonly number[];
  /** 1 = event, 0 = censored. */
  readonly status: readonly number[];
  /** Months to the event or to the last follow-up. */
  readonly months: readonly number[];
}

function parseValue(text: string, file: string, line: number, column: Column): number {
  if (!PLAIN_NUMBER.test(text)) {
    const expected =
      column === "months" ? "a number of months such as 12 or 5.5" : column === "group" ? "a group, 1 or 2" : "a status, 0 or 1";
    throw new DataFileError(file, `${JSON.stringify(text)} is not a number (expected ${expected})`, { line, column, value: text });
  }
  const x = Number(text);
  if (column === "group" && x !== 1 && x !== 2) {
    throw new DataFileError(file, `${JSON.stringify(text)} is not a group (1 = anlotinib + chemotherapy, 2 = chemotherapy alone)`, {
      line,
      column,
      value: text,
    });
  }
  if (column === "status" && x !== 0 && x !== 1) {
    throw new DataFileError(file, `${JSON.stringify(text)} is not a status (0 = censored, 1 = event)`, { line, column, value: text });
  }
  if (column === "months" && !(Number.isFinite(x) && x >= 0)) {
    throw new DataFileError(file, `${JSON.stringify(text)} is not a number of months >= 0`, { line, column, value: text });
  }
  return x;
}

/**
 * Parses the text of one patient table; throws DataFileError on the first fault.
 *
 * @param text  the file's text
 * @param file  the file's name, for messages
 * @returns     a frozen `{ file, n, group, status, months }`, columns in file order
 * @throws DataFileError  naming the file, line, column and value: a header other than group,
 *              status, months (each once), a row of the wrong length, a blank line, a value that is
 *              not a plain number, a group other than 1 or 2, a status other than 0 or 1
 *
 * @example
 * const t = parseEndpointCsv("group,status,months\n1,1,5.5\n2,0,12\n", "data/x.csv");
 * t.n;        // => 2
 * t.months;   // => [5.5, 12]
 */
export function parseEndpointCsv(text: string, file: string): EndpointData {
  const lines = csvLines(text, file);
  if (lines.length === 1 && lines[0] === "") {
    throw new DataFileError(file, `the file is empty (expected the header ${COLUMNS.join(",")})`, { line: 1, value: "" });
  }

  // Header: exactly the expected columns, each once.
  const header = lines[0].split(",");
  const position = new Map<Column, number>();
  header.forEach((name, i) => {
    if (!(COLUMNS as readonly string[]).includes(name)) {
      throw new DataFileError(file, `unknown column ${JSON.stringify(name)} in the header (expected exactly ${COLUMNS.join(",")})`, {
        line: 1,
        column: name,
        value: name,
      });
    }
    if (position.has(name as Column)) {
      throw new DataFileError(file, `${JSON.stringify(name)} appears twice in the header ${JSON.stringify(lines[0])}`, {
        line: 1,
        column: name,
        value: name,
      });
    }
    position.set(name as Column, i);
  });
  for (const name of COLUMNS) {
    if (!position.has(name)) {
      throw new DataFileError(file, `missing from the header ${JSON.stringify(lines[0])} (expected exactly ${COLUMNS.join(",")})`, {
        line: 1,
        column: name,
        value: lines[0],
      });
    }
  }
  if (lines.length === 1) throw new DataFileError(file, "no rows after the header", { line: 2, value: "" });

  const cols: Record<Column, number[]> = { group: [], status: [], months: [] };
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    const raw = lines[i];
    if (raw.trim() === "") throw new DataFileError(file, `blank line ${JSON.stringify(raw)} inside the file`, { line, value: raw });
    const fields = raw.split(",");
    if (fields.length !== header.length) {
      throw new DataFileError(file, `${fields.length} values in ${JSON.stringify(raw)} where the header has ${header.length}`, {
        line,
        value: raw,
      });
    }
    for (const name of COLUMNS) cols[name].push(parseValue(fields[position.get(name)!], file, line, name));
  }
  return Object.freeze({
    file,
    n: cols.group.length,
    group: Object.freeze(cols.group),
    status: Object.freeze(cols.status),
    months: Object.freeze(cols.months),
  });
}
