import { SurvivalInputError, show } from "../errors.js";
import { checkData, checkLength, checkObject, checkOptionNames, checkTimes } from "../core/validate.js";
import { countBelow } from "../core/bisect.js";
import { kaplanMeier } from "../km/kaplanMeier.js";
import { cleanCurve, type CleaningReport } from "./cleanCurve.js";
import { guyotFit, PublishedCodeStops, type GuyotFit } from "./guyot.js";

export type { CleaningReport } from "./cleanCurve.js";

export interface DigitisedCurve {
  time: ArrayLike<number>;
  survival: ArrayLike<number>;
  /** The colour of a curve digitizeCurves read from an image, carried along and not read. */
  color?: string;
}

export interface AtRiskTable {
  time: ArrayLike<number>;
  nRisk: ArrayLike<number>;
}

export interface ReconstructOptions {
  /** Patients at time 0: required without an at-risk table. */
  n?: number;
  /** The reported total number of events. */
  totalEvents?: number;
  /** Reproduce the published R program, faults included (default false). */
  rQuirks?: boolean;
}

export interface ReconstructedInterval {
  /** The at-risk row's time and printed number at risk. */
  readonly time: number;
  readonly nRisk: number;
  /** Rows at risk at that time (time >= it): what survfit of the rows would print. */
  readonly nRiskHat: number;
  /** Events and censorings among the rows in [time, next row's time). */
  readonly nEvent: number;
  readonly nCensor: number;
  /** First and last point of the interval (indexes into `points`). */
  readonly lower: number;
  readonly upper: number;
  /** False where the adjustment loop would not end and was stopped at its closest guess. */
  readonly converged: boolean;
}

export interface ReconstructedPoints {
  /** The cleaned curve. */
  readonly time: readonly number[];
  readonly survival: readonly number[];
  /** The algorithm's number at risk, events and censorings (after the point) per point. */
  readonly nRisk: readonly number[];
  readonly nEvent: readonly number[];
  readonly nCensor: readonly number[];
}

export interface ReconstructFromCurveResult {
  /** One row per patient. */
  readonly time: readonly number[];
  /** 1 = event, 0 = censored. */
  readonly event: readonly number[];
  /** Rows (patients) and events among them. */
  readonly n: number;
  readonly events: number;
  /** The reported total number of events, or null. */
  readonly totalEvents: number | null;
  readonly intervals: readonly ReconstructedInterval[];
  readonly points: ReconstructedPoints;
  readonly cleaning: CleaningReport;
  /** At-risk rows left out because no digitised point lies in their interval. */
  readonly droppedAtRisk: readonly { readonly index: number; readonly time: number; readonly nRisk: number }[];
  /** Largest |Kaplan-Meier of the rows - survival| at the cleaned points. */
  readonly maxAbsDifference: number;
  readonly rQuirks: boolean;
  readonly method: string;
  /** What a user should look at before trusting the rows. */
  readonly warnings: readonly string[];
}

/** Survival this far outside [0, 1] is taken for digitising noise and clamped. */
export const SURVIVAL_SLACK = 0.02;

const OPTION_NAMES = ["n", "totalEvents", "rQuirks"];

