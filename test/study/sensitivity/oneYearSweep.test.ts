/**
 * oneYearSweep on the paper's tables against R (test/study/fixtures/r/beyond-notebook.R: chisq.test,
 * G, N-1, fisher.test on the inclusive and exclusive 1-year tables).
 */
import { describe, expect, it } from "vitest";
import { oneYearSweep } from "../../../src/study/sensitivity/oneYearSweep.js";
import { TWO_BY_TWO_TESTS } from "../../../src/survival/contingency/twoByTwoTests.js";
import { loadStudy } from "../../../src/study/data/loadEndpoint.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";
import { expectClose, loadFixture } from "../../helpers/fixtures.js";

const R = loadFixture("beyond-notebook");
const study = loadStudy();

describe.each(["recurrence", "lung_metastasis"] as const)("oneYearSweep: %s", (name) => {
  const s = oneYearSweep(study[name]);
  const names = TWO_BY_TWO_TESTS.map((t) => t.name);
  it("two cut-off rules x the five tests of TWO_BY_TWO_TESTS, the inclusive Pearson as reference", () => {
    expect(s.factors).toEqual(["cut-off", "test"]);
    expect(s.rows.map((r) => r.choice["cut-off"])).toEqual([...Array(5).fill("<= 12 (inclusive)"), ...Array(5).fill("< 12 (exclusive)")]);
    expect(s.rows.map((r) => r.choice.test)).toEqual([...names, ...names]);
    expect(s.reference).toBe(s.rows[0]);
  });
  it("statistics and p-values as R computes them", () => {
    for (const [k, rule] of [[0, "inclusive"], [1, "exclusive"]] as const) {
      const r = R.one_year[name][rule];
      for (let j = 0; j < 4; j++) {
        const row = s.rows[5 * k + j];
        expect(r.tests[j]).toBe(row.choice.test.replace(" (linear-by-linear)", ""));
        expectClose(row.statistic, r.statistic[j], `${rule} ${row.choice.test}`);
        expectClose(row.pValue, r.p[j], `${rule} ${row.choice.test} p`);
      }
      expect(s.rows[5 * k + 4].statistic).toBeNull();
      expectClose(s.rows[5 * k + 4].pValue, r.fisher_p, `${rule} Fisher p`);
    }
  });
});

it("the recurrence call flips under half the choices; the lung call only with Yates (inclusive)", () => {
  const rec = oneYearSweep(study.recurrence);
  expect(rec.reference.significant).toBe(false); // Pearson p = 0.0509
  expect(rec.rows.filter((r) => r.flips).map((r) => `${r.choice["cut-off"]} ${r.choice.test}`)).toEqual([
    "<= 12 (inclusive) likelihood-ratio G", "< 12 (exclusive) Pearson", "< 12 (exclusive) likelihood-ratio G",
    "< 12 (exclusive) N-1 (linear-by-linear)", "< 12 (exclusive) Fisher exact",
  ]);
  const lung = oneYearSweep(study.lung_metastasis);
  expect(lung.rows.filter((r) => r.flips).map((r) => `${r.choice["cut-off"]} ${r.choice.test}`)).toEqual(["<= 12 (inclusive) Yates"]);
});

it("refuses rows oneYearTable refuses", () => {
  expect(() => oneYearSweep({ group: [1, 3], status: [1, 0], months: [2, 3] })).toThrow(SurvivalInputError);
  expect(() => oneYearSweep(study.recurrence, { cutoff: -1 })).toThrow(/cutoff/);
});
