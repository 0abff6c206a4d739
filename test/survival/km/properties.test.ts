// Properties of kaplanMeier on random data (fast-check): what must hold whatever the data.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { kaplanMeier } from "../../../src/survival/km/kaplanMeier.js";

const rows = fc.array(fc.record({ time: fc.integer({ min: 0, max: 25 }), event: fc.boolean() }), {
  minLength: 1,
  maxLength: 80,
});
const continuousRows = fc.array(
  fc.record({ time: fc.double({ min: 0, max: 1000, noNaN: true }), event: fc.boolean() }),
  { minLength: 1, maxLength: 80 },
);
const split = (r: { time: number; event: boolean }[]) => ({ time: r.map((x) => x.time), event: r.map((x) => x.event) });

describe("kaplanMeier properties", () => {
  it("survival is non-increasing within [0, 1]; the limits bracket it; the counts add up", () => {
    fc.assert(
      fc.property(fc.oneof(rows, continuousRows), fc.constantFrom("log", "log-log", "plain" as const), (r, confType) => {
        const km = kaplanMeier(split(r), { confType });
        let prev = 1;
        let nEvents = 0;
        let nAll = 0;
        for (let j = 0; j < km.time.length; j++) {
          const s = km.survival[j];
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(prev);
          prev = s;
          if (!Number.isNaN(km.lower[j])) {
            expect(km.lower[j]).toBeLessThanOrEqual(s + 1e-15);
            expect(km.upper[j]).toBeGreaterThanOrEqual(s - 1e-15);
            expect(km.lower[j]).toBeGreaterThanOrEqual(0);
            expect(km.upper[j]).toBeLessThanOrEqual(1);
          }
          if (j > 0) expect(km.time[j]).toBeGreaterThan(km.time[j - 1]);
          expect(km.nRisk[j]).toBe(r.length - nAll);
          nEvents += km.nEvent[j];
          nAll += km.nEvent[j] + km.nCensor[j];
        }
        expect(nAll).toBe(r.length);
        expect(nEvents).toBe(km.events);
        expect(km.n).toBe(r.length);
      }),
      { numRuns: 300 },
    );
  });

  it("with no censoring, KM is the empirical survival function #(T > t) / n", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 80 }), fc.double({ min: -1, max: 35, noNaN: true }), (times, probe) => {
        const km = kaplanMeier({ time: times, event: times.map(() => 1) });
        const empirical = (t: number) => times.filter((x) => x > t).length / times.length;
        for (let j = 0; j < km.time.length; j++) {
          expect(Math.abs(km.survival[j] - empirical(km.time[j]))).toBeLessThan(1e-12);
        }
        expect(Math.abs(km.survivalAt(probe) - empirical(probe))).toBeLessThan(1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it("row order does not matter", () => {
    fc.assert(
      fc.property(
        fc.oneof(rows, continuousRows).chain((r) => fc.tuple(fc.constant(r), fc.shuffledSubarray(r, { minLength: r.length }))),
        ([r, shuffled]) => {
          const a = kaplanMeier(split(r));
          const b = kaplanMeier(split(shuffled));
          for (const k of ["time", "nRisk", "nEvent", "nCensor", "survival", "stdErr", "lower", "upper", "cumHazard"] as const) {
            expect(Array.from(b[k]), k).toEqual(Array.from(a[k]));
          }
          expect(b.median).toEqual(a.median);
          expect(b.quantile(0.3)).toEqual(a.quantile(0.3));
          const tau = a.time[a.time.length - 1] / 2;
          expect(b.rmst(tau)).toEqual(a.rmst(tau));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("survivalAt is the right-continuous step function through the rows", () => {
    fc.assert(
      fc.property(rows, (r) => {
        const km = kaplanMeier(split(r));
        expect(km.survivalAt(km.time[0] - 0.5)).toBe(1);
        for (let j = 0; j < km.time.length; j++) {
          expect(km.survivalAt(km.time[j])).toBe(km.survival[j]);
          expect(km.survivalAt(km.time[j] + 0.5)).toBe(km.survival[j]);
        }
        expect(km.survivalAt(Infinity)).toBe(km.survival[km.time.length - 1]);
      }),
      { numRuns: 200 },
    );
  });
});
