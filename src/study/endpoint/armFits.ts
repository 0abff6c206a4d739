/**
 * One endpoint's Kaplan-Meier curves, one per arm (notebooks 3 and 4): each arm's rows
 * (armData) through kaplanMeier at the confidence level and transform asked, named as the
 * cohort names the arms (data/cohort.json). R: survfit(Surv(months, status) ~ group,
 * conf.type = confType, conf.int = confLevel).
 */
import { checkOptions } from "../../survival/core/validate.js";
import { checkRows } from "../data/checkRows.js";
import { kaplanMeier, type ConfType, type KaplanMeierResult } from "../../survival/km/kaplanMeier.js";
import { armData, type PatientRows } from "../data/armData.js";
import { loadCohort } from "../data/loadCohort.js";

export interface ArmFit {
  readonly group: 1 | 2;
  /** The cohort's name of the arm, e.g. "anlotinib + chemotherapy". */
  readonly name: string;
  readonly fit: KaplanMeierResult;
}

export interface ArmFitsOptions {
  /** Confidence level of the pointwise intervals and of the median's; default 0.95. */
  readonly confLevel?: number;
  /** The intervals' transform; default "log" (R's). */
  readonly confType?: ConfType;
}

/**
 * A Kaplan-Meier curve per arm, group 1 first.
 *
 * @param rows     a patient table `{ group, status, months }` (an Endpoint may also carry its name,
 *                 file and n)
 * @param options  `confLevel` (default 0.95), `confType` (default "log")
 * @returns        a frozen list of `{ group, name, fit }`, one per arm of the cohort
 * @throws SurvivalInputError  for bad rows (armData), an arm without rows, or an unknown or bad option
 * @throws DataFileError  when data/cohort.json cannot be read
 *
 * @example
 * const arms = armFits(loadEndpoint("recurrence"), { confLevel: 0.9 });
 * arms.map((a) => a.fit.median.estimate);   // => [14, 6.5]
 * arms[0].fit.lower[1];                     // => 0.8213 (90% CI at 6 months, log transform)
 */
export function armFits(rows: PatientRows, options: ArmFitsOptions = {}): readonly ArmFit[] {
  checkRows("armFits", rows);
  checkOptions("armFits", options, ["confLevel", "confType"]);
  const kmOptions = { confLevel: options.confLevel ?? 0.95, confType: options.confType ?? "log" };
  return Object.freeze(
    loadCohort().arms.map((arm) => Object.freeze({ group: arm.group, name: arm.name, fit: kaplanMeier(armData(rows, arm.group), kmOptions) })),
  );
}
