import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countAtOrBelow, countBelow } from "../../../src/survival/core/bisect.js";

describe("countBelow and countAtOrBelow", () => {
  it("count ties on the right side", () => {
    const a = [1, 2, 2, 5];
    expect([0, 1, 2, 3, 5, 6].map((v) => countBelow(a, v))).toEqual([0, 0, 1, 3, 3, 4]);
    expect([0, 1, 2, 3, 5, 6].map((v) => countAtOrBelow(a, v))).toEqual([0, 1, 3, 3, 4, 4]);
    expect(countAtOrBelow([], 1)).toBe(0);
  });

  it("look only at the first n entries", () => {
    const a = Float64Array.of(1, 2, 3, 0, 0);
    expect(countBelow(a, 10, 3)).toBe(3);
    expect(countAtOrBelow(a, 2, 3)).toBe(2);
  });

  it("equal a linear count on random sorted arrays", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 })), fc.integer({ min: -6, max: 6 }), (xs, v) => {
        const a = xs.slice().sort((x, y) => x - y);
        expect(countBelow(a, v)).toBe(a.filter((x) => x < v).length);
        expect(countAtOrBelow(a, v)).toBe(a.filter((x) => x <= v).length);
      }),
    );
  });
});
