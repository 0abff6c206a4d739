/**
 * Difference in restricted mean survival time (RMST) between two arms up to a horizon tau:
 * the area under each arm's Kaplan-Meier curve on [0, tau], its standard error as R's
 * print(survfit, rmean = tau) gives it (kaplanMeier's rmst), and
 *   difference = RMST(other) - RMST(reference),   se = sqrt(se_1^2 + se_2^2)
 * (the arms are independent), a normal confidence interval estimate +- z se, z = estimate / se
 * and its two-sided p-value; per arm, RMST +- z se. This is survRM2's rmst2 "RMST (arm 1) -
 * (arm 0)" contrast (Uno et al. 2014); survRM2 itself is not packaged for Debian, so the tests
 * check each arm against R's print(survfit, rmean = tau) and the contrast against the same
 * formula evaluated in R (test/survival/fixtures/r/beyond.R).
 *
 * tau: a number > 0 within the follow-up of both arms, or omitted for the longest common
 * follow-up, the smaller of the two arms' largest observed times (event or censoring; survRM2's
 * default). A tau beyond that is refused: one curve would be extrapolated past its last
 * observation.
 *
 * Reference: Royston & Parmar (2013), BMC Med Res Methodol 13:152; Uno et al. (2014), J Clin
 * Oncol 32:2380; Klein & Moeschberger (2003), sec. 4.5.
 */
import { chiSquareUpper, normalQuantile } from "../core/distributions.js";
import { checkConfLevel, checkData, checkEvents, checkLabels, checkOptions, checkTimes } from "../core/validate.js";
import { SurvivalInputError, show } from "../errors.js";
import { kaplanMeierFit } from "../km/kaplanMeierFit.js";
import { printable } from "../print/printable.js";
import { printRmstDifference } from "../print/printBeyond.js";

export interface RmstData {
  time: ArrayLike<number>;
  /** 1/true = event, 0/false = censored. */
  event: ArrayLike<number | boolean>;
  /** Two distinct labels. */
  group: ArrayLike<string | number>;
}

export interface RmstOptions {
  /** Confidence level, default 0.95. */
  confLevel?: number;
  /** The arm subtracted; default the first level (sorted as R's factor()). */
  reference?: string | number;
}

export interface RmstArm {
  readonly group: string | number;
  readonly n: number;
  readonly events: number;
  /** Restricted mean survival time up to tau (R's rmean). */
  readonly rmst: number;
  /** Its standard error (R's se(rmean)). */
  readonly stdErr: number;
  readonly lower: number;
  readonly upper: number;
}

export interface RmstContrast {
  readonly estimate: number;
  /** sqrt(stdErr_1^2 + stdErr_2^2). */
  readonly stdErr: number;
  readonly lower: number;
  readonly upper: number;
  readonly z: number;
  readonly pValue: number;
}

export interface RmstDifferenceResult {
  readonly tau: number;
  /** "given", or how tau was chosen. */
  readonly tauRule: string;
  /** [reference arm, other arm]. */
  readonly arms: readonly [RmstArm, RmstArm];
  /** RMST(other) - RMST(reference). */
  readonly difference: RmstContrast;
  /** e.g. "2 - 1". */
  readonly contrast: string;
  readonly confLevel: number;
  readonly method: string;
}

const DATA_FIELDS = ["time", "event", "group"];
const OPTION_NAMES = ["confLevel", "reference"];
const COMMON = "longest common follow-up: the smaller of the two arms' largest observed times";

/**
 * @param data     `{ time, event, group }` with exactly two groups, as logRankTest takes them
 * @param tau      the horizon, > 0 and within both arms' follow-up; default the longest common
 *                 follow-up (the smaller of the arms' largest observed times)
 * @param options  `confLevel` (default 0.95); `reference`, the arm subtracted (default the first
 *                 group in R's factor order)
 * @returns        a frozen result: `tau` and how it was chosen (`tauRule`), per arm (`arms`:
 *                 group, n, events, rmst, stdErr, lower, upper), the `difference` (estimate,
 *                 stdErr, lower, upper, z, pValue), `contrast`, `confLevel`, `method`
 * @throws SurvivalInputError  for bad data (as logRankTest), other than two groups, a tau beyond
 *                 an arm's follow-up, a difference with no variance, a field other than time,
 *                 event and group, or an unknown or bad option
 *
 * @example
 * const data = {
 *   time: [2, 4, 6, 8, 10, 12, 3, 5, 7, 9, 11, 13],
 *   event: [1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1],
 *   group: [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2],
 * };
 * const r = rmstDifference(data, 10);      // each arm: print(survfit(...), rmean = 10)
 * r.arms.map((a) => a.rmst);               // => [7.2222, 8]
 * r.difference.estimate;                   // => 0.7778 (arm 2 - arm 1)
 * r.difference.stdErr;                     // => 1.6633
 * r.difference.pValue;                     // => 0.6401
 */
