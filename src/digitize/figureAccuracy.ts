/**
 * How well a Kaplan-Meier figure gives back the rows it was drawn from: digitise the figure
 * (digitizeCurves), rebuild each arm's rows by Guyot et al. (2012) (reconstructFromCurve) twice,
 * with the numbers at risk a figure prints under its curves and without them, and compare both
 * with the true rows on what a reader of the paper would check: events per arm, the Kaplan-Meier
 * curve, medians, the log-rank statistic and the Cox hazard ratio.
 *
 * The two reconstructions:
 * - `withAtRisk`: the numbers at risk at `atRiskTimes` (patients with time >= t, as R's
 *   `summary(survfit, times)` and the project's figures print them) and each arm's total events
 *   (a figure's at-risk table with cumulated events, or the text, gives it);
 * - `withoutAtRisk`: each arm's patients (`options.n`) and total events only.
 *
 * `checks` holds the targets for the rows rebuilt with the numbers at risk, each with its
 * measured value and whether it is met:
 * - events per arm within 1; within 3% of the true events (and at least 1) in an arm of more
 *   than 30 patients;
 * - hazard ratio within 5% (10% in a figure of fewer than 100 patients);
 * - log-rank statistic within 15% or 0.5, whichever is larger;
 * - each median within 1% of the time axis (0 to the largest true time); a median not reached
 *   must be not reached in both.
 *
 * The Kaplan-Meier difference is the largest |rebuilt - true| read midway between the true
 * curve's successive times (from 0): a step digitised a fraction of a pixel early is not a wrong
 * level. The hazard ratio is the second group's against the first (Cox, Efron ties, as R's
 * `coxph(Surv(time, event) ~ factor(group))`); the log-rank test is R's `survdiff`.
 *
 * @param png the figure, a PNG file's bytes.
 * @param truth the true rows: `time`, `event` (1 = event, 0 = censored), `group`.
 * @param options `x`, `y` and `colors` as digitizeCurves takes them; `groups`, the group each
 *   colour draws (two); `atRiskTimes`, the times of the numbers-at-risk table (the x ticks).
 * @returns frozen `{ truth, withAtRisk, withoutAtRisk, checks, met, timeSpan }`: for the true and
 *   each rebuilt set of rows, `rows` ({ time, event, group }), `arms` (per group: `n`, `events`,
 *   `median`, `maxKmDifference`, the reconstruction's `warnings`), `logRank` ({ statistic,
 *   pValue }) and `hazardRatio`; `checks` as above; `met`, whether all are.
 * @throws SurvivalInputError (naming argument, index and value) for a PNG that does not decode,
 *   rows that are not survival data, groups that are not two or not in the rows, at-risk times
 *   not increasing from 0, and whatever digitizeCurves and reconstructFromCurve refuse.
 *
 * @example
 * const a = figureAccuracy(readFileSync("figure-2.png"), { time, event, group }, {
 *   x: { pixels: [427.38, 1496.62], values: [0, 18] },
 *   y: { pixels: [874.28, 188.58], values: [0, 1] },
 *   colors: ["#0072B2", "#D55E00"],
 *   groups: [1, 2],
 *   atRiskTimes: [0, 3, 6, 9, 12, 15, 18],
 * });
 * a.withAtRisk.logRank.statistic;   // the log-rank statistic of the rebuilt rows
 * a.checks.filter((c) => !c.met);   // the targets missed
 */
import { SurvivalInputError, show } from "../survival/errors.js";
import { checkData, checkEvents, checkLength, checkObject, checkOptionNames, checkTimes } from "../survival/core/validate.js";
import { kaplanMeier, type KaplanMeierResult } from "../survival/km/kaplanMeier.js";
import { logRankTest } from "../survival/logrank/logRankTest.js";
import { coxPH } from "../survival/cox/coxPH.js";
import { reconstructFromCurve } from "../survival/reconstruct/reconstructFromCurve.js";
import { digitizeCurves, type AxisTicks } from "./digitizeCurves.js";

export type GroupLabel = number | string;

export interface TrueRows {
  readonly time: ArrayLike<number>;
  readonly event: ArrayLike<number | boolean>;
  readonly group: ArrayLike<GroupLabel>;
}

export interface FigureAccuracyOptions {
  readonly x: AxisTicks;
  readonly y: AxisTicks;
  /** One colour per arm, as digitizeCurves takes them. */
  readonly colors: readonly string[];
  /** The group each colour draws, in the same order. */
  readonly groups: readonly GroupLabel[];
  /** The times of the numbers-at-risk table (a figure's x ticks), from 0. */
  readonly atRiskTimes: readonly number[];
}

export interface ArmRows {
  readonly group: GroupLabel;
  readonly n: number;
  readonly events: number;
  /** Median time (R's rule), or null where the curve does not reach 0.5. */
  readonly median: number | null;
  /** Largest |Kaplan-Meier of these rows - the true one|, midway between the true curve's times; 0 for the truth. */
  readonly maxKmDifference: number;
  /** reconstructFromCurve's warnings (none for the truth). */
  readonly warnings: readonly string[];
}

