/**
 * Sensitivity of a two-arm time-to-event comparison (the paper's Kaplan-Meier chi-squares,
 * Figures 2 and 3) to the choices the paper leaves open: which test of equal curves (SPSS's
 * Kaplan-Meier procedure offers the log-rank, Breslow = Gehan-Breslow and Tarone-Ware tests),
 * and, for a Cox model with the arm as its only covariate, which test (likelihood ratio, Wald,
 * score) and which ties method (Efron, R's default; Breslow, SPSS's and SAS's). The reference
 * is the log-rank test (R survdiff), the test whose statistic the paper prints.
 *
 * Choices (explicit, not crossed: the ties method applies to the Cox tests only, so the
 * log-rank family has ties "not applicable"; survdiff's hypergeometric variance handles tied
 * times exactly):
 *   the tests of LOG_RANK_TESTS that SPSS offers (src/survival/logrank/logRankTests.ts: log-rank,
 *   Gehan-Breslow, Tarone-Ware), by name, x ties "not applicable";
 *   Cox likelihood ratio, Cox Wald, Cox score (coxPH) x ties Efron, Breslow.
 * Covariate: 1 for group 1 (anlotinib + chemotherapy), 0 for group 2.
 * Checked against R (survdiff, coxph) and a direct weighted log-rank in
 * test/study/fixtures/r/beyond-notebook.R.
 */
import { coxPH, type CoxPHResult } from "../../survival/cox/coxPH.js";
import { LOG_RANK_TESTS } from "../../survival/logrank/logRankTests.js";
import type { EndpointRows } from "../data/oneYearTable.js";
import { SurvivalInputError } from "../../survival/errors.js";
import { checkOptions } from "../../survival/core/validate.js";
import { checkRows } from "../data/checkRows.js";
import { armCovariate, groupData } from "../data/armData.js";
import { sensitivitySweep, type Choice, type SweepResult } from "./sweep.js";

export interface TimeToEventSweepOptions {
  /** Significance level; default 0.05. */
  readonly alpha?: number;
}

export const NOT_APPLICABLE = "not applicable";

/** The tests of equal curves SPSS's Kaplan-Meier procedure offers. */
const SPSS_FAMILY = LOG_RANK_TESTS.filter((t) => t.spss !== null);
const COX_TESTS = ["Cox likelihood ratio", "Cox Wald", "Cox score"] as const;
const TIES = [["Efron", "efron"], ["Breslow", "breslow"]] as const;

/** The choices in the order they are shown; the first is the reference. */
export const TIME_TO_EVENT_CHOICES: readonly Choice[] = Object.freeze([
  ...SPSS_FAMILY.map((t) => Object.freeze({ test: t.name, ties: NOT_APPLICABLE })),
  ...TIES.flatMap(([ties]) => COX_TESTS.map((test) => Object.freeze({ test, ties }))),
]);

/**
 * The time-to-event comparison under every test and ties method; see the module comment.
 *
 * @param rows     a patient table `{ group, status, months }` (groups 1 and 2)
 * @param options  `alpha` (default 0.05)
 * @returns        a frozen SweepResult (sensitivitySweep), the reference being the log-rank test
 * @throws SurvivalInputError  for a group other than 1 or 2, bad data (logRankTest, coxPH), a field
 *                 other than the table's, or an unknown option
 *
 * @example
 * const s = timeToEventSweep(loadEndpoint("recurrence"));
 * s.reference.statistic;   // => 8.627 (log-rank)
 * s.stable;                // => true (every test and ties method: p < 0.05)
 */
export function timeToEventSweep(rows: EndpointRows, options: TimeToEventSweepOptions = {}): SweepResult {
  checkRows("timeToEventSweep", rows);
  checkOptions("timeToEventSweep", options, ["alpha"]);
  const { group, status, months } = rows;
  if (!group || !status || !months) {
    throw new SurvivalInputError("rows must have group, status and months columns", "rows", undefined, rows);
  }
  for (let i = 0; i < group.length; i++) {
    if (group[i] !== 1 && group[i] !== 2) throw new SurvivalInputError(`group[${i}] is ${group[i]}: it must be 1 or 2`, "group", i, group[i]);
  }
  const data = groupData(rows);
  const coxData = armCovariate(rows);
  const fits: Record<string, CoxPHResult> = {};
  for (const [label, ties] of TIES) fits[label] = coxPH(coxData, { ties });
  return sensitivitySweep(
    TIME_TO_EVENT_CHOICES,
    (c) => {
      const family = SPSS_FAMILY.find((t) => t.name === c.test);
      if (family) return family.test(data);
      const fit = fits[c.ties];
      const t = c.test === "Cox likelihood ratio" ? fit.likelihoodRatio : c.test === "Cox Wald" ? fit.wald : fit.score;
      return { statistic: t.statistic, pValue: t.pValue };
    },
    { reference: TIME_TO_EVENT_CHOICES[0], alpha: options.alpha },
  );
}
