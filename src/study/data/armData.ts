/**
 * The rows of one arm of a patient table, as the survival functions take them: `time` (months)
 * and `event` (status), in file order. The notebooks fit one Kaplan-Meier curve per arm.
 *
 * @example
 * armData(loadEndpoint("recurrence"), 2)   // { time: [4, 4, 6, ...], event: [1, 1, 1, ...] }: the 16 rows of group 2
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

/** The arm's rows; throws if no row has that group or the columns differ in length. */
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
