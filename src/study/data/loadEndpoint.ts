/**
 * Reads the paper's patient tables from disk (the thin fs wrapper around parseEndpointCsv).
 *
 * Names resolve to `<dataDir>/<name>.csv`, where dataDir defaults to `data/` in the working
 * directory: npm scripts, vitest and the notebooks' tslab kernel all run from the project root.
 * Anything containing a slash or ending in ".csv" is taken as a path instead.
 *
 * @example
 * const rec = loadEndpoint("recurrence");   // { name: "recurrence", file: "data/recurrence.csv", n: 39, group, status, months }
 * const { recurrence, lung_metastasis } = loadStudy();
 */
import { basename, isAbsolute, relative, resolve } from "node:path";
import { checkOptions } from "../../survival/core/validate.js";
import { readCsvText } from "./csvText.js";
import { parseEndpointCsv, type EndpointData } from "./parseEndpointCsv.js";

/** The two endpoints the paper tabulates: Table 1 and Table 2. */
export const ENDPOINTS = ["recurrence", "lung_metastasis"] as const;
export type EndpointName = (typeof ENDPOINTS)[number];

export interface Endpoint extends EndpointData {
  /** "recurrence", "lung_metastasis", or the file's base name for another path. */
  readonly name: string;
}

export interface LoadOptions {
  /** Folder holding the CSV files; default `data` under the working directory. */
  dataDir?: string;
}

/** Where a name or path points, and how to name it in messages (relative to the working directory when inside it). */
export function resolveDataFile(nameOrPath: string, options: LoadOptions = {}): { path: string; label: string; name: string } {
  const isPath = nameOrPath.includes("/") || nameOrPath.includes("\\") || nameOrPath.endsWith(".csv");
  const path = isPath ? resolve(nameOrPath) : resolve(options.dataDir ?? "data", `${nameOrPath}.csv`);
  const rel = relative(process.cwd(), path);
  const label = rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
  return { path, label, name: isPath ? basename(path).replace(/\.csv$/, "") : nameOrPath };
}

/** Reads and checks one patient table; throws DataFileError (naming file, line, column, value) on any fault. */
export function loadEndpoint(nameOrPath: EndpointName | string, options: LoadOptions = {}): Endpoint {
  checkOptions("loadEndpoint", options, ["dataDir"]);
  const { path, label, name } = resolveDataFile(nameOrPath, options);
  return Object.freeze({ name, ...parseEndpointCsv(readCsvText(path, label), label) });
}

export interface Study {
  readonly recurrence: Endpoint;
  readonly lung_metastasis: Endpoint;
}

/** Both tables of the paper, each checked. */
export function loadStudy(options: LoadOptions = {}): Study {
  checkOptions("loadStudy", options, ["dataDir"]);
  return Object.freeze({
    recurrence: loadEndpoint("recurrence", options),
    lung_metastasis: loadEndpoint("lung_metastasis", options),
  });
}
