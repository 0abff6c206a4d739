// logRankTest with delayed entry against the sums written out in R, test/survival/fixtures/r/entry.json
// (entry.R; survdiff takes no (start, stop] data): checked there against coxph's Breslow score
// test where no two events share a time.
import { describe, expect, it } from "vitest";
import { logRankTest } from "../../../src/survival/logrank/logRankTest.js";
import { expectAllClose, expectClose, loadFixture } from "../../helpers/fixtures.js";

interface LrCase {
  label: string;
  entry: number[];
  time: number[];
  status: number[];
  group: (string | number)[];
  strata: (string | number)[] | Record<string, never>;
  rho: number;
  statistic: number;
  df: number;
  observed: number[];
  expected: number[];
  checkedAgainstCoxph: boolean;
}
const { logrank } = loadFixture<{ logrank: LrCase[] }>("entry");

describe("logRankTest with entry", () => {
  it("includes a case checked against coxph's score test", () => {
    expect(logrank.some((c) => c.checkedAgainstCoxph)).toBe(true);
  });
  for (const c of logrank) {
    it(c.label, () => {
      const strata = Array.isArray(c.strata) ? { strata: c.strata } : {};
      const lr = logRankTest(
        { entry: c.entry, time: c.time, event: c.status, group: c.group, ...strata },
        c.rho === 0 ? {} : { weight: "fleming-harrington", p: c.rho },
      );
      expectClose(lr.statistic, c.statistic, "statistic");
      expect(lr.df).toBe(c.df);
      expectAllClose(lr.observed, c.observed, "observed");
      expectAllClose(lr.expected, c.expected, "expected");
    });
  }
  it("with tau: rows entering after tau take no part", () => {
    const c = logrank[2];
    const data = { entry: c.entry, time: c.time, event: c.status, group: c.group };
    const tau = 200;
    const kept = c.entry.map((e, i) => i).filter((i) => c.entry[i] < tau);
    const sub = (x: unknown[]) => kept.map((i) => x[i]) as never;
    const a = logRankTest(data, { tau });
    const b = logRankTest({ entry: sub(c.entry), time: sub(c.time), event: sub(c.status), group: sub(c.group) }, { tau });
    expect(a.statistic).toBeCloseTo(b.statistic, 12);
  });
});
