/** fast-check generators and rearrangements of contingency tables for the property tests. */
import fc from "fast-check";

/** r x c tables (2..5 each) of counts 0..30 with every row and column total positive. */
export const tableArb: fc.Arbitrary<number[][]> = fc
  .tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 5 }))
  .chain(([r, c]) =>
    fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
  )
  .filter(hasPositiveMargins);

/** 2 x 2 tables of counts 0..max with positive margins. */
export const table2x2Arb = (max = 40): fc.Arbitrary<number[][]> =>
  fc
    .array(fc.integer({ min: 0, max }), { minLength: 4, maxLength: 4 })
    .map(([a, b, c, d]) => [
      [a, b],
      [c, d],
    ])
    .filter(hasPositiveMargins);

export function hasPositiveMargins(t: number[][]): boolean {
  return t.every((row) => row.some((v) => v > 0)) && t[0].every((_, j) => t.some((row) => row[j] > 0));
}

export function transpose(t: number[][]): number[][] {
  return t[0].map((_, j) => t.map((row) => row[j]));
}

/** Rows and columns reordered by permutations drawn from `seed` (a small LCG, reproducible). */
export function permuted(t: number[][], seed: number): number[][] {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
  const shuffle = (n: number) => {
    const p = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = next() % (i + 1);
      [p[i], p[j]] = [p[j], p[i]];
    }
    return p;
  };
  const rows = shuffle(t.length);
  const cols = shuffle(t[0].length);
  return rows.map((i) => cols.map((j) => t[i][j]));
}
