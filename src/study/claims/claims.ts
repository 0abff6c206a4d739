/**
 * The paper's quantitative claims as data (data/claims.json): their types, a schema check, and
 * the loader. Each claim keeps the numbers as printed (text) and as numbers, with the decimals
 * printed, so that the precision a claim is judged at is data too.
 */
import { deepFreeze } from "../data/deepFreeze.js";
import { DataFileError } from "../data/dataFileError.js";
import { ENDPOINTS, type EndpointName } from "../data/loadEndpoint.js";
import { readDataJson } from "../data/readDataJson.js";

/** A number as the paper prints it. */
export interface ReportedValue {
  readonly name: string;
  /** Exactly as printed, e.g. "3.81", "7.00", "26". */
  readonly text: string;
  readonly value: number;
  /** Digits printed after the decimal point: the precision the claim is judged at. */
  readonly decimals: number;
  readonly unit?: string;
}

/** A stated p comparison, e.g. p < 0.05. `implied`: the text says "significant" without a p. */
export interface Comparison {
  readonly text: string;
  readonly op: "<" | ">" | "<=" | ">=";
  readonly bound: number;
  readonly implied?: boolean;
}

export type Check =
  | { readonly kind: "count"; readonly endpoint: EndpointName; readonly of: "patients"; readonly group: 1 | 2 | null }
  | {
      readonly kind: "count";
      readonly endpoint: EndpointName;
      readonly of: "events-within";
      readonly group: 1 | 2 | null;
      readonly cutoff: number;
      readonly inclusive: boolean;
    }
  | { readonly kind: "rate-1y"; readonly endpoint: EndpointName; readonly group: 1 | 2; readonly cutoff: number; readonly inclusive: boolean }
  | {
      readonly kind: "rate-1y-difference";
      readonly endpoint: EndpointName;
      readonly cutoff: number;
      readonly inclusive: boolean;
      readonly direction: "group1-lower";
    }
  | {
      readonly kind: "chisq-1y";
      readonly endpoint: EndpointName;
      readonly cutoff: number;
      readonly inclusive: boolean;
      readonly df: number;
      readonly direction?: "group1-lower";
    }
  | { readonly kind: "logrank"; readonly endpoint: EndpointName; readonly df: number; readonly direction?: "group1-longer" }
  | { readonly kind: "none"; readonly reason: string };

export type CheckKind = Check["kind"];
export const CHECK_KINDS: readonly CheckKind[] = ["count", "rate-1y", "rate-1y-difference", "chisq-1y", "logrank", "none"];

