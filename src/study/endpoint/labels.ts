/**
 * How the study's tables label what their options set, so that a caption, a column or a note
 * never states a level the computation did not use: the confidence level as a percentage
 * ("90%", from confLevel 0.9), and "not reached" where a median or its limit is null.
 */
import { SurvivalInputError, show } from "../../survival/errors.js";

/** A table to show: its caption and its columns (name -> cells, all of one length). */
export interface StudyTable {
  readonly caption: string;
  readonly columns: Readonly<Record<string, readonly (number | string | null)[]>>;
}

/**
 * A confidence level as the percentage a reader expects in a label.
 *
 * @param confLevel  a level in (0, 1), as the library's `confLevel` options take it
 * @returns          e.g. "95%", "90%", "97.5%"
 * @throws SurvivalInputError  for a level outside (0, 1)
 *
 * @example
 * confLevelText(0.9);     // => "90%"
 * confLevelText(0.975);   // => "97.5%"
 */
export function confLevelText(confLevel: number): string {
  if (typeof confLevel !== "number" || !(confLevel > 0 && confLevel < 1)) {
    throw new SurvivalInputError(`confLevel is ${show(confLevel)}: it must be in (0, 1)`, "confLevel", undefined, confLevel);
  }
  return `${Number((100 * confLevel).toPrecision(12))}%`;
}

/**
 * A median (or a limit of its interval) for a table: the number, or "not reached" where the
 * curve or its band never falls to 0.5 (the library's null), as R prints NA there.
 *
 * @param x  a number, or null
 * @returns  x, or "not reached"
 * @throws never
 *
 * @example
 * notReached(6.5);    // => 6.5
 * notReached(null);   // => "not reached"
 */
export function notReached(x: number | null): number | string {
  return x ?? "not reached";
}
