/**
 * Reading the Cox cases of the R fixtures (coxmore.json, weights.json): jsonlite writes an
 * absent column as an empty object and a one-element vector as a number.
 */
import type { CoxPHData } from "../../../src/survival/cox/coxPH.js";

/** Convergence settings that take coxPH to full precision, as the fixture scripts take coxph. */
export const FULL = { eps: 1e-14, iterMax: 100, tolerChol: 1e-15 };

/** A fixture column, or undefined where R wrote none (an empty object). */
export const given = <T>(x: T | Record<string, never> | undefined): T | undefined =>
  x === undefined || (x !== null && typeof x === "object" && !Array.isArray(x) && Object.keys(x).length === 0) ? undefined : (x as T);

/** A vector that jsonlite may have written as a number. */
export const list = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

type Label = string | number;
type Absent = Record<string, never>;

export interface CoxCase {
  time: number[];
  status: number[];
  covariates: Record<string, number[] | number>;
  entry?: number[] | Absent;
  strata?: Label[] | Absent;
  cluster?: Label[] | Absent;
  weights?: number[] | Absent;
}

/** coxPH's data for a case: time, event, covariates, and those of `optional` the case has. */
export function coxData(c: CoxCase, optional: readonly ("entry" | "strata" | "cluster" | "weights")[]): CoxPHData {
  const d: CoxPHData = {
    time: c.time,
    event: c.status,
    covariates: Object.fromEntries(Object.entries(c.covariates).map(([k, v]) => [k, list(v)])),
  };
  for (const field of optional) {
    const value = given<Label[]>(c[field]);
    if (value !== undefined) (d as unknown as Record<string, unknown>)[field] = value;
  }
  return d;
}