export interface Claim {
  /** Stable, readable: <section>-<endpoint>-<what>, e.g. "res-rec-1y-chisq". */
  readonly id: string;
  /** "Abstract", "1", "2.1" ... "3.3", "4". */
  readonly section: string;
  /** Heading, table and figure; for counts, the table checked against. */
  readonly where: string;
  /** The original sentence(s), Chinese as printed. */
  readonly text: string;
  /** English gloss. */
  readonly gloss: string;
  /** The reported numbers (at most one for a checkable claim: the one its check recomputes). */
  readonly values: readonly ReportedValue[];
  readonly comparison: Comparison | null;
  readonly check: Check;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Checks the parsed claims.json against the schema above.
 *
 * @param doc   the parsed JSON document
 * @param file  its name, for messages
 * @returns     the claims, deeply frozen
 * @throws DataFileError  naming the claim and the field that breaks the schema
 *
 * @example
 * validateClaims({ claims: [] }, "claims.json").length;   // => 0
 */
export function validateClaims(doc: unknown, file: string): readonly Claim[] {
  const fail = (field: string, problem: string, value?: unknown): never => {
    throw new DataFileError(file, problem, { column: field, value: value === undefined ? undefined : JSON.stringify(value) });
  };
  const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
  if (!isObj(doc) || !Array.isArray(doc.claims)) return fail("claims", "expected an object with an array `claims`");
  const seen = new Set<string>();
  doc.claims.forEach((c: unknown, i: number) => {
    const at = (f: string) => `claims[${i}]${f}`;
    if (!isObj(c)) return fail(at(""), "a claim must be an object", c);
    for (const f of ["id", "section", "where", "text", "gloss"]) {
      if (typeof c[f] !== "string" || (c[f] as string).trim() === "") fail(at(`.${f}`), `${f} must be a non-empty string`, c[f]);
    }
    const id = c.id as string;
    const here = (f: string) => `${at(f)} (${id})`;
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) fail(here(".id"), "an id is lower-case words joined by hyphens", id);
    if (seen.has(id)) fail(here(".id"), `id ${JSON.stringify(id)} is used twice`, id);
    seen.add(id);
    if (!Array.isArray(c.values)) return fail(here(".values"), "values must be an array", c.values);
    c.values.forEach((v: unknown, j: number) => {
      const vf = (f: string) => here(`.values[${j}]${f}`);
      if (!isObj(v)) return fail(vf(""), "a value must be an object", v);
      if (typeof v.name !== "string" || v.name === "") fail(vf(".name"), "name must be a non-empty string", v.name);
      if (typeof v.text !== "string" || !DECIMAL.test(v.text)) fail(vf(".text"), "text must be the number as printed", v.text);
      const text = v.text as string;
      if (v.value !== Number(text)) fail(vf(".value"), `value must equal the text ${text} as a number`, v.value);
      const decimals = text.includes(".") ? text.split(".")[1].length : 0;
      if (v.decimals !== decimals) fail(vf(".decimals"), `decimals must be ${decimals}, the digits printed after the point in ${text}`, v.decimals);
      if (v.unit !== undefined && typeof v.unit !== "string") fail(vf(".unit"), "unit must be a string", v.unit);
    });
    const cmp = c.comparison;
    if (cmp !== null) {
      if (!isObj(cmp)) return fail(here(".comparison"), "comparison must be null or an object", cmp);
      if (typeof cmp.text !== "string" || cmp.text === "") fail(here(".comparison.text"), "text must be a non-empty string", cmp.text);
      if (!["<", ">", "<=", ">="].includes(cmp.op as string)) fail(here(".comparison.op"), "op must be <, >, <= or >=", cmp.op);
      if (typeof cmp.bound !== "number" || !(cmp.bound > 0 && cmp.bound < 1)) fail(here(".comparison.bound"), "bound must be in (0, 1)", cmp.bound);
    }
    const k = c.check;
    if (!isObj(k)) return fail(here(".check"), "check must be an object", k);
    if (!CHECK_KINDS.includes(k.kind as CheckKind)) fail(here(".check.kind"), `kind must be one of ${CHECK_KINDS.join(", ")}`, k.kind);
    if (k.kind === "none") {
      if (typeof k.reason !== "string" || k.reason === "") fail(here(".check.reason"), "a claim that cannot be checked says why", k.reason);
      return;
    }
    if (c.values.length > 1) fail(here(".values"), "a checkable claim has at most one value (the one its check recomputes)", c.values.length);
    if (!ENDPOINTS.includes(k.endpoint as EndpointName)) fail(here(".check.endpoint"), `endpoint must be one of ${ENDPOINTS.join(", ")}`, k.endpoint);
    const needsCutoff = k.kind === "rate-1y" || k.kind === "rate-1y-difference" || k.kind === "chisq-1y" || k.of === "events-within";
    if (needsCutoff) {
      if (typeof k.cutoff !== "number" || !(k.cutoff >= 0)) fail(here(".check.cutoff"), "cutoff must be a number of months >= 0", k.cutoff);
      if (typeof k.inclusive !== "boolean") fail(here(".check.inclusive"), "inclusive must be true or false", k.inclusive);
    }
    if (k.kind === "count") {
      if (k.of !== "patients" && k.of !== "events-within") fail(here(".check.of"), 'of must be "patients" or "events-within"', k.of);
      if (k.group !== null && k.group !== 1 && k.group !== 2) fail(here(".check.group"), "group must be 1, 2 or null (all)", k.group);
    }
    if (k.kind === "rate-1y" && k.group !== 1 && k.group !== 2) fail(here(".check.group"), "group must be 1 or 2", k.group);
    if ((k.kind === "chisq-1y" || k.kind === "logrank") && k.df !== 1) fail(here(".check.df"), "df must be 1 (two groups; a 2x2 table)", k.df);
    const direction = k.kind === "logrank" ? "group1-longer" : "group1-lower";
    if ((k.kind === "rate-1y-difference" || k.direction !== undefined) && k.direction !== direction) {
      fail(here(".check.direction"), `direction must be "${direction}"`, k.direction);
    }
    const hasSomething = c.values.length === 1 || c.comparison !== null || k.direction !== undefined;
    if (!hasSomething) fail(here(""), "a checkable claim needs a value, a comparison or a direction to check", c.id);
    if ((k.kind === "chisq-1y" || k.kind === "logrank") && c.values.length === 0 && c.comparison === null) {
      fail(here(".comparison"), "a test claim without a statistic needs a comparison", null);
    }
  });
  return deepFreeze(doc.claims as Claim[]);
}

/**
 * Reads and checks data/claims.json (or another path).
 *
 * @param path  default "data/claims.json"
 * @returns     the claims, deeply frozen, in the file's order
 * @throws DataFileError  for a file that cannot be read or parsed, or that breaks the schema
 *
 * @example
 * const claims = loadClaims();
 * claims.length;                                               // => 45
 * claims.find((c) => c.id === "res-rec-1y-chisq")!.values[0];  // => { name: "chi-square", text: "3.81", value: 3.81, decimals: 2 }
 */
export function loadClaims(path = "data/claims.json"): readonly Claim[] {
  const { doc, label } = readDataJson(path);
  return validateClaims(doc, label);
}
