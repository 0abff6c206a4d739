/**
 * Sensitivity of the Kaplan-Meier medians' confidence intervals to the transform of the
 * pointwise interval, a choice software makes silently: R's default "log", "log-log" (SAS's
 * default, and Kalbfleisch & Prentice's), and "plain" (the linear interval SPSS prints for the
 * curve's standard error). The median itself does not depend on it; its limits (where the band
 * crosses 0.5, Brookmeyer & Crowley 1982) do, and a limit can be "not reached" (null) under one
 * transform and finite under another. One row per arm and transform, arms in the order of
 * their group number, transforms in the order log, log-log, plain; `changed` compares each
 * row's limits with the same arm's "log" row.
 *
 * Medians from kaplanMeier (R print(survfit(..., conf.type = ...))); checked against R in
 * test/study/fixtures/r/beyond-notebook.R.
 */
import { kaplanMeier, type ConfType } from "../../survival/km/kaplanMeier.js";
import type { EndpointRows } from "../data/oneYearTable.js";
import { SurvivalInputError, show } from "../../survival/errors.js";
import { armData } from "../data/armData.js";
import { checkRows } from "../data/checkRows.js";
import { checkOptions } from "../../survival/core/validate.js";

export const CONF_TYPES: readonly ConfType[] = Object.freeze(["log", "log-log", "plain"] as ConfType[]);

export interface MedianRow {
  readonly group: number;
  readonly confType: ConfType;
  /** null: not reached. */
  readonly median: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** A limit differs from the "log" row of the same arm (a number, or reached vs not reached). */
  readonly changed: boolean;
}

export interface MedianSensitivity {
  readonly rows: readonly MedianRow[];
  readonly confLevel: number;
  /** Rows whose limits differ from the arm's "log" row. */
  readonly changed: number;
}

/**
 * The medians' confidence limits under each CI transform; see the module comment.
 *
 * @param rows     a patient table `{ group, status, months }`
 * @param options  `confLevel` (default 0.95)
 * @returns        a frozen `{ rows, confLevel, changed }`: one row per arm and transform (group,
 *                 confType, median, lower, upper, changed)
 * @throws SurvivalInputError  for rows without equal-length columns, a bad confLevel, a field other
 *                 than the table's, or an unknown option
 *
 * @example
 * const m = medianSensitivity(loadEndpoint("recurrence"));
 * m.rows[0];   // => { group: 1, confType: "log", median: 14, lower: 9, upper: null }
 * m.rows[1];   // => { group: 1, confType: "log-log", median: 14, lower: 9, upper: 17 }
 */
export function medianSensitivity(rows: EndpointRows, options: { confLevel?: number } = {}): MedianSensitivity {
  checkRows("medianSensitivity", rows);
  checkOptions("medianSensitivity", options, ["confLevel"]);
  const { group, status, months } = rows;
  if (!group || !status || !months || status.length !== group.length || months.length !== group.length) {
    throw new SurvivalInputError("rows must have group, status and months columns of equal length", "rows", undefined, rows);
  }
  const confLevel = options.confLevel ?? 0.95;
  const groups = [...new Set(Array.from(group))].sort((a, b) => a - b);
  if (groups.length === 0) throw new SurvivalInputError(`rows has no patient: ${show(group)}`, "group", undefined, group);
  const out: MedianRow[] = [];
  for (const g of groups) {
    const arm = armData(rows, g);
    const base = kaplanMeier(arm, { confType: "log", confLevel }).median;
    for (const confType of CONF_TYPES) {
      const m = kaplanMeier(arm, { confType, confLevel }).median;
      out.push(
        Object.freeze({
          group: g,
          confType,
          median: m.estimate,
          lower: m.lower,
          upper: m.upper,
          changed: m.lower !== base.lower || m.upper !== base.upper,
        }),
      );
    }
  }
  return Object.freeze({ rows: Object.freeze(out), confLevel, changed: out.filter((r) => r.changed).length });
}
