/**
 * One arm's Kaplan-Meier table as R's `summary(survfit(...), censored = TRUE)` prints it: one
 * row per distinct time, censored times included, with R's column names, the interval's columns
 * named by the level the curve was fitted at ("lower 90% CI" for confLevel 0.9).
 */
import type { ArmFit } from "./armFits.js";
import { confLevelText, type StudyTable } from "./labels.js";

/**
 * The table of one arm's curve.
 *
 * @param arm  an arm of armFits: `{ group, name, fit }`
 * @returns    a frozen `{ caption, columns }`: time, n.risk, n.event, n.censor, survival,
 *             std.err (Greenwood, on the survival scale) and the interval's lower and upper limits
 * @throws SurvivalInputError  for a fit without a confidence level in (0, 1)
 *
 * @example
 * const t = kmTable(armFits(loadEndpoint("recurrence"), { confLevel: 0.9 })[1]);
 * t.caption;                    // => "Group 2, chemotherapy alone: 16 patients, 14 events"
 * Object.keys(t.columns)[6];    // => "lower 90% CI"
 * t.columns["lower 90% CI"][0]; // => 0.6669
 */
export function kmTable(arm: ArmFit): StudyTable {
  const { fit } = arm;
  const level = confLevelText(fit.confLevel);
  const column = (x: ArrayLike<number>) => Object.freeze(Array.from(x));
  return Object.freeze({
    caption: `Group ${arm.group}, ${arm.name}: ${fit.n} patients, ${fit.events} events`,
    columns: Object.freeze({
      time: column(fit.time),
      "n.risk": column(fit.nRisk),
      "n.event": column(fit.nEvent),
      "n.censor": column(fit.nCensor),
      survival: column(fit.survival),
      "std.err": column(fit.stdErr),
      [`lower ${level} CI`]: column(fit.lower),
      [`upper ${level} CI`]: column(fit.upper),
    }),
  });
}
