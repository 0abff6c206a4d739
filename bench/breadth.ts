/**
 * Bench section for the library's extensions (npm run bench): case weights and delayed entry in
 * kaplanMeier against the plain fit on the same rows, in the same run; delayed entry in
 * cumulativeIncidence against its plain fit (reported, no target).
 */
import { cumulativeIncidence, kaplanMeier } from "../src/index.js";
import { makeData, mulberry32 } from "./data.js";

type TimeIt = (reps: number, f: () => unknown) => number;

export interface BreadthRow {
  readonly what: string;
  readonly ms: number;
  /** The plain fit it is compared with, and the ratio allowed. */
  readonly baseMs: number;
  readonly limit: number;
}

export function benchBreadth(timeIt: TimeIt, n = 1e6): BreadthRow[] {
  const d = makeData(n);
  const rand = mulberry32(7);
  const whole = Float64Array.from({ length: n }, () => 1 + Math.floor(rand() * 3));
  const fractional = Float64Array.from({ length: n }, () => 0.2 + 2.8 * rand());
  // (start, stop] rows: entry a random share of the time before it, on the same 0.1 grid
  const entry = new Float64Array(n);
  for (let i = 0; i < n; i++) entry[i] = Math.floor(d.time[i] * rand() * 5) / 10;
  const plain = { time: d.time, event: d.event };
  const cause = Int32Array.from(d.event, (e, i) => (e === 0 ? 0 : 1 + (i % 2)));
  const km = timeIt(11, () => kaplanMeier(plain));
  return [
    { what: "kaplanMeier, whole case weights (Greenwood)", ms: timeIt(11, () => kaplanMeier({ ...plain, weights: whole })), baseMs: km, limit: 3 },
    {
      what: "kaplanMeier, fractional case weights (robust, R's default)",
      ms: timeIt(11, () => kaplanMeier({ ...plain, weights: fractional })),
      baseMs: km,
      limit: 3,
    },
    { what: "kaplanMeier, (start, stop] rows (delayed entry)", ms: timeIt(11, () => kaplanMeier({ ...plain, entry })), baseMs: km, limit: 3 },
    {
      what: "cumulativeIncidence, two causes, (start, stop] rows (delayed entry)",
      ms: timeIt(5, () => cumulativeIncidence({ time: d.time, cause, entry })),
      baseMs: timeIt(5, () => cumulativeIncidence({ time: d.time, cause })),
      limit: 0,
    },
  ];
}