/**
 * Rebuilds individual patient rows (time, event) from a digitised Kaplan-Meier curve of ONE arm,
 * by the method of Guyot, Ades, Ouwens & Welton (2012), the one meta-analysts use (survHE's
 * digitise(), R's IPDfromKM and Stata's ipdfc build on it). The rows can go on to kaplanMeier,
 * logRankTest, coxPH or rmstDifference.
 *
 * Clean-up first, as the paper asks (cleanCurve.ts): survival within SURVIVAL_SLACK (0.02) of
 * [0, 1] is clamped into it; points are sorted by time; the curve starts at (0, 1) (added if
 * missing); survival is made non-increasing (running minimum); points at one time are merged
 * into the lowest. Each at-risk row covers the points from its time to the next row's time; a
 * row with no point there is dropped, with a warning (as survHE and IPDfromKM do).
 *
 * Then Guyot's algorithm (guyot.ts): in each at-risk interval, censorings spread evenly and
 * events d = round(n.hat (1 - S / KM.hat)) at each point, the number censored adjusted until
 * the number at risk at the next interval is the printed one; the last interval is censored at
 * the average rate of the others, or adjusted so that the events add up to `totalEvents` (only
 * the last interval is adjusted: when it holds one point, the total may not be met; see
 * `warnings`). Without an at-risk table nobody is censored before the end, unless `totalEvents`
 * is given. Rows: events at their point's time, censorings midway to the next point, patients
 * still at risk censored at the last point's time.
 *
 * Default: the algorithm as the paper describes it. `rQuirks: true` gives the published R
 * program row for row (test/survival/fixtures/r/guyot.R runs both), faults included: (1) where
 * the last interval holds a single point (common: a table's last time past the last drop), its
 * `lower:(upper-1)` runs backwards and wipes the censorings of the point before (they end up
 * censored at the end), and with total events R stops; (2) an interval's loop can stop on a
 * guess it has not applied, leaving a negative number at risk and extra rows; (3) where the
 * rebuilt curve reaches 0 before the end, R divides by 0 and stops. The default corrects these
 * because they change or lose rows silently and none is part of the method; rQuirks is for
 * comparing with results made by that code, and throws where R stops. A loop that would never
 * end (the published ones need not) is stopped at its closest guess and reported.
 *
 * Reference: Guyot P, Ades AE, Ouwens MJ, Welton NJ. Enhanced secondary analysis of survival
 * data: reconstructing the data from published Kaplan-Meier survival curves. BMC Medical
 * Research Methodology 2012;12:9. doi:10.1186/1471-2288-12-9.
 *
 * @param curve digitised points: `time` (>= 0) and `survival` (0..1, not percent), any order.
 * @param atRisk the numbers at risk printed under the figure: `time` (increasing) and `nRisk`
 *   (whole, non-increasing); undefined if there is none.
 * @param options `n`: patients at time 0 (required without `atRisk` or when its first time is
 *   not 0; must agree with it otherwise). `totalEvents`: the reported number of events.
 *   `rQuirks`: reproduce the published R program (default false).
 * @returns frozen `{ time, event }` (one row per patient; event 1 = event, 0 = censored) with
 *   diagnostics: `n`, `events` and `totalEvents` (given, or null); `intervals`, per at-risk row
 *   its `time`, printed `nRisk`, `nRiskHat` (rows at risk then), `nEvent` and `nCensor` (rows in
 *   the interval), first and last point (`lower`, `upper`) and `converged`; `points`, the
 *   cleaned curve with the algorithm's `nRisk`, `nEvent`, `nCensor` per point (Guyot's KM
 *   table); `cleaning`; `droppedAtRisk`; `maxAbsDifference`, the largest |Kaplan-Meier of the
 *   rows - survival| at the cleaned points; `warnings`, what to check before trusting the rows.
 * @throws SurvivalInputError naming argument, index and value: times negative or not finite;
 *   survival outside [0, 1]; at-risk times not increasing, numbers not whole or rising; no
 *   `options.n` without a table; more events than patients; totals that contradict the curve
 *   (events on a flat curve, none on a falling one, `n` not the table's number at 0); unknown
 *   options; with rQuirks, where the R program stops.
 *
 * @example
 * const arm = reconstructFromCurve(
 *   { time: [0, 2, 2, 5, 5, 9], survival: [1, 1, 0.9, 0.9, 0.7, 0.7] },
 *   { time: [0, 4, 8], nRisk: [20, 17, 10] },
 *   { totalEvents: 6 },
 * );
 * arm.time.length;             // => 20 (patients)
 * arm.events;                  // => 6
 * arm.intervals[1].nRiskHat;   // => 17 (as printed)
 * kaplanMeier({ time: arm.time, event: arm.event }).survivalAt(5);   // => 0.688 (digitised 0.7, rebuilt from whole events)
 */
