/**
 * The paper's 1-year comparison (Figure 1, section 3.1) as a 2x2 table of counts, derived from
 * the patient rows with explicit cut-off semantics.
 *
 * Rows: group 1 (anlotinib + chemotherapy), group 2 (chemotherapy alone).
 * Columns: [event within the cut-off, no event within the cut-off].
 * - An event counts as within when months <= cutoff (inclusive, the default) or months < cutoff
 *   (inclusive: false). With the default, an event at exactly 12 months is within 1 year.
 * - Everyone else is "no event within": events after the cut-off, and every censored patient,
 *   including one censored at exactly the cut-off and one censored BEFORE it. The latter was not
 *   followed for the whole year, so this crude proportion (what the paper reports) undercounts
 *   when there is early censoring; `censoredBefore` reports how many such patients each group
 *   has (none in the paper's tables, where the earliest censoring is at 12 months), and a
 *   Kaplan-Meier estimate 1 - S(cutoff) is the remedy when it is not zero.
 * The denominators are all patients of the group.
 */
import { SurvivalInputError, show } from "../../survival/errors.js";
import { checkOptions } from "../../survival/core/validate.js";
import { checkRows } from "./checkRows.js";

export interface OneYearOptions {
  /** Cut-off in months; default 12. */
  cutoff?: number;
  /** Whether an event exactly at the cut-off counts as within; default true. */
  inclusive?: boolean;
}

export interface OneYearTable {
  /** [[events within, not within] for group 1, [events within, not within] for group 2]. */
  readonly table: readonly (readonly number[])[];
  /** The group of each row: [1, 2]. */
  readonly groups: readonly number[];
  /** Patients per group. */
  readonly n: readonly number[];
  /** Proportion with an event within the cut-off, per group (table[i][0] / n[i]). */
  readonly rate: readonly number[];
  /** Per group: patients censored before the cut-off (counted as no event). */
  readonly censoredBefore: readonly number[];
  /** Per group: patients censored exactly at the cut-off (counted as no event). */
  readonly censoredAt: readonly number[];
  /** Per group: events exactly at the cut-off (within when inclusive). */
  readonly eventsAt: readonly number[];
  readonly cutoff: number;
  readonly inclusive: boolean;
}

export interface EndpointRows {
  readonly group: ArrayLike<number>;
  readonly status: ArrayLike<number>;
  readonly months: ArrayLike<number>;
}

/**
 * Counts per group of events within `cutoff` months (see the module comment for the exact rules).
 *
 * @param endpoint  a patient table `{ group, status, months }` (an Endpoint may also carry its name,
 *                  file and n)
 * @param options   `cutoff` in months (default 12), `inclusive` (an event at the cut-off counts as
 *                  within; default true)
 * @returns         a frozen result: the 2x2 `table`, `groups`, `n`, `rate`, and per group
 *                  `censoredBefore`, `censoredAt`, `eventsAt`, with `cutoff` and `inclusive`
 * @throws SurvivalInputError  for a bad cut-off or inclusive, a group other than 1 or 2, a status
 *                  other than 0 or 1, a bad month, columns of different lengths, an empty group, a
 *                  field other than the table's, or an unknown option
 *
 * @example
 * const t = oneYearTable(loadEndpoint("recurrence"));
 * t.table;   // => [[10, 13], [12, 4]] (events within 12 months, and not, per group)
 * t.rate;    // => [0.4348, 0.75]
 */
export function oneYearTable(endpoint: EndpointRows, options: OneYearOptions = {}): OneYearTable {
  checkRows("oneYearTable", endpoint, "endpoint");
  const o = checkOptions("oneYearTable", options, ["cutoff", "inclusive"]);
  const cutoff = o.cutoff ?? 12;
  const inclusive = o.inclusive ?? true;
  if (typeof cutoff !== "number" || !Number.isFinite(cutoff) || cutoff < 0) {
    throw new SurvivalInputError(`cutoff is ${show(cutoff)}: it must be a finite number of months >= 0`, "cutoff", undefined, cutoff);
  }
  if (typeof inclusive !== "boolean") {
    throw new SurvivalInputError(`inclusive is ${show(inclusive)}: it must be true or false`, "inclusive", undefined, inclusive);
  }
  const { group, status, months } = endpoint;
  for (const [name, col] of [["status", status], ["months", months]] as const) {
    if (col.length !== group.length) {
      throw new SurvivalInputError(`${name} has length ${col.length} but group has length ${group.length}`, name, undefined, col.length);
    }
  }
  const within = [0, 0];
  const n = [0, 0];
  const censoredBefore = [0, 0];
  const censoredAt = [0, 0];
  const eventsAt = [0, 0];
  for (let i = 0; i < group.length; i++) {
    const g = group[i];
    if (g !== 1 && g !== 2) throw new SurvivalInputError(`group[${i}] is ${show(g)}: it must be 1 or 2`, "group", i, g);
    const s = status[i];
    if (s !== 0 && s !== 1) throw new SurvivalInputError(`status[${i}] is ${show(s)}: it must be 0 or 1`, "status", i, s);
    const t = months[i];
    if (typeof t !== "number" || !Number.isFinite(t) || t < 0) {
      throw new SurvivalInputError(`months[${i}] is ${show(t)}: it must be a finite number >= 0`, "months", i, t);
    }
    const r = g - 1;
    n[r]++;
    if (s === 1) {
      if (t < cutoff || (inclusive && t === cutoff)) within[r]++;
      if (t === cutoff) eventsAt[r]++;
    } else {
      if (t < cutoff) censoredBefore[r]++;
      if (t === cutoff) censoredAt[r]++;
    }
  }
  for (const r of [0, 1]) {
    if (n[r] === 0) throw new SurvivalInputError(`group has no patient in group ${r + 1}`, "group", undefined, r + 1);
  }
  const f = Object.freeze;
  return f({
    table: f([f([within[0], n[0] - within[0]]), f([within[1], n[1] - within[1]])]),
    groups: f([1, 2]),
    n: f(n),
    rate: f([within[0] / n[0], within[1] / n[1]]),
    censoredBefore: f(censoredBefore),
    censoredAt: f(censoredAt),
    eventsAt: f(eventsAt),
    cutoff,
    inclusive,
  });
}
