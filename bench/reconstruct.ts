/**
 * reconstructFromCurve on 2,000 digitised points (a section of `npm run bench`): the step
 * corners of a simulated arm with 1,000 events (exponential times, ~25% censored), jittered by
 * +-0.002 in survival and shuffled as a digitiser leaves them, with an at-risk table at 10
 * regular times and the total number of events, and with the total only (one interval: the
 * total-events loop runs over all points). Target: at most 50 ms.
 */
import { kaplanMeier, reconstructFromCurve } from "../src/index.js";
import { mulberry32 } from "./data.js";

export interface ReconstructBench {
  points: number;
  withTableMs: number;
  totalOnlyMs: number;
}

export function benchReconstruct(timeIt: (reps: number, f: () => unknown) => number): ReconstructBench {
  const rand = mulberry32(20120201);
  const time: number[] = [];
  const event: number[] = [];
  let events = 0;
  while (events < 1000) {
    const t = -Math.log(1 - rand()) * 24;
    const e = rand() < 0.75 ? 1 : 0;
    time.push(t);
    event.push(e);
    events += e;
  }
  const km = kaplanMeier({ time, event });
  const pts: [number, number][] = [];
  let before = 1;
  for (let j = 0; j < km.time.length; j++) {
    if (km.nEvent[j] > 0) pts.push([km.time[j], before], [km.time[j], km.survival[j]]);
    before = km.survival[j];
  }
  for (const p of pts) p[1] = Math.min(1, Math.max(0, p[1] + (rand() - 0.5) * 0.004));
  for (let i = pts.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [pts[i], pts[j]] = [pts[j], pts[i]];
  }
  const curve = { time: pts.map((p) => p[0]), survival: pts.map((p) => p[1]) };
  const end = Math.max(...time);
  const tRisk = Array.from({ length: 10 }, (_, i) => (i * end) / 10);
  const atRisk = { time: tRisk, nRisk: tRisk.map((t) => time.filter((x) => x >= t).length) };
  return {
    points: pts.length,
    withTableMs: timeIt(25, () => reconstructFromCurve(curve, atRisk, { totalEvents: events })),
    totalOnlyMs: timeIt(25, () => reconstructFromCurve(curve, undefined, { n: time.length, totalEvents: events })),
  };
}
