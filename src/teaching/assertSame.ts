/**
 * The check at the end of every by-hand computation in the teaching notebooks: the numbers
 * worked out step by step in the cells must equal the library's, to within 1e-12 (absolute).
 * It throws, stopping the notebook, when they do not; when they do, it returns one line saying
 * what was compared and the largest difference seen, for the cell to print.
 *
 * NaN equals NaN and null equals null here (both mean "not defined", e.g. a log-log limit where
 * S = 1), but never a number.
 *
 * @example
 * console.log(assertSame("survival", byHand.survival, kaplanMeier(data).survival));
 * // "survival: 14 values by hand = library (largest difference 0)"
 */

export type Comparable = number | null | ArrayLike<number | null>;

/** Default tolerance, absolute. */
export const SAME_TOLERANCE = 1e-12;

export class NotSameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotSameError";
  }
}

const isMissing = (x: number | null | undefined) => x === null || x === undefined || Number.isNaN(x);

export function assertSame(label: string, byHand: Comparable, library: Comparable, tolerance = SAME_TOLERANCE): string {
  const scalar = (x: Comparable) => x === null || typeof x === "number";
  if (scalar(byHand) !== scalar(library)) {
    throw new NotSameError(`${label}: one side is a single value and the other a list`);
  }
  const a: ArrayLike<number | null> = scalar(byHand) ? [byHand as number | null] : (byHand as ArrayLike<number | null>);
  const b: ArrayLike<number | null> = scalar(library) ? [library as number | null] : (library as ArrayLike<number | null>);
  if (a.length !== b.length) {
    throw new NotSameError(`${label}: ${a.length} values by hand but ${b.length} from the library`);
  }
  let largest = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    const where = scalar(byHand) ? "" : `[${i}]`;
    if (isMissing(x) || isMissing(y)) {
      if (isMissing(x) !== isMissing(y)) {
        throw new NotSameError(`${label}${where}: by hand ${String(x)}, library ${String(y)} (one is not defined)`);
      }
      continue;
    }
    const d = Math.abs((x as number) - (y as number));
    if (!(d <= tolerance)) {
      throw new NotSameError(`${label}${where}: by hand ${x}, library ${y}: they differ by ${d}, more than ${tolerance}`);
    }
    if (d > largest) largest = d;
  }
  const count = scalar(byHand) ? "" : `${a.length} values `;
  return `${label}: ${count}by hand = library (largest difference ${largest === 0 ? "0" : largest.toExponential(1)})`;
}
