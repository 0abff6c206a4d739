/**
 * A reader's own survival data from a CSV file, with the columns chosen by name: the loader of
 * the template notebook (notebooks/teaching/11-your-own-data.ipynb). It is as strict as the
 * project's reader of the paper's tables (src/study/data/parseEndpointCsv.ts) and stops with the same
 * kind of error, a DataFileError naming the file, the line, the column and the value.
 *
 * The format:
 * - line 1 is the header: comma-separated column names, none repeated; the chosen columns must
 *   be among them (others are allowed and ignored, but every row must have as many values as
 *   the header has names);
 * - a value may be quoted ("a, b", with "" for a quote inside); no blank line anywhere (one final
 *   newline is allowed; CRLF line ends and a UTF-8 byte-order mark are accepted);
 * - time: a plain decimal number >= 0 ("12", "5.5"; not "", "NA", "1e3", " 7");
 * - event: exactly `eventValue` (default "1") or `censoredValue` (default "0");
 * - group (optional): any non-empty text; if every value is a plain number the groups are
 *   numbers (as R's read.csv makes them), else text. Groups are sorted as R's factor() sorts them.
 *
 * @example
 * parseSurvivalCsv("id,days,died,arm\n1,30,1,A\n2,45,0,B\n", "my.csv", { time: "days", event: "died", group: "arm" })
 * // { file: "my.csv", n: 2, time: [30, 45], event: [1, 0], group: ["A", "B"], groups: ["A", "B"], ... }
 */
import { SurvivalInputError, show } from "../survival/errors.js";
import { checkLabels, checkOptions } from "../survival/core/validate.js";
import { csvLines, PLAIN_NUMBER, readCsvText } from "../study/data/csvText.js";
import { DataFileError } from "../study/data/dataFileError.js";

export interface SurvivalColumns {
  /** The column of follow-up times (time to the event, or to the last follow-up). */
  readonly time: string;
  /** The column saying whether the event happened. */
  readonly event: string;
  /** The column of group labels; null or absent for one group. */
  readonly group?: string | null;
  /** The text in the event column that means "event"; default "1". */
  readonly eventValue?: string;
  /** The text in the event column that means "censored"; default "0". */
  readonly censoredValue?: string;
}

export interface SurvivalCsv {
  readonly file: string;
  /** Number of rows (subjects). */
  readonly n: number;
  /** The columns as chosen (group null when there is none). */
  readonly columns: { readonly time: string; readonly event: string; readonly group: string | null };
  readonly time: readonly number[];
  /** 1 = event, 0 = censored. */
  readonly event: readonly number[];
  /** Each row's group; "all" for every row when no group column was chosen. */
  readonly group: readonly (string | number)[];
  /** The distinct groups, sorted as R's factor() sorts them. */
  readonly groups: readonly (string | number)[];
}

