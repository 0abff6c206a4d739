/** The R reference for the Kaplan-Meier tests: test/survival/fixtures/r/km.json, written by km.R. */
import { expect } from "vitest";
import { expectClose, loadFixture } from "../../helpers/fixtures.js";
import type { ConfType } from "../../../src/survival/km/kaplanMeier.js";

type Num = number | null; // R's NA, NaN and Inf arrive as null

export interface KmFit {
  confType: ConfType;
  confLevel: number;
  n: number;
  events: number;
  table: {
    time: number[];
    "n.risk": number[];
    "n.event": number[];
    "n.censor": number[];
    surv: number[];
    "std.err": Num[];
    lower: Num[];
    upper: Num[];
    cumhaz: number[];
    "std.chaz": number[];
  };
  median: { estimate: Num; lower: Num; upper: Num };
  quantile: { probs: number[]; estimate: Num[]; lower: Num[]; upper: Num[] };
}

export interface KmCurve {
  label: string;
  note?: string;
  time: number[];
  status: number[];
  fits: KmFit[];
  probes: { time: number[]; surv: number[] };
  rmean: { tau: number[]; rmean: number[]; se: number[] };
}

export const curves: KmCurve[] = loadFixture<{ curves: KmCurve[] }>("km").curves;

export function curve(label: string): KmCurve {
  const c = curves.find((x) => x.label === label);
  if (!c) throw new Error(`no curve "${label}" in km.json`);
  return c;
}

/** A column where R's NA/NaN (null in the fixture) must be NaN here. */
export function expectColumn(actual: ArrayLike<number>, expected: Num[], label: string): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (expected[i] === null) expect(actual[i], `${label}[${i}] (R: NA)`).toBeNaN();
    else expectClose(actual[i], expected[i], `${label}[${i}]`);
  }
}

/** Every column of summary(fit, censored = TRUE) (as KmFit's table holds them) against the fit's. */
export function expectSurvfitTable(
  fit: {
    time: ArrayLike<number>;
    nRisk: ArrayLike<number>;
    nEvent: ArrayLike<number>;
    nCensor: ArrayLike<number>;
    survival: ArrayLike<number>;
    stdErr: ArrayLike<number>;
    lower: ArrayLike<number>;
    upper: ArrayLike<number>;
    cumHazard: ArrayLike<number>;
    cumHazardStdErr: ArrayLike<number>;
  },
  t: Record<keyof KmFit["table"], Num[]>,
): void {
  expectColumn(fit.time, t.time, "time");
  expectColumn(fit.nRisk, t["n.risk"], "n.risk");
  expectColumn(fit.nEvent, t["n.event"], "n.event");
  expectColumn(fit.nCensor, t["n.censor"], "n.censor");
  expectColumn(fit.survival, t.surv, "surv");
  expectColumn(fit.stdErr, t["std.err"], "std.err");
  expectColumn(fit.lower, t.lower, "lower");
  expectColumn(fit.upper, t.upper, "upper");
  expectColumn(fit.cumHazard, t.cumhaz, "cumhaz");
  expectColumn(fit.cumHazardStdErr, t["std.chaz"], "std.chaz");
}
