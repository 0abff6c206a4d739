/**
 * Claim-by-claim verdicts: every claim of data/claims.json recomputed from the patient tables
 * (data/*.csv) through the library, and judged at the precision printed.
 *
 * Verdicts ([Re] / [¬Re] in ReScience's terms):
 * - "reproduced": the recomputed value rounds to the printed digits (see atPrecision), the
 *   recomputed p satisfies the stated comparison, and the stated direction holds (each where
 *   the claim has one);
 * - "not reproduced": any of these fails (the note says which, and what else was tried);
 * - "not checkable": no data here can check it (check.kind "none": cited studies, cohort facts).
 *
 * Methods by check kind:
 * - count: rows of the table (patients), or events within the cut-off (oneYearTable);
 * - rate-1y: events within the cut-off / patients of the group, in percent (the paper's crude
 *   proportion); the note gives the Kaplan-Meier 1 - S(cutoff) beside it;
 * - rate-1y-difference: group 1 rate - group 2 rate in percentage points (direction only);
 * - chisq-1y: the 2x2 table of oneYearTable through every test of TWO_BY_TWO_TESTS (Pearson,
 *   Yates, likelihood-ratio G, N-1, and Fisher's exact test); the verdict uses the first
 *   statistic that matches the printed value (else Pearson), and when none does,
 *   the note also reports the exclusive cut-off and every 2x2 table with the arms' sizes whose
 *   statistic would print as the reported value;
 * - logrank: the log-rank test (R survdiff, rho = 0), with the other tests of LOG_RANK_TESTS
 *   that SPSS offers (Gehan-Breslow, Tarone-Ware) in the note, and the Kaplan-Meier medians per
 *   group.
 * Nothing is typed in: every recomputed number comes from the data files.
 *
 * Links: a claim's optional `seeAlso` in data/claims.json names the results of notebook 6
 * ("Beyond the paper": hazard ratios, proportional hazards, RMST, permutation p, sensitivity,
 * forensics, power) that bear on it, by id (BEYOND_RESULT_IDS, src/study/claims/beyondResults.ts); the verdict carries them as `seeAlso`
 * (empty when there are none).
 */
import { checkOptions } from "../../survival/core/validate.js";
import { TWO_BY_TWO_TESTS } from "../../survival/contingency/twoByTwoTests.js";
import { kaplanMeier } from "../../survival/km/kaplanMeier.js";
import { LOG_RANK_TESTS } from "../../survival/logrank/logRankTests.js";
import { ENDPOINT_TABLES, loadStudy, type Study } from "../data/loadEndpoint.js";
import { oneYearTable } from "../data/oneYearTable.js";
import { DataFileError } from "../data/dataFileError.js";
import { armData, groupData } from "../data/armData.js";
import { atPrecision } from "./atPrecision.js";
import { loadClaims, type Check, type Claim, type Comparison } from "./claims.js";
import { satisfies, statcheck } from "./statcheck.js";
import { BEYOND_RESULT_IDS } from "./beyondResults.js";

export type Verdict = "reproduced" | "not reproduced" | "not checkable";

export interface ClaimVerdict {
  readonly id: string;
  readonly section: string;
  /** The check's kind: count, rate-1y, rate-1y-difference, chisq-1y, logrank, none. */
  readonly kind: Check["kind"];
  /** What the paper prints: the value(s) and the comparison, e.g. "3.81; p > 0.05". */
  readonly reported: string;
  /** The reported number checked, or null (none, or a claim with only a comparison or direction). */
  readonly reportedValue: number | null;
  /** The recomputed number, unrounded (null when not checkable). */
  readonly recomputed: number | null;
  /** The recomputed number rounded to the decimals printed (null without a reported value). */
  readonly recomputedRounded: string | null;
  /**
   * The recomputed number for tables: one digit more than the paper printed (whole numbers as
   * they are; 4 significant digits where the paper printed no number); null when not checkable.
   */
  readonly recomputedShown: string | null;
  /** recomputed - reportedValue, unrounded. */
  readonly difference: number | null;
  /** The recomputed p-value, for test claims. */
  readonly pValue: number | null;
  readonly verdict: Verdict;
  /** How the number was recomputed (test, variant, table). */
  readonly method: string;
  /** Why the verdict: precision, comparison, direction, what else was tried. */
  readonly note: string;
  /** Ids of the notebook-6 results that bear on the claim (data/claims.json `seeAlso`). */
  readonly seeAlso: readonly string[];
}

