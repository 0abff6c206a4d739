/**
 * How well a figure gives back its rows (figureAccuracy), on six figures whose true rows we hold
 * (test/digitize/accuracyCases.ts): the project's Figures 2 and 3 rendered by Chromium, the same
 * two endpoints drawn by R, lung by sex and veteran by treatment. The targets (with the numbers
 * at risk) are asserted where they hold; where one is missed, the test pins the measured value
 * and the reason, so that a change to digitising or reconstruction shows here. The README's
 * table must be the one the code computes now. Then a synthetic figure with known rows, the
 * table's format and bad input.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { figureAccuracy, type FigureAccuracy } from "../../src/digitize/figureAccuracy.js";
import { accuracyTable, ACCURACY_HEADERS } from "../../src/digitize/accuracyTable.js";
import { kaplanMeier } from "../../src/survival/km/kaplanMeier.js";
import { logRankTest } from "../../src/survival/logrank/logRankTest.js";
import { inputError } from "../helpers/errors.js";
import { accuracyCases, accuracyOf, markdownTable, readmeTable, tableIn, BEGIN, END } from "./accuracyCases.js";
import { Canvas, stepVertices } from "./drawPng.js";

const cases = accuracyCases();
const results = new Map<string, FigureAccuracy>(cases.map((c) => [c.figure, accuracyOf(c)]));
const result = (figure: string) => results.get(figure)!;

/**
 * The targets missed, with the rebuilt value measured (to 3 decimals). Every other target holds.
 * Why each is missed is tested below.
 */
const MISSED: Record<string, { quantity: string; group: number | null; rebuilt: number }[]> = {
  "Figure 2, recurrence (Chromium)": [
    { quantity: "hazard ratio", group: null, rebuilt: 3.37 },
    { quantity: "log-rank statistic", group: null, rebuilt: 10.954 },
  ],
  "Lung metastasis (R)": [
    { quantity: "hazard ratio", group: null, rebuilt: 2.554 },
    { quantity: "log-rank statistic", group: null, rebuilt: 5.563 },
  ],
  "lung by sex (R)": [{ quantity: "events", group: 1, rebuilt: 116 }],
};

