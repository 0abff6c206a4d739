/**
 * A Cox model printed as R's summary.coxph (coefficients, hazard ratios with their interval,
 * and the three global tests), and its proportional-hazards test as print.cox.zph.
 */
import type { CoxPHResult } from "../cox/coxPH.js";
import type { CoxZphResult } from "../cox/coxZph.js";
import { block, formatP, percent, signif } from "./format.js";
import type { Printout } from "./printable.js";
import { tableHtml, tableText, type TableColumns } from "./table.js";

export function printCoxPH(fit: CoxPHResult): Printout {
  const level = String(fit.confLevel).replace(/^0/, "");
  const coef: TableColumns = {
    term: fit.names,
    coef: fit.coef,
    "exp(coef)": fit.hazardRatio,
    "se(coef)": fit.stdErr,
    z: fit.z,
    "Pr(>|z|)": fit.pValue.map((p) => formatP(p)),
  };
  const hr: TableColumns = {
    term: fit.names,
    "exp(coef)": fit.hazardRatio,
    "exp(-coef)": fit.hazardRatio.map((h) => 1 / h),
    [`lower ${level}`]: fit.lower,
    [`upper ${level}`]: fit.upper,
  };
  const tests = [
    ["Likelihood ratio test", fit.likelihoodRatio],
    ["Wald test", fit.wald],
    ["Score (logrank) test", fit.score],
  ] as const;
  const lines = tests.map(([name, t]) => `${name.padEnd(21)} = ${signif(t.statistic)} on ${t.df} df, p = ${formatP(t.pValue)}`);
  const warnings = fit.warnings.length ? [{ text: `Warnings: ${fit.warnings.join("; ")}` }] : [];
  return block(`${fit.method}: n = ${fit.n}, number of events = ${fit.nEvent} (${percent(fit.confLevel)} confidence intervals)`, [
    { text: tableText(coef), html: tableHtml(coef) },
    { text: tableText(hr), html: tableHtml(hr) },
    { text: lines.join("\n") },
    ...warnings,
  ]);
}

export function printCoxZph(test: CoxZphResult): Printout {
  const table: TableColumns = {
    term: test.table.map((t) => t.term),
    chisq: test.table.map((t) => t.statistic),
    df: test.table.map((t) => t.df),
    p: test.table.map((t) => formatP(t.pValue)),
  };
  return block(`Test of proportional hazards (R's cox.zph, "${test.transform}" transform of time, ${test.ties} ties)`, [
    { text: tableText(table), html: tableHtml(table) },
  ]);
}
