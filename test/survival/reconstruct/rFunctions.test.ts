/**
 * rRound and histCounts against R 4.2's round() and hist(x, breaks, plot = FALSE)$counts
 * (test/survival/fixtures/r/guyot.R): halves to even, right-closed bins and the breaks fuzz.
 */
import { describe, expect, it } from "vitest";
import { histCounts, rRound } from "../../../src/survival/reconstruct/rFunctions.js";
import { loadFixture } from "../../helpers/fixtures.js";

interface Fixture {
  round: { x: number[]; rounded: number[] };
  hist: { x: number | number[]; breaks: number[]; counts: number[] }[];
}
const fixture = loadFixture<Fixture>("guyot");

describe("rRound", () => {
  it("rounds as R's round(): halves to even", () => {
    expect(fixture.round.x.map(rRound)).toEqual(fixture.round.rounded); // -0 for -0.5, as R
    expect(fixture.round.x.length).toBeGreaterThanOrEqual(10);
  });

  it("leaves integers, NaN and infinities alone", () => {
    expect([3, -4, 0].map(rRound)).toEqual([3, -4, 0]);
    expect(rRound(NaN)).toBeNaN();
    expect(rRound(-Infinity)).toBe(-Infinity);
  });
});

describe("histCounts", () => {
  it.each(fixture.hist.map((h, i) => [i, h] as const))("case %i matches R's hist()$counts", (_, h) => {
    const x = Array.isArray(h.x) ? h.x : [h.x];
    expect(Array.from(histCounts(x, h.breaks))).toEqual(h.counts);
  });

  it("counts a value a hair above a break in the bin below it (the fuzz), and one farther above in the next", () => {
    // Five breaks: the fuzz is 1e-7 x the least bin width (1).
    expect(Array.from(histCounts([1 + 5e-8], [0, 1, 2, 3, 4]))).toEqual([1, 0, 0, 0]);
    expect(Array.from(histCounts([1 + 5e-7], [0, 1, 2, 3, 4]))).toEqual([0, 1, 0, 0]);
  });
});
