/**
 * danfojs-node at the edge: turns columns (plain or typed arrays, e.g. a kaplanMeier result's
 * time, nRisk, survival) into a danfo DataFrame that a notebook can print or show.
 *
 * danfojs-node is loaded on the first call only (it costs 1-2 s to import), through a
 * require() anchored at the project root, so the numeric code never pays for it and this file
 * runs both as ESM (vitest, tsx) and as CommonJS (the tslab kernel).
 *
 * @example
 * const df = toDataFrame({ time: km.time, nRisk: km.nRisk, survival: km.survival });
 * df.print();
 */
import { createRequire } from "node:module";
import { resolve } from "node:path";
import type { DataFrame } from "danfojs-node";
import { SurvivalInputError, show } from "../../survival/errors.js";
import { checkOptions } from "../../survival/core/validate.js";

type Danfo = typeof import("danfojs-node");
let danfo: Danfo | undefined;

/** The danfojs-node module, loaded once (from the node_modules of the working directory, the project root). */
export function loadDanfo(): Danfo {
  if (danfo === undefined) danfo = createRequire(resolve("package.json"))("danfojs-node") as Danfo;
  return danfo;
}

export type ColumnValues = ArrayLike<number | string | boolean | null>;

/** A DataFrame whose columns are the given arrays, in the given order; every column must have the same length. */
export function toDataFrame(columns: Record<string, ColumnValues>, options: { index?: ArrayLike<number | string> } = {}): DataFrame {
  checkOptions("toDataFrame", options, ["index"]);
  if (typeof columns !== "object" || columns === null || Array.isArray(columns)) {
    throw new SurvivalInputError(`columns is ${show(columns)}: it must be an object of named arrays`, "columns", undefined, columns);
  }
  const names = Object.keys(columns);
  if (names.length === 0) throw new SurvivalInputError("columns is empty: give at least one named array", "columns", undefined, columns);
  const data: Record<string, (number | string | boolean | null)[]> = {};
  let length = -1;
  for (const name of names) {
    const col = columns[name];
    if (col === null || typeof col !== "object" || typeof col.length !== "number") {
      throw new SurvivalInputError(`columns.${name} is ${show(col)}: it must be an array`, `columns.${name}`, undefined, col);
    }
    if (length === -1) length = col.length;
    if (col.length !== length) {
      throw new SurvivalInputError(
        `columns.${name} has length ${col.length} but columns.${names[0]} has length ${length}`,
        `columns.${name}`,
        undefined,
        col.length,
      );
    }
    data[name] = Array.from(col);
  }
  const { DataFrame: Frame } = loadDanfo();
  return options.index === undefined
    ? new Frame(data, { columns: names })
    : new Frame(data, { columns: names, index: Array.from(options.index) });
}
