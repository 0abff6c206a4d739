/**
 * What the two CSV readers (loadEndpoint / parseEndpointCsv for the paper's tables,
 * loadSurvivalCsv / parseSurvivalCsv for the teaching notebooks) do alike: read the file, split
 * the text into lines, and recognise a plain number (the last two in csvLines.ts, which needs no
 * Node API).
 */
import { readFileSync } from "node:fs";
import { DataFileError } from "./dataFileError.js";

export { csvLines, PLAIN_NUMBER } from "./csvLines.js";

/** The text of a file; a file that cannot be read is a DataFileError naming it as `label`. */
export function readCsvText(path: string, label = path): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new DataFileError(label, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}
