// Results print themselves as R prints them: the printout reads the result's own fields (so its
// numbers are the ones the R fixtures check), follows the options (confidence level, transform),
// and stays out of the fields, JSON and equality.
import { describe, expect, it } from "vitest";
import { kaplanMeier } from "../../../src/survival/km/kaplanMeier.js";
import { logRankTest } from "../../../src/survival/logrank/logRankTest.js";
import { chiSquareTest } from "../../../src/survival/contingency/chiSquareTest.js";
import { gTest } from "../../../src/survival/contingency/gTest.js";
import { fisherExactTest } from "../../../src/survival/contingency/fisherExactTest.js";
import { coxPH } from "../../../src/survival/cox/coxPH.js";
import { coxZph } from "../../../src/survival/cox/coxZph.js";
import { rmstDifference } from "../../../src/survival/rmst/rmstDifference.js";
import { permutationLogRank } from "../../../src/survival/permutation/permutationLogRank.js";
import { printout } from "../../../src/survival/print/printable.js";
import { dataset, numbers } from "../../helpers/fixtures.js";

const d = dataset("recurrence");
const data = { time: numbers(d.months), event: numbers(d.status), group: numbers(d.group) };
const arm1 = { time: data.time.filter((_, i) => data.group[i] === 1), event: data.event.filter((_, i) => data.group[i] === 1) };
const table = [[10, 13], [12, 4]];
const coxData = { time: data.time, event: data.event, covariates: { anlotinib: data.group.map((g) => (g === 1 ? 1 : 0)) } };

const textOf = (x: unknown) => printout(x)!.text;
const lines = (x: unknown) => textOf(x).split("\n");

describe("printouts", () => {
  it("Kaplan-Meier: print(survfit)'s line above summary(survfit)'s table, at the fit's level", () => {
    const fit = kaplanMeier(arm1);
    const text = lines(fit);
    expect(text[0]).toBe('Kaplan-Meier estimate: 23 patients, 17 events (pointwise 95% confidence intervals, "log" transform)');
    expect(text.slice(2, 4)).toEqual([" n  events  median  0.95LCL  0.95UCL", "23      17      14        9       NA"]);
    expect(text[5]).toBe("time  n.risk  n.event  n.censor  survival  std.err  lower 95% CI  upper 95% CI");
    expect(text[6]).toBe(" 5.5      23        1         0    0.9565  0.04252        0.8767             1");
    expect(text).toHaveLength(6 + fit.time.length);
    const ninety = textOf(kaplanMeier(arm1, { confLevel: 0.9, confType: "log-log" }));
    expect(ninety).toContain('pointwise 90% confidence intervals, "log-log" transform');
    expect(ninety).toContain("0.9LCL");
    expect(ninety).toContain("lower 90% CI");
    expect(ninety).not.toMatch(/95%|0\.95[LU]CL/); // (numbers such as 0.9565 may hold "95")
  });

  it("log-rank: print.survdiff's table and line", () => {
    const test = logRankTest(data);
    expect(lines(test)).toEqual([
      "Log-rank test (R survdiff, rho = 0)",
      "",
      "group   N  Observed  Expected  (O-E)^2/E  (O-E)^2/V",
      "1      23        17     23.57       1.83      8.627",
      "2      16        14     7.433      5.801      8.627",
      "",
      "Chisq = 8.627 on 1 degrees of freedom, p = 0.003311",
    ]);
  });

  it("tests of a table: print.htest's lines", () => {
    expect(lines(chiSquareTest(table))).toEqual([
      "Pearson's Chi-squared test with Yates' continuity correction",
      "",
      "X-squared = 2.639, df = 1, p-value = 0.1043",
    ]);
    expect(lines(gTest(table))[2]).toBe("G = 3.936, df = 1, p-value = 0.04727");
    const fisher = fisherExactTest(table, { confLevel: 0.9 });
    expect(textOf(fisher)).toContain("alternative hypothesis: true odds ratio is not equal to 1");
    expect(textOf(fisher)).toContain(`90 percent confidence interval: ${fisher.lower.toPrecision(4)} ${fisher.upper.toPrecision(4)}`);
  });

  it("Cox: summary.coxph's two tables and three tests; cox.zph's table with its GLOBAL row", () => {
    const fit = coxPH(coxData);
    const text = textOf(fit);
    expect(text).toContain("term         coef  exp(coef)  se(coef)       z  Pr(>|z|)");
    expect(text).toContain("anlotinib  -1.105     0.3312    0.3882  -2.847  0.004415");
    expect(text).toContain(`Score (logrank) test  = ${fit.score.statistic.toPrecision(4)} on 1 df, p = ${fit.score.pValue.toPrecision(4)}`);
    expect(lines(coxZph(fit, coxData)).slice(2)).toEqual(["term       chisq  df  p", "anlotinib  1.988   1  0.1586", "GLOBAL     1.988   1  0.1586"]);
  });

  it("RMST and the permutation test", () => {
    expect(textOf(rmstDifference(data, 12))).toContain("2 - 1: -2.935 (95% CI -4.665 to -1.204)");
    expect(textOf(permutationLogRank(data, { draws: 200, seed: 1 }))).toMatch(/^Monte Carlo permutation test[^\n]*\n\nchi-squared = 8\.627, df = 1, p-value = /);
  });

  it("stays out of the fields: not enumerable, not in JSON, and a Jupyter bundle on request", () => {
    const test = logRankTest(data);
    expect(Object.keys(test)).not.toContain("print");
    expect(JSON.parse(JSON.stringify(test)).statistic).toBe(test.statistic);
    const display = (test as unknown as Record<symbol, () => Record<string, string>>)[Symbol.for("Jupyter.display")]();
    expect(Object.keys(display)).toEqual(["text/html", "text/plain"]);
    expect(display["text/plain"]).toBe(textOf(test));
    expect(display["text/html"]).toMatch(/^<div class="survival-printout"><p><strong>Log-rank test \(R survdiff, rho = 0\)<\/strong><\/p><table>/);
    expect(Object.isFrozen(test)).toBe(true);
    expect(printout({ statistic: 1 })).toBeNull();
  });
});
