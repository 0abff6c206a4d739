/**
 * Forensics on a reported 1-year chi-square that the paper's own table does not give: which
 * computation on the patient rows, or which nearby table, prints as the reported number? Every
 * candidate below is computed and judged at the precision printed (atPrecision); what matches
 * is reported, and so is the closest candidate of each family. Nothing matching is a finding.
 *
 * Families, in order (the "paper's table" is oneYearTable(rows, { cutoff, inclusive: true })):
 * 1. "test on the paper's table": Pearson, Yates, likelihood-ratio G, N-1 and the unpooled
 *    Wald chi-square (twoByTwoStatistics). Fisher's exact test has no statistic.
 * 2. "Kaplan-Meier at the cut-off": the arms' S(cutoff) compared on the plain, log and log-log
 *    scales with Greenwood variances (kmRateTest).
 * 3. "other cut-off": the table of every other cut-off rule, months <= t and months < t for
 *    every distinct time t in the rows, each distinct table once (under the first rule that
 *    gives it), with Pearson, Yates, G and N-1.
 * 4. "other denominator": (a) only the patients with an event, within vs after the cut-off;
 *    (b) the patients whose event came after the cut-off left out; Pearson, Yates, G and N-1
 *    on each; (c) the events within the cut-off against the arm sizes (goodness of fit,
 *    Σ (O - E)² / E with E = events × n_arm / N, 1 df).
 * 5. "log-rank": survdiff's chi-square and its per-group terms (O - E)² / E (the textbook's
 *    approximate log-rank statistic is their sum), on the whole follow-up and on the first
 *    year only (follow-up stopped at the cut-off: later events censored there), and the
 *    Gehan-Breslow and Tarone-Ware statistics of the first year.
 * 6. "other table": the other endpoint's 1-year table (a mix-up of the tables), inclusive and
 *    exclusive, with Pearson, Yates, G and N-1 (when `other` is given).
 * 7. "nearby table": every table within maxChanges patient changes of the paper's table
 *    (nearbyTables: a patient added, removed or moved; arm sizes may change), with Pearson,
 *    Yates, G and N-1.
 *
 * Reference values: test/study/fixtures/r/beyond-notebook.R recomputes every family in R
 * (chisq.test, survdiff, summary(survfit, times)) and searches the nearby tables by brute force.
 */
import { chiSquareUpper } from "../../survival/core/distributions.js";
import { atPrecision, type PrintedNumber } from "../claims/atPrecision.js";
import { oneYearTable, type EndpointRows } from "../data/oneYearTable.js";
import { LOG_RANK_TESTS } from "../../survival/logrank/logRankTests.js";
import { SurvivalInputError, show } from "../../survival/errors.js";
import { armData, groupData } from "../data/armData.js";
import { checkRows } from "../data/checkRows.js";
import { checkOptions } from "../../survival/core/validate.js";
import { kmRateTest } from "./kmRateTest.js";
import { nearbyTables } from "./nearbyTables.js";
import { twoByTwoStatistics, type TwoByTwoStatisticId } from "./twoByTwoStatistics.js";

export const FORENSIC_FAMILIES = Object.freeze([
  "test on the paper's table",
  "Kaplan-Meier at the cut-off",
  "other cut-off",
  "other denominator",
  "log-rank",
  "other table",
  "nearby table",
] as const);
export type ForensicFamily = (typeof FORENSIC_FAMILIES)[number];

export interface ForensicCandidate {
  readonly family: ForensicFamily;
  /** What was computed, in words. */
  readonly computation: string;
  /** The 2x2 table it was computed on, or null (Kaplan-Meier, log-rank). */
  readonly table: readonly (readonly number[])[] | null;
  /** Patients changed from the paper's table (nearby tables), else null. */
  readonly changes: number | null;
  readonly statistic: number;
  /** Upper chi-square(1) tail of the statistic. */
  readonly pValue: number;
  /** The statistic rounded to the decimals printed. */
  readonly rounded: string;
  /** It prints as the reported value. */
  readonly matches: boolean;
}

export interface ChiSquareForensicsOptions {
  /** Cut-off in months; default 12. */
  readonly cutoff?: number;
  /** Nearby tables up to this many patient changes; default 3. */
  readonly maxChanges?: number;
  /** The other endpoint's rows, for family 6. */
  readonly other?: EndpointRows;
}

