/**
 * The rows of one arm of a patient table, as the survival functions take them: `time` (months)
 * and `event` (status), in file order. The notebooks fit one Kaplan-Meier curve per arm.
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
  checkRows("armData", rows);
  const n = rows.group.length;
  for (const name of ["status", "months"] as const) {
    if (rows[name].length !== n) {
      throw new SurvivalInputError(`${name} has length ${rows[name].length} but group has length ${n}`, name, undefined, rows[name].length);
    }
  }
  const time: number[] = [];
  const event: number[] = [];
  for (let i = 0; i < n; i++) {
    if (rows.group[i] === group) {
      time.push(rows.months[i]);
      event.push(rows.status[i]);
    }
  }
  if (time.length === 0) throw new SurvivalInputError(`group ${show(group)} has no row`, "group", undefined, group);
  return Object.freeze({ time: Object.freeze(time), event: Object.freeze(event) });
}
