/**
 * Which test did the paper print? A claim's printed statistic against every test of its family,
 * on the data the claim is about:
 * - twoByTwoFamily: a 1-year chi-square claim ("chisq-1y") against TWO_BY_TWO_TESTS on the
 *   claim's 1-year table (oneYearTable with the claim's cut-off rule);
 * - logRankFamily: a Kaplan-Meier chi-square claim ("logrank") against LOG_RANK_TESTS on the
 *   endpoint's rows.
 * A test "prints as" the paper's statistic when its statistic rounds to the digits printed
 * (atPrecision). The result lists every test with its SPSS and R names and its result, which
 * print as the printed value, and which are significant at alpha; a note says so in words (with,
 * for the log-rank, the direction of the difference the claim states).
 */
import { checkOptions } from "../../survival/core/validate.js";
import { TWO_BY_TWO_TESTS, type TwoByTwoOutcome } from "../../survival/contingency/twoByTwoTests.js";
import { LOG_RANK_TESTS } from "../../survival/logrank/logRankTests.js";
import type { LogRankResult } from "../../survival/logrank/logRankTest.js";
import { SurvivalInputError, show } from "../../survival/errors.js";
import { groupData } from "../data/armData.js";
import { ENDPOINT_TABLES, loadStudy, type Study } from "../data/loadEndpoint.js";
import { oneYearTable } from "../data/oneYearTable.js";
import type { StudyTable } from "../endpoint/labels.js";
import { atPrecision } from "./atPrecision.js";
import type { Claim, ReportedValue } from "./claims.js";

export interface FamilyTest<R> {
  readonly id: string;
  readonly name: string;
  /** What it is: the 2x2 test's description, the log-rank test's weight. */
  readonly what: string;
  readonly spss: string | null;
  readonly r: string;
  readonly result: R;
  /** Its statistic rounds to the digits printed (false for a test without a statistic). */
  readonly printsAs: boolean;
}

export interface TestFamily<R> extends StudyTable {
  /** The claim's id. */
  readonly claim: string;
  readonly printed: ReportedValue;
  readonly tests: readonly FamilyTest<R>[];
  /** Names of the tests that print as the printed value. */
  readonly printedBy: readonly string[];
  /** Names of the tests with p < alpha. */
  readonly significant: readonly string[];
  readonly alpha: number;
  /** The findings in words (markdown). */
  readonly note: string;
}

export interface TestFamilyOptions {
  /** Default loadStudy(). */
  readonly study?: Study;
  /** Significance level of the calls; default 0.05. */
  readonly alpha?: number;
}

type Outcome = { readonly statistic: number | null; readonly df: number | null; readonly pValue: number };
type Spec = { readonly id: string; readonly name: string; readonly what: string; readonly spss: string | null; readonly r: string };

/** The family judged against the claim's printed value; `extra` adds sentences to the note. */
function judge<R extends Outcome>(claim: Claim, specs: readonly Spec[], results: readonly R[], alpha: number, caption: string, extra: string[] = []): TestFamily<R> {
  const printed = claim.values[0];
  const tests = specs.map((s, i) =>
    Object.freeze({
      id: s.id,
      name: s.name,
      what: s.what,
      spss: s.spss,
      r: s.r,
      result: results[i],
      printsAs: results[i].statistic !== null && atPrecision(results[i].statistic!, printed).matches,
    }),
  );
  const printedBy = tests.filter((t) => t.printsAs).map((t) => t.name);
  const significant = tests.filter((t) => t.result.pValue < alpha).map((t) => t.name);
  const split = significant.length > 0 && significant.length < tests.length;
  const column = <T,>(f: (t: FamilyTest<R>) => T) => Object.freeze(tests.map(f));
  const note = [
    `The paper's χ² = ${printed.text} is ` +
      (printedBy.length > 0 ? `the **${printedBy.join(", ")}** statistic at the precision printed.` : "printed by **none** of these tests."),
    `p < ${alpha} with: ${significant.join(", ") || "none"}${split ? ". The significance call depends on the test." : "."}`,
    ...extra,
  ].join(" ");
  return Object.freeze({
    claim: claim.id,
    printed,
    tests: Object.freeze(tests),
    printedBy: Object.freeze(printedBy),
    significant: Object.freeze(significant),
    alpha,
    caption,
    columns: Object.freeze({
      test: column((t) => t.name),
      "what it is": column((t) => t.what),
      SPSS: column((t) => t.spss ?? "(not offered)"),
      R: column((t) => t.r),
      "χ²": column((t) => t.result.statistic),
      df: column((t) => t.result.df),
      p: column((t) => t.result.pValue),
      [`p < ${alpha}`]: column((t) => (t.result.pValue < alpha ? "yes" : "no")),
      paper: column(() => `χ² = ${printed.text}${claim.comparison ? `, ${claim.comparison.text}` : ""}`),
      "prints as the paper's χ²": column((t) => (t.result.statistic === null ? "" : t.printsAs ? "YES" : "no")),
    }),
    note,
  });
}

