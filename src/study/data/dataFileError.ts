/**
 * The error a malformed data file stops the run with. Its message names the file, the 1-based
 * line, the column and the value, so that the row can be found and fixed in an editor.
 *
 * @example
 * parseEndpointCsv("group,status,months\n1,2,5\n", "data/recurrence.csv")
 * // DataFileError: data/recurrence.csv, line 2, column "status": "2" is not a status (0 = censored, 1 = event)
 */
export class DataFileError extends Error {
  /** The file, as the caller named it. */
  readonly file: string;
  /** The 1-based line number (line 1 is the header), when the fault is on a line. */
  readonly line: number | undefined;
  /** The column (or JSON field) at fault, when there is one. */
  readonly column: string | undefined;
  /** The offending text, as read. */
  readonly value: string | undefined;

  constructor(file: string, problem: string, where: { line?: number; column?: string; value?: string } = {}) {
    const place = [file];
    if (where.line !== undefined) place.push(`line ${where.line}`);
    if (where.column !== undefined) place.push(`column ${JSON.stringify(where.column)}`);
    super(`${place.join(", ")}: ${problem}`);
    this.name = "DataFileError";
    this.file = file;
    this.line = where.line;
    this.column = where.column;
    this.value = where.value;
  }
}