describe("figureAccuracy on figures whose rows we hold", () => {
  it("covers the six figures", () => {
    expect(cases.map((c) => c.figure)).toEqual([
      "Figure 2, recurrence (Chromium)",
      "Figure 3, lung metastasis (Chromium)",
      "Recurrence (R)",
      "Lung metastasis (R)",
      "lung by sex (R)",
      "veteran by treatment (R)",
    ]);
  });

  it.each(cases.map((c) => c.figure))("%s: the targets hold, or miss as measured", (figure) => {
    const a = result(figure);
    const missed = a.checks.filter((c) => !c.met);
    const expected = MISSED[figure] ?? [];
    expect(missed.map((c) => `${c.quantity} ${c.group}`)).toEqual(expected.map((c) => `${c.quantity} ${c.group}`));
    missed.forEach((c, k) => expect(c.rebuilt).toBeCloseTo(expected[k].rebuilt, 3));
    expect(a.met).toBe(expected.length === 0);
    expect(a.checks.length).toBe(6); // events and median per arm, the hazard ratio, the log-rank statistic
    for (const c of a.checks.filter((c) => c.met)) {
      if (c.truth === null) expect(c.rebuilt).toBeNull();
      else expect(Math.abs(c.rebuilt! - c.truth), `${figure}: ${c.quantity} ${c.group}`).toBeLessThanOrEqual(c.tolerance);
    }
  });

  it("every figure keeps each arm's rebuilt curve within 0.03 of the true one with the numbers at risk (0.045 without)", () => {
    for (const [figure, a] of results) {
      for (const arm of a.withAtRisk.arms) expect(arm.maxKmDifference, figure).toBeLessThan(0.03);
      for (const arm of a.withoutAtRisk.arms) expect(arm.maxKmDifference, figure).toBeLessThan(0.045);
      expect(a.truth.arms.every((arm) => arm.maxKmDifference === 0)).toBe(true);
    }
  });

  it("the numbers at risk help: each arm's curve as close or closer, the hazard ratio closer in all six figures, the log-rank statistic in five", () => {
    const closer = (f: (r: FigureAccuracy["truth"]) => number) =>
      [...results.values()].filter((a) => Math.abs(f(a.withAtRisk) - f(a.truth)) < Math.abs(f(a.withoutAtRisk) - f(a.truth))).length;
    for (const a of results.values()) {
      a.withAtRisk.arms.forEach((arm, k) => expect(arm.maxKmDifference).toBeLessThanOrEqual(a.withoutAtRisk.arms[k].maxKmDifference));
    }
    expect(closer((r) => r.hazardRatio)).toBe(6);
    expect(closer((r) => r.logRank.statistic)).toBe(5);
  });

  it("the true rows are the rows given (per arm: patients, events, Kaplan-Meier median)", () => {
    for (const c of cases) {
      const a = result(c.figure);
      c.groups.forEach((g, k) => {
        const keep = Array.from(c.truth.group).map((x, i) => (x === g ? i : -1)).filter((i) => i >= 0);
        const time = keep.map((i) => c.truth.time[i]);
        const event = keep.map((i) => Number(c.truth.event[i]));
        expect(a.truth.arms[k].n).toBe(time.length);
        expect(a.truth.arms[k].events).toBe(event.reduce((s, e) => s + e, 0));
        expect(a.truth.arms[k].median).toBe(kaplanMeier({ time, event }).median.estimate);
      });
    }
  });

  it("Figure 2: the extra event is one patient of 4 at risk at 12 months in chemotherapy alone; as an event in the true rows it moves the log-rank statistic as far", () => {
    const a = result("Figure 2, recurrence (Chromium)");
    const inWindow = (r: FigureAccuracy["truth"]) =>
      r.rows.time.filter((t, i) => r.rows.group[i] === 2 && r.rows.event[i] === 1 && t >= 12 && t < 15).length;
    expect(inWindow(a.truth)).toBe(2); // events at 13 and 14; the patient at risk at 12 was censored there
    expect(inWindow(a.withAtRisk)).toBe(3);
    expect(a.withAtRisk.arms[1].warnings).toContain("the rows have 15 events, 14 are reported");
    // The true rows with that patient (censored at 12 months) counted as an event:
    const c = cases[0];
    const event = Array.from(c.truth.event, (e, i) => (c.truth.group[i] === 2 && c.truth.time[i] === 12 ? 1 : Number(e)));
    const moved = logRankTest({ time: c.truth.time, event, group: c.truth.group }).statistic;
    expect(moved).toBeCloseTo(10.473, 3);
    expect(Math.abs(moved - a.withAtRisk.logRank.statistic)).toBeLessThan(0.5);
    expect(Math.abs(moved - a.truth.logRank.statistic)).toBeGreaterThan(1.5);
  });

  it("Lung metastasis (R): every event is where it belongs; the censored patients are not", () => {
    const a = result("Lung metastasis (R)");
    const times = (r: FigureAccuracy["truth"], g: number, e: number) =>
      r.rows.time.filter((_, i) => r.rows.group[i] === g && r.rows.event[i] === e).slice().sort((x, y) => x - y);
    for (const g of [1, 2]) {
      const truth = times(a.truth, g, 1);
      const rebuilt = times(a.withAtRisk, g, 1);
      expect(rebuilt.length).toBe(truth.length);
      rebuilt.forEach((t, k) => expect(Math.abs(t - truth[k])).toBeLessThan(0.05));
    }
    // Past the last printed time (15 months) the method censors everyone left at the end of the
    // curve: 9 patients of arm 1 at 18 months, where 4 were.
    expect(times(a.truth, 1, 0).filter((t) => t === 18).length).toBe(4);
    const end = Math.max(...a.withAtRisk.rows.time);
    expect(end).toBeCloseTo(18, 1);
    expect(times(a.withAtRisk, 1, 0).filter((t) => t === end).length).toBe(9);
  });

  it("lung by sex: rounding at each small drop adds events that only the last interval's adjustment could remove", () => {
    const a = result("lung by sex (R)");
    expect(a.withAtRisk.arms[0].warnings).toContain("the rows have 116 events, 112 are reported");
    expect(a.withoutAtRisk.arms[0].events).toBe(112);
  });

  it("the README's table is the one the code computes now (rewrite it: npx tsx test/digitize/accuracyCases.ts)", () => {
    const table = accuracyTable(cases.map((c) => ({ figure: c.figure, accuracy: result(c.figure) })));
    const now = `${BEGIN}\n${markdownTable(table)}\n${END}`;
    expect(now).toBe(readmeTable());
    expect(tableIn(readFileSync("README.md", "utf8"))).toBe(now);
  });
});

