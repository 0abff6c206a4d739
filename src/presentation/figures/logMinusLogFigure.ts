/**
 * The log(-log S) plot of Kaplan-Meier curves against time on a log axis (R's plot(survfit, fun =
 * "cloglog")): under proportional hazards the curves are parallel, a vertical distance log(HR)
 * apart; curves that converge, diverge or cross suggest a hazard ratio that changes with time.
 * The points are logMinusLogData's (rows with time > 0 and 0 < S < 1), drawn as steps.
 *
 * @example
 * show(logMinusLogFigure(armFits(loadEndpoint("recurrence")).map((a) => ({ label: a.name, fit: a.fit })), { title: "log(-log S) by arm" }));
 */
import { logMinusLogData } from "../../survival/km/logMinusLogData.js";
import { checkData, checkOptions } from "../../survival/core/validate.js";
import type { PlotlyFigure } from "./figure.js";
import { linesFigure } from "./linesFigure.js";

export interface LogMinusLogCurve {
  readonly label: string;
  /** A kaplanMeier result (its time and survival). */
  readonly fit: { readonly time: ArrayLike<number>; readonly survival: ArrayLike<number> };
}

export interface LogMinusLogOptions {
  readonly title?: string;
  /** File name offered by the download button. */
  readonly filename?: string;
}

export function logMinusLogFigure(curves: readonly LogMinusLogCurve[], options: LogMinusLogOptions = {}): PlotlyFigure {
  checkOptions("logMinusLogFigure", options, ["title", "filename"]);
  curves.forEach((c, i) => checkData("logMinusLogFigure", c, ["label", "fit"], `curves[${i}]`));
  const lines = curves.map(({ label, fit }, i) => {
    const points = logMinusLogData(fit);
    return { label, x: points.time, y: points.y, colour: i };
  });
  return linesFigure(lines, {
    title: options.title,
    xTitle: "Months (log scale)",
    yTitle: "log(-log S(t))",
    xType: "log",
    filename: options.filename ?? "log-minus-log",
  });
}
