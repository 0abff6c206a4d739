import { describe, expect, it } from "vitest";
import { hasNearTies, onTimeGrid } from "../../../src/survival/core/timefix.js";

const f = (...x: number[]) => Float64Array.from(x);

describe("onTimeGrid and hasNearTies (R's aeqSurv on Surv(entry, time))", () => {
  it("leaves columns without near-ties as they are, and says there are none", () => {
    const entry = f(0, 1, 2);
    const time = f(1.5, 3, 4);
    expect(hasNearTies(f(0, 1, 2), f(1.5, 3, 4))).toBe(false);
    const out = onTimeGrid(entry, time);
    expect(out.entry).toBe(entry);
    expect(out.time).toBe(time);
  });

  it("moves an entry within sqrt(eps) of a time onto it, and says so", () => {
    expect(hasNearTies(f(0, 1 + 1e-10), f(1, 2))).toBe(true);
    const out = onTimeGrid(f(0, 1 + 1e-10), f(1, 2));
    expect(Array.from(out.entry)).toEqual([0, 1]);
    expect(Array.from(out.time)).toEqual([1, 2]);
  });

  it("judges the gap relative to the mean absolute value too", () => {
    // 1e6 and 1e6 + 0.001 differ by 1e-3 absolutely, 1e-9 relative to their mean: one time
    expect(hasNearTies(f(1e6), f(1e6 + 0.001))).toBe(true);
    expect(hasNearTies(f(1), f(1.001))).toBe(false);
  });

  it("finds a near-tie within one column as well", () => {
    expect(hasNearTies(f(0), f(2, 2 + 1e-12))).toBe(true);
  });
});
