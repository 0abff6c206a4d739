/**
 * u' V^- u for a symmetric non-negative definite V, with a generalised inverse when V is
 * singular, and the rank of V.
 *
 * V = L D L' by the Cholesky decomposition with a singularity tolerance of R survival's
 * cholesky2.c (a pivot below toler times the largest diagonal is taken as 0 and its column
 * dropped; coxph's default toler.chol = .Machine$double.eps^0.75). Then
 * u' V^- u = sum over kept pivots of z_i^2 / D_i with L z = u. When V has full rank this is
 * u' V^{-1} u, what R's solve() gives; when it is singular and u lies in its column space the
 * value does not depend on which generalised inverse is used.
 *
 * @example
 * quadraticForm([1, 2], [[2, 0], [0, 4]]) // { value: 1.5, rank: 2 }
 */
export function quadraticForm(
  u: ArrayLike<number>,
  v: ArrayLike<ArrayLike<number>>,
  toler = Math.pow(2, -52 * 0.75),
): { value: number; rank: number } {
  const m = u.length;
  // Lower triangle of the factor, row-major; diagonal holds D.
  const a = new Float64Array(m * m);
  let eps = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) a[i * m + j] = v[i][j];
    if (v[i][i] > eps) eps = v[i][i];
  }
  eps = eps === 0 ? toler : eps * toler;
  let rank = 0;
  for (let i = 0; i < m; i++) {
    const pivot = a[i * m + i];
    if (!(pivot >= eps)) {
      a[i * m + i] = 0;
      for (let j = i + 1; j < m; j++) a[j * m + i] = 0;
      continue;
    }
    rank++;
    for (let j = i + 1; j < m; j++) {
      const t = a[j * m + i] / pivot;
      a[j * m + i] = t;
      for (let k = i + 1; k <= j; k++) a[j * m + k] -= t * a[k * m + i] * pivot;
    }
  }
  // Forward solve L z = u (unit diagonal), then sum z_i^2 / D_i over the kept pivots.
  const z = new Float64Array(m);
  let value = 0;
  for (let i = 0; i < m; i++) {
    let t = u[i];
    for (let j = 0; j < i; j++) t -= a[i * m + j] * z[j];
    z[i] = t;
    const dii = a[i * m + i];
    if (dii > 0) value += (t * t) / dii;
  }
  return { value, rank };
}
