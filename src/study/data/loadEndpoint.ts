/**
 * Reads the paper's patient tables from disk (the thin fs wrapper around parseEndpointCsv).
 *
 * Names resolve to `<dataDir>/<name>.csv`, where dataDir defaults to `data/` in the working
 * directory: npm scripts, vitest and the notebooks' tslab kernel all run from the project root.
 * Anything containing a slash or ending in ".csv" is taken as a path instead.
 */
import { basename, isAbsolute, relative, resolve } from "node:path";
import { checkOptions } from "../../survival/core/validate.js";
import { readCsvText } from "./csvText.js";
import { parseEndpointCsv, type EndpointData } from "./parseEndpointCsv.js";

/** The two endpoints the paper tabulates: Table 1 and Table 2. */
export const ENDPOINTS = ["recurrence", "lung_metastasis"] as const;
export type EndpointName = (typeof ENDPOINTS)[number];
/** Where each endpoint's rows are printed in the paper, and kept here. */
export const ENDPOINT_TABLES: Readonly<Record<EndpointName, string>> = Object.freeze({
  recurrence: "Table 1 (data/recurrence.csv)",
  lung_metastasis: "Table 2 (data/lung_metastasis.csv)",
});

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

/**
 * Reads and checks one patient table.
 *
 * @param nameOrPath  "recurrence" or "lung_metastasis" (read from `<dataDir>/<name>.csv`), or a path
 * @param options     `dataDir`: the folder of the CSV files, default `data`
 * @returns           a frozen Endpoint: `name`, `file`, `n` and the columns `group`, `status`, `months`
 * @throws DataFileError  for a file that cannot be read or does not parse (parseEndpointCsv)
 * @throws SurvivalInputError  for an unknown option
 *
 * @example
 * const rec = loadEndpoint("recurrence");   // Table 1 of the paper
 * rec.n;                                    // => 39
 * rec.group.filter((g) => g === 2).length;  // => 16
 */
export function loadEndpoint(nameOrPath: EndpointName | string, options: LoadOptions = {}): Endpoint {
  checkOptions("loadEndpoint", options, ["dataDir"]);
  const { path, label, name } = resolveDataFile(nameOrPath, options);
  return Object.freeze({ name, ...parseEndpointCsv(readCsvText(path, label), label) });
}

export interface Study {
  readonly recurrence: Endpoint;
  readonly lung_metastasis: Endpoint;
}

/**
 * Both tables of the paper, each checked.
 *
 * @param options  `dataDir`, as loadEndpoint
 * @returns        a frozen `{ recurrence, lung_metastasis }` of Endpoints
 * @throws DataFileError  for a file that cannot be read or does not parse
 * @throws SurvivalInputError  for an unknown option
 *
 * @example
 * loadStudy().lung_metastasis.status.filter((s) => s === 1).length;   // => 24 (lung metastases by the end of follow-up)
 */
export function loadStudy(options: LoadOptions = {}): Study {
  checkOptions("loadStudy", options, ["dataDir"]);
  return Object.freeze({
    recurrence: loadEndpoint("recurrence", options),
    lung_metastasis: loadEndpoint("lung_metastasis", options),
  });
}
