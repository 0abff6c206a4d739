/**
 * The check of a patient-table argument (`rows`, `endpoint`) of the study functions: an object
 * whose fields are the columns they read, group, status and months, plus the labels an
 * Endpoint from loadEndpoint carries beside them (name, file, n), which are allowed and not
 * read. Any other field (a misspelt column, a `time` meant for the survival functions) is
 * refused, naming it.
 *
 * @example
 * checkRows("oneYearTable", { group: [1], status: [1], months: [5], weights: [2] })
 * // throws: rows.weights is not a field oneYearTable reads; the fields are group, status, months (and an Endpoint's name, file, n)
 */
import { checkObject } from "../../survival/core/validate.js";
import { SurvivalInputError } from "../../survival/errors.js";

const READ = ["group", "status", "months"];
const LABELS = ["name", "file", "n"];

export function checkRows(fn: string, rows: unknown, name = "rows"): Record<string, unknown> {
  const d = checkObject(name, rows);
  for (const key of Object.keys(d)) {
    if (!READ.includes(key) && !LABELS.includes(key)) {
      throw new SurvivalInputError(
        `${name}.${key} is not a field ${fn} reads; the fields are ${READ.join(", ")} (and an Endpoint's ${LABELS.join(", ")})`,
        name,
        undefined,
        key,
      );
    }
  }
  return d;
}
