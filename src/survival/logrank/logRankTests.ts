/**
 * The tests of equal survival curves of the weighted log-rank family, defined once: each with an
 * `id`, the `name` a statistician uses, its weight, SPSS's label (the Kaplan-Meier procedure's
 * Compare Factor Levels offers the first three), R's call, the logRankTest `options` that select
 * it, and `test(data)`, which computes it. Claims, sensitivity sweeps, forensics, figures and
 * notebooks all read this list.
 *
 * | id | name | weight w | SPSS | R |
 * | --- | --- | --- | --- | --- |
 * | logrank | Log-rank | 1 | Log Rank (Mantel-Cox) | survdiff(Surv(time, status) ~ group) |
 * | gehan-breslow | Gehan-Breslow | n, the number at risk | Breslow (Generalized Wilcoxon) | coin::logrank_test(..., type = "Gehan-Breslow") |
 * | tarone-ware | Tarone-Ware | √n | Tarone-Ware | coin::logrank_test(..., type = "Tarone-Ware") |
 * | fleming-harrington | Fleming-Harrington G(1, 0) | S(t-), the pooled Kaplan-Meier | (none) | survdiff(..., rho = 1) |
 *
 * Each is a chi-square on k - 1 df for k groups (weights.ts gives the weights, logRankTest.ts the
 * statistic). The log-rank test weighs every event time alike; the others weigh early times,
 * when more patients are at risk, more (Klein & Moeschberger 2003, sec. 7.3). R's documentation
 * of survdiff calls rho = 1 the Peto & Peto modification of the Gehan-Wilcoxon test.
 *
 * @example
 * const d = { time: [1, 2, 3, 4, 5, 6], event: [1, 1, 0, 1, 1, 0], group: ["a", "a", "a", "b", "b", "b"] };
 * LOG_RANK_TESTS.map((t) => t.name);        // ["Log-rank", "Gehan-Breslow", "Tarone-Ware", "Fleming-Harrington G(1, 0)"]
 * LOG_RANK_TESTS[3].test(d).statistic;      // 2.4 (survdiff(rho = 1))
 */
import { logRankTest, type LogRankData, type LogRankOptions, type LogRankResult } from "./logRankTest.js";

export type LogRankTestId = "logrank" | "gehan-breslow" | "tarone-ware" | "fleming-harrington";

export interface LogRankTestSpec {
  readonly id: LogRankTestId;
  /** The short name a statistician uses, e.g. "Gehan-Breslow". */
  readonly name: string;
  /** The weight of an event time, in words. */
  readonly weight: string;
  /** The label of SPSS's Kaplan-Meier procedure, or null when SPSS does not offer the test. */
  readonly spss: string | null;
  /** R's call. */
  readonly r: string;
  /** The logRankTest options that select it. */
  readonly options: Readonly<LogRankOptions>;
  /** Computes it: logRankTest(data, options). */
  readonly test: (data: LogRankData) => LogRankResult;
}

const spec = (s: Omit<LogRankTestSpec, "test">): LogRankTestSpec =>
  Object.freeze({ ...s, options: Object.freeze({ ...s.options }), test: (data: LogRankData) => logRankTest(data, s.options) });

export const LOG_RANK_TESTS: readonly LogRankTestSpec[] = Object.freeze([
  spec({
    id: "logrank",
    name: "Log-rank",
    weight: "1",
    spss: "Log Rank (Mantel-Cox)",
    r: "survdiff(Surv(time, status) ~ group)",
    options: { weight: "logrank" },
  }),
  spec({
    id: "gehan-breslow",
    name: "Gehan-Breslow",
    weight: "n, the number at risk",
    spss: "Breslow (Generalized Wilcoxon)",
    r: 'coin::logrank_test(..., type = "Gehan-Breslow")',
    options: { weight: "gehan-breslow" },
  }),
  spec({
    id: "tarone-ware",
    name: "Tarone-Ware",
    weight: "√n",
    spss: "Tarone-Ware",
    r: 'coin::logrank_test(..., type = "Tarone-Ware")',
    options: { weight: "tarone-ware" },
  }),
  spec({
    id: "fleming-harrington",
    name: "Fleming-Harrington G(1, 0)",
    weight: "S(t-), the pooled Kaplan-Meier",
    spss: null,
    r: "survdiff(Surv(time, status) ~ group, rho = 1)",
    options: { weight: "fleming-harrington", p: 1, q: 0 },
  }),
]);

/**
 * The test of the family a logRankTest result is, by its weight (and Fleming-Harrington
 * exponents), or undefined for a weight outside the family (e.g. G(2, 0)): how a table or a
 * figure names a result without being told.
 */
export function logRankTestOf(result: Pick<LogRankResult, "weight" | "p" | "q">): LogRankTestSpec | undefined {
  return LOG_RANK_TESTS.find(
    (t) => t.options.weight === result.weight && (result.weight !== "fleming-harrington" || (t.options.p === result.p && t.options.q === result.q)),
  );
}
