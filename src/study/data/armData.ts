/**
 * A patient table as the survival functions take it: one arm's rows for kaplanMeier (armData:
 * `time` = months, `event` = status), the whole table for the tests comparing the arms
 * (groupData: with `group`), and for coxPH with the arm as its covariate (armCovariate).
 */
import { SurvivalInputError, show } from "../../survival/errors.js";
import { checkRows } from "./checkRows.js";

export interface PatientRows {
  readonly group: ArrayLike<number>;
  readonly status: ArrayLike<number>;
  readonly months: ArrayLike<number>;
}

export interface ArmData {
  readonly time: readonly number[];
  readonly event: readonly number[];
}

export interface GroupData extends ArmData {
  readonly group: readonly number[];
}

export interface ArmCovariateData extends ArmData {
  readonly covariates: { readonly anlotinib: readonly number[] };
}

/** The columns copied and checked: months, statuses and groups of one length. */
function columns(fn: string, rows: PatientRows): GroupData {
  checkRows(fn, rows);
  const n = rows.group.length;
  for (const name of ["status", "months"] as const) {
    if (rows[name].length !== n) {
      throw new SurvivalInputError(`${name} has length ${rows[name].length} but group has length ${n}`, name, undefined, rows[name].length);
    }
  }
  return { time: Array.from(rows.months), event: Array.from(rows.status), group: Array.from(rows.group) };
}

/**
 * The arm's rows, as kaplanMeier takes them.
 *
 * @param rows   a patient table `{ group, status, months }` (an Endpoint may also carry its name,
 *               file and n)
 * @param group  the arm: 1 or 2
 * @returns      a frozen `{ time, event }`: the arm's months and statuses, in file order
 * @throws SurvivalInputError  when no row has that group, the columns differ in length, or rows
 *               has a field other than the table's
 *
 * @example
 * const arm = armData(loadEndpoint("recurrence"), 2);
 * arm.time.length;                           // => 16
 * arm.event.filter((e) => e === 1).length;   // => 14
 */
export function armData(rows: PatientRows, group: number): ArmData {
  const d = columns("armData", rows);
  const time: number[] = [];
  const event: number[] = [];
  d.group.forEach((g, i) => {
    if (g === group) {
      time.push(d.time[i]);
      event.push(d.event[i]);
    }
  });
  if (time.length === 0) throw new SurvivalInputError(`group ${show(group)} has no row`, "group", undefined, group);
  return Object.freeze({ time: Object.freeze(time), event: Object.freeze(event) });
}

/**
 * The whole table as the tests comparing the arms take it (logRankTest, rmstDifference,
 * permutationLogRank): `time` (months), `event` (status) and `group`.
 *
 * @param rows  a patient table `{ group, status, months }` (an Endpoint may also carry its name,
 *              file and n)
 * @returns     a frozen `{ time, event, group }`, in file order
 * @throws SurvivalInputError  when the columns differ in length, or rows has a field other than
 *              the table's
 *
 * @example
 * const d = groupData(loadEndpoint("recurrence"));
 * d.time.length;                      // => 39
 * logRankTest(d).statistic;           // => 8.627 (survdiff(Surv(months, status) ~ group))
 */
export function groupData(rows: PatientRows): GroupData {
  const d = columns("groupData", rows);
  return Object.freeze({ time: Object.freeze(d.time), event: Object.freeze(d.event), group: Object.freeze(d.group) });
}

/**
 * The whole table as coxPH takes it, with the arm as the only covariate: `anlotinib` is 1 for
 * group 1 (anlotinib + chemotherapy) and 0 for group 2 (chemotherapy alone), so a hazard ratio
 * below 1 means fewer events in the anlotinib arm.
 *
 * @param rows  a patient table `{ group, status, months }` (an Endpoint may also carry its name,
 *              file and n)
 * @returns     a frozen `{ time, event, covariates: { anlotinib } }`, in file order
 * @throws SurvivalInputError  when the columns differ in length, or rows has a field other than
 *              the table's
 *
 * @example
 * const d = armCovariate(loadEndpoint("recurrence"));
 * d.covariates.anlotinib.filter((x) => x === 1).length;   // => 23
 * coxPH(d).hazardRatio[0];                                 // => 0.3312 (coxph(Surv(months, status) ~ I(group == 1)))
 */
export function armCovariate(rows: PatientRows): ArmCovariateData {
  const d = columns("armCovariate", rows);
  const anlotinib = Object.freeze(d.group.map((g) => (g === 1 ? 1 : 0)));
  return Object.freeze({ time: Object.freeze(d.time), event: Object.freeze(d.event), covariates: Object.freeze({ anlotinib }) });
}