export interface RowsAnalysis {
  readonly rows: { readonly time: readonly number[]; readonly event: readonly number[]; readonly group: readonly GroupLabel[] };
  readonly arms: readonly ArmRows[];
  readonly logRank: { readonly statistic: number; readonly pValue: number };
  /** The second group's hazard against the first's (Cox, Efron ties). */
  readonly hazardRatio: number;
}

export interface AccuracyCheck {
  readonly quantity: "events" | "median" | "log-rank statistic" | "hazard ratio";
  /** The arm, or null for a comparison of the arms. */
  readonly group: GroupLabel | null;
  /** The target, in words ("within 1", "within 10%"). */
  readonly target: string;
  /** The largest difference the target allows (absolute). */
  readonly tolerance: number;
  readonly truth: number | null;
  readonly rebuilt: number | null;
  readonly met: boolean;
}

export interface FigureAccuracy {
  readonly truth: RowsAnalysis;
  /** Rows rebuilt with the numbers at risk and the total events. */
  readonly withAtRisk: RowsAnalysis;
  /** Rows rebuilt with the number of patients and the total events only. */
  readonly withoutAtRisk: RowsAnalysis;
  /** The targets, on the rows rebuilt with the numbers at risk. */
  readonly checks: readonly AccuracyCheck[];
  readonly met: boolean;
  /** The time axis the median target is relative to: 0 to the largest true time. */
  readonly timeSpan: number;
}

const OPTIONS = ["x", "y", "colors", "groups", "atRiskTimes"] as const;

export function figureAccuracy(png: Uint8Array, truth: TrueRows, options: FigureAccuracyOptions): FigureAccuracy {
  const d = checkData("figureAccuracy", truth, ["time", "event", "group"], "truth");
  const time = checkTimes("truth.time", d.time);
  const event = checkEvents("truth.event", d.event, time.length, "truth.time");
  const group = checkGroupColumn(d.group, time.length);
  const o = checkObject("options", options);
  checkOptionNames("figureAccuracy", o, OPTIONS);
  const groups = checkGroups(o.groups, group);
  const atRiskTimes = checkAtRiskTimes(o.atRiskTimes);

  const { curves } = digitizeCurves(png, { x: o.x as AxisTicks, y: o.y as AxisTicks, colors: o.colors as string[] });
  if (curves.length !== groups.length) {
    throw new SurvivalInputError(
      `options.colors has ${curves.length} colours but options.groups has ${groups.length} groups: give one group per colour`,
      "options.groups",
      undefined,
      groups.length,
    );
  }

  const arms = groups.map((g) => {
    const keep: number[] = [];
    for (let i = 0; i < time.length; i++) if (group[i] === g) keep.push(i);
    const t = keep.map((i) => time[i]);
    const e = keep.map((i) => event[i]);
    return { group: g, time: t, event: e, events: e.reduce((a, b) => a + b, 0), fit: kaplanMeier({ time: t, event: e }) };
  });

  const rebuild = (withTable: boolean) =>
    arms.map((arm, k) => {
      const table = { time: atRiskTimes, nRisk: atRiskTimes.map((t) => arm.time.filter((x) => x >= t).length) };
      const r = withTable
        ? reconstructFromCurve(curves[k], table, { totalEvents: arm.events })
        : reconstructFromCurve(curves[k], undefined, { n: arm.time.length, totalEvents: arm.events });
      return { group: arm.group, time: r.time, event: r.event, warnings: r.warnings };
    });

  const truthAnalysis = analyse(arms.map((a) => ({ ...a, warnings: [] })), arms.map((a) => a.fit));
  const withAtRisk = analyse(rebuild(true), arms.map((a) => a.fit));
  const withoutAtRisk = analyse(rebuild(false), arms.map((a) => a.fit));
  const timeSpan = time.reduce((a, b) => Math.max(a, b), 0);
  const checks = targets(truthAnalysis, withAtRisk, timeSpan);
  return Object.freeze({
    truth: truthAnalysis,
    withAtRisk,
    withoutAtRisk,
    checks,
    met: checks.every((c) => c.met),
    timeSpan,
  });
}

interface ArmInput {
  readonly group: GroupLabel;
  readonly time: readonly number[];
  readonly event: readonly number[];
  readonly warnings: readonly string[];
}

function analyse(arms: readonly ArmInput[], trueFits: readonly KaplanMeierResult[]): RowsAnalysis {
  const time = arms.flatMap((a) => a.time);
  const event = arms.flatMap((a) => a.event);
  const group = arms.flatMap((a) => a.time.map(() => a.group));
  const lr = logRankTest({ time, event, group });
  const second = arms[1].group;
  const cox = coxPH({ time, event, covariates: { second: group.map((g) => (g === second ? 1 : 0)) } });
  return Object.freeze({
    rows: Object.freeze({ time: Object.freeze(time), event: Object.freeze(event), group: Object.freeze(group) }),
    arms: Object.freeze(
      arms.map((a, k) => {
        const fit = kaplanMeier({ time: a.time, event: a.event });
        return Object.freeze({
          group: a.group,
          n: a.time.length,
          events: a.event.reduce((s, e) => s + e, 0),
          median: fit.median.estimate,
          maxKmDifference: maxDifference(fit, trueFits[k]),
          warnings: Object.freeze([...a.warnings]),
        });
      }),
    ),
    logRank: Object.freeze({ statistic: lr.statistic, pValue: lr.pValue }),
    hazardRatio: cox.hazardRatio[0],
  });
}