export interface EvaluateOptions {
  /** Default: loadClaims() (data/claims.json). */
  claims?: readonly Claim[];
  /** Default: loadStudy() (data/recurrence.csv, data/lung_metastasis.csv). */
  study?: Study;
}


/** Four significant digits, or exponent notation below 1e-4. */
export function fmt(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  return Math.abs(x) < 1e-4 ? x.toExponential(2) : String(Number(x.toPrecision(4)));
}

function cutoffText(cutoff: number, inclusive: boolean): string {
  return `events with months ${inclusive ? "<=" : "<"} ${cutoff} (${inclusive ? "inclusive" : "exclusive"} cut-off; censored patients count as no event)`;
}

const tableText = (t: readonly (readonly number[])[]) => `[[${t[0].join(", ")}], [${t[1].join(", ")}]]`;

/** The 2x2 tests with a statistic, in the order they are tried against a printed value, and Fisher's exact test. */
const CHI_SQUARES = TWO_BY_TWO_TESTS.filter((t) => t.id !== "fisher");
const FISHER = TWO_BY_TWO_TESTS.find((t) => t.id === "fisher")!;
/** The tests of equal curves SPSS's Kaplan-Meier procedure offers, the log-rank first. */
const SPSS_LOG_RANK = LOG_RANK_TESTS.filter((t) => t.spss !== null);

/** Statistic variants for a 2x2 table, in the order they are tried against a printed value. */
function chiSquareVariants(table: readonly (readonly number[])[]) {
  return CHI_SQUARES.map((t) => {
    const r = t.test(table);
    return { name: `${t.description} (R ${t.r}; SPSS "${t.spss}")`, short: t.name, statistic: r.statistic!, pValue: r.pValue };
  });
}

/** Every 2x2 table with these row totals (and no empty column) whose Pearson, Yates or G statistic prints as `text`. */
function tablesPrintingAs(n1: number, n2: number, reported: { text: string; value: number; decimals: number }): string[] {
  const hits: string[] = [];
  for (let a = 0; a <= n1; a++) {
    for (let c = 0; c <= n2; c++) {
      if (a + c === 0 || a + c === n1 + n2) continue; // an empty column: no test
      const t = [[a, n1 - a], [c, n2 - c]];
      for (const v of chiSquareVariants(t).slice(0, 3)) {
        if (atPrecision(v.statistic, reported).matches) hits.push(`${tableText(t)} (${v.short} ${fmt(v.statistic)})`);
      }
    }
  }
  return hits;
}

function reportedText(c: Claim): string {
  const parts = [];
  if (c.values.length > 0) parts.push(c.values.map((v) => v.text + (v.unit === "%" ? "%" : v.unit ? ` ${v.unit}` : "")).join(", "));
  if (c.comparison) parts.push(c.comparison.text);
  if (parts.length === 0 && c.check.kind === "rate-1y-difference") parts.push("lower in group 1 (下降趋势)");
  return parts.join("; ");
}

interface Partial {
  recomputed: number;
  pValue: number | null;
  method: string;
  notes: string[];
  /** Extra conditions beyond the printed value: [holds, description]. */
  conditions: [boolean, string][];
}

function judgeComparison(p: number, comparison: Comparison | null, conditions: [boolean, string][]) {
  if (!comparison) return;
  const ok = satisfies(p, comparison);
  conditions.push([ok, `recomputed p = ${fmt(p)} ${ok ? "satisfies" : "does NOT satisfy"} the stated ${comparison.text}`]);
}