export function reconstructFromCurve(
  curve: DigitisedCurve,
  atRisk?: AtRiskTable,
  options?: ReconstructOptions,
): ReconstructFromCurveResult {
  const c = checkData("reconstructFromCurve", curve, ["time", "survival", "color"], "curve");
  const o = checkObject("options", options, true);
  checkOptionNames("reconstructFromCurve", o, OPTION_NAMES);
  const n = o.n === undefined ? undefined : checkCount("options.n", o.n, 1);
  const totalEvents = o.totalEvents === undefined ? null : checkCount("options.totalEvents", o.totalEvents, 0);
  const rQuirks = o.rQuirks === undefined ? false : checkBoolean("options.rQuirks", o.rQuirks);

  const time = checkTimes("curve.time", c.time);
  const survival = checkSurvival(c.survival, time.length);
  const table = checkAtRisk(atRisk, n);
  const nPatients = table.nRisk[0];
  if (totalEvents !== null && totalEvents > nPatients) {
    throw new SurvivalInputError(
      `options.totalEvents is ${totalEvents}: more events than the ${nPatients} patients at time 0`,
      "options.totalEvents",
      undefined,
      totalEvents,
    );
  }

  const clean = cleanCurve(time, survival);
  const tS = clean.time;
  const S = clean.survival;
  checkAgainstCurve(S, totalEvents);

  // At-risk intervals [t_i, t_(i+1)) and their points; rows without a point are dropped.
  const kept: number[] = [];
  const droppedAtRisk: { index: number; time: number; nRisk: number }[] = [];
  let p = 0;
  for (let i = 0; i < table.time.length; i++) {
    while (p < tS.length && tS[p] < table.time[i]) p++;
    const end = i + 1 < table.time.length ? table.time[i + 1] : Infinity;
    if (p < tS.length && tS[p] < end) kept.push(i);
    else droppedAtRisk.push(Object.freeze({ index: i - table.shift, time: table.time[i], nRisk: table.nRisk[i] }));
  }
  const lower = new Int32Array(kept.length);
  const upper = new Int32Array(kept.length);
  kept.forEach((row, j) => {
    lower[j] = countBelow(tS, table.time[row]);
  });
  for (let j = 0; j < kept.length; j++) upper[j] = j + 1 < kept.length ? lower[j + 1] - 1 : tS.length - 1;
  const tRisk = kept.map((row) => table.time[row]);
  const nRisk = kept.map((row) => table.nRisk[row]);

  let fit: GuyotFit;
  try {
    fit = guyotFit(tS, S, lower, upper, nRisk, totalEvents, rQuirks);
  } catch (e) {
    if (!(e instanceof PublishedCodeStops)) throw e;
    throw new SurvivalInputError(
      `options.rQuirks: the published R program stops on this curve (R: ${e.message}); leave rQuirks off for the corrected algorithm`,
      "options.rQuirks",
      undefined,
      true,
    );
  }

  // Diagnostics from the rows themselves.
  const rowsN = fit.time.length;
  const eventTimes = Float64Array.from(fit.time.filter((_, r) => fit.event[r] === 1)).sort();
  const censorTimes = Float64Array.from(fit.time.filter((_, r) => fit.event[r] === 0)).sort();
  const events = eventTimes.length;
  const between = (x: Float64Array, from: number, to: number) => countBelow(x, to) - countBelow(x, from);
  const intervals: ReconstructedInterval[] = kept.map((_, j) => {
    const from = tRisk[j];
    const to = j + 1 < kept.length ? tRisk[j + 1] : Infinity;
    return Object.freeze({
      time: from,
      nRisk: nRisk[j],
      nRiskHat: between(eventTimes, from, Infinity) + between(censorTimes, from, Infinity),
      nEvent: between(eventTimes, from, to),
      nCensor: between(censorTimes, from, to),
      lower: lower[j],
      upper: upper[j],
      converged: fit.converged[j],
    });
  });
  const km = kaplanMeier({ time: fit.time, event: fit.event });
  let maxAbsDifference = 0;
  for (let k = 0; k < tS.length; k++) maxAbsDifference = Math.max(maxAbsDifference, Math.abs(km.survivalAt(tS[k]) - S[k]));

  const warnings: string[] = afterZero(tS, S, table);
  if (table.absent && totalEvents === null) {
    warnings.push(
      "no at-risk table and no total events: nobody is censored before the end of the curve, so events are overstated wherever patients were censored",
    );
  }
  for (const row of droppedAtRisk) {
    warnings.push(`at-risk row ${row.index} (time ${row.time}, ${row.nRisk} at risk) dropped: no digitised point between it and the next row's time`);
  }
  for (const iv of intervals) {
    if (iv.nRiskHat !== iv.nRisk) {
      warnings.push(`at time ${iv.time} the rows have ${iv.nRiskHat} at risk, the table prints ${iv.nRisk}`);
    }
    if (!iv.converged) warnings.push(`the adjustment for the interval from time ${iv.time} did not converge: stopped at its closest guess`);
  }
  if (totalEvents !== null && events !== totalEvents) {
    warnings.push(`the rows have ${events} events, ${totalEvents} are reported`);
  }
  if (rowsN !== nPatients) warnings.push(`the rows hold ${rowsN} patients, ${nPatients} were at risk at time 0`);

  const frozen = (x: ArrayLike<number>) => Object.freeze(Array.from(x));
  return Object.freeze({
    time: Object.freeze(fit.time),
    event: Object.freeze(fit.event),
    n: rowsN,
    events,
    totalEvents,
    intervals: Object.freeze(intervals),
    points: Object.freeze({
      time: frozen(tS),
      survival: frozen(S),
      nRisk: frozen(fit.nHat),
      nEvent: frozen(fit.d),
      nCensor: frozen(fit.cen),
    }),
    cleaning: clean.report,
    droppedAtRisk: Object.freeze(droppedAtRisk),
    maxAbsDifference,
    rQuirks,
    method: rQuirks ? "Guyot et al. (2012), as their published R program" : "Guyot et al. (2012)",
    warnings: Object.freeze(warnings),
  });
}