export interface ChiSquareForensicsResult {
  readonly reported: PrintedNumber;
  /** The paper's 1-year table (inclusive cut-off). */
  readonly table: readonly (readonly number[])[];
  readonly cutoff: number;
  readonly maxChanges: number;
  readonly candidates: readonly ForensicCandidate[];
  /** Candidates that print as the reported value. */
  readonly matches: readonly ForensicCandidate[];
  /** The matches computed from the paper's rows: every family but the nearby tables. */
  readonly matchesFromRows: readonly ForensicCandidate[];
  /** The candidate computed from the paper's rows (every family but the nearby tables) nearest the reported value. */
  readonly nearestFromRows: ForensicCandidate;
  /** Per family (in FORENSIC_FAMILIES order, those with candidates): the count and the candidate nearest the reported value. */
  readonly byFamily: readonly { readonly family: ForensicFamily; readonly candidates: number; readonly matches: number; readonly closest: ForensicCandidate }[];
}

type Table = readonly (readonly number[])[];
const TABLE_TESTS: readonly TwoByTwoStatisticId[] = ["pearson", "yates", "likelihood-ratio", "n-1"];
const key = (t: Table) => `[[${t[0].join(", ")}], [${t[1].join(", ")}]]`;
const degenerate = (t: Table) => t[0][0] + t[0][1] === 0 || t[1][0] + t[1][1] === 0 || t[0][0] + t[1][0] === 0 || t[0][1] + t[1][1] === 0;

/**
 * Every candidate computation, judged at the precision printed; see the module comment.
 *
 * @param rows      the endpoint's patient table `{ group, status, months }`
 * @param reported  the statistic as printed: text, value, decimals
 * @param options   `cutoff` (default 12), `maxChanges` (nearby tables; default 3), `other` (the
 *                  other endpoint's table, for family 6)
 * @returns         a frozen result: the paper's `table`, every `candidates`, the `matches` (and those
 *                  computed from the rows, `matchesFromRows`), the candidate from the rows nearest
 *                  the reported value (`nearestFromRows`), and per family its count and closest
 *                  candidate (`byFamily`)
 * @throws SurvivalInputError  for a reported that is not a printed number, bad rows (oneYearTable),
 *                  a bad maxChanges, a field other than the table's, or an unknown option
 *
 * @example
 * const study = loadStudy();
 * const f = chiSquareForensics(study.lung_metastasis, { text: "4.62", value: 4.62, decimals: 2 }, { other: study.recurrence });
 * f.table;                                   // => [[6, 17], [10, 6]]
 * f.byFamily.map((b) => b.matches);          // => [0, 0, 0, 0, 0, 0, 2] (only two tables 3 patients away print as 4.62)
 * f.nearestFromRows.statistic;               // => 4.642 (the nearest computed from the rows: (O - E)² / E of group 2)
 */