function evaluateCheck(c: Claim, study: Study): Partial {
  const k = c.check;
  if (k.kind === "none") throw new Error("unreachable");
  const ep = study[k.endpoint];
  const where = ENDPOINT_TABLES[k.endpoint];
  const notes: string[] = [];
  const conditions: [boolean, string][] = [];

  if (k.kind === "count" && k.of === "patients") {
    const recomputed = k.group === null ? ep.n : ep.group.filter((g) => g === k.group).length;
    return { recomputed, pValue: null, method: `rows of ${where}${k.group === null ? "" : ` with group = ${k.group}`}`, notes, conditions };
  }
  if (k.kind === "count") {
    const t = oneYearTable(ep, { cutoff: k.cutoff, inclusive: k.inclusive });
    const count = (tab: typeof t) => (k.group === null ? tab.table[0][0] + tab.table[1][0] : tab.table[k.group - 1][0]);
    const other = oneYearTable(ep, { cutoff: k.cutoff, inclusive: !k.inclusive });
    if (count(other) !== count(t)) notes.push(`with an ${other.inclusive ? "inclusive" : "exclusive"} cut-off the count would be ${count(other)}`);
    return {
      recomputed: count(t),
      pValue: null,
      method: `${where}${k.group === null ? "" : `, group ${k.group}`}: ${cutoffText(k.cutoff, k.inclusive)}`,
      notes,
      conditions,
    };
  }
  if (k.kind === "rate-1y") {
    const t = oneYearTable(ep, { cutoff: k.cutoff, inclusive: k.inclusive });
    const r = k.group - 1;
    const recomputed = (100 * t.table[r][0]) / t.n[r];
    notes.push(`${t.table[r][0]}/${t.n[r]} = ${fmt(recomputed)}%`);
    if (k.inclusive) {
      const km = kaplanMeier(armData(ep, k.group));
      const kmRate = 100 * (1 - km.survivalAt(k.cutoff));
      notes.push(
        `Kaplan-Meier 1 - S(${k.cutoff}) = ${fmt(kmRate)}%` +
          (t.censoredBefore[r] === 0 ? ` (the same: nobody in group ${k.group} is censored before ${k.cutoff} months)` : ` (differs: ${t.censoredBefore[r]} censored before ${k.cutoff} months)`),
      );
    }
    return { recomputed, pValue: null, method: `${where}, group ${k.group}: ${cutoffText(k.cutoff, k.inclusive)} / patients, in percent`, notes, conditions };
  }
  if (k.kind === "rate-1y-difference") {
    const t = oneYearTable(ep, { cutoff: k.cutoff, inclusive: k.inclusive });
    const recomputed = 100 * (t.rate[0] - t.rate[1]);
    conditions.push([recomputed < 0, `group 1 ${fmt(100 * t.rate[0])}% vs group 2 ${fmt(100 * t.rate[1])}%: ${recomputed < 0 ? "lower" : "NOT lower"} in group 1`]);
    return { recomputed, pValue: null, method: `${where}: difference of the 1-year rates (group 1 - group 2), percentage points`, notes, conditions };
  }
  if (k.kind === "chisq-1y") {
    const t = oneYearTable(ep, { cutoff: k.cutoff, inclusive: k.inclusive });
    const variants = chiSquareVariants(t.table);
    const fisher = FISHER.test(t.table);
    const reported = c.values[0];
    const matched = reported ? variants.find((v) => atPrecision(v.statistic, reported).matches) : undefined;
    const used = matched ?? variants[0];
    const others = variants.filter((v) => v !== used).map((v) => `${v.short} ${fmt(v.statistic)} (p = ${fmt(v.pValue)})`);
    if (reported && matched) notes.push(`the printed ${reported.text} is the ${matched.short} statistic`);
    if (reported && !matched) {
      notes.push(`no variant prints as ${reported.text}`);
      const exclusive = oneYearTable(ep, { cutoff: k.cutoff, inclusive: !k.inclusive });
      if (tableText(exclusive.table) !== tableText(t.table)) {
        const ev = chiSquareVariants(exclusive.table);
        notes.push(
          `with an ${exclusive.inclusive ? "inclusive" : "exclusive"} cut-off the table is ${tableText(exclusive.table)}: ` +
            ev.slice(0, 3).map((v) => `${v.short} ${fmt(v.statistic)}`).join(", "),
        );
      }
      const hits = tablesPrintingAs(t.n[0], t.n[1], reported);
      notes.push(
        hits.length === 0
          ? `no 2x2 table with arms of ${t.n[0]} and ${t.n[1]} gives a Pearson, Yates or G statistic that prints as ${reported.text}`
          : `2x2 tables with arms of ${t.n[0]} and ${t.n[1]} whose statistic prints as ${reported.text}: ${hits.join("; ")}`,
      );
    }
    notes.push(`other variants: ${others.join(", ")}, ${FISHER.name} p = ${fmt(fisher.pValue)}`);
    judgeComparison(used.pValue, c.comparison, conditions);
    if (c.comparison) {
      const cmp = c.comparison;
      const all = [...variants.map((v) => ({ short: v.short, p: v.pValue })), { short: FISHER.name, p: fisher.pValue }];
      const holds = all.filter((v) => satisfies(v.p, cmp)).map((v) => v.short);
      const fails = all.filter((v) => !satisfies(v.p, cmp)).map((v) => v.short);
      if (holds.length > 0 && fails.length > 0) {
        notes.push(`the stated comparison holds with ${holds.join(", ")} but not with ${fails.join(", ")}: the call depends on the test`);
      }
    }
    if (k.direction) {
      const lower = t.rate[0] < t.rate[1];
      conditions.push([lower, `group 1 ${fmt(100 * t.rate[0])}% vs group 2 ${fmt(100 * t.rate[1])}%: ${lower ? "lower" : "NOT lower"} in group 1`]);
    }
    return {
      recomputed: used.statistic,
      pValue: used.pValue,
      method: `${used.name} on the 1-year table ${tableText(t.table)} from ${where} (${cutoffText(k.cutoff, k.inclusive)})`,
      notes,
      conditions,
    };
  }
  // logrank
  const data = groupData(ep);
  const [logRank, ...others] = SPSS_LOG_RANK;
  const lr = logRank.test(data);
  const reported = c.values[0];
  const alternatives = others.map((t) => ({ t, r: t.test(data) }));
  if (reported && !atPrecision(lr.statistic, reported).matches) {
    const hit = alternatives.find((a) => atPrecision(a.r.statistic, reported).matches);
    notes.push(
      hit
        ? `the printed ${reported.text} is the ${hit.t.name} statistic, not the ${logRank.name.toLowerCase()}`
        : `no test SPSS offers (${SPSS_LOG_RANK.map((t) => t.name).join(", ")}) prints as ${reported.text}`,
    );
  }
  notes.push(alternatives.map((a) => `${a.t.name} (SPSS "${a.t.spss}") ${fmt(a.r.statistic)}`).join(", "));
  const medians = [1, 2].map((g) => kaplanMeier(armData(ep, g)).median.estimate);
  notes.push(`Kaplan-Meier medians: group 1 ${medians[0] ?? "not reached"}, group 2 ${medians[1] ?? "not reached"} months`);
  judgeComparison(lr.pValue, c.comparison, conditions);
  if (k.direction) {
    const i = lr.groups.indexOf(1);
    const longer = lr.observed[i] < lr.expected[i];
    conditions.push([
      longer,
      `group 1 observed ${lr.observed[i]} vs expected ${fmt(lr.expected[i])} events: ${longer ? "longer" : "NOT longer"} times in group 1`,
    ]);
  }
  return { recomputed: lr.statistic, pValue: lr.pValue, method: `${logRank.name} test (R ${logRank.r}; SPSS "${logRank.spss}") on ${where}`, notes, conditions };
}

