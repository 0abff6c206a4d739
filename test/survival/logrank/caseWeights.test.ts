// logRankTest with case weights (frequency weights) against R 4.2 + survival 3.5, from
// test/survival/fixtures/r/weights.json (weights.R): whole weights against survdiff on the rows
// repeated w times; fractional weights against the same sums written out in R (wlogrank).
import { describe, expect, it } from "vitest";
import { logRankTest } from "../../../src/survival/logrank/logRankTest.js";
import { pairwiseLogRank } from "../../../src/survival/logrank/pairwiseLogRank.js";
import { expectAllClose, expectClose, loadFixture } from "../../helpers/fixtures.js";

interface LrCase {
  label: string;
  time: number[];
  status: number[];
  group: (string | number)[];
  weights: number[];
  strata: (string | number)[] | Record<string, never>;
  rho: number;
  reference: string;
  statistic: number;
  observed: number[];
  expected: number[];
}
const { logrank } = loadFixture<{ logrank: LrCase[] }>("weights");

describe("logRankTest with weights", () => {
  for (const c of logrank) {
    it(`${c.label} (${c.reference})`, () => {
      const strata = Array.isArray(c.strata) ? { strata: c.strata } : {};
      const lr = logRankTest(
        { time: c.time, event: c.status, group: c.group, weights: c.weights, ...strata },
        c.rho === 0 ? {} : { weight: "fleming-harrington", p: c.rho },
      );
      expectClose(lr.statistic, c.statistic, "statistic");
      expectAllClose(lr.observed, c.observed, "observed");
      expectAllClose(lr.expected, c.expected, "expected");
      expect(lr.n.reduce((a, b) => a + b, 0)).toBe(c.time.length); // n counts rows
    });
  }

  it("weights of 1 change nothing; pairwiseLogRank passes them on", () => {
    const c = logrank[0];
    const data = { time: c.time, event: c.status, group: c.group };
    expect(logRankTest({ ...data, weights: c.time.map(() => 1) }).statistic).toBe(logRankTest(data).statistic);
    const pw = pairwiseLogRank({ ...data, weights: c.weights });
    expectClose(pw.pairs[0].statistic, c.statistic, "pairwise statistic");
  });
});
