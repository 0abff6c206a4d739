import { describe, expect, it } from "vitest";
import { timeBreaks } from "../../../src/presentation/figures/timeBreaks.js";

describe("timeBreaks", () => {
  it("steps through months-friendly values up to the first step at or past the last time", () => {
    expect(timeBreaks(18)).toEqual([0, 3, 6, 9, 12, 15, 18]);
    expect(timeBreaks(29)).toEqual([0, 6, 12, 18, 24, 30]);
    expect(timeBreaks(3)).toEqual([0, 1, 2, 3]);
    expect(timeBreaks(60)).toEqual([0, 12, 24, 36, 48, 60]);
  });

  it("uses 1-2-5 steps outside the months range, with exact decimals", () => {
    expect(timeBreaks(1000)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(timeBreaks(0.5)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
  });

  it("gives [0] for a last time of 0, and rejects bad input", () => {
    expect(timeBreaks(0)).toEqual([0]);
    expect(() => timeBreaks(-1)).toThrow(/maxTime is -1/);
    expect(() => timeBreaks(Infinity)).toThrow(/maxTime is Infinity/);
    expect(() => timeBreaks(10, 0)).toThrow(/maxIntervals is 0/);
  });
});