/**
 * The claim's `seeAlso` ids, checked: distinct ids of results of notebook 6 (BEYOND_RESULT_IDS); [] when absent.
 *
 * @param c  a claim of data/claims.json
 * @returns  the ids, frozen
 * @throws DataFileError  for a seeAlso that is not an array of distinct ids of BEYOND_RESULT_IDS
 *
 * @example
 * seeAlsoOf(loadClaims().find((c) => c.id === "res-lung-1y-chisq")!);   // => ["beyond-sensitivity-1y-lung", "beyond-forensics-lung-1y-chisq"]
 */
export function seeAlsoOf(c: Claim): readonly string[] {
  const links = (c as Claim & { seeAlso?: unknown }).seeAlso;
  if (links === undefined) return Object.freeze([]);
  const field = `claims (${c.id}).seeAlso`;
  if (!Array.isArray(links)) throw new DataFileError("claims", "seeAlso must be an array of result ids", { column: field, value: JSON.stringify(links) });
  links.forEach((id: unknown, i: number) => {
    if (typeof id !== "string" || !BEYOND_RESULT_IDS.includes(id)) {
      throw new DataFileError("claims", `seeAlso[${i}] must be the id of a result of notebook 6 (BEYOND_RESULT_IDS, e.g. "beyond-hr-recurrence")`, {
        column: field,
        value: JSON.stringify(id),
      });
    }
    if (links.indexOf(id) !== i) throw new DataFileError("claims", `seeAlso names ${id} twice`, { column: field, value: id });
  });
  return Object.freeze([...(links as string[])]);
}

/**
 * A recomputed number as the verdict tables show it: one digit more than the paper printed, so
 * that a reader sees how close to the rounding boundary it lies (see recomputedShown).
 *
 * @param x                the recomputed number
 * @param printedDecimals  the decimals the paper printed; without them, 4 significant digits
 * @returns                whole numbers as they are, else x with printedDecimals + 1 decimals
 * @throws never
 *
 * @example
 * withOneMoreDigit(8.6273812165944, 3);   // => "8.6274"
 * withOneMoreDigit(7.000077394484254, 2); // => "7.000"
 * withOneMoreDigit(10, 0);                // => "10"
 */
