/**
 * Input checks shared by the public functions. Each returns fresh typed arrays (never the
 * caller's own) and throws SurvivalInputError naming the argument, the index and the value.
 */
import { SurvivalInputError, show } from "../errors.js";

/** Anything indexable with a length: number[], Float64Array, ... */
export type Column<T> = ArrayLike<T>;

function requireArrayLike(name: string, x: unknown): ArrayLike<unknown> {
  if (x === null || x === undefined || typeof x !== "object" || typeof (x as ArrayLike<unknown>).length !== "number") {
    throw new SurvivalInputError(`${name} must be an array (or typed array); got ${show(x)}`, name, undefined, x);
  }
  return x as ArrayLike<unknown>;
}

/** Survival times: finite numbers >= 0. Copies into a Float64Array. */
export function checkTimes(name: string, x: unknown): Float64Array {
  const a = requireArrayLike(name, x);
  const n = a.length;
  if (n === 0) throw new SurvivalInputError(`${name} is empty: there is no data to analyse`, name, undefined, x);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (typeof v !== "number" || !(v >= 0) || v === Infinity) {
      throw new SurvivalInputError(`${name}[${i}] is ${show(v)}: a time must be a finite number >= 0`, name, i, v);
    }
    out[i] = v;
  }
  return out;
}

/** Event indicators: 1/true = event, 0/false = censored. Copies into a Uint8Array. */
export function checkEvents(name: string, x: unknown, n: number, lengthOf = "time"): Uint8Array {
  const a = requireArrayLike(name, x);
  checkLength(name, a.length, n, lengthOf);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (v === 1 || v === true) out[i] = 1;
    else if (v === 0 || v === false) out[i] = 0;
    else {
      throw new SurvivalInputError(
        `${name}[${i}] is ${show(v)}: an event code must be 0/false (censored) or 1/true (event)`,
        name,
        i,
        v,
      );
    }
  }
  return out;
}

/** Finite numbers (covariates). Copies into a Float64Array. */
export function checkFinite(name: string, x: unknown, n: number, lengthOf = "time"): Float64Array {
  const a = requireArrayLike(name, x);
  checkLength(name, a.length, n, lengthOf);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new SurvivalInputError(`${name}[${i}] is ${show(v)}: a covariate must be a finite number`, name, i, v);
    }
    out[i] = v;
  }
  return out;
}

/**
 * Entry times (delayed entry, left truncation: R's Surv(entry, time, event)): finite numbers,
 * each below its row's time. Copies into a Float64Array.
 */
export function checkEntry(name: string, x: unknown, time: Float64Array): Float64Array {
  const a = requireArrayLike(name, x);
  checkLength(name, a.length, time.length);
  const out = new Float64Array(time.length);
  for (let i = 0; i < time.length; i++) {
    const v = a[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new SurvivalInputError(`${name}[${i}] is ${show(v)}: an entry time must be a finite number`, name, i, v);
    }
    if (!(v < time[i])) {
      throw new SurvivalInputError(
        `${name}[${i}] is ${show(v)} but time[${i}] is ${time[i]}: a row must enter before its time (entry < time)`,
        name,
        i,
        v,
      );
    }
    out[i] = v;
  }
  return out;
}

/** Case weights: finite numbers > 0 (R's coxph requires > 0). Copies into a Float64Array. */
export function checkWeights(name: string, x: unknown, n: number, lengthOf = "time"): Float64Array {
  const a = requireArrayLike(name, x);
  checkLength(name, a.length, n, lengthOf);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (typeof v !== "number" || !(v > 0) || v === Infinity) {
      throw new SurvivalInputError(`${name}[${i}] is ${show(v)}: a case weight must be a finite number > 0`, name, i, v);
    }
    out[i] = v;
  }
  return out;
}

/** True when some weight is not a whole number: R's survfit and coxph then default to robust = TRUE. */
export function hasFractionalWeights(weights: Float64Array | null): boolean {
  if (weights === null) return false;
  for (let i = 0; i < weights.length; i++) if (weights[i] !== Math.floor(weights[i])) return true;
  return false;
}

export function checkLength(name: string, actual: number, expected: number, lengthOf = "time"): void {
  if (actual !== expected) {
    throw new SurvivalInputError(
      `${name} has length ${actual} but ${lengthOf} has length ${expected}: they must be the same length`,
      name,
      undefined,
      actual,
    );
  }
}

/** Group or stratum labels coded 0..k-1 in sorted level order (as R's factor()). */
export interface Coded {
  readonly codes: Int32Array;
  readonly levels: (string | number)[];
}

/**
 * Codes labels (strings or numbers) as 0..k-1. Levels are sorted as R's factor() sorts them:
 * numbers ascending, then strings in code-point order. null, undefined and NaN are refused.
 */
