/**
 * One claim of the paper judged on the explorer's numbers, under the reader's choices, by the
 * study's rule (src/study/claims/evaluateClaims.ts): the recomputed number must round to the
 * digits printed (atPrecision), the recomputed p must satisfy the stated comparison
 * (statcheck's `satisfies`), and a stated direction must hold. Where evaluateClaim tries each
 * 2x2 statistic in turn and keeps the first that prints as the paper's number, this judges the
 * test the reader chose: the point of the explorer is to see which choices reproduce the claim.
 * With the default choices both give the same verdicts (tested).
 *
 * Per check kind (data/claims.json):
 * - count (events within the cut-off): table[group - 1][0], or both arms' sum;
 * - rate-1y: 100 x events within / patients of the arm, in percent;
 * - rate-1y-difference: the direction only (group 1's rate lower);
 * - chisq-1y: the chosen 2x2 statistic (Pearson or Yates) and its p; direction: group 1's rate lower;
 * - logrank: the chosen weight's statistic and p; direction: group 1 has fewer events observed
 *   than expected.
 *
 * @example
 * const r = explorerResults("recurrence", loadEndpoint("recurrence"), { ...DEFAULT_CHOICES, correction: true }, loadClaims());
 * r.claims.find((c) => c.id === "res-rec-1y-chisq")!.verdict;   // => "not reproduced" (Yates gives 2.639, not 3.81)
 */
import { atPrecision } from "../../study/claims/atPrecision.js";
import { satisfies } from "../../study/claims/statcheck.js";
import type { Claim } from "../../study/claims/claims.js";

/** What of the explorer's results a claim reads. */
export interface ClaimInputs {
  readonly oneYear: {
    readonly table: readonly (readonly number[])[];
    readonly rate: readonly number[];
    readonly inclusive: boolean;
  };
  /** The chosen 2x2 test. */
  readonly twoByTwo: { readonly label: string; readonly statistic: number | null; readonly pValue: number | null; readonly error: string | null };
  /** The chosen log-rank weight. */
  readonly logRank: {
    readonly label: string;
    readonly statistic: number | null;
    readonly pValue: number | null;
    readonly observed: readonly number[] | null;
    readonly expected: readonly number[] | null;
    readonly error: string | null;
  };
}

export interface ClaimUnderChoices {
  readonly id: string;
  /** Where the paper says it and what, e.g. "Section 3.1: 1-year χ²". */
  readonly label: string;
  /** The paper's sentence, in English. */
  readonly gloss: string;
  /** What the paper prints: the number (with its unit) and the p comparison, e.g. "3.81; p > 0.05". */
  readonly printed: string;
  /** The number recomputed (null for a claim with no number, or a test that cannot be computed). */
  readonly recomputed: number | null;
  /** The recomputed number rounded to the decimals printed (atPrecision), or null. */
  readonly rounded: string | null;
  /**
   * The recomputed number as the verdict tables show it: one digit more than the paper printed
   * (whole numbers as they are; 3 decimals for a statistic the paper did not print), with the
   * printed unit; null when there is none.
   */
  readonly shown: string | null;
  readonly pValue: number | null;
  readonly verdict: "reproduced" | "not reproduced";
  /** Why: one line per condition, in the order checked. */
  readonly reasons: readonly string[];
}

const SECTION: Record<string, string> = { Abstract: "Abstract", "4": "Discussion" };

function labelOf(c: Claim): string {
  const where = SECTION[c.section] ?? `Section ${c.section}`;
  const k = c.check;
  const arm = (g: 1 | 2 | null) => (g === null ? "both arms" : `group ${g}`);
  const what =
    k.kind === "count"
      ? `events within ${"cutoff" in k ? k.cutoff : ""} months, ${arm(k.group)}`
      : k.kind === "rate-1y"
        ? `1-year rate, ${arm(k.group)}`
        : k.kind === "rate-1y-difference"
          ? "1-year rate lower in group 1"
          : k.kind === "chisq-1y"
            ? c.values.length
              ? "1-year χ²"
              : "1-year rate significantly lower in group 1"
            : c.values.length
              ? "Kaplan-Meier χ² (log-rank family)"
              : "time to the event significantly longer in group 1";
  return `${where}: ${what}`;
}

