// The 2 x 2 test family against R (test/survival/fixtures/r/two-by-two-tests.R: chisq.test with
// and without Yates' correction, the likelihood-ratio G, the N-1 chi-square computed both as its
// definition and as the linear-by-linear association, and fisher.test).
import { describe, expect, it } from "vitest";
import { TWO_BY_TWO_TESTS } from "../../../src/survival/contingency/twoByTwoTests.js";
import { expectClose, loadFixture } from "../../helpers/fixtures.js";
import { inputError } from "../../helpers/errors.js";

interface RTest {
  statistic: number | null;
  df: number | null;
  pValue: number;
  method: string | null;
}
const { cases } = loadFixture<{ cases: { name: string; table: number[][]; tests: Record<string, RTest> }[] }>("two-by-two-tests");

describe("TWO_BY_TWO_TESTS", () => {
  it("lists the five tests once, the four statistics first, with SPSS's and R's names", () => {
    expect(TWO_BY_TWO_TESTS.map((t) => t.id)).toEqual(["pearson", "yates", "likelihood-ratio", "n-1", "fisher"]);
    expect(TWO_BY_TWO_TESTS.map((t) => t.spss)).toEqual([
      "Pearson Chi-Square",
      "Continuity Correction",
      "Likelihood Ratio",
      "Linear-by-Linear Association",
      "Fisher's Exact Test",
    ]);
    expect(new Set(TWO_BY_TWO_TESTS.map((t) => t.name)).size).toBe(5);
    expect(Object.isFrozen(TWO_BY_TWO_TESTS) && TWO_BY_TWO_TESTS.every((t) => Object.isFrozen(t))).toBe(true);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s: every test as R computes it", (_, c) => {
    for (const spec of TWO_BY_TWO_TESTS) {
      const r = c.tests[spec.id];
      const ours = spec.test(c.table);
      expect(Object.isFrozen(ours)).toBe(true);
      expect([ours.statistic === null, ours.df], spec.id).toEqual([r.statistic === null, r.df]);
      if (r.statistic !== null) expectClose(ours.statistic, r.statistic, `${c.name}: ${spec.id} statistic`);
      expectClose(ours.pValue, r.pValue, `${c.name}: ${spec.id} p`);
      if (r.method !== null) expect(ours.method, spec.id).toBe(r.method);
    }
  });

  it("refuses a table that is not 2 x 2, naming it", () => {
    for (const spec of TWO_BY_TWO_TESTS) {
      const e = inputError(() => spec.test([[1, 2, 3], [4, 5, 6]]));
      expect([e.argument, e.message], spec.id).toEqual(["table", "table is 2 x 3: this test is for a 2 x 2 table"]);
    }
  });

  it("refuses an empty row, as chisq.test gives NaN there", () => {
    for (const spec of TWO_BY_TWO_TESTS) expect(inputError(() => spec.test([[0, 0], [4, 5]])).argument, spec.id).toBe("table");
  });
});
