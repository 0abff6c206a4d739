/**
 * The arms' medians with their confidence intervals, as R's `print(survfit(...))` shows them,
 * and the survival at one time (R's `summary(survfit(...), times = at)`). The median is where the
 * curve first falls to 0.5 or below (the middle of the interval where it sits at exactly 0.5);
 * its limits are where the confidence band crosses 0.5 (Brookmeyer & Crowley 1982). Where the
 * curve or its band never falls to 0.5 the number is not reached: the table says so, and the note
 * names each one.
 */
import { checkOptions } from "../../survival/core/validate.js";
import { SurvivalInputError } from "../../survival/errors.js";
import type { ArmFit } from "./armFits.js";
import { confLevelText, notReached, type StudyTable } from "./labels.js";

export interface MedianTable extends StudyTable {
  /** What is not reached, in words (null when everything is). */
  readonly note: string | null;
}

const PARTS = { estimate: "the median", lower: "its lower limit", upper: "its upper limit" } as const;

/**
 * The median table of the arms' curves.
 *
 * @param arms     the arms of armFits (fitted at one confidence level and transform)
 * @param options  `at`: the time of the last column, S(at); default 12 months (the paper's year)
 * @returns        a frozen `{ caption, columns, note }`: per arm n, events, median and its limits
 *                 (columns named by the level, "0.9 LCL"), S(at)
 * @throws SurvivalInputError  for arms fitted at different levels or transforms, or an unknown option
 *
 * @example
 * const t = medianTable(armFits(loadEndpoint("recurrence"), { confLevel: 0.9 }));
 * t.caption;              // => "Median months with 90% CI (log transform), and S(12)"
 * t.columns["0.9 UCL"];   // => [17, 13]
 * t.note;                 // => null (every median and limit is reached)
 */
export function medianTable(arms: readonly ArmFit[], options: { at?: number } = {}): MedianTable {
  checkOptions("medianTable", options, ["at"]);
  const at = options.at ?? 12;
  const { confLevel, confType } = sameSettings(arms);
  const column = <T,>(f: (a: ArmFit) => T) => Object.freeze(arms.map(f));
  const unreached = arms.flatMap(({ group, fit }) =>
    (Object.keys(PARTS) as (keyof typeof PARTS)[]).filter((k) => fit.median[k] === null).map((k) => `group ${group}: ${PARTS[k]}`),
  );
  return Object.freeze({
    caption: `Median months with ${confLevelText(confLevel)} CI (${confType} transform), and S(${at})`,
    columns: Object.freeze({
      arm: column((a) => `group ${a.group}: ${a.name}`),
      n: column((a) => a.fit.n),
      events: column((a) => a.fit.events),
      median: column((a) => notReached(a.fit.median.estimate)),
      [`${confLevel} LCL`]: column((a) => notReached(a.fit.median.lower)),
      [`${confLevel} UCL`]: column((a) => notReached(a.fit.median.upper)),
      [`S(${at})`]: column((a) => a.fit.survivalAt(at)),
    }),
    note:
      unreached.length === 0
        ? null
        : `Not reached (${unreached.join("; ")}): the curve, or its confidence band, stays above 0.5 until the last follow-up, so the data put no bound there.`,
  });
}

/** The level and transform every arm was fitted at. */
function sameSettings(arms: readonly ArmFit[]) {
  const { confLevel, confType } = arms[0].fit;
  arms.forEach((a, i) => {
    if (a.fit.confLevel !== confLevel || a.fit.confType !== confType) {
      throw new SurvivalInputError(
        `arms[${i}] was fitted at ${a.fit.confLevel} (${a.fit.confType}), arms[0] at ${confLevel} (${confType}): one table needs one level and transform`,
        "arms",
        i,
        a.fit.confLevel,
      );
    }
  });
  return { confLevel, confType };
}
