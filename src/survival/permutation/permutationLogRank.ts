/**
 * Permutation (re-randomisation) p-value of the log-rank test and its weighted family: the
 * chi-square statistic of logRankTest (R's survdiff) is recomputed for assignments of the group
 * labels to the subjects with the group sizes fixed, and p is the share of assignments whose
 * statistic is at least the observed one. It needs no large-sample approximation, only
 * exchangeability of the labels under the null hypothesis (e.g. randomised allocation).
 *
 * - distribution "exact": every distinct assignment, n! / (n_1! ... n_k!) of them
 *   (choose(n, n_1) for two groups), each once; p = count / total. Enumerated up to
 *   EXACT_LIMIT = 1e7 assignments (measured here: about 0.45 us each at n = 24, so 1e7 takes
 *   about 5 s): n = 12 split 6 + 6 is 924, n = 24 split 12 + 12 is 2.7e6 (1.2 s), but the
 *   paper's 23 + 16 is choose(39, 16) = 3.8e10, out of reach; asking for it throws, naming the
 *   count.
 * - distribution "monte-carlo": `draws` random assignments (Fisher-Yates shuffles of the labels
 *   with the seeded xoshiro128** generator of core/random.ts; same seed, same result);
 *   p = (b + 1) / (B + 1) with b the number of draws at least as extreme as the observed data
 *   (Davison & Hinkley 1997, sec. 4.2; Phipson & Smyth 2010: never 0, and a valid p-value),
 *   with its Monte Carlo standard error sqrt(p (1 - p) / B).
 * - default: "exact" when the number of assignments is at most EXACT_LIMIT, "monte-carlo"
 *   otherwise; giving draws or seed asks for Monte Carlo. (The option's name follows R's coin
 *   package, logrank_test(distribution = exact() or approximate()).)
 * - "At least as extreme": statistic >= observed (1 - sqrt(machine epsilon)), so that
 *   assignments with the same statistic up to rounding (e.g. mirror images) count as ties.
 *
 * This file is the checked entry point; the enumeration and the draws are the engine's
 * (permutationEngine.ts). Measured here on the paper's 39 patients: 1e5 Monte Carlo draws in
 * about 0.12 s, 1e6 in about 1.2 s.
 *
 * Strata are not supported (labels would be permuted within strata). Validation: the exact
 * distribution is checked against a brute-force enumeration with R's survdiff over every
 * assignment (test/survival/fixtures/r/beyond.R).
 *
 * Reference: Good (2005), Permutation, Parametric and Bootstrap Tests of Hypotheses, ch. 3;
 * Heimann & Neuhaus (1998), Permutational distribution of the log-rank statistic under random
 * censorship with applications to carcinogenicity assays, Biometrics 54:168-184.
 */
import { chiSquareUpper } from "../core/distributions.js";
import { checkSeed } from "../core/random.js";
import { checkData, checkEvents, checkLabels, checkOneOf, checkOptions, checkTimes } from "../core/validate.js";
import { SurvivalInputError, show } from "../errors.js";
import { logRankTest } from "../logrank/logRankTest.js";
import type { LogRankWeight } from "../logrank/weights.js";
import { countAssignments, permutationCount, permutationEngine, type PermutationDistribution } from "./permutationEngine.js";
import { printable } from "../print/printable.js";
import { printPermutationLogRank } from "../print/printBeyond.js";

export type { PermutationDistribution } from "./permutationEngine.js";

export interface PermutationLogRankData {
  time: ArrayLike<number>;
  /** 1/true = event, 0/false = censored. */
  event: ArrayLike<number | boolean>;
  /** Group labels (k >= 2 distinct values). */
  group: ArrayLike<string | number>;
}

export interface PermutationLogRankOptions {
  /** Default: "exact" when feasible (<= EXACT_LIMIT assignments), else "monte-carlo". */
  distribution?: PermutationDistribution;
  /** Monte Carlo draws, a positive integer; default 10,000. */
  draws?: number;
  /** Seed of the generator, an integer in [0, 2^32); default 1. */
  seed?: number;
  /** As logRankTest: default "logrank". */
  weight?: LogRankWeight;
  /** Fleming-Harrington exponents, as logRankTest. */
  p?: number;
  q?: number;
}

export interface PermutationLogRankResult {
  /** The observed chi-square statistic (as logRankTest). */
  readonly statistic: number;
  readonly df: number;
  /** Permutation p-value: exact share, or (b + 1) / (B + 1) for Monte Carlo. */
  readonly pValue: number;
  /** Monte Carlo standard error of pValue, sqrt(p (1 - p) / B); 0 for the exact distribution. */
  readonly mcError: number;
  /** Assignments evaluated: all of them (exact) or B (Monte Carlo). */
  readonly draws: number;
  /** Number of distinct assignments of the labels with the group sizes fixed. */
  readonly assignments: number;
  /** "exact" or "monte-carlo": how the permutation distribution was obtained. */
  readonly distribution: PermutationDistribution;
  /** The seed used (Monte Carlo), or null. */
  readonly seed: number | null;
  /** The large-sample chi-square p-value of the same statistic, for comparison. */
  readonly chiSquarePValue: number;
  readonly groups: readonly (string | number)[];
  readonly weight: LogRankWeight;
  /** The test in words, e.g. "Exact permutation test of the Log-rank test (R survdiff, rho = 0): ...". */
  readonly method: string;
}

/** Largest number of assignments the exact distribution enumerates. */
export const EXACT_LIMIT = 1e7;
const DATA_FIELDS = ["time", "event", "group"];
const OPTION_NAMES = ["distribution", "draws", "seed", "weight", "p", "q"];
const DISTRIBUTIONS: readonly PermutationDistribution[] = ["exact", "monte-carlo"];

