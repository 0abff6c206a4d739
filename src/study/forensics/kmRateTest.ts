/**
 * Comparison of two arms' Kaplan-Meier survival at one time t: z² = (g(S1) - g(S2))² /
 * (var g(S1) + var g(S2)) on 1 df, with Greenwood's variance carried to the scale g by the delta
 * method (Klein & Moeschberger 2003, sec. 7.8; Klein et al. 2007, Stat Med 26:4505):
 *   "plain"   g(S) = S,              var = se²;
 *   "log"     g(S) = log S,          var = (se / S)²;
 *   "log-log" g(S) = log(-log S),    var = (se / (S log S))².
 * S and se are the right-continuous values at t (R's summary(survfit, times = t): surv and
 * std.err). With nobody censored before t, S is the crude proportion and the "plain" z² equals
 * the unpooled Wald chi-square of the 2x2 table at t. A scale is left out when S is 0 or 1 in
 * either arm (the variance or the transform is undefined there).
 */
import { chiSquareUpper } from "../../survival/core/distributions.js";
import { kaplanMeier, type KaplanMeierData } from "../../survival/km/kaplanMeier.js";
import { SurvivalInputError, show } from "../../survival/errors.js";
import { checkData } from "../../survival/core/validate.js";

export type KmScale = "plain" | "log" | "log-log";

export interface KmRateTest {
  readonly scale: KmScale;
  readonly time: number;
  /** S(t) and its Greenwood standard error, per arm. */
  readonly survival: readonly [number, number];
  readonly stdErr: readonly [number, number];
  readonly statistic: number;
  readonly pValue: number;
}

/** S(t) and its Greenwood standard error (right-continuous; 1 and 0 before the first time). */
function atTime(data: KaplanMeierData, t: number): [number, number] {
  const km = kaplanMeier(data);
  let s = 1;
  let se = 0;
  for (let i = 0; i < km.time.length && km.time[i] <= t; i++) {
    s = km.survival[i];
    se = km.stdErr[i];
  }
  return [s, se];
}

/**
 * The arms' Kaplan-Meier S(time) compared on each scale; see the module comment.
 *
 * @param arm1  `{ time, event }` of one arm (as kaplanMeier takes it)
 * @param arm2  the other arm
 * @param time  the time t, finite and >= 0
 * @returns     a frozen list of `{ scale, time, survival, stdErr, statistic, pValue }`, one per
 *              scale; empty when S is 0 or 1 in an arm
 * @throws SurvivalInputError  for a bad time, bad data (kaplanMeier), or a field other than time
 *              and event
 *
 * @example
 * const rec = loadEndpoint("recurrence");
 * const r = kmRateTest(armData(rec, 1), armData(rec, 2), 12);
 * r.map((x) => x.scale);   // => ["plain", "log", "log-log"]
 * r[0].survival;           // => [0.5652, 0.25]
 * r[0].statistic;          // => 4.435
 */
export function kmRateTest(arm1: KaplanMeierData, arm2: KaplanMeierData, time: number): readonly KmRateTest[] {
  checkData("kmRateTest", arm1, ["time", "event"], "arm1");
  checkData("kmRateTest", arm2, ["time", "event"], "arm2");
  if (typeof time !== "number" || !Number.isFinite(time) || time < 0) {
    throw new SurvivalInputError(`time is ${show(time)}: it must be a finite number >= 0`, "time", undefined, time);
  }
  const [s1, se1] = atTime(arm1, time);
  const [s2, se2] = atTime(arm2, time);
  if (!(s1 > 0 && s1 < 1 && s2 > 0 && s2 < 1)) return Object.freeze([]);
  const scales: [KmScale, (s: number) => number, (s: number, se: number) => number][] = [
    ["plain", (s) => s, (s, se) => se * se],
    ["log", (s) => Math.log(s), (s, se) => (se / s) ** 2],
    ["log-log", (s) => Math.log(-Math.log(s)), (s, se) => (se / (s * Math.log(s))) ** 2],
  ];
  return Object.freeze(
    scales.map(([scale, g, v]) => {
      const statistic = (g(s1) - g(s2)) ** 2 / (v(s1, se1) + v(s2, se2));
      return Object.freeze({
        scale,
        time,
        survival: Object.freeze([s1, s2] as [number, number]),
        stdErr: Object.freeze([se1, se2] as [number, number]),
        statistic,
        pValue: chiSquareUpper(statistic, 1),
      });
    }),
  );
}
