/**
 * From a figure to rows: digitizeCurves reads each arm of R's Kaplan-Meier figures of lung (by
 * sex), veteran (by treatment) and the paper's recurrence and lung-metastasis tables
 * (test/digitize/fixtures/r), reconstructFromCurve rebuilds the rows with the numbers at risk at
 * regular times and the total number of events counted from the true data, and the rebuilt
 * Kaplan-Meier curve is compared with the true one (levels midway between its times, events,
 * median). RECONSTRUCT_REPORT=1 prints the table.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { digitizeCurves } from "../../../src/digitize/index.js";
import { kaplanMeier } from "../../../src/survival/km/kaplanMeier.js";
import { reconstructFromCurve } from "../../../src/survival/reconstruct/reconstructFromCurve.js";
import { dataset, numbers } from "../../helpers/fixtures.js";

const DIR = "test/digitize/fixtures/r/";
const figures = JSON.parse(readFileSync(`${DIR}km-figures.json`, "utf8"));

const FIGURES = [
  { key: "lung_sex", data: "lung", time: "time", status: "status", group: "sex", levels: [1, 2], step: 100 },
  { key: "veteran_trt", data: "veteran", time: "time", status: "status", group: "trt", levels: [1, 2], step: 100 },
  { key: "recurrence", data: "recurrence", time: "months", status: "status", group: "group", levels: [1, 2], step: 3 },
  { key: "lung_metastasis", data: "lung_metastasis", time: "months", status: "status", group: "group", levels: [1, 2], step: 3 },
];

const rows = FIGURES.flatMap((f) => {
  const fig = figures[f.key];
  const png = readFileSync(`${DIR}${fig.file}`);
  const { curves } = digitizeCurves(png, { x: fig.x, y: fig.y, colors: fig.arms.map((a: { color: string }) => a.color) });
  const d = dataset(f.data);
  return f.levels.map((level, arm) => {
    const keep = (d[f.group] as number[]).map((g, i) => (g === level ? i : -1)).filter((i) => i >= 0);
    const time = keep.map((i) => numbers(d[f.time])[i]);
    const event = keep.map((i) => numbers(d[f.status])[i]);
    const end = Math.max(...time);
    const tRisk: number[] = [];
    for (let t = 0; t < end; t += f.step) tRisk.push(t);
    const events = event.reduce((a, b) => a + b, 0);
    const rebuilt = reconstructFromCurve(
      curves[arm],
      { time: tRisk, nRisk: tRisk.map((t) => time.filter((x) => x >= t).length) },
      { totalEvents: events },
    );
    const truth = kaplanMeier({ time, event });
    const fit = kaplanMeier({ time: rebuilt.time, event: rebuilt.event });
    // Levels compared midway between the true curve's times: a step digitised a pixel early or
    // late is not a wrong level (a pixel is about 0.1% of the time axis).
    let maxKmDifference = 0;
    for (let j = 1; j < truth.time.length; j++) {
      const t = (truth.time[j - 1] + truth.time[j]) / 2;
      maxKmDifference = Math.max(maxKmDifference, Math.abs(fit.survivalAt(t) - truth.survivalAt(t)));
    }
    return {
      arm: `${f.data} ${f.group} = ${level}`,
      points: curves[arm].time.length,
      n: time.length,
      events,
      eventsRebuilt: rebuilt.events,
      maxKmDifference,
      median: truth.median.estimate,
      medianRebuilt: fit.median.estimate,
      span: end,
    };
  });
});

describe("digitizeCurves then reconstructFromCurve", () => {
  it("rebuilds every arm of the R figures close to the true rows", () => {
    if (process.env.RECONSTRUCT_REPORT) {
      console.log(rows.map((r) => Object.values(r).map((v) => (typeof v === "number" ? +v.toFixed(4) : v)).join("\t")).join("\n"));
    }
    expect(rows.length).toBe(8);
    for (const r of rows) {
      expect(Math.abs(r.eventsRebuilt - r.events), r.arm).toBeLessThanOrEqual(2);
      expect(r.maxKmDifference, r.arm).toBeLessThan(0.04);
      // Within 10%: where the true curve sits at 0.5 (lung_metastasis group 1, R's midpoint
      // rule), a level a hair off moves the median to the next drop.
      expect(Math.abs(r.medianRebuilt! - r.median!), r.arm).toBeLessThanOrEqual(0.1 * r.median!);
    }
  });
});