function describeCount(sizes: number[]): string {
  const n = sizes.reduce((a, b) => a + b, 0);
  return sizes.length === 2 ? `choose(${n}, ${sizes[1]})` : `${n}! / (${sizes.map((s) => `${s}!`).join(" ")})`;
}

/**
 * The permutation p-value of the log-rank test (or a weighted version) of k >= 2 groups.
 *
 * @param data     `{ time, event, group }`, as logRankTest takes them (no strata)
 * @param options  `distribution` ("exact" or "monte-carlo"; default exact when at most
 *                 EXACT_LIMIT assignments), `draws` (default 10,000) and `seed` (default 1) for
 *                 Monte Carlo, and logRankTest's `weight`, `p`, `q`
 * @returns        a frozen result: the observed `statistic` and `df`, the permutation `pValue`
 *                 with its `mcError`, the `draws` evaluated, the number of `assignments`, the
 *                 `distribution`, `seed`, the large-sample `chiSquarePValue`, `groups`, `weight`
 *                 and `method`
 * @throws SurvivalInputError  for bad data or options (as logRankTest), strata, an unknown
 *                 field or option, draws or seed with the exact distribution, or an exact
 *                 distribution with more than EXACT_LIMIT assignments
 *
 * @example
 * const data = { time: [1, 2, 3, 4, 5, 6, 7, 8], event: [1, 1, 1, 0, 1, 1, 0, 1], group: [1, 1, 1, 1, 2, 2, 2, 2] };
 * const r = permutationLogRank(data);    // choose(8, 4) = 70 assignments: exact
 * r.distribution;                        // => "exact"
 * r.assignments;                         // => 70
 * r.pValue;                              // => 0.0571
 * permutationLogRank(data, { distribution: "monte-carlo", draws: 2000, seed: 7 }).draws; // => 2000
 */
export function permutationLogRank(
  data: PermutationLogRankData,
  options?: PermutationLogRankOptions,
): PermutationLogRankResult {
  if (data !== null && typeof data === "object" && (data as { strata?: unknown }).strata !== undefined) {
    throw new SurvivalInputError(
      "strata: permutationLogRank does not permute within strata; leave strata out or use logRankTest",
      "strata",
      undefined,
      (data as { strata?: unknown }).strata,
    );
  }
  const d = checkData("permutationLogRank", data, DATA_FIELDS);
  const o = checkOptions("permutationLogRank", options, OPTION_NAMES);
  // The observed test validates the data and the weight options with logRankTest's messages.
  const observedTest = logRankTest(
    { time: d.time as ArrayLike<number>, event: d.event as ArrayLike<number>, group: d.group as ArrayLike<string> },
    { weight: o.weight as LogRankWeight | undefined, p: o.p as number | undefined, q: o.q as number | undefined },
  );
  const weight = observedTest.weight;
  let distribution: PermutationDistribution | undefined =
    o.distribution === undefined ? undefined : checkOneOf("distribution", o.distribution, DISTRIBUTIONS);
  let draws = 10_000;
  if (o.draws !== undefined) {
    if (typeof o.draws !== "number" || !Number.isInteger(o.draws) || o.draws < 1 || o.draws > 1e9) {
      throw new SurvivalInputError(
        `draws is ${show(o.draws)}: the number of Monte Carlo draws must be a positive integer (at most 1e9)`,
        "draws",
        undefined,
        o.draws,
      );
    }
    draws = o.draws;
  }
  const seed = o.seed === undefined ? 1 : checkSeed(o.seed);
  if (distribution === "exact" && (o.draws !== undefined || o.seed !== undefined)) {
    const key = o.draws !== undefined ? "draws" : "seed";
    throw new SurvivalInputError(
      `${key} is ${show(o[key])} but distribution is "exact": ${key} applies only to distribution "monte-carlo"`,
      key,
      undefined,
      o[key],
    );
  }

  const time = checkTimes("time", d.time);
  const n = time.length;
  const event = checkEvents("event", d.event, n);
  const group = checkLabels("group", d.group, n);
  const k = group.levels.length;
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) sizes[group.codes[i]]++;
  const assignments = countAssignments(sizes);
  if (distribution === undefined) {
    distribution = o.draws === undefined && o.seed === undefined && assignments <= EXACT_LIMIT ? "exact" : "monte-carlo";
  }
  if (distribution === "exact" && assignments > EXACT_LIMIT) {
    throw new SurvivalInputError(
      `distribution is "exact" but the ${n} rows (groups of ${sizes.join(", ")}) have ${describeCount(sizes)} = ` +
        `${assignments.toPrecision(3)} assignments of the labels, more than the ${EXACT_LIMIT.toExponential()} ` +
        `that can be enumerated in reasonable time: use distribution "monte-carlo"`,
      "distribution",
      undefined,
      "exact",
    );
  }

  const engine = permutationEngine(time, event, k, weight, observedTest.p ?? 1, observedTest.q ?? 0);
  const count = permutationCount(engine, group.codes, distribution, draws, seed);
  const df = observedTest.df;
  return printable({
    statistic: count.observed,
    df,
    pValue: count.pValue,
    mcError: count.mcError,
    draws: count.evaluated,
    assignments,
    distribution,
    seed: distribution === "monte-carlo" ? seed : null,
    chiSquarePValue: chiSquareUpper(count.observed, df),
    groups: Object.freeze(group.levels.slice()),
    weight,
    method:
      distribution === "exact"
        ? `Exact permutation test of the ${observedTest.method}: all ${count.evaluated} assignments of the labels, group sizes fixed`
        : `Monte Carlo permutation test of the ${observedTest.method}: ${draws} random assignments (seed ${seed}), p = (b + 1) / (B + 1)`,
  }, printPermutationLogRank);
}
