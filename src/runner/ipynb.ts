/**
 * Reading and writing Jupyter notebooks (nbformat 4).
 *
 * In memory, multi-line fields (cell source, stream text, text MIME data) are single strings;
 * on disk they are written as nbformat's Python writer does (`nbformat.write`, v4/rwbase.py
 * `split_lines` + `strip_transient`: text split into lines keeping their ends, one-space
 * indent, keys sorted, non-ASCII kept, a final newline), so a notebook re-saved in Jupyter
 * yields the same bytes. Timing metadata (`metadata.execution`,
 * which nbclient adds) is dropped so that two runs write identical files.
 * Reference: https://nbformat.readthedocs.io/en/latest/format_description.html
 */
import { readFileSync } from "node:fs";

export type MimeBundle = Record<string, unknown>;

export interface StreamOutput {
  output_type: "stream";
  name: "stdout" | "stderr";
  text: string;
}
export interface DisplayDataOutput {
  output_type: "display_data";
  data: MimeBundle;
  metadata: Record<string, unknown>;
}
export interface ExecuteResultOutput {
  output_type: "execute_result";
  execution_count: number | null;
  data: MimeBundle;
  metadata: Record<string, unknown>;
}
export interface ErrorOutput {
  output_type: "error";
  ename: string;
  evalue: string;
  traceback: string[];
}
export type Output = StreamOutput | DisplayDataOutput | ExecuteResultOutput | ErrorOutput;

export interface CodeCell {
  cell_type: "code";
  id?: string;
  metadata: Record<string, unknown>;
  source: string;
  execution_count: number | null;
  outputs: Output[];
}
export interface TextCell {
  cell_type: "markdown" | "raw";
  id?: string;
  metadata: Record<string, unknown>;
  source: string;
  attachments?: Record<string, MimeBundle>;
}
export type Cell = CodeCell | TextCell;

export interface Notebook {
  nbformat: 4;
  nbformat_minor: number;
  metadata: Record<string, unknown>;
  cells: Cell[];
}

/** Thrown for a file that is not an nbformat 4 notebook; names the file and what is wrong. */
export class NotebookFormatError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: not an nbformat 4 notebook: ${detail}`);
    this.name = "NotebookFormatError";
  }
}

const joinLines = (value: unknown): string =>
  Array.isArray(value) ? value.join("") : typeof value === "string" ? value : "";

/** JSON MIME values (`application/json`, `application/*+json`) are objects, never line lists. */
const isJsonMime = (mime: string): boolean =>
  mime === "application/json" || (mime.startsWith("application/") && mime.endsWith("+json"));
/** What nbformat writes as line lists: text/*, JavaScript and SVG (base64 images stay one string). */
const isSplitMime = (mime: string): boolean =>
  mime.startsWith("text/") || mime === "application/javascript" || mime === "image/svg+xml";

function normaliseBundle(data: unknown): MimeBundle {
  const out: MimeBundle = {};
  for (const [mime, value] of Object.entries((data ?? {}) as MimeBundle)) {
    out[mime] = !isJsonMime(mime) && Array.isArray(value) && value.every((l) => typeof l === "string") ? value.join("") : value;
  }
  return out;
}

function normaliseOutput(raw: any): Output {
  switch (raw.output_type) {
    case "stream":
      return { output_type: "stream", name: raw.name, text: joinLines(raw.text) };
    case "display_data":
      return { output_type: "display_data", data: normaliseBundle(raw.data), metadata: raw.metadata ?? {} };
    case "execute_result":
      return {
        output_type: "execute_result",
        execution_count: raw.execution_count ?? null,
        data: normaliseBundle(raw.data),
        metadata: raw.metadata ?? {},
      };
    case "error":
      return { output_type: "error", ename: raw.ename, evalue: raw.evalue, traceback: raw.traceback ?? [] };
    default:
      throw new Error(`unknown output_type ${JSON.stringify(raw.output_type)}`);
  }
}

