// The log-rank test family against R (test/survival/fixtures/r/logrank.R: survdiff with rho = 0
// and rho = 1, and the by-formula Gehan-Breslow and Tarone-Ware tests written there).
import { describe, expect, it } from "vitest";
import { LOG_RANK_TESTS, type LogRankTestId } from "../../../src/survival/logrank/logRankTests.js";
import { logRankTest } from "../../../src/survival/logrank/logRankTest.js";
import { dataset, expectClose, loadFixture } from "../../helpers/fixtures.js";

interface RTest {
  chisq: number;
  p: number;
}
interface RCase {
  data: string;
  time: string;
  status: string;
  group: string;
  survdiff: (RTest & { rho: number })[];
  direct: (RTest & { weight: string; fh_p: number; fh_q: number })[];
}
const fixture = loadFixture<Record<string, RCase>>("logrank");

/** R's value of each test of the family for one case. */
function fromR(c: RCase): Record<LogRankTestId, RTest> {
  const direct = (w: string) => c.direct.find((d) => d.weight === w)!;
  return {
    logrank: c.survdiff.find((s) => s.rho === 0)!,
    "gehan-breslow": direct("gb"),
    "tarone-ware": direct("tw"),
    "fleming-harrington": c.survdiff.find((s) => s.rho === 1)!,
  };
}

describe("LOG_RANK_TESTS", () => {
  it("lists the four tests once, SPSS's three first", () => {
    expect(LOG_RANK_TESTS.map((t) => t.id)).toEqual(["logrank", "gehan-breslow", "tarone-ware", "fleming-harrington"]);
    expect(LOG_RANK_TESTS.map((t) => t.spss)).toEqual(["Log Rank (Mantel-Cox)", "Breslow (Generalized Wilcoxon)", "Tarone-Ware", null]);
    expect(LOG_RANK_TESTS.map((t) => t.options.weight)).toEqual(["logrank", "gehan-breslow", "tarone-ware", "fleming-harrington"]);
    expect(Object.isFrozen(LOG_RANK_TESTS) && LOG_RANK_TESTS.every((t) => Object.isFrozen(t) && Object.isFrozen(t.options))).toBe(true);
  });

  it.each(["recurrence", "lung_metastasis", "aml", "synthetic"])("%s: every test as R computes it", (name) => {
    const c = fixture[name];
    const d = dataset(c.data, [c.time, c.status, c.group]);
    const data = { time: d[c.time] as number[], event: d[c.status] as number[], group: d[c.group] as (string | number)[] };
    const r = fromR(c);
    for (const spec of LOG_RANK_TESTS) {
      const ours = spec.test(data);
      expect(ours).toEqual(logRankTest(data, spec.options));
      expectClose(ours.statistic, r[spec.id].chisq, `${name}: ${spec.id} chi-square`);
      expectClose(ours.pValue, r[spec.id].p, `${name}: ${spec.id} p`);
    }
  });
});
