/**
 * Every 2x2 table within k patient changes of a given one, for asking whether a reported
 * statistic could come from a slightly different table (a miscount, a patient in the wrong
 * group or cell, one patient more or less). A change is one patient added to a cell, removed
 * from a cell, or moved from one cell to another; the number of changes between tables A and B
 * is therefore max(P, M), with P the sum of the cell increases and M the sum of the decreases
 * (each move pairs one increase with one decrease). Cells stay >= 0; arm sizes and the total
 * may change. Tables with an empty row or column (no test defined) are left out, and so is the
 * table itself (0 changes).
 *
 * Order: by number of changes, then cell by cell (a, b, c, d) ascending.
 */
import { SurvivalInputError, show } from "../../survival/errors.js";
import { checkOptions } from "../../survival/core/validate.js";

export interface NearbyTable {
  readonly table: readonly (readonly number[])[];
  readonly changes: number;
  /** The cell differences in words, e.g. "+1 group 1 event, -1 group 1 no event". */
  readonly description: string;
}

export interface NearbyOptions {
  /** Row labels; default ["group 1", "group 2"]. */
  readonly rows?: readonly [string, string];
  /** Column labels; default ["event", "no event"]. */
  readonly columns?: readonly [string, string];
}

/**
 * Patient changes between two 2x2 tables: max(sum of increases, sum of decreases).
 *
 * @param from  a 2x2 table
 * @param to    another
 * @returns     the number of patient changes between them
 * @throws TypeError  for tables that are not 2x2 arrays
 *
 * @example
 * tableChanges([[6, 17], [10, 6]], [[5, 18], [10, 6]]);   // => 1 (one patient moved)
 */
export function tableChanges(from: readonly (readonly number[])[], to: readonly (readonly number[])[]): number {
  let up = 0;
  let down = 0;
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) {
      const d = to[i][j] - from[i][j];
      if (d > 0) up += d;
      else down -= d;
    }
  }
  return Math.max(up, down);
}

/**
 * Every 2x2 table within maxChanges patient changes; see the module comment.
 *
 * @param table       a 2x2 table of whole counts
 * @param maxChanges  1 to 10
 * @param options     `rows` and `columns`: labels for the descriptions
 * @returns           a frozen list of `{ table, changes, description }`
 * @throws SurvivalInputError  for a table that is not 2x2 whole counts, a bad maxChanges, or an
 *                    unknown option
 *
 * @example
 * const near = nearbyTables([[6, 17], [10, 6]], 1);
 * near.length;   // => 20
 * near[0];       // => { table: [[5, 17], [10, 6]], changes: 1, description: "-1 group 1 event" }
 */
export function nearbyTables(table: readonly (readonly number[])[], maxChanges: number, options: NearbyOptions = {}): readonly NearbyTable[] {
  if (!Array.isArray(table) || table.length !== 2 || !table.every((r) => Array.isArray(r) && r.length === 2)) {
    throw new SurvivalInputError(`table is ${show(table)}: it must be a 2 x 2 array of counts`, "table", undefined, table);
  }
  table.forEach((r, i) =>
    r.forEach((x: number, j: number) => {
      if (!Number.isInteger(x) || x < 0) throw new SurvivalInputError(`table[${i}][${j}] is ${show(x)}: a count must be a whole number >= 0`, "table", i, x);
    }),
  );
  if (!Number.isInteger(maxChanges) || maxChanges < 1 || maxChanges > 10) {
    throw new SurvivalInputError(`maxChanges is ${show(maxChanges)}: it must be a whole number from 1 to 10`, "maxChanges", undefined, maxChanges);
  }
  checkOptions("nearbyTables", options, ["rows", "columns"]);
  const rows = options.rows ?? ["group 1", "group 2"];
  const columns = options.columns ?? ["event", "no event"];
  const k = maxChanges;
  const [a0, b0, c0, d0] = [table[0][0], table[0][1], table[1][0], table[1][1]];
  const range = (x: number) => {
    const out: number[] = [];
    for (let v = Math.max(0, x - k); v <= x + k; v++) out.push(v);
    return out;
  };
  const found: NearbyTable[] = [];
  for (const a of range(a0)) {
    for (const b of range(b0)) {
      for (const c of range(c0)) {
        for (const d of range(d0)) {
          const t = [[a, b], [c, d]];
          if (a + b === 0 || c + d === 0 || a + c === 0 || b + d === 0) continue;
          const changes = tableChanges(table, t);
          if (changes === 0 || changes > k) continue;
          const parts: string[] = [];
          for (let i = 0; i < 2; i++) {
            for (let j = 0; j < 2; j++) {
              const diff = t[i][j] - table[i][j];
              if (diff !== 0) parts.push(`${diff > 0 ? "+" : ""}${diff} ${rows[i]} ${columns[j]}`);
            }
          }
          found.push(Object.freeze({ table: Object.freeze(t.map((r) => Object.freeze(r))), changes, description: parts.join(", ") }));
        }
      }
    }
  }
  found.sort((x, y) => x.changes - y.changes); // stable: keeps the cell order within a distance
  return Object.freeze(found);
}
