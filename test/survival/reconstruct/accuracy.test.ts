/**
 * How close reconstructFromCurve comes to the true rows when the curve is exact: the Kaplan-Meier
 * step corners of real data (the paper's two arms, R's lung, veteran, aml and ovarian by arm, the
 * tie-heavy synthetic set,
 * computed with kaplanMeier), with the numbers at risk at regular times counted from the true
 * rows, with and without the total number of events, and with the total only. Measures events,
 * the largest vertical distance between the true and the rebuilt Kaplan-Meier curves, and the
 * medians. RECONSTRUCT_REPORT=1 prints the table.
 */
import { describe, expect, it } from "vitest";
import { kaplanMeier } from "../../../src/survival/km/kaplanMeier.js";
import { reconstructFromCurve } from "../../../src/survival/reconstruct/reconstructFromCurve.js";
import { loadEndpoint } from "../../../src/study/data/loadEndpoint.js";
import { dataset, numbers } from "../../helpers/fixtures.js";

export interface Arm {
  name: string;
  time: number[];
  event: number[];
  /** Spacing of the at-risk table. */
  step: number;
}

export function arms(): Arm[] {
  const out: Arm[] = [];
  const split = (name: string, time: number[], event: number[], group: (string | number)[], step: number) => {
    for (const g of [...new Set(group)].sort()) {
      const keep = group.map((x, i) => (x === g ? i : -1)).filter((i) => i >= 0);
      out.push({ name: `${name} ${g}`, time: keep.map((i) => time[i]), event: keep.map((i) => event[i]), step });
    }
  };
  const rec = loadEndpoint("recurrence");
  split("recurrence group", Array.from(rec.months), Array.from(rec.status), Array.from(rec.group), 3);
  const lung = dataset("lung");
  split("lung sex", numbers(lung.time), numbers(lung.status), lung.sex as number[], 100);
  const vet = dataset("veteran");
  split("veteran trt", numbers(vet.time), numbers(vet.status), vet.trt as number[], 100);
  const aml = dataset("aml");
  split("aml", numbers(aml.time), numbers(aml.status), aml.x as string[], 20);
  const ov = dataset("ovarian");
  split("ovarian rx", numbers(ov.futime), numbers(ov.fustat), ov.rx as number[], 100);
  const syn = dataset("synthetic");
  split("synthetic", numbers(syn.time), numbers(syn.status), syn.group as string[], 2);
  return out;
}

/** The corners of the Kaplan-Meier step function: top and foot of each drop, and its end. */
export function corners(a: Arm): { time: number[]; survival: number[] } {
  const km = kaplanMeier({ time: a.time, event: a.event });
  const time: number[] = [];
  const survival: number[] = [];
  let before = 1;
  for (let j = 0; j < km.time.length; j++) {
    if (km.nEvent[j] > 0) {
      time.push(km.time[j], km.time[j]);
      survival.push(before, km.survival[j]);
    }
    before = km.survival[j];
  }
  const end = km.time[km.time.length - 1];
  if (end > time[time.length - 1]) {
    time.push(end);
    survival.push(before);
  }
  return { time, survival };
}

export function atRiskAt(a: Arm): { time: number[]; nRisk: number[] } {
  const end = Math.max(...a.time);
  const time: number[] = [];
  for (let t = 0; t < end; t += a.step) time.push(t);
  return { time, nRisk: time.map((t) => a.time.filter((x) => x >= t).length) };
}

export interface Closeness {
  arm: string;
  setting: string;
  n: number;
  events: number;
  eventsRebuilt: number;
  /** max |S_rebuilt(t) - S_true(t)| over every time of either. */
  maxKmDifference: number;
  median: number | null;
  medianRebuilt: number | null;
}

export function closeness(a: Arm, setting: "at-risk table and total events" | "at-risk table" | "total events only"): Closeness {
  const curve = corners(a);
  const events = a.event.reduce((s, e) => s + e, 0);
  const table = setting === "total events only" ? undefined : atRiskAt(a);
  const options = {
    ...(table === undefined ? { n: a.time.length } : {}),
    ...(setting === "at-risk table" ? {} : { totalEvents: events }),
  };
  const rebuilt = reconstructFromCurve(curve, table, options);
  const truth = kaplanMeier({ time: a.time, event: a.event });
  const fit = kaplanMeier({ time: rebuilt.time, event: rebuilt.event });
  let maxKmDifference = 0;
  for (const t of [...Array.from(truth.time), ...Array.from(fit.time)]) {
    maxKmDifference = Math.max(maxKmDifference, Math.abs(fit.survivalAt(t) - truth.survivalAt(t)));
  }
  return {
    arm: a.name,
    setting,
    n: a.time.length,
    events,
    eventsRebuilt: rebuilt.events,
    maxKmDifference,
    median: truth.median.estimate,
    medianRebuilt: fit.median.estimate,
  };
}

const SETTINGS = ["at-risk table and total events", "at-risk table", "total events only"] as const;
const results = arms().flatMap((a) => SETTINGS.map((s) => closeness(a, s)));

describe("reconstructFromCurve on exact curves", () => {
  const withTable = results.filter((c) => c.setting !== "total events only");
  const totalOnly = results.filter((c) => c.setting === "total events only");

  it("measures every arm in every setting", () => {
    if (process.env.RECONSTRUCT_REPORT) {
      console.log(
        results
          .map((c) => [c.arm.padEnd(22), c.setting.padEnd(31), c.n, c.events, c.eventsRebuilt, c.maxKmDifference.toFixed(4), c.median, c.medianRebuilt].join("\t"))
          .join("\n"),
      );
    }
    expect(results.length).toBe(13 * SETTINGS.length);
  });

  it("with an at-risk table: events within 1 of the truth, curves within 0.05, medians within 10%", () => {
    for (const c of withTable) {
      const label = `${c.arm}, ${c.setting}`;
      expect(Math.abs(c.eventsRebuilt - c.events), label).toBeLessThanOrEqual(1);
      expect(c.maxKmDifference, label).toBeLessThan(0.05);
      if (c.median === null) expect(c.medianRebuilt, label).toBeNull();
      else expect(Math.abs(c.medianRebuilt! - c.median), label).toBeLessThanOrEqual(0.1 * c.median);
    }
  });

  it("with the total number of events only: the events add up, curves within 0.07", () => {
    for (const c of totalOnly) {
      expect(c.eventsRebuilt, c.arm).toBe(c.events);
      expect(c.maxKmDifference, c.arm).toBeLessThan(0.07);
    }
  });

  it("the at-risk table brings the rebuilt curve closer wherever patients are censored, on arms of 50 or more", () => {
    const large = results.filter((c) => c.n >= 50 && c.events < c.n && c.setting === "at-risk table and total events");
    expect(large.length).toBeGreaterThanOrEqual(6);
    for (const c of large) {
      const alone = totalOnly.find((t) => t.arm === c.arm)!;
      expect(c.maxKmDifference, c.arm).toBeLessThan(alone.maxKmDifference);
    }
  });
});
