/**
 * The accuracy of several figures (figureAccuracy) as one table of text cells: three rows a
 * figure (the true rows, the rows rebuilt with the numbers at risk, the rows rebuilt from the
 * number of patients and events only) and, for the rows rebuilt with the numbers at risk, the
 * targets missed with their measured values. The README's section "Verifying a paper from its
 * figures" and notebook 07 show this table; showTable displays it, and its columns join into a
 * Markdown table.
 *
 * Numbers: events as counts; the Kaplan-Meier difference to 3 decimals; medians to 4
 * significant digits ("not reached" where the curve stays above 0.5); the log-rank statistic to 3
 * decimals; the hazard ratio to 3 decimals. Values of the arms are separated by a comma, in the
 * order of the figure's groups.
 *
 * @param entries one `{ figure, accuracy }` per figure: a name, and figureAccuracy's result.
 * @returns frozen columns (header -> one text cell per row), in reading order.
 * @throws SurvivalInputError for an entry that is not `{ figure, accuracy }`.
 *
 * @example
 * showTable(accuracyTable([{ figure: "Figure 2 (Chromium)", accuracy: figureAccuracy(png, rows, options) }]));
 */
import { SurvivalInputError, show } from "../survival/errors.js";
import { checkData } from "../survival/core/validate.js";
import type { AccuracyCheck, FigureAccuracy, RowsAnalysis } from "./figureAccuracy.js";

export interface AccuracyEntry {
  /** The figure's name, as the table shows it. */
  readonly figure: string;
  readonly accuracy: FigureAccuracy;
}

export type AccuracyColumns = Readonly<Record<string, readonly string[]>>;

export const ACCURACY_HEADERS = Object.freeze([
  "figure",
  "rows",
  "events",
  "max KM difference",
  "medians",
  "log-rank χ²",
  "hazard ratio",
  "targets missed",
] as const);

export function accuracyTable(entries: readonly AccuracyEntry[]): AccuracyColumns {
  if (!Array.isArray(entries)) {
    throw new SurvivalInputError(`entries must be an array of { figure, accuracy }; got ${show(entries)}`, "entries", undefined, entries);
  }
  const rows: string[][] = [];
  entries.forEach((entry, i) => {
    const e = checkData("accuracyTable", entry, ["figure", "accuracy"], `entries[${i}]`);
    if (typeof e.figure !== "string") {
      throw new SurvivalInputError(`entries[${i}].figure is ${show(e.figure)}: give the figure's name`, `entries[${i}].figure`, i, e.figure);
    }
    const a = e.accuracy as FigureAccuracy;
    if (a === null || typeof a !== "object" || !Array.isArray(a.checks) || a.truth === undefined) {
      throw new SurvivalInputError(`entries[${i}].accuracy is ${show(a)}: give figureAccuracy's result`, `entries[${i}].accuracy`, i, a);
    }
    const patients = a.truth.arms.map((arm) => arm.n).join(" + ");
    const missed = a.checks.filter((c) => !c.met).map(describeMiss);
    rows.push(row(`${e.figure}: ${patients} patients`, "true", a.truth, false, ""));
    rows.push(row("", "rebuilt with the numbers at risk", a.withAtRisk, true, missed.length === 0 ? "none" : missed.join("; ")));
    rows.push(row("", "rebuilt from n and events only", a.withoutAtRisk, true, ""));
  });
  return Object.freeze(
    Object.fromEntries(ACCURACY_HEADERS.map((h, k) => [h, Object.freeze(rows.map((r) => r[k]))])),
  );
}

function row(figure: string, label: string, r: RowsAnalysis, rebuilt: boolean, missed: string): string[] {
  return [
    figure,
    label,
    r.arms.map((a) => String(a.events)).join(", "),
    rebuilt ? r.arms.map((a) => a.maxKmDifference.toFixed(3)).join(", ") : "",
    r.arms.map((a) => formatMedian(a.median)).join(", "),
    r.logRank.statistic.toFixed(3),
    r.hazardRatio.toFixed(3),
    missed,
  ];
}

function formatMedian(x: number | null): string {
  return x === null ? "not reached" : String(Number(x.toPrecision(4)));
}

/** "hazard ratio 3.370 (true 3.020, +11.6%; target within 10%)". */
function describeMiss(c: AccuracyCheck): string {
  const what = c.group === null ? c.quantity : `${c.quantity} of group ${c.group}`;
  if (c.truth === null || c.rebuilt === null) {
    return `${what} ${c.rebuilt === null ? "not reached" : formatValue(c, c.rebuilt)} (true ${c.truth === null ? "not reached" : formatValue(c, c.truth)})`;
  }
  const diff = c.rebuilt - c.truth;
  const relative = c.truth !== 0 ? `, ${diff >= 0 ? "+" : ""}${((100 * diff) / c.truth).toFixed(1)}%` : "";
  return `${what} ${formatValue(c, c.rebuilt)} (true ${formatValue(c, c.truth)}${relative}; target ${c.target})`;
}

function formatValue(c: AccuracyCheck, x: number): string {
  if (c.quantity === "events") return String(x);
  if (c.quantity === "median") return formatMedian(x);
  return x.toFixed(3);
}