function printedText(c: Claim): string {
  const parts: string[] = [];
  if (c.values.length) parts.push(c.values.map((v) => v.text + (v.unit === "%" ? "%" : v.unit ? ` ${v.unit}` : "")).join(", "));
  if (c.comparison) parts.push(c.comparison.implied ? "p < 0.05 (implied)" : c.comparison.text);
  if (parts.length === 0) parts.push("lower in group 1");
  return parts.join("; ");
}

const fmt = (x: number) => (Math.abs(x) < 1e-4 && x !== 0 ? x.toExponential(2) : String(Number(x.toPrecision(4))));

/**
 * @param claim   a claim of data/claims.json on the endpoint shown (any kind but "none")
 * @param inputs  the explorer's 1-year table and chosen tests
 * @returns       a frozen ClaimUnderChoices
 * @throws Error  for a claim whose check is "none" (nothing to recompute)
 */
export function claimUnderChoices(claim: Claim, inputs: ClaimInputs): ClaimUnderChoices {
  const k = claim.check;
  if (k.kind === "none") throw new Error(`claimUnderChoices: claim ${claim.id} has nothing to recompute`);
  const { oneYear, twoByTwo, logRank } = inputs;
  const reasons: string[] = [];
  let recomputed: number | null = null;
  let pValue: number | null = null;
  let ok = true;
  const lowerInGroup1 = () => {
    const holds = oneYear.rate[0] < oneYear.rate[1];
    reasons.push(`group 1 ${fmt(100 * oneYear.rate[0])}% vs group 2 ${fmt(100 * oneYear.rate[1])}%: ${holds ? "lower" : "NOT lower"} in group 1`);
    ok = ok && holds;
  };

  if (k.kind === "count" && k.of === "events-within") {
    recomputed = k.group === null ? oneYear.table[0][0] + oneYear.table[1][0] : oneYear.table[k.group - 1][0];
  } else if (k.kind === "rate-1y") {
    recomputed = (100 * oneYear.table[k.group - 1][0]) / (oneYear.table[k.group - 1][0] + oneYear.table[k.group - 1][1]);
  } else if (k.kind === "rate-1y-difference") {
    lowerInGroup1();
  } else if (k.kind === "chisq-1y" || k.kind === "logrank") {
    const test = k.kind === "chisq-1y" ? twoByTwo : logRank;
    if (test.error !== null) {
      ok = false;
      reasons.push(`${test.label} cannot be computed: ${test.error}`);
    } else {
      recomputed = test.statistic;
      pValue = test.pValue;
      reasons.push(`${test.label}: ${fmt(test.statistic!)}, p = ${fmt(test.pValue!)}`);
    }
  }

  let rounded: string | null = null;
  const printed = claim.values[0];
  const shown =
    recomputed === null
      ? null
      : (Number.isInteger(recomputed) ? String(recomputed) : recomputed.toFixed(printed ? printed.decimals + 1 : 3)) + (printed?.unit === "%" ? "%" : "");
  if (printed && recomputed !== null) {
    const j = atPrecision(recomputed, printed);
    rounded = j.rounded;
    ok = ok && j.matches;
    reasons.push(`${fmt(recomputed)} rounds to ${j.rounded}${j.matches ? ", as printed" : `, not ${printed.text}`}`);
  }
  if (claim.comparison && pValue !== null) {
    const holds = satisfies(pValue, claim.comparison);
    ok = ok && holds;
    reasons.push(`p = ${fmt(pValue)} ${holds ? "satisfies" : "does NOT satisfy"} ${claim.comparison.implied ? "p < 0.05" : claim.comparison.text}`);
  }
  if (k.kind === "chisq-1y" && k.direction) lowerInGroup1();
  if (k.kind === "logrank" && k.direction && logRank.observed && logRank.expected) {
    const holds = logRank.observed[0] < logRank.expected[0];
    reasons.push(`group 1 observed ${fmt(logRank.observed[0])} vs expected ${fmt(logRank.expected[0])}: ${holds ? "longer" : "NOT longer"} times in group 1`);
    ok = ok && holds;
  }
  return Object.freeze({
    id: claim.id,
    label: labelOf(claim),
    gloss: claim.gloss,
    printed: printedText(claim),
    recomputed,
    rounded,
    shown,
    pValue,
    verdict: ok ? "reproduced" : "not reproduced",
    reasons: Object.freeze(reasons),
  });
}