function checkClaim(fn: string, claim: Claim, kind: "chisq-1y" | "logrank") {
  if (claim?.check?.kind !== kind || claim.values.length !== 1) {
    throw new SurvivalInputError(`claim ${show(claim?.id)} is not a ${kind} claim with a printed statistic`, "claim", undefined, claim?.id);
  }
}

/**
 * A 1-year chi-square claim against every test of TWO_BY_TWO_TESTS on its 1-year table.
 *
 * @param claim    a claim of data/claims.json of kind "chisq-1y" with a printed statistic
 * @param options  `study` (default loadStudy()), `alpha` (default 0.05)
 * @returns        a frozen TestFamily: `tests` (id, name, what, spss, r, result, printsAs), `printedBy`,
 *                 `significant`, `note`, and the table's `caption` and `columns`
 * @throws SurvivalInputError  for a claim of another kind or without a printed statistic, a table
 *                 the tests refuse, or an unknown option
 *
 * @example
 * const f = twoByTwoFamily(printedClaim("chisq-1y", "recurrence"));
 * f.printedBy;                                   // => ["Pearson"]
 * f.tests.map((t) => t.result.statistic);        // => [3.813, 2.639, 3.936, 3.715, null]
 */
export function twoByTwoFamily(claim: Claim, options: TestFamilyOptions = {}): TestFamily<TwoByTwoOutcome> {
  checkOptions("twoByTwoFamily", options, ["study", "alpha"]);
  checkClaim("twoByTwoFamily", claim, "chisq-1y");
  const k = claim.check as Extract<Claim["check"], { kind: "chisq-1y" }>;
  const rows = (options.study ?? loadStudy())[k.endpoint];
  const { table } = oneYearTable(rows, { cutoff: k.cutoff, inclusive: k.inclusive });
  const caption = `Every 2 x 2 test on the 1-year table [[${table[0].join(", ")}], [${table[1].join(", ")}]] of ${ENDPOINT_TABLES[k.endpoint]}, against the paper's χ² (${claim.id})`;
  const specs = TWO_BY_TWO_TESTS.map((t) => ({ ...t, what: t.description }));
  return judge(claim, specs, TWO_BY_TWO_TESTS.map((t) => t.test(table)), options.alpha ?? 0.05, caption);
}

/**
 * A Kaplan-Meier chi-square claim against every test of LOG_RANK_TESTS on the endpoint's rows; the
 * note adds whether group 1 had fewer events than the log-rank test expects (longer times to the
 * event), the direction the claim states.
 *
 * @param claim    a claim of data/claims.json of kind "logrank" with a printed statistic
 * @param options  `study` (default loadStudy()), `alpha` (default 0.05)
 * @returns        a frozen TestFamily: `tests` (id, name, what, spss, r, result, printsAs), `printedBy`,
 *                 `significant`, `note`, and the table's `caption` and `columns`
 * @throws SurvivalInputError  for a claim of another kind or without a printed statistic, or an
 *                 unknown option
 *
 * @example
 * const f = logRankFamily(printedClaim("logrank", "recurrence"));
 * f.printedBy;                                   // => ["Log-rank"]
 * f.tests.map((t) => t.result.statistic);        // => [8.627, 10.14, 9.561, 10.24]
 */
export function logRankFamily(claim: Claim, options: TestFamilyOptions = {}): TestFamily<LogRankResult> {
  checkOptions("logRankFamily", options, ["study", "alpha"]);
  checkClaim("logRankFamily", claim, "logrank");
  const k = claim.check as Extract<Claim["check"], { kind: "logrank" }>;
  const data = groupData((options.study ?? loadStudy())[k.endpoint]);
  const results = LOG_RANK_TESTS.map((t) => t.test(data));
  const logRank = results[0];
  const g1 = logRank.groups.indexOf(1);
  const fewer = logRank.observed[g1] < logRank.expected[g1];
  const direction =
    `Group 1 had ${fewer ? "fewer" : "more"} events than expected if the curves were equal: its times to the event are ` +
    `${fewer ? "longer" : "shorter"}` +
    (k.direction === "group1-longer" ? (fewer ? ", the direction the paper reports." : ", against the paper.") : ".");
  const caption = `Tests of equal curves on ${ENDPOINT_TABLES[k.endpoint]}, against the paper's χ² (${claim.id})`;
  const specs = LOG_RANK_TESTS.map((t) => ({ ...t, what: `weight ${t.weight}` }));
  return judge(claim, specs, results, options.alpha ?? 0.05, caption, [direction]);
}
