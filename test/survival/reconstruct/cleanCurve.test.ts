/**
 * The clean-up of digitised points (Guyot et al. 2012): worked by hand here; the fixture test
 * checks it against the same rules written in R on noisy digitisations of real curves.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanCurve } from "../../../src/survival/reconstruct/cleanCurve.js";

describe("cleanCurve", () => {
  it("sorts, clamps, starts at (0, 1), stops the curve rising and merges points at one time", () => {
    const c = cleanCurve([5, 0, 2, 5, 7, 9], [0.8, 1.003, 0.95, 0.9, 0.83, -0.004]);
    expect(Array.from(c.time)).toEqual([0, 2, 5, 7, 9]);
    expect(Array.from(c.survival)).toEqual([1, 0.95, 0.8, 0.8, 0]);
    expect(c.report).toEqual({
      clamped: 2, // 1.003 and -0.004
      reordered: true,
      raisedAtZero: 0,
      originAdded: false,
      lowered: 1, // 0.83 after 0.8
      maxLowering: 0.83 - 0.8,
      merged: 1, // the top of the drop at 5
    });
  });

  it("adds (0, 1) when no point is at time 0, and raises a point at time 0 to 1", () => {
    const added = cleanCurve([1, 3], [0.9, 0.5]);
    expect(Array.from(added.time)).toEqual([0, 1, 3]);
    expect(Array.from(added.survival)).toEqual([1, 0.9, 0.5]);
    expect(added.report.originAdded).toBe(true);
    const raised = cleanCurve([0, 0, 4], [1, 0.97, 0.6]);
    expect(Array.from(raised.time)).toEqual([0, 4]);
    expect(Array.from(raised.survival)).toEqual([1, 0.6]);
    expect(raised.report).toMatchObject({ raisedAtZero: 1, merged: 1, originAdded: false, lowered: 0 });
  });

  it("leaves a clean curve as it is", () => {
    const c = cleanCurve([0, 1, 2], [1, 0.5, 0.25]);
    expect(Array.from(c.survival)).toEqual([1, 0.5, 0.25]);
    expect(c.report).toEqual({ clamped: 0, reordered: false, raisedAtZero: 0, originAdded: false, lowered: 0, maxLowering: 0, merged: 0 });
  });

  it("always gives a curve from (0, 1), times increasing, survival in [0, 1] never rising", () => {
    const point = fc.tuple(fc.integer({ min: 0, max: 20 }), fc.double({ min: -0.02, max: 1.02, noNaN: true }));
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 30 }), (pts) => {
        const c = cleanCurve(pts.map((p) => p[0]), pts.map((p) => p[1]));
        expect(c.time[0]).toBe(0);
        expect(c.survival[0]).toBe(1);
        for (let i = 1; i < c.time.length; i++) {
          expect(c.time[i]).toBeGreaterThan(c.time[i - 1]);
          expect(c.survival[i]).toBeLessThanOrEqual(c.survival[i - 1]);
          expect(c.survival[i]).toBeGreaterThanOrEqual(0);
        }
        // Every distinct time given is kept.
        expect(c.time.length).toBe(new Set([0, ...pts.map((p) => p[0])]).size);
      }),
    );
  });
});