// A synthetic figure: t in [0, 10] -> x = 50 + 50 t, S in [0, 1] -> y = 350 - 300 S.
const px = (t: number) => 50 + 50 * t;
const py = (s: number) => 350 - 300 * s;
const axes = { x: { pixels: [px(0), px(10)] as [number, number], values: [0, 10] as [number, number] }, y: { pixels: [py(0), py(1)] as [number, number], values: [0, 1] as [number, number] } };
const COLORS = ["#0072B2", "#D55E00"];
// Arm 1: 10 patients, events at 1, 3, 5, the rest censored at 9 (S stays above 0.5: no median).
// Arm 2: 10 patients, events at 2, 2, 4, 6, 6, 6, 8, the rest censored at 9.
const truth = {
  time: [1, 3, 5, 9, 9, 9, 9, 9, 9, 9, 2, 2, 4, 6, 6, 6, 8, 9, 9, 9],
  event: [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0],
  group: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2],
};
function syntheticPng(): Uint8Array {
  const canvas = new Canvas(600, 400);
  [1, 2].forEach((g, k) => {
    const keep = truth.group.map((x, i) => (x === g ? i : -1)).filter((i) => i >= 0);
    const fit = kaplanMeier({ time: keep.map((i) => truth.time[i]), event: keep.map((i) => truth.event[i]) });
    const steps = Array.from(fit.time).map((t, j) => [t, fit.survival[j]] as const).filter(([t], j) => fit.nEvent[j] > 0 || t === 9);
    const v = stepVertices(steps.map(([t]) => t), steps.map(([, s]) => s), 9, px, py);
    const rgb = [parseInt(COLORS[k].slice(1, 3), 16), parseInt(COLORS[k].slice(3, 5), 16), parseInt(COLORS[k].slice(5, 7), 16)] as const;
    canvas.path(v.x, v.y, 2, rgb);
  });
  return canvas.png();
}
const png = syntheticPng();
const options = { ...axes, colors: COLORS, groups: [1, 2], atRiskTimes: [0, 2, 4, 6, 8] };

