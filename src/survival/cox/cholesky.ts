/**
 * Generalised Cholesky decomposition C = F D F' (F unit lower triangular, D diagonal) of a
 * symmetric non-negative definite matrix, with detection of redundant (collinear) columns, and
 * the solve and inverse built on it. A port of Therneau's cholesky2.c, chsolve2.c and chinv2.c
 * in R's survival package, which coxph uses, so that pivots are judged redundant exactly where R
 * judges them so.
 *
 * Matrices are n x n, stored row-major in a Float64Array: m[i * n + j] is row i, column j.
 *
 * @example
 * const m = Float64Array.of(4, 2, 2, 3);
 * const { rank } = cholesky2(m, 2, 1e-12); // rank 2
 * const y = Float64Array.of(2, 1);
 * chsolve2(m, 2, y); // y = [0.5, 0], the solution of [[4,2],[2,3]] b = [2,1]
 */

/** The result of cholesky2: the rank and which columns were judged redundant. */
export interface CholeskyRank {
  /** Number of pivots kept; as R's cholesky2 returns it, negated when the matrix is not non-negative definite. */
  readonly rank: number;
  /** redundant[i] is true where column i is (numerically) a linear combination of the columns before it. */
  readonly redundant: boolean[];
}

/**
 * Factors m in place. The upper triangle (j > i) is read as the matrix; the factorisation is
 * left in the lower triangle (F below the diagonal, D on it); the upper triangle is kept.
 * A pivot below toler * (largest diagonal), or not finite, is judged redundant and set to 0.
 */
export function cholesky2(m: Float64Array, n: number, toler: number): CholeskyRank {
  let nonneg = 1;
  let eps = 0;
  for (let i = 0; i < n; i++) {
    if (m[i * n + i] > eps) eps = m[i * n + i];
    for (let j = i + 1; j < n; j++) m[j * n + i] = m[i * n + j];
  }
  eps = eps === 0 ? toler : eps * toler;

  let rank = 0;
  const redundant: boolean[] = new Array(n).fill(false);
  for (let i = 0; i < n; i++) {
    const pivot = m[i * n + i];
    if (!Number.isFinite(pivot) || pivot < eps) {
      m[i * n + i] = 0;
      redundant[i] = true;
      if (pivot < -8 * eps) nonneg = -1;
    } else {
      rank++;
      for (let j = i + 1; j < n; j++) {
        const temp = m[j * n + i] / pivot;
        m[j * n + i] = temp;
        m[j * n + j] -= temp * temp * pivot;
        for (let k = j + 1; k < n; k++) m[k * n + j] -= temp * m[k * n + i];
      }
    }
  }
  return { rank: rank * nonneg, redundant };
}

/** Solves (F D F') b = y in place (y becomes b), given the output of cholesky2; redundant columns get b = 0. */
export function chsolve2(m: Float64Array, n: number, y: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let temp = y[i];
    for (let j = 0; j < i; j++) temp -= y[j] * m[i * n + j];
    y[i] = temp;
  }
  for (let i = n - 1; i >= 0; i--) {
    if (m[i * n + i] === 0) y[i] = 0;
    else {
      let temp = y[i] / m[i * n + i];
      for (let j = i + 1; j < n; j++) temp -= y[j] * m[j * n + i];
      y[i] = temp;
    }
  }
}

/**
 * Inverts in place, given the output of cholesky2: the upper triangle and the diagonal receive
 * the (generalised) inverse, with zero rows and columns for redundant columns. Use
 * symmetricFromUpper to get the full matrix.
 */
export function chinv2(m: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    if (m[i * n + i] > 0) {
      m[i * n + i] = 1 / m[i * n + i];
      for (let j = i + 1; j < n; j++) {
        m[j * n + i] = -m[j * n + i];
        for (let k = 0; k < i; k++) m[j * n + k] += m[j * n + i] * m[i * n + k];
      }
    }
  }
  for (let i = 0; i < n; i++) {
    if (m[i * n + i] === 0) {
      for (let j = 0; j < i; j++) m[j * n + i] = 0;
      for (let j = i; j < n; j++) m[i * n + j] = 0;
    } else {
      for (let j = i + 1; j < n; j++) {
        const temp = m[j * n + i] * m[j * n + j];
        m[i * n + j] = temp;
        for (let k = i; k < j; k++) m[i * n + k] += temp * m[j * n + k];
      }
    }
  }
}

/** Copies the upper triangle of m over its lower triangle, in place, and returns m. */
export function symmetricFromUpper(m: Float64Array, n: number): Float64Array {
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) m[j * n + i] = m[i * n + j];
  return m;
}