/** Splits one CSV line into values (RFC 4180 quoting, no line break inside quotes). */
export function splitLine(raw: string, file: string, line: number): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (raw[i] === '"') {
      let value = "";
      i++;
      for (;;) {
        if (i >= raw.length) throw new DataFileError(file, `a quoted value is not closed in ${JSON.stringify(raw)}`, { line, value: raw });
        if (raw[i] === '"') {
          if (raw[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += raw[i++];
      }
      if (i < raw.length && raw[i] !== ",") {
        throw new DataFileError(file, `text after a closing quote in ${JSON.stringify(raw)}`, { line, value: raw });
      }
      out.push(value);
    } else {
      const end = raw.indexOf(",", i);
      out.push(end < 0 ? raw.slice(i) : raw.slice(i, end));
      i = end < 0 ? raw.length : end;
    }
    if (i >= raw.length) return out;
    i++; // the comma
    if (i === raw.length) {
      out.push("");
      return out;
    }
  }
}

function checkColumnsArgument(fn: string, columns: unknown): Required<Omit<SurvivalColumns, "group">> & { group: string | null } {
  if (columns === null || typeof columns !== "object" || Array.isArray(columns)) {
    throw new SurvivalInputError(`columns is ${show(columns)}: it must be an object such as { time: "months", event: "status", group: "group" }`, "columns", undefined, columns);
  }
  const c = checkOptions(fn, columns, ["time", "event", "group", "eventValue", "censoredValue"], "columns");
  const text = (key: string, fallback?: string | null): string | null => {
    const v = c[key] === undefined ? fallback : c[key];
    if (v === null && key === "group") return null;
    if (typeof v !== "string" || v === "") {
      throw new SurvivalInputError(`columns.${key} is ${show(c[key])}: it must be a non-empty text`, `columns.${key}`, undefined, c[key]);
    }
    return v;
  };
  const out = {
    time: text("time")!,
    event: text("event")!,
    group: text("group", null),
    eventValue: text("eventValue", "1")!,
    censoredValue: text("censoredValue", "0")!,
  };
  if (out.time === out.event || out.time === out.group || out.event === out.group) {
    throw new SurvivalInputError(
      `columns names the same column twice (time ${show(out.time)}, event ${show(out.event)}, group ${show(out.group)}): choose three different columns`,
      "columns",
      undefined,
      columns,
    );
  }
  if (out.eventValue === out.censoredValue) {
    throw new SurvivalInputError(`columns.eventValue and columns.censoredValue are both ${show(out.eventValue)}: they must differ`, "columns.eventValue", undefined, out.eventValue);
  }
  return out;
}

/** Parses the text of a CSV file; throws DataFileError on the first fault in the file. */
export function parseSurvivalCsv(text: string, file: string, columns: SurvivalColumns): SurvivalCsv {
  const cols = checkColumnsArgument("parseSurvivalCsv", columns);
  const lines = csvLines(text, file);
  if (lines.length === 1 && lines[0] === "") throw new DataFileError(file, "the file is empty (expected a header line)", { line: 1, value: "" });

  const header = splitLine(lines[0], file, 1);
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) {
      throw new DataFileError(file, `${JSON.stringify(name)} appears twice in the header ${JSON.stringify(lines[0])}`, { line: 1, column: name, value: name });
    }
    seen.add(name);
  }
  const position = (role: string, name: string): number => {
    const at = header.indexOf(name);
    if (at >= 0) return at;
    const near = header.find((h) => h.trim().toLowerCase() === name.trim().toLowerCase());
    throw new DataFileError(
      file,
      `the ${role} column ${JSON.stringify(name)} is not in the header ${JSON.stringify(lines[0])}` +
        (near !== undefined ? ` (did you mean ${JSON.stringify(near)}?)` : ""),
      { line: 1, column: name, value: lines[0] },
    );
  };
  const at = { time: position("time", cols.time), event: position("event", cols.event), group: cols.group === null ? -1 : position("group", cols.group) };
  if (lines.length === 1) throw new DataFileError(file, "no rows after the header", { line: 2, value: "" });

  const time: number[] = [];
  const event: number[] = [];
  const groupText: string[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    const raw = lines[i];
    if (raw.trim() === "") throw new DataFileError(file, `blank line ${JSON.stringify(raw)} inside the file`, { line, value: raw });
    const fields = splitLine(raw, file, line);
    if (fields.length !== header.length) {
      throw new DataFileError(file, `${fields.length} values in ${JSON.stringify(raw)} where the header has ${header.length}`, { line, value: raw });
    }
    const t = fields[at.time];
    if (!PLAIN_NUMBER.test(t)) {
      const missing = t.trim() === "" || /^(na|nan|null|none|\.)$/i.test(t.trim());
      throw new DataFileError(
        file,
        `${JSON.stringify(t)} is not a number (expected a time such as 12 or 5.5)` +
          (missing ? "; a missing time cannot be analysed: complete the row or remove it" : ""),
        { line, column: cols.time, value: t },
      );
    }
    const x = Number(t);
    if (!(Number.isFinite(x) && x >= 0)) {
      throw new DataFileError(file, `${JSON.stringify(t)} is not a time >= 0`, { line, column: cols.time, value: t });
    }
    const e = fields[at.event];
    if (e !== cols.eventValue && e !== cols.censoredValue) {
      throw new DataFileError(
        file,
        `${JSON.stringify(e)} is not a status (expected ${JSON.stringify(cols.eventValue)} = event or ${JSON.stringify(cols.censoredValue)} = censored; ` +
          "set eventValue and censoredValue if the file codes them otherwise)",
        { line, column: cols.event, value: e },
      );
    }
    if (at.group >= 0) {
      const g = fields[at.group];
      if (g.trim() === "") throw new DataFileError(file, `empty group (every row needs a group)`, { line, column: cols.group!, value: g });
      groupText.push(g);
    }
    time.push(x);
    event.push(e === cols.eventValue ? 1 : 0);
  }
  const numeric = groupText.every((g) => PLAIN_NUMBER.test(g));
  const group: (string | number)[] = at.group < 0 ? time.map(() => "all") : groupText.map((g) => (numeric ? Number(g) : g));
  const { levels } = checkLabels("group", group, group.length);
  const f = Object.freeze;
  return f({
    file,
    n: time.length,
    columns: f({ time: cols.time, event: cols.event, group: cols.group }),
    time: f(time),
    event: f(event),
    group: f(group),
    groups: f(levels.slice()),
  });
}

/** Reads and parses a CSV file (path relative to the working directory, the project root in a notebook). */
export function loadSurvivalCsv(path: string, columns: SurvivalColumns): SurvivalCsv {
  if (typeof path !== "string" || path === "") {
    throw new SurvivalInputError(`path is ${show(path)}: it must be the path of a CSV file`, "path", undefined, path);
  }
  checkColumnsArgument("loadSurvivalCsv", columns);
  return parseSurvivalCsv(readCsvText(path), path, columns);
}

/** The rows of one group, as kaplanMeier takes them. */
export function groupRows(data: SurvivalCsv, group: string | number): { readonly time: readonly number[]; readonly event: readonly number[] } {
  const time: number[] = [];
  const event: number[] = [];
  for (let i = 0; i < data.n; i++) {
    if (data.group[i] === group) {
      time.push(data.time[i]);
      event.push(data.event[i]);
    }
  }
  if (time.length === 0) throw new SurvivalInputError(`group ${show(group)} has no row in ${data.file}`, "group", undefined, group);
  return Object.freeze({ time: Object.freeze(time), event: Object.freeze(event) });
}
