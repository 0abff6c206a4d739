/**
 * A Kaplan-Meier fit printed as R prints it: the line of `print(survfit)` (n, events, median
 * and its confidence limits) above the table of `summary(survfit, censored = TRUE)`, with the
 * confidence level and transform of the fit in the column names.
 */
import type { KaplanMeierResult } from "../km/kaplanMeierFit.js";
import { block, percent } from "./format.js";
import type { Printout } from "./printable.js";
import { tableHtml, tableText, type TableColumns } from "./table.js";

export function printKaplanMeier(fit: KaplanMeierResult): Printout {
  const level = percent(fit.confLevel);
  const limit = String(fit.confLevel);
  const summary: TableColumns = {
    n: [fit.n],
    events: [fit.events],
    median: [fit.median.estimate],
    [`${limit}LCL`]: [fit.median.lower],
    [`${limit}UCL`]: [fit.median.upper],
  };
  const rows: TableColumns = {
    time: fit.time,
    "n.risk": fit.nRisk,
    "n.event": fit.nEvent,
    "n.censor": fit.nCensor,
    survival: fit.survival,
    "std.err": fit.stdErr,
    [`lower ${level} CI`]: fit.lower,
    [`upper ${level} CI`]: fit.upper,
  };
  const heading = `Kaplan-Meier estimate: ${fit.n} patients, ${fit.events} events (pointwise ${level} confidence intervals, "${fit.confType}" transform)`;
  return block(heading, [
    { text: tableText(summary), html: tableHtml(summary) },
    { text: tableText(rows), html: tableHtml(rows) },
  ]);
}
