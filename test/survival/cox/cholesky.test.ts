/** The generalised Cholesky routines (ports of survival's cholesky2/chsolve2/chinv2). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cholesky2, chinv2, chsolve2, symmetricFromUpper } from "../../../src/survival/cox/cholesky.js";

const TOL = Math.pow(2.220446049250313e-16, 0.75);

function matmul(a: ArrayLike<number>, b: ArrayLike<number>, n: number): number[] {
  const out = new Array<number>(n * n).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) out[i * n + j] += a[i * n + k] * b[k * n + j];
  return out;
}

describe("cholesky2 / chsolve2 / chinv2", () => {
  it("solves and inverts a small SPD matrix (worked by hand)", () => {
    // [[4, 2], [2, 3]]: det 8, inverse [[3, -2], [-2, 4]] / 8; [[4,2],[2,3]] b = [2, 1] gives b = [0.5, 0].
    const m = Float64Array.of(4, 2, 2, 3);
    expect(cholesky2(m, 2, TOL)).toEqual({ rank: 2, redundant: [false, false] });
    const y = Float64Array.of(2, 1);
    chsolve2(m, 2, y);
    expect(Array.from(y)).toEqual([0.5, 0]);
    chinv2(m, 2);
    expect(Array.from(symmetricFromUpper(m, 2))).toEqual([3 / 8, -2 / 8, -2 / 8, 4 / 8]);
  });

  it("flags a column that is a combination of earlier ones, and zeroes it in solve and inverse", () => {
    // Columns of X = [a, b, a + b]: the Gram matrix X'X is singular with column 3 redundant.
    const a = [1, 2, 0, 1];
    const b = [0, 1, 1, 3];
    const cols = [a, b, a.map((v, i) => v + b[i])];
    const m = new Float64Array(9);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) m[i * 3 + j] = cols[i].reduce((s, v, k) => s + v * cols[j][k], 0);
    const { rank, redundant } = cholesky2(m, 3, TOL);
    expect(rank).toBe(3 - 1);
    expect(redundant).toEqual([false, false, true]);
    const y = Float64Array.of(1, 1, 1);
    chsolve2(m, 3, y);
    expect(y[2]).toBe(0);
    chinv2(m, 3);
    symmetricFromUpper(m, 3);
    expect([m[2], m[5], m[6], m[7], m[8]]).toEqual([0, 0, 0, 0, 0]);
  });

  it("reports a matrix that is not non-negative definite with a negative rank", () => {
    const m = Float64Array.of(1, 2, 2, 1); // eigenvalues 3 and -1
    expect(cholesky2(m, 2, TOL).rank).toBe(-1);
  });

  it("A * A^-1 = I and A * solve(A, y) = y on random SPD matrices", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n * n, maxLength: n * n }),
            fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n, maxLength: n }),
          ),
        ),
        ([n, g, y]) => {
          // A = G G' + I is symmetric positive definite.
          const gt = new Array<number>(n * n);
          for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) gt[i * n + j] = g[j * n + i];
          const a = matmul(g, gt, n).map((v, k) => v + (k % (n + 1) === 0 ? 1 : 0));
          const m = Float64Array.from(a);
          expect(cholesky2(m, n, TOL).rank).toBe(n);
          const x = Float64Array.from(y);
          chsolve2(m, n, x);
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let k = 0; k < n; k++) s += a[i * n + k] * x[k];
            expect(Math.abs(s - y[i])).toBeLessThan(1e-9 * (1 + Math.abs(y[i])));
          }
          chinv2(m, n);
          const prod = matmul(a, symmetricFromUpper(m, n), n);
          prod.forEach((v, k) => expect(Math.abs(v - (k % (n + 1) === 0 ? 1 : 0))).toBeLessThan(1e-9));
        },
      ),
      { numRuns: 200 },
    );
  });
});
