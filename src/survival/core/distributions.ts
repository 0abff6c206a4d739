/**
 * Distribution functions the tests need, written to hold full double precision in the far
 * tail (where 1 - cdf would cancel to 0): the chi-square upper tail through the regularised
 * incomplete gamma function, and the normal quantile by Wichura's AS 241.
 */
import { SurvivalInputError, show } from "../errors.js";

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** log Gamma(x) for x > 0 (Lanczos, g = 7; relative error ~1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  x -= 1;
  let a = LANCZOS[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * Regularised upper incomplete gamma Q(a, x) = Gamma(a, x) / Gamma(a), by the series for
 * x < a + 1 and Lentz's continued fraction otherwise (Numerical Recipes, 3rd ed., 6.2).
 */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  const lead = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    return 1 - sum * Math.exp(lead);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(lead) * h;
}

/**
 * P(X > x) for X ~ chi-square(df): R's pchisq(x, df, lower.tail = FALSE), to full relative
 * precision in the far tail.
 *
 * @param x   the statistic (a number; x <= 0 gives 1)
 * @param df  degrees of freedom, a number > 0 (need not be whole)
 * @returns   the upper tail probability
 * @throws SurvivalInputError  for an x that is not a number or is NaN, or a df that is not a
 *            number > 0
 *
 * @example
 * chiSquareUpper(3.84, 1);   // => 0.05004
 * chiSquareUpper(1000, 1);   // => 1.796e-219 (where 1 - pchisq(x, 1) would be 0)
 */
export function chiSquareUpper(x: number, df: number): number {
  if (typeof df !== "number" || !(df > 0)) {
    throw new SurvivalInputError(`df is ${show(df)}: chi-square degrees of freedom must be a number > 0`, "df", undefined, df);
  }
  if (typeof x !== "number" || Number.isNaN(x)) {
    throw new SurvivalInputError(`x is ${show(x)}: a chi-square statistic must be a number`, "x", undefined, x);
  }
  return gammaQ(df / 2, x / 2);
}

/**
 * Standard normal quantile: R's qnorm(p). Wichura (1988), Algorithm AS 241 (PPND16).
 *
 * @param p  a probability in [0, 1] (0 and 1 give -Infinity and Infinity)
 * @returns  the x with P(Z <= x) = p
 * @throws SurvivalInputError  for a p that is not a number in [0, 1]
 *
 * @example
 * normalQuantile(0.975);   // => 1.959964
 * normalQuantile(1e-10);   // => -6.3613
 */
export function normalQuantile(p: number): number {
  if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
    throw new SurvivalInputError(`p is ${show(p)}: a probability must be a number in [0, 1]`, "p", undefined, p);
  }
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r +
          133.14166789178437745) * r + 3.387132872796366608)) /
      (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r +
        42.313330701600911252) * r + 1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let val: number;
  if (r <= 5) {
    r -= 1.6;
    val =
      (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
        1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r +
        4.6303378461565452959) * r + 1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
        0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r +
        2.05319162663775882187) * r + 1);
  } else {
    r -= 5;
    val =
      (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
        0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r +
        5.4637849111641143699) * r + 6.6579046435011037772) /
      (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r +
        0.59983220655588793769) * r + 1);
  }
  return q < 0 ? -val : val;
}
