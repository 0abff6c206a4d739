// pairwiseLogRank and logRankTest's window tau against R 4.2 + survival 3.5 + survminer 0.4.9,
// from test/survival/fixtures/r/pairwise.json (pairwise.R):
//   survminer::pairwise_survdiff(Surv(time, status) ~ group, rho, p.adjust.method)
//   survdiff(Surv(pmin(time, tau), status * (time <= tau)) ~ group [+ strata(s)], rho)
import { describe, expect, it } from "vitest";
import { pairwiseLogRank } from "../../../src/survival/logrank/pairwiseLogRank.js";
import { logRankTest } from "../../../src/survival/logrank/logRankTest.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";
import type { PAdjustMethod } from "../../../src/survival/core/pAdjust.js";
import { expectAllClose, expectClose, loadFixture } from "../../helpers/fixtures.js";

type Label = string | number;
const list = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);
const optional = <T>(x: T | Record<string, never>): T | undefined =>
  x !== null && typeof x === "object" && !Array.isArray(x) ? undefined : (x as T);

interface Case {
  label: string;
  time: number[];
  status: number[];
  group: Label[];
  rho: number;
  strata: Label[] | Record<string, never>;
  tau: number | Record<string, never>;
  pairs: { groups: Label[]; statistic: number; pValue: number }[];
  adjusted: Record<PAdjustMethod, number | number[]>;
}
interface Window {
  label: string;
  time: number[];
  status: number[];
  group: Label[];
  tau: number;
  rho: number;
  strata: Label[] | Record<string, never>;
  statistic: number;
  df: number;
  pValue: number;
  observed: number[];
  expected: number[];
}
const { cases, windows } = loadFixture<{ cases: Case[]; windows: Window[] }>("pairwise");

const rhoOptions = (rho: number) => (rho === 0 ? {} : { weight: "fleming-harrington" as const, p: rho });

describe("pairwiseLogRank = survminer's pairwise_survdiff (survdiff on each pair, p.adjust)", () => {
  it("covers four to two groups, rho 0 and 1, strata and a window", () => {
    expect(cases.length).toBe(8);
  });

  for (const c of cases) {
    describe(c.label, () => {
      for (const adjust of ["holm", "bonferroni", "BH", "none"] as const) {
        it(`adjust = "${adjust}"`, () => {
          const strata = optional(c.strata);
          const tau = optional(c.tau);
          const data = { time: c.time, event: c.status, group: c.group, ...(strata ? { strata } : {}) };
          const pw = pairwiseLogRank(data, { adjust, ...rhoOptions(c.rho), ...(tau === undefined ? {} : { tau }) });
          expect(pw.pairs.map((p) => p.groups)).toEqual(c.pairs.map((p) => p.groups));
          expectAllClose(pw.pairs.map((p) => p.statistic), c.pairs.map((p) => p.statistic), "statistic");
          expectAllClose(pw.pairs.map((p) => p.pValue), c.pairs.map((p) => p.pValue), "pValue");
          expectAllClose(pw.pairs.map((p) => p.adjustedP), list(c.adjusted[adjust]), "adjustedP");
          expect(pw.pairs.every((p) => p.df === 1)).toBe(true);
          expect(pw.adjust).toBe(adjust);
        });
      }
    });
  }

  it("defaults to Holm, names its method, and is frozen", () => {
    const c = cases[0];
    const pw = pairwiseLogRank({ time: c.time, event: c.status, group: c.group });
    expectAllClose(pw.pairs.map((p) => p.adjustedP), list(c.adjusted.holm), "holm");
    expect(pw.method).toBe("Pairwise log-rank tests (R survdiff) on each pair of groups; p-values adjusted by Holm's method over 6 pairs");
    expect(Object.isFrozen(pw) && Object.isFrozen(pw.pairs) && Object.isFrozen(pw.pairs[0]) && Object.isFrozen(pw.pairs[0].groups)).toBe(true);
  });
});

describe("pairwiseLogRank refuses bad input", () => {
  const data = { time: [1, 2, 3, 4, 5, 6], event: [1, 0, 1, 1, 0, 1], group: ["a", "a", "b", "b", "c", "c"] };
  it("names the row in the caller's data, not in a pair's", () => {
    const e = (() => {
      try {
        pairwiseLogRank({ ...data, time: [1, 2, 3, 4, -5, 6] });
      } catch (x) {
        return x as SurvivalInputError;
      }
    })()!;
    expect([e.argument, e.index, e.value]).toEqual(["time", 4, -5]);
  });
  it("names the pair that cannot be tested", () => {
    expect(() => pairwiseLogRank({ ...data, event: [1, 0, 0, 0, 0, 0], group: ["a", "a", "b", "b", "c", "c"] })).toThrow(
      'groups "b" and "c": event has no events',
    );
  });
  it("refuses one group, an unknown adjustment and a bad tau", () => {
    expect(() => pairwiseLogRank({ ...data, group: ["a", "a", "a", "a", "a", "a"] })).toThrow("pairwise tests need at least two groups");
    expect(() => pairwiseLogRank(data, { adjust: "fdr" as never })).toThrow('adjust is "fdr": it must be one of "holm", "bonferroni", "BH", "none"');
    expect(() => pairwiseLogRank(data, { tau: 0 })).toThrow("tau is 0: the end of the window must be a finite number > 0");
  });
});

describe("logRankTest with tau = survdiff on follow-up censored at tau", () => {
  for (const w of windows) {
    it(w.label, () => {
      const strata = optional(w.strata);
      const lr = logRankTest(
        { time: w.time, event: w.status, group: w.group, ...(strata ? { strata } : {}) },
        { tau: w.tau, ...rhoOptions(w.rho) },
      );
      expectClose(lr.statistic, w.statistic, "statistic");
      expect(lr.df).toBe(w.df);
      expectClose(lr.pValue, w.pValue, "pValue");
      expectAllClose(lr.observed, w.observed, "observed");
      expectAllClose(lr.expected, w.expected, "expected");
      expect(lr.tau).toBe(w.tau);
      expect(lr.method).toContain(`follow-up censored at tau = ${w.tau}`);
    });
  }

  it("a tau past the last time changes nothing; tau is null without it", () => {
    const w = windows[0];
    const data = { time: w.time, event: w.status, group: w.group };
    expect(logRankTest(data, { tau: 1e6 }).statistic).toBe(logRankTest(data).statistic);
    expect(logRankTest(data).tau).toBeNull();
  });

  it("no event up to tau is an error that says so", () => {
    expect(() => logRankTest({ time: [5, 6, 7, 8], event: [1, 1, 0, 1], group: [1, 1, 2, 2] }, { tau: 2 })).toThrow(
      "event has no events (none at or before tau = 2)",
    );
  });
});