export function rmstDifference(data: RmstData, tau?: number, options?: RmstOptions): RmstDifferenceResult {
  const d = checkData("rmstDifference", data, DATA_FIELDS);
  const o = checkOptions("rmstDifference", options, OPTION_NAMES);
  const confLevel = o.confLevel === undefined ? 0.95 : checkConfLevel(o.confLevel);
  const time = checkTimes("time", d.time);
  const n = time.length;
  const event = checkEvents("event", d.event, n);
  const group = checkLabels("group", d.group, n);
  if (group.levels.length !== 2) {
    throw new SurvivalInputError(
      `group has ${group.levels.length} distinct value(s) (${group.levels.map(show).join(", ")}): an RMST difference needs exactly two arms`,
      "group",
      undefined,
      group.levels,
    );
  }
  let ref = 0;
  if (o.reference !== undefined) {
    ref = group.levels.indexOf(o.reference as string | number);
    if (ref < 0) {
      throw new SurvivalInputError(
        `reference is ${show(o.reference)}: it must be one of the groups ${group.levels.map(show).join(", ")}`,
        "reference",
        undefined,
        o.reference,
      );
    }
  }
  const order = [ref, 1 - ref];

  // Split the rows by arm; the largest observed time of each arm bounds tau.
  const rows = order.map((g) => {
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (group.codes[i] === g) idx.push(i);
    return idx;
  });
  const lastTime = rows.map((idx) => idx.reduce((m, i) => Math.max(m, time[i]), 0));
  const common = Math.min(lastTime[0], lastTime[1]);
  const shorter = lastTime[0] <= lastTime[1] ? 0 : 1;
  let horizon: number;
  if (tau === undefined) {
    horizon = common;
    if (!(horizon > 0)) {
      throw new SurvivalInputError(
        `group ${show(group.levels[order[shorter]])} has no follow-up (every time is 0): there is no interval to restrict the mean to`,
        "time",
        undefined,
        0,
      );
    }
  } else {
    if (typeof tau !== "number" || !(tau > 0) || tau === Infinity) {
      throw new SurvivalInputError(`tau is ${show(tau)}: the horizon must be a finite number > 0`, "tau", undefined, tau);
    }
    if (tau > common) {
      throw new SurvivalInputError(
        `tau is ${tau}: beyond the follow-up of group ${show(group.levels[order[shorter]])}, whose largest observed time is ${common}; ` +
          `choose tau <= ${common} (omit tau for the ${COMMON})`,
        "tau",
        undefined,
        tau,
      );
    }
    horizon = tau;
  }

  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const arms = rows.map((idx, a) => {
    const km = kaplanMeierFit(
      Float64Array.from(idx, (i) => time[i]),
      Uint8Array.from(idx, (i) => event[i]),
      "log",
      confLevel,
    );
    const r = km.rmst(horizon);
    return Object.freeze({
      group: group.levels[order[a]],
      n: km.n,
      events: km.events,
      rmst: r.estimate,
      stdErr: r.stdErr,
      lower: r.estimate - z * r.stdErr,
      upper: r.estimate + z * r.stdErr,
    });
  }) as [RmstArm, RmstArm];

  const estimate = arms[1].rmst - arms[0].rmst;
  const se = Math.sqrt(arms[0].stdErr * arms[0].stdErr + arms[1].stdErr * arms[1].stdErr);
  if (!(se > 0)) {
    throw new SurvivalInputError(
      `tau is ${horizon}: neither arm has an event with someone left at risk before it, so the difference has no variance`,
      "tau",
      undefined,
      horizon,
    );
  }
  const zStat = estimate / se;
  return printable({
    tau: horizon,
    tauRule: tau === undefined ? COMMON : "given",
    arms: Object.freeze(arms) as readonly [RmstArm, RmstArm],
    difference: Object.freeze({
      estimate,
      stdErr: se,
      lower: estimate - z * se,
      upper: estimate + z * se,
      z: zStat,
      pValue: chiSquareUpper(zStat * zStat, 1),
    }),
    contrast: `${arms[1].group} - ${arms[0].group}`,
    confLevel,
    method: `Difference in restricted mean survival time up to tau = ${horizon} (Kaplan-Meier areas, R print(survfit, rmean = tau) standard errors)`,
  }, printRmstDifference);
}