export function checkLabels(name: string, x: unknown, n: number, lengthOf = "time"): Coded {
  const a = requireArrayLike(name, x);
  checkLength(name, a.length, n, lengthOf);
  const index = new Map<string | number, number>();
  const firstSeen: (string | number)[] = [];
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = a[i];
    let key: string | number;
    if (typeof v === "number") {
      if (Number.isNaN(v)) {
        throw new SurvivalInputError(`${name}[${i}] is NaN: a ${name} label must be a string or a number`, name, i, v);
      }
      key = v;
    } else if (typeof v === "string") {
      key = v;
    } else {
      throw new SurvivalInputError(
        `${name}[${i}] is ${show(v)}: a ${name} label must be a string or a number`,
        name,
        i,
        v,
      );
    }
    let c = index.get(key);
    if (c === undefined) {
      c = firstSeen.length;
      index.set(key, c);
      firstSeen.push(key);
    }
    codes[i] = c;
  }
  const levels = firstSeen.slice().sort(compareLevels);
  // Recode in place from first-seen order to sorted order (nothing to do when they agree).
  const remap = new Int32Array(levels.length);
  let same = true;
  levels.forEach((lv, sorted) => {
    const seenAt = index.get(lv)!;
    remap[seenAt] = sorted;
    if (seenAt !== sorted) same = false;
  });
  if (!same) for (let i = 0; i < n; i++) codes[i] = remap[codes[i]];
  return { codes, levels };
}

function compareLevels(a: string | number, b: string | number): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function checkConfLevel(x: unknown, name = "confLevel"): number {
  if (typeof x !== "number" || !(x > 0 && x < 1)) {
    throw new SurvivalInputError(`${name} is ${show(x)}: it must be a number strictly between 0 and 1`, name, undefined, x);
  }
  return x;
}

export function checkOneOf<T extends string>(name: string, x: unknown, allowed: readonly T[]): T {
  if (typeof x !== "string" || !(allowed as readonly string[]).includes(x)) {
    throw new SurvivalInputError(
      `${name} is ${show(x)}: it must be one of ${allowed.map((s) => JSON.stringify(s)).join(", ")}`,
      name,
      undefined,
      x,
    );
  }
  return x as T;
}

/** A plain object argument (data or options). */
export function checkObject(name: string, x: unknown, optional = false): Record<string, unknown> {
  if (x === undefined && optional) return {};
  if (x === null || typeof x !== "object" || Array.isArray(x)) {
    throw new SurvivalInputError(`${name} must be an object; got ${show(x)}`, name, undefined, x);
  }
  return x as Record<string, unknown>;
}

/**
 * Refuses a key of an options object that fn does not take (a misspelt option must not pass
 * silently), naming the object as the argument and the key as the value, e.g.
 * `options.level is not an option of rmstDifference; the options are confLevel, reference`.
 */
export function checkOptionNames(
  fn: string,
  options: Record<string, unknown>,
  allowed: readonly string[],
  name = "options",
  hint = "",
): void {
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      const list =
        allowed.length === 0
          ? `${fn} takes no options`
          : allowed.length === 1
            ? `the option is ${allowed[0]}`
            : `the options are ${allowed.join(", ")}`;
      throw new SurvivalInputError(`${name}.${key} is not an option of ${fn}; ${list}${hint}`, name, undefined, key);
    }
  }
}

/**
 * The options object of fn, checked: undefined (no options) or a plain object whose every key
 * is one of `allowed` (checkOptionNames). Returns the object, or {} for undefined.
 *
 * @example
 * checkOptions("chiSquareTest", { corection: false }, ["correction"])
 * // throws: options.corection is not an option of chiSquareTest; the option is correction
 */
export function checkOptions(
  fn: string,
  options: unknown,
  allowed: readonly string[],
  name = "options",
  hint = "",
): Record<string, unknown> {
  const o = checkObject(name, options, true);
  checkOptionNames(fn, o, allowed, name, hint);
  return o;
}

/**
 * A data object of fn, checked: a plain object whose every field is one fn reads, so that a
 * misspelt or unsupported column (`weights`, `stratum`) is refused instead of ignored.
 * Returns the object.
 *
 * @example
 * checkData("kaplanMeier", { time: [1], event: [1], weights: [2] }, ["time", "event"])
 * // throws: data.weights is not a field kaplanMeier reads; the fields are time, event
 */
export function checkData(fn: string, data: unknown, fields: readonly string[], name = "data", hint = ""): Record<string, unknown> {
  const d = checkObject(name, data);
  for (const key of Object.keys(d)) {
    if (!fields.includes(key)) {
      throw new SurvivalInputError(
        `${name}.${key} is not a field ${fn} reads; the fields are ${fields.join(", ")}${hint}`,
        name,
        undefined,
        key,
      );
    }
  }
  return d;
}