export function chiSquareForensics(rows: EndpointRows, reported: PrintedNumber, options: ChiSquareForensicsOptions = {}): ChiSquareForensicsResult {
  if (!reported || typeof reported.value !== "number" || !Number.isInteger(reported.decimals) || typeof reported.text !== "string") {
    throw new SurvivalInputError(`reported is ${show(reported)}: it must be a printed number { text, value, decimals }`, "reported", undefined, reported);
  }
  checkRows("chiSquareForensics", rows);
  checkOptions("chiSquareForensics", options, ["cutoff", "maxChanges", "other"]);
  if (options.other !== undefined) checkRows("chiSquareForensics", options.other, "options.other");
  const cutoff = options.cutoff ?? 12;
  const maxChanges = options.maxChanges ?? 3;
  const paper = oneYearTable(rows, { cutoff, inclusive: true }); // validates rows and cut-off
  const table = paper.table;
  const candidates: ForensicCandidate[] = [];
  const add = (family: ForensicFamily, computation: string, t: Table | null, changes: number | null, statistic: number) => {
    const j = atPrecision(statistic, reported);
    candidates.push(
      Object.freeze({
        family,
        computation,
        table: t === null ? null : Object.freeze(t.map((r) => Object.freeze(r.slice()))),
        changes,
        statistic,
        pValue: chiSquareUpper(statistic, 1),
        rounded: j.rounded,
        matches: j.matches,
      }),
    );
  };
  const addTable = (family: ForensicFamily, what: string, t: Table, changes: number | null, tests = TABLE_TESTS) => {
    for (const s of twoByTwoStatistics(t, tests)) add(family, `${s.test} on ${what}`, t, changes, s.statistic);
  };

  // 1. Tests on the paper's table.
  addTable("test on the paper's table", `the 1-year table ${key(table)}`, table, null, [...TABLE_TESTS, "unpooled-wald"]);

  // 2. Kaplan-Meier at the cut-off.
  for (const r of kmRateTest(armData(rows, 1), armData(rows, 2), cutoff)) {
    add("Kaplan-Meier at the cut-off", `S(${cutoff}) compared on the ${r.scale} scale (Greenwood)`, null, null, r.statistic);
  }

  // 3. Other cut-offs: each distinct table once.
  const seen = new Set<string>([key(table)]);
  const times = [...new Set(Array.from(rows.months))].sort((a, b) => a - b);
  for (const t of times) {
    for (const inclusive of [true, false]) {
      const tab = oneYearTable(rows, { cutoff: t, inclusive }).table;
      if (degenerate(tab) || seen.has(key(tab))) continue;
      seen.add(key(tab));
      addTable("other cut-off", `${key(tab)} (events with months ${inclusive ? "<=" : "<"} ${t})`, tab, null);
    }
  }

  // 4. Other denominators.
  const among = [[0, 0], [0, 0]];
  const withoutLater = [[0, 0], [0, 0]];
  for (let i = 0; i < rows.group.length; i++) {
    const r = rows.group[i] - 1;
    const within = rows.status[i] === 1 && rows.months[i] <= cutoff;
    const later = rows.status[i] === 1 && rows.months[i] > cutoff;
    if (rows.status[i] === 1) among[r][within ? 0 : 1]++;
    if (!later) withoutLater[r][within ? 0 : 1]++;
  }
  if (!degenerate(among)) addTable("other denominator", `${key(among)} (patients with an event: within vs after ${cutoff} months)`, among, null);
  if (!degenerate(withoutLater)) {
    addTable("other denominator", `${key(withoutLater)} (patients with an event after ${cutoff} months left out)`, withoutLater, null);
  }
  const events = table[0][0] + table[1][0];
  const n = paper.n[0] + paper.n[1];
  if (events > 0) {
    const gof = [0, 1].reduce((s, r) => {
      const e = (events * paper.n[r]) / n;
      return s + (table[r][0] - e) ** 2 / e;
    }, 0);
    add("other denominator", `the ${events} events within ${cutoff} months against the arm sizes (goodness of fit)`, null, null, gof);
  }

  // 5. Log-rank, whole follow-up and first year.
  const [logRank, ...weighted] = LOG_RANK_TESTS.filter((t) => t.spss !== null);
  const whole = groupData(rows);
  const firstYear = {
    time: whole.time.map((m) => Math.min(m, cutoff)),
    event: whole.event.map((s, i) => (s === 1 && whole.time[i] <= cutoff ? 1 : 0)),
    group: whole.group,
  };
  for (const [span, data] of [["whole follow-up", whole], [`first ${cutoff} months (follow-up stopped at ${cutoff})`, firstYear]] as const) {
    const lr = logRank.test(data);
    add("log-rank", `log-rank chi-square, ${span}`, null, null, lr.statistic);
    const terms = lr.observed.map((o, g) => (o - lr.expected[g]) ** 2 / lr.expected[g]);
    terms.forEach((x, g) => add("log-rank", `(O - E)² / E of group ${lr.groups[g]}, ${span}`, null, null, x));
    add("log-rank", `Σ (O - E)² / E over the groups, ${span}`, null, null, terms.reduce((a, b) => a + b, 0));
    if (data === firstYear) {
      for (const t of weighted) add("log-rank", `${t.name} chi-square, ${span}`, null, null, t.test(data).statistic);
    }
  }

  // 6. The other endpoint's table.
  if (options.other) {
    for (const inclusive of [true, false]) {
      const tab = oneYearTable(options.other, { cutoff, inclusive }).table;
      if (!degenerate(tab)) addTable("other table", `the other endpoint's table ${key(tab)} (months ${inclusive ? "<=" : "<"} ${cutoff})`, tab, null);
    }
  }

  // 7. Nearby tables.
  for (const near of nearbyTables(table, maxChanges)) {
    addTable("nearby table", `${key(near.table)} (${near.description})`, near.table, near.changes);
  }

  const value = reported.value;
  const closest = (of: readonly ForensicCandidate[]) =>
    of.reduce((best, c) => (Math.abs(c.statistic - value) < Math.abs(best.statistic - value) ? c : best));
  const byFamily = FORENSIC_FAMILIES.flatMap((family) => {
    const of = candidates.filter((c) => c.family === family);
    if (of.length === 0) return [];
    return [Object.freeze({ family, candidates: of.length, matches: of.filter((c) => c.matches).length, closest: closest(of) })];
  });
  const fromRows = candidates.filter((c) => c.family !== "nearby table");
  return Object.freeze({
    reported: Object.freeze({ text: reported.text, value: reported.value, decimals: reported.decimals }),
    table,
    cutoff,
    maxChanges,
    candidates: Object.freeze(candidates),
    matches: Object.freeze(candidates.filter((c) => c.matches)),
    matchesFromRows: Object.freeze(fromRows.filter((c) => c.matches)),
    nearestFromRows: closest(fromRows),
    byFamily: Object.freeze(byFamily),
  });
}
