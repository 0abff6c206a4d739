/**
 * The pure half of reading a CSV file (csvText.ts reads the file): splitting its text into lines
 * and recognising a plain number. No Node API, so the explorer page can use them in a browser.
 */
import { DataFileError } from "./dataFileError.js";

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
