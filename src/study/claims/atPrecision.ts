/**
 * Judges a recomputed number at the precision the paper printed: a value printed with d
 * decimals stands for the interval [value - 0.5 * 10^-d, value + 0.5 * 10^-d], so the
 * recomputed number reproduces it when it falls in that interval, i.e. when it rounds to the
 * printed digits (either way at an exact tie, since we do not know the paper's rounding rule).
 */
export interface PrintedNumber {
  readonly text: string;
  readonly value: number;
  readonly decimals: number;
}

export interface PrecisionJudgement {
  /** The recomputed number rounded to the decimals printed. */
  readonly rounded: string;
  /** recomputed - reported (unrounded). */
  readonly difference: number;
  /** Half a unit in the last printed digit. */
  readonly halfUnit: number;
  readonly matches: boolean;
}

/**
 * @param recomputed  the number recomputed
 * @param reported    the number as printed: text, value, decimals
 * @returns           a frozen `{ rounded, difference, halfUnit, matches }`
 * @throws nothing: a recomputed value that is not a finite number does not match
 *
 * @example
 * atPrecision(3.812950, { text: "3.81", value: 3.81, decimals: 2 });   // => { rounded: "3.81", halfUnit: 0.005, matches: true }
 * atPrecision(5.171, { text: "4.62", value: 4.62, decimals: 2 }).matches;   // => false
 */
export function atPrecision(recomputed: number, reported: PrintedNumber): PrecisionJudgement {
  const halfUnit = 0.5 * 10 ** -reported.decimals;
  const difference = recomputed - reported.value;
  // The slack absorbs binary representation error at an exact tie (e.g. 26.5 vs "27").
  const matches = Number.isFinite(recomputed) && Math.abs(difference) <= halfUnit * (1 + 1e-9);
  return Object.freeze({ rounded: recomputed.toFixed(reported.decimals), difference, halfUnit, matches });
}
