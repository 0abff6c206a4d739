/**
 * What the teaching simulations share: their options ({ seed, n }, checked), and draws from the
 * project's seeded generator (createRandom, xoshiro128**), so that a seed gives the same cohort
 * on every machine. Times are rounded to 2 decimals (of a month), so that the CSV files R reads
 * (data/teaching/) hold exactly the numbers the notebooks use.
 */
import { createRandom, type Random } from "../../survival/core/random.js";
import { checkOptions } from "../../survival/core/validate.js";
import { SurvivalInputError, show } from "../../survival/errors.js";

export interface SimulationOptions {
  /** Seed of the generator, an integer in [0, 2^32); default 2020. */
  seed?: number;
  /** Number of patients; default 300. */
  n?: number;
}

export const DEFAULT_SEED = 2020;
export const DEFAULT_N = 300;

/** The checked options and a generator seeded with them. */
export function start(fn: string, options: unknown): { seed: number; n: number; rng: Random } {
  const o = checkOptions(fn, options ?? {}, ["seed", "n"]);
  const seed = o.seed === undefined ? DEFAULT_SEED : (o.seed as number);
  const n = o.n === undefined ? DEFAULT_N : o.n;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 2 || n > 100000) {
    throw new SurvivalInputError(`n is ${show(n)}: it must be a whole number from 2 to 100000`, "n", undefined, n);
  }
  return { seed, n, rng: createRandom(seed) };
}

/** A time rounded to 2 decimals, never 0 (a patient is followed for some time). */
export const round2 = (x: number): number => Math.max(0.01, Math.round(x * 100) / 100);

/** An exponential draw with the given mean: -mean log(1 - U). */
export const exponential = (rng: Random, mean: number): number => -mean * Math.log(1 - rng.next());

/** A uniform draw on [a, b). */
export const uniform = (rng: Random, a: number, b: number): number => a + (b - a) * rng.next();

/** true with probability p. */
export const bernoulli = (rng: Random, p: number): boolean => rng.next() < p;
