/**
 * reconstructFromCurve against Guyot et al. (2012)'s R program, row for row
 * (test/survival/fixtures/r/guyot.R): the step corners of survfit on lung, veteran, aml and the
 * paper's recurrence table, exact and with digitising noise, with no at-risk table, a regular
 * one and one ending at the curve's last time, with and without the total number of events.
 * rQuirks: true must give the published program's rows (or fail where it fails); the default
 * must give the rows of the same program with its faults corrected (fixed = TRUE in the script).
 */
import { describe, expect, it } from "vitest";
import { reconstructFromCurve } from "../../../src/survival/reconstruct/reconstructFromCurve.js";
import { loadFixture } from "../../helpers/fixtures.js";
import { inputError } from "../../helpers/errors.js";

interface RRun {
  time: number[];
  event: number[];
  nRisk: number[];
  nEvent: number[];
  nCensor: number[];
}
type ROutcome = RRun | { error: string };

interface GuyotCase {
  name: string;
  curve: { time: number[]; survival: number[] };
  atRisk: { time: number[]; nRisk: number[] } | null;
  n: number;
  totalEvents: number | null;
  cleaned: { time: number[]; survival: number[] };
  intervals: { time: number[]; lower: number[]; upper: number[]; dropped: number[] };
  quirk: boolean;
  published: ROutcome;
  corrected: ROutcome | "same";
}

const { cases } = loadFixture<{ cases: GuyotCase[] }>("guyot");
const asArray = (x: number | number[]) => (Array.isArray(x) ? x : [x]); // R writes length-1 vectors as scalars
/** Counts compared as numbers: R's round() leaves -0 where we write 0. */
const counts = (x: readonly number[]) => x.map((v) => (v === 0 ? 0 : v));

function run(c: GuyotCase, rQuirks: boolean) {
  const atRisk = c.atRisk === null ? undefined : { time: asArray(c.atRisk.time), nRisk: asArray(c.atRisk.nRisk) };
  const options = {
    ...(atRisk === undefined ? { n: c.n } : {}),
    ...(c.totalEvents === null ? {} : { totalEvents: c.totalEvents }),
    rQuirks,
  };
  return reconstructFromCurve(c.curve, atRisk, options);
}

function expectSameRows(c: GuyotCase, rQuirks: boolean, r: ROutcome) {
  if ("error" in r) {
    const e = inputError(() => run(c, rQuirks));
    expect(rQuirks, `R stops (${r.error}) only with the published program`).toBe(true);
    expect(e.argument).toBe("options.rQuirks");
    expect(e.message).toContain(r.error);
    return;
  }
  const ours = run(c, rQuirks);
  expect(ours.points.time).toEqual(asArray(c.cleaned.time));
  expect(ours.points.survival).toEqual(asArray(c.cleaned.survival));
  expect(ours.intervals.map((iv) => iv.time)).toEqual(asArray(c.intervals.time));
  expect(ours.intervals.map((iv) => iv.lower)).toEqual(asArray(c.intervals.lower));
  expect(ours.intervals.map((iv) => iv.upper)).toEqual(asArray(c.intervals.upper));
  expect(ours.droppedAtRisk.map((d) => d.index)).toEqual(asArray(c.intervals.dropped));
  // Guyot's KM table: number at risk, events and censorings per point.
  expect(counts(ours.points.nRisk)).toEqual(counts(r.nRisk));
  expect(counts(ours.points.nEvent)).toEqual(counts(r.nEvent));
  expect(counts(ours.points.nCensor)).toEqual(counts(r.nCensor));
  // The rows, in R's order: same times (bit for bit) and event codes.
  expect(ours.time).toEqual(r.time);
  expect(ours.event).toEqual(r.event);
}

describe("reconstructFromCurve matches Guyot et al.'s R program", () => {
  it("the fixture covers the quirk, R's failures and the corrections", () => {
    expect(cases.length).toBeGreaterThanOrEqual(90);
    const quirkCases = cases.filter((c) => c.quirk);
    expect(quirkCases.length).toBeGreaterThan(20);
    // The quirk changes rows where R runs, and R stops on it with total events.
    expect(quirkCases.some((c) => !("error" in c.published) && c.corrected !== "same")).toBe(true);
    expect(cases.some((c) => "error" in c.published && c.published.error.includes("replacement has length zero"))).toBe(true);
    // Corrections that matter away from the quirk (the loop's stale guess; the curve at 0).
    expect(cases.some((c) => !c.quirk && c.corrected !== "same")).toBe(true);
    for (const c of cases) if (c.corrected !== "same") expect("error" in c.corrected, c.name).toBe(false);
  });

  for (const c of cases) {
    describe(c.name, () => {
      it("rQuirks: true gives the published program's rows", () => expectSameRows(c, true, c.published));
      it("the default gives the corrected program's rows", () =>
        expectSameRows(c, false, c.corrected === "same" ? c.published : c.corrected));
    });
  }
});

describe("the single-point quirk, looked at closely", () => {
  // A case where R runs, the last interval holds one point and the wiped censorings matter.
  const c = cases.find((k) => k.quirk && !("error" in k.published) && k.corrected !== "same" && k.name.startsWith("lung"))!;

  it("R moves the censorings of the point before the last interval to the end of the curve", () => {
    const published = run(c, true);
    const corrected = run(c, false);
    const last = published.points.time.length - 1;
    const before = last - 1;
    expect(corrected.points.nCensor[before]).toBeGreaterThan(0);
    expect(published.points.nCensor[before]).toBe(0);
    // Same patients and events; the censored rows midway before the last point moved to it.
    expect(published.n).toBe(corrected.n);
    expect(published.events).toBe(corrected.events);
    const mid = (published.points.time[before] + published.points.time[last]) / 2;
    const count = (rows: typeof published, t: number) => rows.time.filter((x, i) => x === t && rows.event[i] === 0).length;
    expect(count(published, mid)).toBe(0);
    expect(count(corrected, mid)).toBe(corrected.points.nCensor[before]);
    expect(count(published, published.points.time[last])).toBe(
      count(corrected, corrected.points.time[last]) + corrected.points.nCensor[before],
    );
  });
});

describe("loops that do not end in R", () => {
  interface Endless {
    time: number[];
    survival: number[];
    atRisk: { time: number[]; nRisk: number[] };
    totalEvents: number;
    published: { error: string };
    corrected: { error: string };
  }
  const { endless } = loadFixture<{ endless: Endless[] }>("guyot");

  it.each(endless.map((e, i) => [i, e] as const))("case %i: stopped at the closest guess and reported; rQuirks throws", (_, e) => {
    // R, published and corrected, did not return within 5 s (or stopped with an error).
    expect(e.corrected.error).toBe("reached elapsed time limit");
    expect(e.published.error).toBeTruthy();
    const r = reconstructFromCurve({ time: e.time, survival: e.survival }, e.atRisk, { totalEvents: e.totalEvents });
    const last = r.intervals[r.intervals.length - 1];
    expect(last.converged).toBe(false);
    expect(r.warnings).toContain(`the adjustment for the interval from time ${last.time} did not converge: stopped at its closest guess`);
    expect(r.n).toBe(e.atRisk.nRisk[0]);
    if (r.events !== e.totalEvents) expect(r.warnings).toContain(`the rows have ${r.events} events, ${e.totalEvents} are reported`);
    expect(inputError(() => reconstructFromCurve({ time: e.time, survival: e.survival }, e.atRisk, { totalEvents: e.totalEvents, rQuirks: true })).argument).toBe("options.rQuirks");
  });
});
