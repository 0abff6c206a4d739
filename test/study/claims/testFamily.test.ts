/**
 * twoByTwoFamily and logRankFamily against R (test/study/fixtures/r/beyond-notebook.R: chisq.test,
 * G, N-1 and fisher.test on the 1-year tables; survdiff and the by-formula Gehan-Breslow and
 * Tarone-Ware; test/survival/fixtures/r/logrank.R: survdiff(rho = 1)), and the calls they make.
 */
import { describe, expect, it } from "vitest";
import { logRankFamily, twoByTwoFamily } from "../../../src/study/claims/testFamily.js";
import { printedClaim } from "../../../src/study/claims/printedClaim.js";
import { loadStudy } from "../../../src/study/data/loadEndpoint.js";
import { expectAllClose, expectClose, loadFixture } from "../../helpers/fixtures.js";
import { inputError } from "../../helpers/errors.js";

const R = loadFixture("beyond-notebook");
const logrankR = loadFixture("logrank");

describe.each(["recurrence", "lung_metastasis"] as const)("twoByTwoFamily: %s", (endpoint) => {
  const f = twoByTwoFamily(printedClaim("chisq-1y", endpoint));
  const r = R.one_year[endpoint].inclusive;
  it("every 2 x 2 test on the claim's 1-year table, as R computes it", () => {
    expect(f.tests.map((t) => t.id)).toEqual(["pearson", "yates", "likelihood-ratio", "n-1", "fisher"]);
    expectAllClose(f.tests.slice(0, 4).map((t) => t.result.statistic), r.statistic, "statistics");
    expectAllClose(f.tests.slice(0, 4).map((t) => t.result.pValue), r.p, "p");
    expect(f.tests[4].result.statistic).toBeNull();
    expectClose(f.tests[4].result.pValue, r.fisher_p, "Fisher p");
    expect(f.caption).toContain(JSON.stringify(r.table).replace(/,/g, ", "));
  });
  it("the columns show each test with its SPSS and R names, and which prints as the paper's value", () => {
    expect(Object.keys(f.columns)).toEqual(["test", "what it is", "SPSS", "R", "χ²", "df", "p", "p < 0.05", "paper", "prints as the paper's χ²"]);
    expect(f.columns["prints as the paper's χ²"]).toEqual(f.tests.map((t) => (t.result.statistic === null ? "" : t.printsAs ? "YES" : "no")));
  });
});

describe("twoByTwoFamily: the findings", () => {
  it("3.81 is Pearson's; only G is significant at 0.05, so the call depends on the test", () => {
    const f = twoByTwoFamily(printedClaim("chisq-1y", "recurrence"));
    expect([f.printedBy, f.significant]).toEqual([["Pearson"], ["likelihood-ratio G"]]);
    expect(f.note).toBe(
      "The paper's χ² = 3.81 is the **Pearson** statistic at the precision printed. p < 0.05 with: likelihood-ratio G. The significance call depends on the test.",
    );
  });
  it("4.62 is printed by no test on its table", () => {
    const f = twoByTwoFamily(printedClaim("chisq-1y", "lung_metastasis"));
    expect(f.printedBy).toEqual([]);
    expect(f.note).toContain("printed by **none** of these tests");
  });
  it("alpha sets the calls and their column", () => {
    const f = twoByTwoFamily(printedClaim("chisq-1y", "recurrence"), { alpha: 0.1 });
    expect(f.significant).toEqual(["Pearson", "likelihood-ratio G", "N-1 (linear-by-linear)", "Fisher exact"]);
    expect(Object.keys(f.columns)).toContain("p < 0.1");
  });
});

describe.each(["recurrence", "lung_metastasis"] as const)("logRankFamily: %s", (endpoint) => {
  const f = logRankFamily(printedClaim("logrank", endpoint));
  const r = R.time_to_event[endpoint];
  it("every test of the log-rank family, as R computes it", () => {
    expect(f.tests.map((t) => t.id)).toEqual(["logrank", "gehan-breslow", "tarone-ware", "fleming-harrington"]);
    const rho1 = logrankR[endpoint].survdiff.find((s: { rho: number }) => s.rho === 1);
    expectAllClose(f.tests.map((t) => t.result.statistic), [r.logrank[0], r.gehan_breslow[0], r.tarone_ware[0], rho1.chisq], "statistics");
    expectAllClose(f.tests.map((t) => t.result.pValue), [r.logrank[1], r.gehan_breslow[1], r.tarone_ware[1], rho1.p], "p");
    expect(f.columns.SPSS).toEqual(["Log Rank (Mantel-Cox)", "Breslow (Generalized Wilcoxon)", "Tarone-Ware", "(not offered)"]);
  });
  it("the printed statistic is the log-rank's; every test is significant; group 1's times are longer, as the paper says", () => {
    expect(f.printedBy).toEqual(["Log-rank"]);
    expect(f.significant.length).toBe(4);
    expect(f.note).toContain("Group 1 had fewer events than expected if the curves were equal: its times to the event are longer, the direction the paper reports.");
  });
});

describe("the families: bad input", () => {
  it("refuses a claim of the other kind, one without a printed statistic, and an unknown option", () => {
    expect(inputError(() => logRankFamily(printedClaim("chisq-1y", "recurrence"))).argument).toBe("claim");
    const noValue = { ...printedClaim("logrank", "recurrence"), values: [] };
    expect(inputError(() => logRankFamily(noValue)).message).toContain("not a logrank claim with a printed statistic");
    expect(inputError(() => twoByTwoFamily(printedClaim("chisq-1y", "recurrence"), { alfa: 0.1 } as never)).value).toBe("alfa");
  });
  it("reads the study it is given: a recurrence moved past 12 months changes the table and the statistic", () => {
    const study = loadStudy();
    const months = [...study.recurrence.months];
    expect([study.recurrence.group[0], study.recurrence.status[0], months[0]]).toEqual([1, 1, 5.5]);
    months[0] = 12.5;
    const f = twoByTwoFamily(printedClaim("chisq-1y", "recurrence"), { study: { ...study, recurrence: { ...study.recurrence, months } } });
    expect(f.caption).toContain("[[9, 14], [12, 4]]");
    expect(f.printedBy).toEqual([]);
  });
});