/** Largest |S_fit - S_true| midway between the true curve's successive times, from 0. */
function maxDifference(fit: KaplanMeierResult, truth: KaplanMeierResult): number {
  let max = 0;
  let before = 0;
  for (let j = 0; j < truth.time.length; j++) {
    const t = (before + truth.time[j]) / 2;
    max = Math.max(max, Math.abs(fit.survivalAt(t) - truth.survivalAt(t)));
    before = truth.time[j];
  }
  return max;
}

function targets(truth: RowsAnalysis, rebuilt: RowsAnalysis, timeSpan: number): readonly AccuracyCheck[] {
  const checks: AccuracyCheck[] = [];
  const check = (
    quantity: AccuracyCheck["quantity"],
    group: GroupLabel | null,
    target: string,
    tolerance: number,
    t: number | null,
    r: number | null,
  ) => {
    const met = t === null || r === null ? t === r : Math.abs(r - t) <= tolerance;
    checks.push(Object.freeze({ quantity, group, target, tolerance, truth: t, rebuilt: r, met }));
  };
  truth.arms.forEach((arm, k) => {
    const large = arm.n > 30;
    const tol = large ? Math.max(1, 0.03 * arm.events) : 1;
    check("events", arm.group, large ? "within 3% (and 1)" : "within 1", tol, arm.events, rebuilt.arms[k].events);
  });
  const patients = truth.arms.reduce((s, a) => s + a.n, 0);
  const share = patients < 100 ? 0.1 : 0.05;
  check("hazard ratio", null, `within ${share * 100}%`, share * truth.hazardRatio, truth.hazardRatio, rebuilt.hazardRatio);
  const lr = truth.logRank.statistic;
  check("log-rank statistic", null, "within 15% or 0.5", Math.max(0.15 * lr, 0.5), lr, rebuilt.logRank.statistic);
  truth.arms.forEach((arm, k) => {
    check("median", arm.group, "within 1% of the time axis", 0.01 * timeSpan, arm.median, rebuilt.arms[k].median);
  });
  return Object.freeze(checks);
}

function checkGroupColumn(x: unknown, n: number): GroupLabel[] {
  const a = x as ArrayLike<unknown>;
  if (a === null || typeof a !== "object" || typeof a.length !== "number") {
    throw new SurvivalInputError(`truth.group must be an array; got ${show(x)}`, "truth.group", undefined, x);
  }
  checkLength("truth.group", a.length, n, "truth.time");
  const out: GroupLabel[] = [];
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (!(typeof v === "string" || (typeof v === "number" && Number.isFinite(v)))) {
      throw new SurvivalInputError(`truth.group[${i}] is ${show(v)}: a group label must be a string or a finite number`, "truth.group", i, v);
    }
    out.push(v);
  }
  return out;
}

function checkGroups(x: unknown, column: readonly GroupLabel[]): GroupLabel[] {
  if (!Array.isArray(x) || x.length !== 2) {
    throw new SurvivalInputError(`options.groups is ${show(x)}: give the two groups the figure draws, one per colour`, "options.groups", undefined, x);
  }
  const present = new Set(column);
  x.forEach((g, i) => {
    if (!present.has(g)) {
      throw new SurvivalInputError(
        `options.groups[${i}] is ${show(g)}: no row of truth has that group; the groups are ${[...present].map((v) => show(v)).join(", ")}`,
        "options.groups",
        i,
        g,
      );
    }
  });
  if (x[0] === x[1]) throw new SurvivalInputError(`options.groups[1] is ${show(x[1])}, the same as options.groups[0]`, "options.groups", 1, x[1]);
  for (let i = 0; i < column.length; i++) {
    if (column[i] !== x[0] && column[i] !== x[1]) {
      throw new SurvivalInputError(
        `truth.group[${i}] is ${show(column[i])}: the figure draws groups ${show(x[0])} and ${show(x[1])} only`,
        "truth.group",
        i,
        column[i],
      );
    }
  }
  return [x[0], x[1]];
}

function checkAtRiskTimes(x: unknown): number[] {
  const t = Array.from(checkTimes("options.atRiskTimes", x));
  if (t[0] !== 0) {
    throw new SurvivalInputError(`options.atRiskTimes[0] is ${t[0]}: the numbers at risk start at time 0`, "options.atRiskTimes", 0, t[0]);
  }
  for (let i = 1; i < t.length; i++) {
    if (!(t[i] > t[i - 1])) {
      throw new SurvivalInputError(`options.atRiskTimes[${i}] is ${t[i]} after ${t[i - 1]}: the times must increase`, "options.atRiskTimes", i, t[i]);
    }
  }
  return t;
}
