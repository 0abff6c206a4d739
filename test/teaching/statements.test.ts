/**
 * What the lessons' prose says about the numbers, computed from the tables it describes (R's
 * values from test/teaching/fixtures/r/teaching.R where R has them): the statements that were
 * corrected, and the ones the corrections rest on. If the data changed, these fail before a
 * lesson says something false.
 */
import { describe, expect, it } from "vitest";
import { loadStudy } from "../../src/study/data/loadEndpoint.js";
import { armData } from "../../src/study/data/armData.js";
import { oneYearTable } from "../../src/study/data/oneYearTable.js";
import { kaplanMeier } from "../../src/survival/km/kaplanMeier.js";
import { logRankTest } from "../../src/survival/logrank/logRankTest.js";
import { chiSquareTest } from "../../src/survival/contingency/chiSquareTest.js";
import { numbersAtRisk } from "../../src/presentation/figures/numbersAtRisk.js";
import { expectClose, loadFixture } from "../helpers/fixtures.js";

const R = loadFixture<{ answers: Record<string, number>; decisions: Record<string, any>; by_hand: Record<string, any> }>("teaching");
const study = loadStudy();
const rec = study.recurrence;
const fit = (g: number) => kaplanMeier(armData(rec, g));

describe("lesson 1: censoring in this study is light and late", () => {
  it("nobody is censored before 12 months, so at the paper's cut-off the simple proportions are Kaplan-Meier's", () => {
    for (const g of [1, 2]) {
      const { time, event } = armData(rec, g);
      expect(Math.min(...time.filter((_, i) => event[i] === 0))).toBeGreaterThanOrEqual(12);
      const crude = time.filter((t, i) => event[i] === 1 && t <= 12).length / time.length;
      expect(Math.abs(crude - (1 - fit(g).survivalAt(12)))).toBeLessThan(1e-12);
    }
  });

  it("moving the cut-off to 17 months shows the bias: the simple proportion is below Kaplan-Meier (R)", () => {
    expect(R.decisions.crude_17).toBeLessThan(R.decisions.km_17 - 0.02);
  });
});

describe("lesson 2: which standard error grows", () => {
  it("se(log S) never falls over group 1's event times; se(S) rises to its largest at 14 months and falls to the end (R's survfit)", () => {
    const se: number[] = R.decisions.se_g1;
    const seLog: number[] = R.decisions.se_log_g1;
    expect(seLog.every((x, k) => k === 0 || x >= seLog[k - 1])).toBe(true);
    const f = fit(1);
    const eventTimes = Array.from(f.time).filter((_, j) => f.nEvent[j] > 0);
    const top = se.indexOf(Math.max(...se));
    expect(eventTimes[top]).toBe(14);
    expect(se[top]).toBeCloseTo(0.1049, 4);
    expect(se[se.length - 1]).toBeCloseTo(0.0941, 4);
    expect(se[se.length - 1]).toBeLessThan(se[top]);
  });
});

describe("lesson 3: the RMST horizon", () => {
  it("at tau = 12 months each group still has at least a quarter of its patients at risk", () => {
    for (const g of [1, 2]) expect(numbersAtRisk(fit(g), [12]).nRisk[0] / fit(g).n).toBeGreaterThanOrEqual(0.25);
  });

  it("at the end of the shorter follow-up (the old horizon) group 2 has one patient at risk", () => {
    const shorter = Math.min(...[1, 2].map((g) => fit(g).time[fit(g).time.length - 1]));
    expect(shorter).toBe(16);
    expect(numbersAtRisk(fit(2), [shorter]).nRisk[0]).toBe(1);
  });
});

describe("lesson 4: hazards", () => {
  it("Nelson-Aalen by hand (sum of d/n) is R's cumhaz, in both groups", () => {
    for (const [g, key] of [[1, "nelson_aalen_g1"], [2, "nelson_aalen_g2"]] as const) {
      const f = fit(g);
      let H = 0;
      const byHand = Array.from(f.time, (_, j) => (H += f.nEvent[j] / f.nRisk[j]));
      byHand.forEach((x, j) => expectClose(x, R.by_hand[key][j], `${key}[${j}]`));
    }
  });

  it("group 2's cumulative hazard is above group 1's at each of its event times", () => {
    const [f1, f2] = [fit(1), fit(2)];
    const H1 = (t: number) => Array.from(f1.time).reduce((h, x, j) => (x <= t ? f1.cumHazard[j] : h), 0);
    Array.from(f2.time).forEach((t, j) => expect(f2.cumHazard[j]).toBeGreaterThan(H1(t)));
  });
});

describe("lesson 5: the first year alone", () => {
  it("stopped at 12 months, the data keep the time of every recurrence within the year, and the log-rank test (R) differs from the 1-year chi-square", () => {
    const withinYear = [1, 2].map((g) => new Set(rec.months.filter((m, i) => rec.group[i] === g && rec.status[i] === 1 && m <= 12)).size);
    expect(withinYear.every((k) => k > 1)).toBe(true); // several distinct times: more than a yes/no count
    const firstYear = logRankTest({
      time: rec.months.map((m) => Math.min(m, 12)),
      event: rec.status.map((s, i) => (rec.months[i] <= 12 ? s : 0)),
      group: rec.group,
    });
    expectClose(firstYear.statistic, R.by_hand.first_year_logrank, "first-year log-rank");
    const pearson = chiSquareTest(oneYearTable(rec).table, { correction: false });
    expect(firstYear.pValue).toBeLessThan(0.05);
    expect(pearson.pValue).toBeGreaterThan(0.05);
  });
});

describe("lesson 7: the BMJ's shortcut", () => {
  it("Bland & Altman's sum of (O - E)^2 / E is 7.63 against the log-rank 8.63, and never the larger", () => {
    expect(R.answers["cox/bland-altman-chisq"]).toBeCloseTo(7.63, 2);
    expect(R.answers["logrank/statistic"]).toBeCloseTo(8.63, 2);
    const lr = logRankTest({ time: rec.months, event: rec.status, group: rec.group });
    expect(1 / lr.expected[0] + 1 / lr.expected[1]).toBeLessThanOrEqual(1 / lr.variance[0][0]);
  });
});
