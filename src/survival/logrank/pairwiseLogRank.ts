/**
 * Pairwise log-rank tests among k groups, with p-values adjusted for the k (k - 1) / 2
 * comparisons: R's survdiff on each pair of groups, then p.adjust over the pairs, as
 * survminer's pairwise_survdiff.
 *
 * Each pair is tested by logRankTest on that pair's rows alone (its own risk sets and, for the
 * weighted tests, its own pooled Kaplan-Meier), with the caller's weight, exponents, strata and
 * window tau. Pairs come in R's order: (1, 2), (1, 3), ..., (2, 3), ... of the sorted levels.
 * The default adjustment is Holm's (R's p.adjust default; survminer's pairwise_survdiff uses "BH").
 *
 * Reference: R survival's survdiff; survminer 0.4.9 pairwise_survdiff; Holm (1979);
 * Benjamini & Hochberg (1995).
 */
import { SurvivalInputError } from "../errors.js";
import {
  checkData,
  checkEntry,
  checkEvents,
  checkLabels,
  checkOneOf,
  checkOptions,
  checkTimes,
  checkWeights,
} from "../core/validate.js";
import { pAdjust, P_ADJUST_METHODS, type PAdjustMethod } from "../core/pAdjust.js";
import { logRankTest, type LogRankData, type LogRankOptions, type LogRankResult, type LogRankWeight } from "./logRankTest.js";

export type { PAdjustMethod } from "../core/pAdjust.js";

export interface PairwiseLogRankOptions extends LogRankOptions {
  /** "holm" (default, R's p.adjust default), "bonferroni", "BH" or "none". */
  adjust?: PAdjustMethod;
}

export interface LogRankPair {
  /** The two groups compared. */
  readonly groups: readonly [string | number, string | number];
  readonly statistic: number;
  readonly df: number;
  /** The pair's own p-value, unadjusted. */
  readonly pValue: number;
  /** The p-value adjusted over all pairs. */
  readonly adjustedP: number;
}

export interface PairwiseLogRankResult {
  readonly pairs: readonly LogRankPair[];
  readonly adjust: PAdjustMethod;
  readonly weight: LogRankWeight;
  readonly tau: number | null;
  readonly method: string;
}

const DATA_FIELDS = ["time", "event", "group", "strata", "weights", "entry"];
const OPTION_NAMES = ["adjust", "weight", "p", "q", "tau"];

const ADJUST_NAMES: Record<PAdjustMethod, string> = {
  holm: "Holm's method",
  bonferroni: "Bonferroni's method",
  BH: "Benjamini-Hochberg (false discovery rate)",
  none: "no adjustment",
};

/**
 * Tests every pair of groups and adjusts the p-values.
 *
 * @param data     `{ time, event, group, strata?, weights?, entry? }` as logRankTest takes it, with at least two groups
 * @param options  `adjust`: "holm" (default), "bonferroni", "BH" or "none"; and logRankTest's
 *                 `weight`, `p`, `q` and `tau`, applied to every pair
 * @returns        a frozen result: `pairs` ({ groups, statistic, df, pValue, adjustedP } per
 *                 pair, in R's order), `adjust`, `weight`, `tau` and `method`
 * @throws SurvivalInputError  for bad data or options (as logRankTest), or a pair that cannot be
 *                 tested (no events in it, no variance), naming the pair
 *
 * @example
 * const data = {
 *   time: [1, 2, 3, 4, 5, 6, 7, 8, 9, 3, 5, 7],
 *   event: [1, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0],
 *   group: ["a", "a", "a", "a", "b", "b", "b", "b", "c", "c", "c", "c"],
 * };
 * const pw = pairwiseLogRank(data);  // survminer::pairwise_survdiff(..., p.adjust.method = "holm")
 * pw.pairs.map((x) => x.groups);     // => [["a", "b"], ["a", "c"], ["b", "c"]]
 * pw.pairs[0].statistic;             // => 7.3444 (survdiff on groups a and b)
 * pw.pairs[0].pValue;                // => 0.006727
 * pw.pairs[0].adjustedP;             // => 0.02018 (Holm, over the 3 pairs)
 */