/** The at-risk table with a row at time 0; `shift` is 1 where that row was added from options.n. */
interface Table {
  time: Float64Array;
  nRisk: Float64Array;
  shift: number;
  absent: boolean;
}

function checkAtRisk(atRisk: unknown, n: number | undefined): Table {
  if (atRisk === undefined || atRisk === null) {
    if (n === undefined) {
      throw new SurvivalInputError(
        "options.n is missing: without an at-risk table, give the number of patients at time 0",
        "options.n",
        undefined,
        undefined,
      );
    }
    return { time: Float64Array.of(0), nRisk: Float64Array.of(n), shift: 0, absent: true };
  }
  const a = checkData("reconstructFromCurve", atRisk, ["time", "nRisk"], "atRisk");
  const time = checkTimes("atRisk.time", a.time);
  const nr = a.nRisk as ArrayLike<unknown>;
  if (nr === null || typeof nr !== "object" || typeof nr.length !== "number") {
    throw new SurvivalInputError(`atRisk.nRisk must be an array; got ${show(nr)}`, "atRisk.nRisk", undefined, nr);
  }
  checkLength("atRisk.nRisk", nr.length, time.length, "atRisk.time");
  const nRisk = new Float64Array(time.length);
  for (let i = 0; i < time.length; i++) {
    nRisk[i] = checkCount("atRisk.nRisk", nr[i], 0, i);
    if (i > 0 && !(time[i] > time[i - 1])) {
      throw new SurvivalInputError(
        `atRisk.time[${i}] is ${time[i]} after ${time[i - 1]}: the times must increase`,
        "atRisk.time",
        i,
        time[i],
      );
    }
    if (i > 0 && nRisk[i] > nRisk[i - 1]) {
      throw new SurvivalInputError(
        `atRisk.nRisk[${i}] is ${nRisk[i]} at time ${time[i]} after ${nRisk[i - 1]}: the number at risk cannot rise`,
        "atRisk.nRisk",
        i,
        nRisk[i],
      );
    }
  }
  if (time[0] === 0) {
    if (nRisk[0] < 1) throw new SurvivalInputError("atRisk.nRisk[0] is 0: no patient at time 0", "atRisk.nRisk", 0, 0);
    if (n !== undefined && n !== nRisk[0]) {
      throw new SurvivalInputError(
        `options.n is ${n} but atRisk.nRisk[0] is ${nRisk[0]} at time 0: they must agree`,
        "options.n",
        undefined,
        n,
      );
    }
    return { time, nRisk, shift: 0, absent: false };
  }
  if (n === undefined) {
    throw new SurvivalInputError(
      `atRisk.time[0] is ${time[0]}: the table must start at time 0, or give options.n (the patients at time 0)`,
      "atRisk.time",
      0,
      time[0],
    );
  }
  if (n < nRisk[0]) {
    throw new SurvivalInputError(
      `options.n is ${n}, fewer than atRisk.nRisk[0] = ${nRisk[0]} at time ${time[0]}: the number at risk cannot rise`,
      "options.n",
      undefined,
      n,
    );
  }
  return {
    time: Float64Array.from([0, ...time]),
    nRisk: Float64Array.from([n, ...nRisk]),
    shift: 1,
    absent: false,
  };
}