/** Parse notebook JSON text; `file` names it in errors. */
export function parseNotebook(text: string, file = "<notebook>"): Notebook {
  let raw: any;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new NotebookFormatError(file, `invalid JSON (${(e as Error).message})`);
  }
  if (raw === null || typeof raw !== "object" || raw.nbformat !== 4 || !Array.isArray(raw.cells)) {
    throw new NotebookFormatError(file, `nbformat is ${JSON.stringify(raw?.nbformat)} or cells are missing`);
  }
  const cells: Cell[] = raw.cells.map((cell: any, i: number): Cell => {
    const base = { ...(cell.id === undefined ? {} : { id: cell.id }), metadata: cell.metadata ?? {}, source: joinLines(cell.source) };
    if (cell.cell_type === "code") {
      let outputs: Output[];
      try {
        outputs = (cell.outputs ?? []).map(normaliseOutput);
      } catch (e) {
        throw new NotebookFormatError(file, `cell ${i + 1}: ${(e as Error).message}`);
      }
      return { cell_type: "code", ...base, execution_count: cell.execution_count ?? null, outputs };
    }
    if (cell.cell_type === "markdown" || cell.cell_type === "raw") {
      const attachments = cell.attachments
        ? Object.fromEntries(Object.entries(cell.attachments as Record<string, unknown>).map(([k, b]) => [k, normaliseBundle(b)]))
        : undefined;
      return { cell_type: cell.cell_type, ...base, ...(attachments ? { attachments } : {}) };
    }
    throw new NotebookFormatError(file, `cell ${i + 1} has cell_type ${JSON.stringify(cell.cell_type)}`);
  });
  return { nbformat: 4, nbformat_minor: raw.nbformat_minor ?? 4, metadata: raw.metadata ?? {}, cells };
}

export function readNotebook(file: string): Notebook {
  return parseNotebook(readFileSync(file, "utf8"), file);
}

/** Python's `str.splitlines(keepends=True)`, which nbformat uses: \r\n and 10 other line ends. */
export function splitLines(text: string): string[] {
  return text.match(/[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]*(?:\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029])|[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+$/g) ?? [];
}

function bundleToDisk(data: MimeBundle): MimeBundle {
  const out: MimeBundle = {};
  for (const [mime, value] of Object.entries(data)) {
    out[mime] = isSplitMime(mime) && typeof value === "string" ? splitLines(value) : value;
  }
  return out;
}

function outputToDisk(output: Output): unknown {
  switch (output.output_type) {
    case "stream":
      return { ...output, text: splitLines(output.text) };
    case "display_data":
    case "execute_result":
      return { ...output, data: bundleToDisk(output.data) };
    default:
      return output;
  }
}

/** Cell metadata without nbclient's timing and the transient `trusted` flag (nbformat drops it). */
function withoutTiming(metadata: Record<string, unknown>): Record<string, unknown> {
  const { execution: _timing, trusted: _trusted, ...rest } = metadata;
  return rest;
}

/** Deep copy with object keys in code-point order (Python's `sort_keys=True`). */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** The notebook as nbformat writes it: byte-stable for equal content. */
export function serializeNotebook(nb: Notebook): string {
  const cells = nb.cells.map((cell) => {
    const common = { ...cell, metadata: withoutTiming(cell.metadata), source: splitLines(cell.source) };
    if (cell.cell_type === "code") return { ...common, outputs: cell.outputs.map(outputToDisk) };
    if (!cell.attachments) return common;
    const attachments = Object.fromEntries(Object.entries(cell.attachments).map(([k, b]) => [k, bundleToDisk(b)]));
    return { ...common, attachments };
  });
  // nbformat's strip_transient: these never reach the file
  const { signature: _s, orig_nbformat: _o, orig_nbformat_minor: _m, ...metadata } = nb.metadata;
  return JSON.stringify(sortKeys({ ...nb, metadata, cells }), null, 1) + "\n";
}

/** A copy with every code cell's outputs and execution count cleared (how sources are committed). */
export function clearOutputs(nb: Notebook): Notebook {
  return {
    ...nb,
    cells: nb.cells.map((cell) =>
      cell.cell_type === "code" ? { ...cell, metadata: withoutTiming(cell.metadata), execution_count: null, outputs: [] } : cell,
    ),
  };
}
