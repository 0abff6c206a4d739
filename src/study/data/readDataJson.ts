/**
 * Reads a JSON data file (data/claims.json, data/cohort.json) for a loader that checks it.
 * Paths resolve as resolveDataFile resolves them; a file that cannot be read or parsed is a
 * DataFileError naming the file.
 *
 * @example
 * const { doc, label } = readDataJson("data/cohort.json");   // label "data/cohort.json" for messages
 */
import { readFileSync } from "node:fs";
import { DataFileError } from "./dataFileError.js";
import { resolveDataFile } from "./loadEndpoint.js";

export function readDataJson(path: string): { doc: unknown; label: string } {
  const { path: abs, label } = resolveDataFile(path);
  try {
    return { doc: JSON.parse(readFileSync(abs, "utf8")), label };
  } catch (e) {
    throw new DataFileError(label, `cannot be read as JSON (${(e as Error).message})`);
  }
}
