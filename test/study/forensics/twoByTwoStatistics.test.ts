/**
 * twoByTwoStatistics against R (test/study/fixtures/r/beyond-notebook.R: chisq.test, G, N-1 and the
 * unpooled Wald chi-square on the paper's 1-year tables), and its edge cases.
 */
import { describe, expect, it } from "vitest";
import { twoByTwoStatistics } from "../../../src/study/forensics/twoByTwoStatistics.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";
import { expectClose, loadFixture } from "../../helpers/fixtures.js";

const R = loadFixture("beyond-notebook");
/** beyond-notebook.R's names of the statistics, by id. */
const R_NAME: Record<string, string> = {
  pearson: "Pearson", yates: "Yates", "likelihood-ratio": "likelihood-ratio G", "n-1": "N-1", "unpooled-wald": "unpooled Wald",
};

describe.each(["recurrence", "lung_metastasis"] as const)("twoByTwoStatistics on the %s 1-year table", (name) => {
  const e = R.forensics[name].paper;
  it("every statistic and p as R", () => {
    const s = twoByTwoStatistics(e.table);
    expect(s.map((x) => R_NAME[x.id])).toEqual(e.tests);
    expect(s.map((x) => x.test)).toEqual(["Pearson", "Yates", "likelihood-ratio G", "N-1 (linear-by-linear)", "unpooled Wald"]);
    s.forEach((x, i) => {
      expectClose(x.statistic, e.statistic[i], x.test);
      expectClose(x.pValue, e.p[i], `${x.test} p`);
    });
  });
});

describe("twoByTwoStatistics: edge cases", () => {
  it("a subset of tests, in the order asked", () => {
    expect(twoByTwoStatistics([[6, 17], [10, 6]], ["n-1", "pearson"]).map((x) => x.id)).toEqual(["n-1", "pearson"]);
  });
  it("leaves out the unpooled Wald chi-square when a proportion is 0 or 1", () => {
    expect(twoByTwoStatistics([[0, 23], [3, 13]]).map((x) => x.id)).toEqual(["pearson", "yates", "likelihood-ratio", "n-1"]);
  });
  it("refuses a table that is not 2 x 2, an empty margin and an unknown test", () => {
    expect(() => twoByTwoStatistics([[1, 2, 3], [4, 5, 6]])).toThrow(/2 x 2/);
    expect(() => twoByTwoStatistics([[0, 0], [4, 5]])).toThrow(SurvivalInputError);
    expect(() => twoByTwoStatistics([[1, 2], [4, 5]], ["fisher" as never])).toThrow(/tests/);
  });
});
