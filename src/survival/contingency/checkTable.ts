/**
 * Input check shared by the contingency-table tests (chiSquareTest, gTest, fisherExactTest).
 * Copies the table (never keeps the caller's rows) and throws SurvivalInputError naming the
 * argument, the row/column indices and the value.
 */
import { SurvivalInputError, show } from "../errors.js";

/** Why an empty row or column is refused, and what answers for it. */
const EMPTY = " (its expected counts are 0: R's chisq.test gives NaN; fisherExactTest takes such a 2 x 2 table)";

/** A checked copy of an r x c table of counts with its margins. */
export interface CheckedTable {
  /** The counts, row by row (fresh arrays). */
  readonly counts: Float64Array[];
  readonly nRow: number;
  readonly nCol: number;
  readonly rowSums: Float64Array;
  readonly colSums: Float64Array;
  readonly total: number;
}

function isArrayLike(x: unknown): x is ArrayLike<unknown> {
  return x !== null && typeof x === "object" && typeof (x as ArrayLike<unknown>).length === "number";
}

/**
 * Checks an r x c table given as rows (number[][] or an array of typed arrays): at least 2 rows
 * and 2 columns, rows of equal length, every count a finite number >= 0 (a whole number when
 * `integer` is set), and every row and column total positive (unless `emptyMargins` is set:
 * Fisher's exact test, like R's fisher.test, has an answer for an empty row or column).
 *
 * @example
 * checkTable([[10, 13], [12, 4]]).rowSums // Float64Array [23, 16]
 * checkTable([[1, 2], [3]])               // throws: table[1] has 1 entry but table[0] has 2 ...
 */
export function checkTable(
  table: unknown,
  options: { name?: string; integer?: boolean; emptyMargins?: boolean } = {},
): CheckedTable {
  const name = options.name ?? "table";
  if (!isArrayLike(table) || typeof table === "string") {
    throw new SurvivalInputError(
      `${name} must be an array of rows (e.g. [[10, 13], [12, 4]]); got ${show(table)}`,
      name,
      undefined,
      table,
    );
  }
  const nRow = table.length;
  if (nRow < 2) {
    throw new SurvivalInputError(
      `${name} has ${nRow} row${nRow === 1 ? "" : "s"}: a contingency table needs at least 2 rows and 2 columns`,
      name,
      undefined,
      nRow,
    );
  }
  const rows: ArrayLike<unknown>[] = [];
  for (let i = 0; i < nRow; i++) {
    const row = table[i];
    if (!isArrayLike(row) || typeof row === "string") {
      throw new SurvivalInputError(`${name}[${i}] is ${show(row)}: each row must be an array of counts`, name, i, row);
    }
    rows.push(row);
  }
  const nCol = rows[0].length;
  for (let i = 1; i < nRow; i++) {
    if (rows[i].length !== nCol) {
      throw new SurvivalInputError(
        `${name}[${i}] has ${rows[i].length} ${rows[i].length === 1 ? "entry" : "entries"} but ${name}[0] has ${nCol}: every row must have the same length`,
        name,
        i,
        rows[i].length,
      );
    }
  }
  if (nCol < 2) {
    throw new SurvivalInputError(
      `${name} has ${nCol} column${nCol === 1 ? "" : "s"}: a contingency table needs at least 2 rows and 2 columns`,
      name,
      undefined,
      nCol,
    );
  }

  const counts: Float64Array[] = [];
  const rowSums = new Float64Array(nRow);
  const colSums = new Float64Array(nCol);
  let total = 0;
  for (let i = 0; i < nRow; i++) {
    const out = new Float64Array(nCol);
    for (let j = 0; j < nCol; j++) {
      const v = rows[i][j];
      if (typeof v !== "number" || !(v >= 0) || v === Infinity) {
        throw new SurvivalInputError(
          `${name}[${i}][${j}] (row ${i}, column ${j}) is ${show(v)}: a count must be a finite number >= 0`,
          name,
          i,
          v,
        );
      }
      if (options.integer && !Number.isInteger(v)) {
        throw new SurvivalInputError(
          `${name}[${i}][${j}] (row ${i}, column ${j}) is ${show(v)}: Fisher's exact test needs whole-number counts`,
          name,
          i,
          v,
        );
      }
      out[j] = v;
      rowSums[i] += v;
      colSums[j] += v;
    }
    counts.push(out);
    total += rowSums[i];
  }
  if (options.emptyMargins) return { counts, nRow, nCol, rowSums, colSums, total };
  for (let i = 0; i < nRow; i++) {
    if (rowSums[i] === 0) {
      throw new SurvivalInputError(
        `row ${i} of ${name} sums to 0 (${name}[${i}] is ${show(Array.from(rows[i]))}): every row and column needs a positive total${EMPTY}`,
        name,
        i,
        Array.from(rows[i]),
      );
    }
  }
  for (let j = 0; j < nCol; j++) {
    if (colSums[j] === 0) {
      const column = rows.map((r) => r[j]);
      throw new SurvivalInputError(
        `column ${j} of ${name} sums to 0 (${name}[*][${j}] is ${show(column)}): every row and column needs a positive total${EMPTY}`,
        name,
        j,
        column,
      );
    }
  }
  return { counts, nRow, nCol, rowSums, colSums, total };
}

/** An optional boolean option, e.g. `correction`. */
export function checkBoolean(name: string, x: unknown, fallback: boolean): boolean {
  if (x === undefined) return fallback;
  if (typeof x !== "boolean") {
    throw new SurvivalInputError(`${name} is ${show(x)}: it must be true or false`, name, undefined, x);
  }
  return x;
}

/** Freezes a matrix row by row (results are read-only). */
export function frozenRows(rows: ArrayLike<number>[]): readonly (readonly number[])[] {
  return Object.freeze(rows.map((r) => Object.freeze(Array.from(r))));
}
