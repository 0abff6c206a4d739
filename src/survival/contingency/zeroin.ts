/**
 * Brent's root finder as R's `uniroot()` runs it: a line-for-line port of R_zeroin2
 * (R 4.2, src/library/stats/src/zeroin.c; Forsythe, Malcolm & Moler, Computer Methods for
 * Mathematical Computations, 1977). Porting it exactly, rather than using another root finder,
 * lets fisherExactTest reproduce R's fisher.test() digit for digit at R's default tolerance.
 */

/** R's uniroot() default tolerance, .Machine$double.eps^0.25. */
export const UNIROOT_TOL = 2 ** -13;

/**
 * A root of f in [lower, upper], where f(lower) = fLower and f(upper) = fUpper have opposite
 * signs (or one is 0). Stops when the bracket is within 2 * eps * |b| + tol / 2 of the estimate
 * b, as R does; tol = 0 asks for the root as precisely as doubles allow. `iter` is the number
 * of iterations, -1 when maxiter was reached (uniroot then warns "_NOT_ converged").
 *
 * @example
 * zeroin((x) => x ** 3 - 2 * x - 5, 2, 3, -1, 16).root // 2.0945... (uniroot(f, c(2, 3))$root)
 */
export function zeroin(
  f: (x: number) => number,
  lower: number,
  upper: number,
  fLower: number,
  fUpper: number,
  tol: number = UNIROOT_TOL,
  maxiter = 1000,
): { root: number; iter: number } {
  const EPS = Number.EPSILON;
  let a = lower;
  let b = upper;
  let fa = fLower;
  let fb = fUpper;
  let c = a;
  let fc = fa;
  if (fa === 0) return { root: a, iter: 0 };
  if (fb === 0) return { root: b, iter: 0 };

  for (let left = maxiter + 1; left > 0; left--) {
    const prevStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      // Make b the best approximation.
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolAct = 2 * EPS * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || fb === 0) return { root: b, iter: maxiter + 1 - left };

    // Interpolate if the previous step was large enough and went the right way.
    if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      let p: number;
      let q: number;
      const cb = c - b;
      if (a === c) {
        // Two distinct points: linear interpolation.
        const t1 = fb / fa;
        p = cb * t1;
        q = 1.0 - t1;
      } else {
        // Inverse quadratic interpolation.
        const qa = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1.0));
        q = (qa - 1.0) * (t1 - 1.0) * (t2 - 1.0);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((prevStep * q) / 2)) newStep = p / q;
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;

    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return { root: b, iter: -1 };
}