export function withOneMoreDigit(x: number, printedDecimals?: number): string {
  if (Number.isInteger(x)) return String(x);
  if (printedDecimals !== undefined) return x.toFixed(printedDecimals + 1);
  return x.toPrecision(4);
}

/**
 * One claim's verdict.
 *
 * @param c      a claim of data/claims.json
 * @param study  the two tables (loadStudy())
 * @returns      a frozen verdict: `reported`, `recomputed` (and rounded as printed), `difference`,
 *               `pValue`, `verdict`, `method`, `note`, `seeAlso`
 * @throws SurvivalInputError  from the library, for tables that cannot be tested
 * @throws DataFileError  for a malformed seeAlso
 *
 * @example
 * const v = evaluateClaim(loadClaims().find((c) => c.id === "res-rec-1y-chisq")!, loadStudy());
 * v.recomputed;   // => 3.8130 (Pearson's chi-square on the 1-year table)
 * v.verdict;      // => "reproduced"
 */
export function evaluateClaim(c: Claim, study: Study): ClaimVerdict {
  const base = { id: c.id, section: c.section, kind: c.check.kind, reported: reportedText(c) };
  const seeAlso = seeAlsoOf(c);
  if (c.check.kind === "none") {
    return Object.freeze({
      ...base,
      reportedValue: null,
      recomputed: null,
      recomputedRounded: null,
      recomputedShown: null,
      difference: null,
      pValue: null,
      verdict: "not checkable" as const,
      method: "none",
      note: c.check.reason,
      seeAlso,
    });
  }
  const r = evaluateCheck(c, study);
  const reported = c.values[0];
  const lines: string[] = [];
  let ok = true;
  let rounded: string | null = null;
  let difference: number | null = null;
  if (reported) {
    const j = atPrecision(r.recomputed, reported);
    rounded = j.rounded;
    difference = j.difference;
    ok = j.matches;
    lines.push(
      `judged at the ${reported.decimals} decimal${reported.decimals === 1 ? "" : "s"} printed: ` +
        `${Number.isInteger(r.recomputed) ? r.recomputed : r.recomputed.toFixed(reported.decimals + 2)} rounds to ${j.rounded}` +
        (j.matches ? `, as printed` : `, not ${reported.text}`),
    );
  }
  for (const [holds, text] of r.conditions) {
    ok = ok && holds;
    lines.push(text);
  }
  const k = c.check;
  if (reported && c.comparison && (k.kind === "chisq-1y" || k.kind === "logrank")) {
    lines.push(`statcheck: ${statcheck(reported, k.df, c.comparison).note}`);
    if (r.pValue !== null) {
      const flips = satisfies(r.pValue, { op: "<", bound: 0.05 }) !== (c.comparison.op === "<" || c.comparison.op === "<=");
      if (flips) lines.push("the significance call at 0.05 FLIPS between the report and the data");
    }
  }
  lines.push(...r.notes);
  return Object.freeze({
    ...base,
    reportedValue: reported ? reported.value : null,
    recomputed: r.recomputed,
    recomputedRounded: rounded,
    recomputedShown: withOneMoreDigit(r.recomputed, reported?.decimals),
    difference,
    pValue: r.pValue,
    verdict: ok ? ("reproduced" as const) : ("not reproduced" as const),
    method: r.method,
    note: lines.join("; "),
    seeAlso,
  });
}

/**
 * Verdicts for every claim, in the order of data/claims.json.
 *
 * @param options  `claims` (default loadClaims()) and `study` (default loadStudy())
 * @returns        the verdicts, frozen
 * @throws DataFileError  when the default files cannot be read
 * @throws SurvivalInputError  for an unknown option
 *
 * @example
 * const verdicts = evaluateClaims();
 * verdicts.filter((v) => v.verdict === "reproduced").length;       // => 27
 * verdicts.filter((v) => v.verdict === "not reproduced").length;   // => 2
 */
export function evaluateClaims(options: EvaluateOptions = {}): readonly ClaimVerdict[] {
  checkOptions("evaluateClaims", options, ["claims", "study"]);
  const claims = options.claims ?? loadClaims();
  const study = options.study ?? loadStudy();
  return Object.freeze(claims.map((c) => evaluateClaim(c, study)));
}
