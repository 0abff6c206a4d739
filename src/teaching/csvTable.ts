/**
 * A data file of the teaching unit (data/teaching/*.csv) as named columns: every column whose
 * values are all plain numbers is numeric, the others text. As strict as the reader of the
 * reader's own data (survivalCsv.ts): a header of distinct names, as many values on every line,
 * no blank line and no empty value; a fault stops with a DataFileError naming the file, the
 * line, the column and the value.
 *
 * @example
 * const veteran = loadCsvTable("data/teaching/veteran.csv");
 * veteran.numbers("days").length;   // => 137
 * veteran.texts("celltype")[0];     // => "squamous"
 */
import { SurvivalInputError, show } from "../survival/errors.js";
import { csvLines, PLAIN_NUMBER, readCsvText } from "../study/data/csvText.js";
import { DataFileError } from "../study/data/dataFileError.js";
import { splitLine } from "./survivalCsv.js";

export interface CsvTable {
  readonly file: string;
  /** Number of rows. */
  readonly n: number;
  /** The column names, in file order. */
  readonly names: readonly string[];
  /** A numeric column; throws if the column is missing or not numeric. */
  numbers(name: string): readonly number[];
  /** A column as text (numbers too, as written); throws if the column is missing. */
  texts(name: string): readonly string[];
}

/** Parses the text of a CSV file; throws DataFileError on the first fault. */
export function parseCsvTable(text: string, file: string): CsvTable {
  const lines = csvLines(text, file);
  if (lines.length < 2) throw new DataFileError(file, "no rows after the header", { line: 2, value: "" });
  const names = splitLine(lines[0], file, 1);
  if (new Set(names).size !== names.length || names.some((h) => h === "")) {
    throw new DataFileError(file, `the header ${JSON.stringify(lines[0])} has an empty or repeated name`, { line: 1, value: lines[0] });
  }
  const cells: string[][] = names.map(() => []);
  for (let i = 1; i < lines.length; i++) {
    const values = splitLine(lines[i], file, i + 1);
    if (values.length !== names.length) {
      throw new DataFileError(file, `${values.length} values in ${JSON.stringify(lines[i])} where the header has ${names.length}`, { line: i + 1, value: lines[i] });
    }
    values.forEach((v, k) => {
      if (v.trim() === "") throw new DataFileError(file, "empty value", { line: i + 1, column: names[k], value: v });
      cells[k].push(v);
    });
  }
  const texts = new Map(names.map((name, k) => [name, Object.freeze(cells[k])]));
  const numeric = new Map(
    names.filter((_, k) => cells[k].every((v) => PLAIN_NUMBER.test(v))).map((name) => [name, Object.freeze(texts.get(name)!.map(Number))]),
  );
  const column = <T>(map: Map<string, T>, name: string): T => {
    const found = map.get(name);
    if (found !== undefined) return found;
    const why = texts.has(name) ? "is not numeric" : `is not a column (the columns are ${names.join(", ")})`;
    throw new SurvivalInputError(`${show(name)} ${why} of ${file}`, "name", undefined, name);
  };
  return Object.freeze({
    file,
    n: lines.length - 1,
    names: Object.freeze(names),
    numbers: (name: string) => column(numeric, name),
    texts: (name: string) => column(texts, name),
  });
}

/** Reads and parses a CSV file (path relative to the project root in a notebook). */
export function loadCsvTable(path: string): CsvTable {
  if (typeof path !== "string" || path === "") {
    throw new SurvivalInputError(`path is ${show(path)}: it must be the path of a CSV file`, "path", undefined, path);
  }
  return parseCsvTable(readCsvText(path), path);
}
