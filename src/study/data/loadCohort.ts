/**
 * The cohort as the paper describes it (data/cohort.json): arms, histology, sex, age, enrolment,
 * regimens, each with the Chinese phrase it comes from. None of it is in the patient tables
 * except the arm sizes.
 */
import { deepFreeze } from "./deepFreeze.js";
import { DataFileError } from "./dataFileError.js";
import { readDataJson } from "./readDataJson.js";

export interface SourcedCount {
  readonly n: number;
  readonly source: string;
}

export interface Cohort {
  readonly n: { readonly value: number; readonly source: string; readonly gloss: string };
  readonly enrolment: { readonly from: string; readonly to: string; readonly source: string; readonly gloss: string };
  readonly arms: readonly (SourcedCount & { readonly group: 1 | 2; readonly name: string; readonly gloss: string })[];
  readonly histology: readonly (SourcedCount & { readonly type: string; readonly note?: string })[];
  readonly sex: readonly (SourcedCount & { readonly sex: string })[];
  readonly age: {
    readonly unit: string;
    readonly min: number;
    readonly max: number;
    readonly mean: { readonly text: string; readonly value: number; readonly decimals: number };
    readonly sd: { readonly text: string; readonly value: number; readonly decimals: number };
    readonly source: string;
    readonly gloss: string;
  };
  readonly [more: string]: unknown;
}

/**
 * Reads data/cohort.json (or another path) and checks that every count is a whole number with its
 * source phrase.
 *
 * @param path  default "data/cohort.json"
 * @returns     the cohort, deeply frozen
 * @throws DataFileError  for a file that cannot be read or parsed, or a count without a whole number
 *              or its source phrase
 *
 * @example
 * const cohort = loadCohort();
 * cohort.n.value;                     // => 39
 * cohort.arms.map((a) => a.n);        // => [23, 16]
 */
export function loadCohort(path = "data/cohort.json"): Cohort {
  const { doc, label }: { doc: any; label: string } = readDataJson(path);
  for (const field of ["arms", "histology", "sex"]) {
    const list = doc?.[field];
    if (!Array.isArray(list) || list.length === 0) throw new DataFileError(label, "must be a non-empty array", { column: field });
    list.forEach((x: any, i: number) => {
      if (!Number.isInteger(x?.n) || x.n < 0) {
        throw new DataFileError(label, `${JSON.stringify(x?.n)} is not a count`, { column: `${field}[${i}].n`, value: JSON.stringify(x?.n) });
      }
      if (typeof x.source !== "string" || x.source === "") {
        throw new DataFileError(label, "every fact needs its source phrase", { column: `${field}[${i}].source` });
      }
    });
  }
  if (!Number.isInteger(doc.n?.value)) throw new DataFileError(label, "n.value must be a count", { column: "n.value" });
  return deepFreeze(doc) as Cohort;
}