export function pairwiseLogRank(data: LogRankData, options?: PairwiseLogRankOptions): PairwiseLogRankResult {
  const d = checkData("pairwiseLogRank", data, DATA_FIELDS);
  const opts = checkOptions("pairwiseLogRank", options, OPTION_NAMES);
  const adjust = opts.adjust === undefined ? "holm" : checkOneOf("adjust", opts.adjust, P_ADJUST_METHODS);
  const { adjust: _, ...testOptions } = opts as PairwiseLogRankOptions;
  const time = checkTimes("time", d.time);
  const n = time.length;
  const event = checkEvents("event", d.event, n);
  const group = checkLabels("group", d.group, n);
  const strata = d.strata === undefined ? null : checkLabels("strata", d.strata, n);
  const weights = d.weights === undefined ? null : checkWeights("weights", d.weights, n);
  const entry = d.entry === undefined ? null : checkEntry("entry", d.entry, time);
  const k = group.levels.length;
  if (k < 2) {
    throw new SurvivalInputError(
      `group has a single value ${JSON.stringify(group.levels[0])}: pairwise tests need at least two groups`,
      "group",
      undefined,
      group.levels[0],
    );
  }
  const tests: Omit<LogRankPair, "adjustedP">[] = [];
  let first: LogRankResult | null = null;
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const rows: number[] = [];
      for (let i = 0; i < n; i++) if (group.codes[i] === a || group.codes[i] === b) rows.push(i);
      // The pair's rows, from the checked columns (a bad value was named above, at its own index).
      const sub: LogRankData = {
        time: rows.map((i) => time[i]),
        event: rows.map((i) => event[i]),
        group: rows.map((i) => group.levels[group.codes[i]]),
      };
      if (strata) sub.strata = rows.map((i) => strata.levels[strata.codes[i]]);
      if (weights) sub.weights = rows.map((i) => weights[i]);
      if (entry) sub.entry = rows.map((i) => entry[i]);
      const pair = [group.levels[a], group.levels[b]] as const;
      let lr;
      try {
        lr = logRankTest(sub, testOptions);
      } catch (e) {
        if (!(e instanceof SurvivalInputError)) throw e;
        throw new SurvivalInputError(
          `groups ${JSON.stringify(pair[0])} and ${JSON.stringify(pair[1])}: ${e.message}`,
          e.argument,
          undefined,
          e.value,
        );
      }
      first ??= lr;
      tests.push({ groups: Object.freeze([pair[0], pair[1]]) as LogRankPair["groups"], statistic: lr.statistic, df: lr.df, pValue: lr.pValue });
    }
  }
  const adjusted = pAdjust(
    tests.map((t) => t.pValue),
    adjust,
  );
  const pairs = tests.map((t, i) => Object.freeze({ ...t, adjustedP: adjusted[i] }));
  return Object.freeze({
    pairs: Object.freeze(pairs),
    adjust,
    weight: first!.weight,
    tau: first!.tau,
    method: describe(first!, strata !== null, adjust, pairs.length),
  });
}

function describe(lr: LogRankResult, stratified: boolean, adjust: PAdjustMethod, pairs: number): string {
  const test =
    lr.weight === "logrank"
      ? "log-rank tests (R survdiff)"
      : lr.weight === "gehan-breslow"
        ? "Gehan-Breslow tests"
        : lr.weight === "tarone-ware"
          ? "Tarone-Ware tests"
          : `Fleming-Harrington G(${lr.p}, ${lr.q}) tests`;
  const window = lr.tau === null ? "" : `, follow-up censored at tau = ${lr.tau}`;
  return (
    `Pairwise ${test} on each pair of groups${stratified ? ", stratified" : ""}${window}; ` +
    `p-values adjusted by ${ADJUST_NAMES[adjust]} over ${pairs} pairs`
  );
}