function checkSurvival(x: unknown, n: number): Float64Array {
  const a = x as ArrayLike<unknown>;
  if (a === null || typeof a !== "object" || typeof a.length !== "number") {
    throw new SurvivalInputError(`curve.survival must be an array; got ${show(x)}`, "curve.survival", undefined, x);
  }
  checkLength("curve.survival", a.length, n, "curve.time");
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (typeof v !== "number" || !(v >= -SURVIVAL_SLACK && v <= 1 + SURVIVAL_SLACK)) {
      const hint = typeof v === "number" && v > 1 && v <= 100 ? " (percentages? divide by 100)" : "";
      throw new SurvivalInputError(
        `curve.survival[${i}] is ${show(v)}: a survival probability must be in [0, 1]${hint}`,
        "curve.survival",
        i,
        v,
      );
    }
    out[i] = v;
  }
  return out;
}

/** Totals that the cleaned curve contradicts. */
function checkAgainstCurve(S: Float64Array, totalEvents: number | null): void {
  const last = S.length - 1;
  if (last < 1) {
    throw new SurvivalInputError("curve.time has no point after time 0: there is no curve to read", "curve.time", undefined, 0);
  }
  if (totalEvents !== null && totalEvents > 0 && S[last] === 1) {
    throw new SurvivalInputError(
      `options.totalEvents is ${totalEvents} but the curve never falls below 1: events need drops`,
      "options.totalEvents",
      undefined,
      totalEvents,
    );
  }
  if (totalEvents === 0 && S[last] < 1) {
    throw new SurvivalInputError(
      `options.totalEvents is 0 but the curve falls to ${S[last]}: a falling curve has events`,
      "options.totalEvents",
      undefined,
      0,
    );
  }
}

/** At-risk rows after the curve reached 0: digitising puts the last drop a hair early. */
function afterZero(tS: Float64Array, S: Float64Array, table: Table): string[] {
  const zeroAt = S.indexOf(0);
  const out: string[] = [];
  if (zeroAt < 0) return out;
  for (let i = 0; i < table.time.length; i++) {
    if (table.time[i] > tS[zeroAt] && table.nRisk[i] > 0) {
      out.push(
        `the curve reaches 0 at time ${tS[zeroAt]}, yet atRisk.nRisk[${i - table.shift}] is ${table.nRisk[i]} at time ${table.time[i]}: they can only be censored`,
      );
    }
  }
  return out;
}

function checkCount(name: string, v: unknown, min: number, index?: number): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min) {
    const at = index === undefined ? name : `${name}[${index}]`;
    throw new SurvivalInputError(`${at} is ${show(v)}: it must be a whole number >= ${min}`, name, index, v);
  }
  return v;
}

function checkBoolean(name: string, v: unknown): boolean {
  if (typeof v !== "boolean") throw new SurvivalInputError(`${name} is ${show(v)}: it must be true or false`, name, undefined, v);
  return v;
}
