/** Reads the committed R fixtures and compares numbers at the project's tolerance. */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

const here = fileURLToPath(new URL(".", import.meta.url));

/** The layers whose tests keep fixtures, each in test/<layer>/fixtures/<dir>/. */
const LAYERS = ["survival", "study", "presentation", "teaching", "digitize"];

/**
 * Parses test/<layer>/fixtures/<dir>/<name>.json (dir "r" or "python"), wherever a layer keeps
 * it: library fixtures under test/survival, the study's under test/study, and so on.
 */
export function loadFixture<T = any>(name: string, dir = "r"): T {
  const { generated_by: _, ...values } = readFixture(name, dir);
  return values as T;
}

/** What wrote a fixture: R (or Python) and the version of each package, as the script recorded it. */
export function fixtureVersions(name: string, dir = "r"): Record<string, string> {
  return readFixture(name, dir).generated_by;
}

function readFixture(name: string, dir: string): Record<string, any> {
  const found = LAYERS.map((layer) => `${here}../${layer}/fixtures/${dir}/${name}.json`).filter((p) => existsSync(p));
  if (found.length !== 1) throw new Error(`fixture ${dir}/${name}.json: found ${found.length} copies under test/<layer>/fixtures`);
  return JSON.parse(readFileSync(found[0], "utf8"));
}

export type Column = (number | string | null)[];
export type Dataset = Record<string, Column>;

/** A dataset from datasets.json, optionally with the rows that have a null in `complete` dropped (R's na.omit). */
export function dataset(name: string, complete: string[] = []): Dataset {
  const all = loadFixture<Record<string, Dataset>>("datasets")[name];
  if (!all) throw new Error(`no dataset ${name} in datasets.json`);
  const cols = Object.keys(all);
  const n = all[cols[0]].length;
  const keep: number[] = [];
  for (let i = 0; i < n; i++) if (complete.every((c) => all[c][i] !== null)) keep.push(i);
  const out: Dataset = {};
  for (const c of cols) out[c] = keep.map((i) => all[c][i]);
  return out;
}

export function numbers(col: Column): number[] {
  return col.map((v) => v as number);
}

/** R writes NA (and often Inf) as null; "Inf"/"-Inf" strings are read as infinities. */
function asNumber(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (v === "Inf") return Infinity;
  if (v === "-Inf") return -Infinity;
  return v as number;
}

export const REL = 1e-9;
export const ABS = 1e-12;

/** |a - e| <= max(REL * |e|, ABS); nulls must match nulls. */
export function expectClose(actual: number | null | undefined, expected: unknown, label: string, rel = REL, abs = ABS): void {
  const e = asNumber(expected);
  if (e === null || (actual === null && e !== null)) {
    expect(actual ?? null, label).toBe(e);
    return;
  }
  if (!Number.isFinite(e)) {
    expect(actual, label).toBe(e);
    return;
  }
  const a = actual as number;
  const tol = Math.max(rel * Math.abs(e), abs);
  if (!(Math.abs(a - e) <= tol)) {
    expect.fail(`${label}: got ${a}, R gives ${e} (difference ${a - e}, tolerance ${tol})`);
  }
}

export function expectAllClose(actual: ArrayLike<number | null>, expected: unknown[], label: string, rel = REL, abs = ABS): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expectClose(actual[i], expected[i], `${label}[${i}]`, rel, abs);
}
