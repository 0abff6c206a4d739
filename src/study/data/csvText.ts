/**
 * What the two CSV readers (loadEndpoint / parseEndpointCsv for the paper's tables,
 * loadSurvivalCsv / parseSurvivalCsv for the teaching notebooks) do alike: read the file, split
 * the text into lines, and recognise a plain number.
 */
import { readFileSync } from "node:fs";
import { DataFileError } from "./dataFileError.js";

/** The text of a file; a file that cannot be read is a DataFileError naming it as `label`. */
export function readCsvText(path: string, label = path): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new DataFileError(label, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/** A plain decimal number as a CSV cell holds it: 12, 5.5, -3 (no exponent, no spaces). */
export const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * The lines of a CSV file's text: a leading byte-order mark dropped, "\r\n" or "\n" line ends,
 * and blank lines at the end of the file dropped (editors often leave one; a blank line between
 * rows is still the reader's error to report). Empty text gives [""].
 */
export function csvLines(text: unknown, file: string): string[] {
  if (typeof text !== "string") throw new DataFileError(file, `expected the file's text, got ${typeof text}`);
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const lines = body.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
  while (lines.length > 1 && lines[lines.length - 1].trim() === "") lines.pop();
  return lines;
}
