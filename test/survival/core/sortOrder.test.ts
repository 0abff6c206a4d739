import { describe, expect, it } from "vitest";
import { sortOrder } from "../../../src/survival/core/sortOrder.js";
import { createRandom } from "../../../src/survival/core/random.js";

/** The reference: Array.prototype.sort (stable since ES2019) on row indices by time. */
function reference(time: ArrayLike<number>): number[] {
  return Array.from({ length: time.length }, (_, i) => i).sort((a, b) => (time[a] < time[b] ? -1 : time[a] > time[b] ? 1 : 0));
}

describe("sortOrder", () => {
  it("orders times ascending, ties in row order, on short arrays", () => {
    expect(Array.from(sortOrder([3, 1, 2, 1]))).toEqual([1, 3, 2, 0]);
    expect(Array.from(sortOrder([]))).toEqual([]);
  });

  for (const [what, make] of [
    ["continuous, both signs", (r: () => number) => (r() - 0.5) * 1e6],
    ["on a grid, many ties", (r: () => number) => Math.round(r() * 500) / 100],
    ["tiny and huge magnitudes, zeros of both signs", (r: () => number) => {
      const u = r();
      return u < 0.1 ? 0 : u < 0.2 ? -0 : u < 0.3 ? 5e-324 : u < 0.4 ? -1e300 : u < 0.5 ? Infinity : (u - 0.7) * 1e-200;
    }],
  ] as const) {
    it(`equals a stable comparison sort on 50,000 rows: ${what}`, () => {
      const rng = createRandom(11);
      const r = () => rng.next();
      const time = Float64Array.from({ length: 50_000 }, () => make(r));
      expect(Array.from(sortOrder(time))).toEqual(reference(time));
    });
  }

  it("treats -0 and 0 as one time, kept in row order", () => {
    const time = new Float64Array(5000).map((_, i) => (i % 2 === 0 ? -0 : 0));
    expect(Array.from(sortOrder(time))).toEqual(Array.from({ length: 5000 }, (_, i) => i));
  });
});