describe("figureAccuracy on a synthetic figure", () => {
  const a = figureAccuracy(png, truth, options);

  it("gives back the rows: every target met, a median not reached in both counts as met", () => {
    expect(a.checks.filter((c) => !c.met)).toEqual([]);
    expect(a.met).toBe(true);
    expect(a.truth.arms.map((arm) => arm.median)).toEqual([null, 6]);
    expect(a.withAtRisk.arms[0].median).toBeNull();
    expect(a.checks.find((c) => c.quantity === "median" && c.group === 1)).toMatchObject({ truth: null, rebuilt: null, met: true });
    expect(a.withAtRisk.arms.map((arm) => arm.events)).toEqual([3, 7]);
    expect(a.timeSpan).toBe(9);
  });

  it("sets each target as stated: events within 1 under 30 patients, hazard ratio 10% under 100, log-rank 15% or 0.5, medians 1% of the time axis", () => {
    const byName = Object.fromEntries(a.checks.map((c) => [`${c.quantity} ${c.group}`, c]));
    expect(byName["events 1"].tolerance).toBe(1);
    expect(byName["hazard ratio null"].tolerance).toBeCloseTo(0.1 * a.truth.hazardRatio, 12);
    expect(byName["log-rank statistic null"].tolerance).toBe(Math.max(0.5, 0.15 * a.truth.logRank.statistic));
    expect(byName["median 2"].tolerance).toBeCloseTo(0.09, 12);
  });

  it("the hazard ratio is the second group's against the first", () => {
    expect(a.truth.hazardRatio).toBeGreaterThan(1); // arm 2 has more events, earlier
    const swapped = figureAccuracy(png, truth, { ...options, colors: [...COLORS].reverse(), groups: [2, 1] });
    expect(swapped.truth.hazardRatio).toBeCloseTo(1 / a.truth.hazardRatio, 9);
  });

  it("results are frozen", () => {
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.withAtRisk.rows.time)).toBe(true);
    expect(Object.isFrozen(a.checks[0])).toBe(true);
  });

  it("refuses bad input, naming the argument, the index and the value", () => {
    let e = inputError(() => figureAccuracy(png, { ...truth, arm: truth.group } as never, options));
    expect([e.argument, e.value]).toEqual(["truth", "arm"]);
    e = inputError(() => figureAccuracy(png, truth, { ...options, groups: [1, 3] }));
    expect([e.argument, e.index, e.value]).toEqual(["options.groups", 1, 3]);
    e = inputError(() => figureAccuracy(png, truth, { ...options, groups: [1] }));
    expect(e.argument).toBe("options.groups");
    e = inputError(() => figureAccuracy(png, { ...truth, group: [...truth.group.slice(0, 19), 3] }, options));
    expect([e.argument, e.index, e.value]).toEqual(["truth.group", 19, 3]);
    e = inputError(() => figureAccuracy(png, truth, { ...options, atRiskTimes: [1, 2] }));
    expect([e.argument, e.index, e.value]).toEqual(["options.atRiskTimes", 0, 1]);
    e = inputError(() => figureAccuracy(png, truth, { ...options, atRiskTimes: [0, 4, 2] }));
    expect([e.argument, e.index, e.value]).toEqual(["options.atRiskTimes", 2, 2]);
    e = inputError(() => figureAccuracy(png, truth, { ...options, atRisk: [0] } as never));
    expect([e.argument, e.value]).toEqual(["options", "atRisk"]);
    e = inputError(() => figureAccuracy(png, { ...truth, time: [-1, ...truth.time.slice(1)] }, options));
    expect([e.argument, e.index, e.value]).toEqual(["truth.time", 0, -1]);
    e = inputError(() => figureAccuracy(png, truth, { ...options, colors: ["#0072B2", "#D55E00", "#009E73"] }));
    expect(e.argument).toBe("options.colors");
  });
});

describe("accuracyTable", () => {
  const a = figureAccuracy(png, truth, options);

  it("has three rows a figure, the targets missed on the rows rebuilt with the numbers at risk", () => {
    const t = accuracyTable([{ figure: "synthetic", accuracy: a }]);
    expect(Object.keys(t)).toEqual([...ACCURACY_HEADERS]);
    expect(t.figure).toEqual(["synthetic: 10 + 10 patients", "", ""]);
    expect(t.rows).toEqual(["true", "rebuilt with the numbers at risk", "rebuilt from n and events only"]);
    expect(t["targets missed"]).toEqual(["", "none", ""]);
    expect(t.medians[0]).toBe("not reached, 6");
    expect(t.events[0]).toBe("3, 7");
    expect(Object.isFrozen(t) && Object.isFrozen(t.rows)).toBe(true);
  });

  it("names a missed target with its measured and true values", () => {
    const t = accuracyTable([{ figure: "Figure 2", accuracy: result("Figure 2, recurrence (Chromium)") }]);
    expect(t["targets missed"][1]).toBe(
      "hazard ratio 3.370 (true 3.020, +11.6%; target within 10%); log-rank statistic 10.954 (true 8.627, +27.0%; target within 15% or 0.5)",
    );
  });

  it("refuses an entry that is not { figure, accuracy }", () => {
    let e = inputError(() => accuracyTable([{ figure: "x", accuracy: a, note: 1 } as never]));
    expect([e.argument, e.value]).toEqual(["entries[0]", "note"]);
    e = inputError(() => accuracyTable([{ figure: "x", accuracy: {} } as never]));
    expect(e.argument).toBe("entries[0].accuracy");
    e = inputError(() => accuracyTable("x" as never));
    expect(e.argument).toBe("entries");
  });
});
