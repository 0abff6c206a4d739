/**
 * permutationLogRank: the exact permutation distribution against a brute-force enumeration with
 * R's survdiff over every assignment of the labels (test/survival/fixtures/r/beyond.R); Monte Carlo
 * against the exact p within its Monte Carlo error; determinism for a seed. The engine's own
 * pieces are tested in permutationEngine.test.ts.
 */
import { describe, expect, it } from "vitest";
import { permutationLogRank } from "../../../src/survival/permutation/permutationLogRank.js";
import { logRankTest } from "../../../src/survival/logrank/logRankTest.js";
import { dataset, expectClose, loadFixture, numbers } from "../../helpers/fixtures.js";
import { inputError } from "../../helpers/errors.js";

interface PermCase {
  data: string;
  rho: number;
  time: number[];
  status: number[];
  group: string[];
  assignments: number;
  statistic: number;
  chisqP: number;
  p: number;
  ranks: number[];
  statistics: number[];
}

const fixture = loadFixture<{ permutation: PermCase[] }>("beyond");
const weightOf = (rho: number) => (rho === 1 ? ({ weight: "fleming-harrington" } as const) : {});
const dataOf = (c: PermCase) => ({ time: c.time, event: c.status, group: c.group });

describe("exact permutation log-rank matches a brute-force enumeration in R", () => {
  for (const c of fixture.permutation) {
    it(`${c.data} (${c.assignments} assignments), survdiff rho = ${c.rho}`, () => {
      const r = permutationLogRank(dataOf(c), { distribution: "exact", ...weightOf(c.rho) });
      expect(r.distribution).toBe("exact");
      expect(r.method).toBe(`Exact permutation test of the ${logRankTest(dataOf(c), weightOf(c.rho)).method}: all ${c.assignments} assignments of the labels, group sizes fixed`);
      expect(r.draws).toBe(c.assignments);
      expect(r.assignments).toBe(c.assignments);
      expectClose(r.statistic, c.statistic, "observed chisq");
      expectClose(r.chiSquarePValue, c.chisqP, "chi-square p");
      expectClose(r.pValue, c.p, "exact p");
      expect(r.mcError).toBe(0);
      expect(r.seed).toBeNull();
    });

  }

  it("the observed statistic is logRankTest's, for every weight", () => {
    for (const c of fixture.permutation) {
      for (const weight of ["logrank", "gehan-breslow", "tarone-ware", "fleming-harrington"] as const) {
        const r = permutationLogRank(dataOf(c), { weight, distribution: "exact" });
        const t = logRankTest(dataOf(c), { weight });
        expectClose(r.statistic, t.statistic, `${c.data}, ${weight}`);
        expectClose(r.chiSquarePValue, t.pValue, `${c.data}, ${weight}: chi-square p`);
        expect(r.weight).toBe(weight);
      }
    }
  });
});

describe("Monte Carlo permutation log-rank", () => {
  const separated = fixture.permutation.find((c) => c.data === "separated" && c.rho === 0)!;
  const twelve = fixture.permutation.find((c) => c.data === "twelve" && c.rho === 0)!;

  it("is within 4 Monte Carlo errors of the exact p", () => {
    for (const c of [separated, twelve]) {
      const mc = permutationLogRank(dataOf(c), { distribution: "monte-carlo", draws: 20_000, seed: 11 });
      expect(mc.distribution).toBe("monte-carlo");
      expect(mc.method).toMatch(/^Monte Carlo permutation test of the Log-rank test .*: 20000 random assignments \(seed 11\)/);
      expect(mc.draws).toBe(20_000);
      expectClose(mc.mcError, Math.sqrt((mc.pValue * (1 - mc.pValue)) / 20_000), "mcError");
      expect(Math.abs(mc.pValue - c.p)).toBeLessThan(4 * mc.mcError);
    }
  });

  it("uses (b + 1) / (B + 1): never 0, and a multiple of 1 / (B + 1)", () => {
    const mc = permutationLogRank(dataOf(separated), { draws: 999, seed: 3 });
    expect(mc.pValue).toBeGreaterThan(0);
    const b = mc.pValue * 1000 - 1;
    expect(Math.abs(b - Math.round(b))).toBeLessThan(1e-9);
  });

  it("is deterministic for a seed and changes with it", () => {
    const data = dataOf(twelve);
    const a = permutationLogRank(data, { draws: 2000, seed: 42 });
    const b = permutationLogRank(data, { draws: 2000, seed: 42 });
    const c = permutationLogRank(data, { draws: 2000, seed: 43 });
    expect(b).toEqual(a);
    expect(a.seed).toBe(42);
    expect(c.pValue).not.toBe(a.pValue);
  });

  it("is the default where exact enumeration is out of reach (the paper's 23 + 16)", () => {
    const d = dataset("recurrence");
    const data = { time: numbers(d.months), event: numbers(d.status), group: numbers(d.group) };
    const r = permutationLogRank(data, { draws: 2000 });
    expect(r.distribution).toBe("monte-carlo");
    expect(r.assignments).toBeCloseTo(37711260990, -2); // choose(39, 16)
    expectClose(r.statistic, logRankTest(data).statistic, "statistic");
    const e = inputError(() => permutationLogRank(data, { distribution: "exact" }));
    expect(e.argument).toBe("distribution");
    expect(e.message).toContain("choose(39, 16) = 3.77e+10");
    expect(e.message).toContain("monte-carlo");
  });
});

describe("permutationLogRank bookkeeping and bad input", () => {
  it("defaults to exact when feasible; draws or seed ask for Monte Carlo", () => {
    const data = dataOf(fixture.permutation[0]);
    expect(permutationLogRank(data).distribution).toBe("exact");
    expect(permutationLogRank(data, { seed: 5 }).distribution).toBe("monte-carlo");
    expect(permutationLogRank(data, { draws: 100 }).distribution).toBe("monte-carlo");
  });

  it("names the argument and value", () => {
    const data = dataOf(fixture.permutation[0]);
    for (const bad of [0, -5, 2.5, NaN, "100"]) {
      const e = inputError(() => permutationLogRank(data, { draws: bad as number }));
      expect([e.argument, e.value]).toEqual(["draws", bad]);
    }
    for (const bad of [-1, 1.5, 2 ** 32]) expect(inputError(() => permutationLogRank(data, { seed: bad })).argument).toBe("seed");
    expect(inputError(() => permutationLogRank(data, { distribution: "exact", draws: 10 })).argument).toBe("draws");
    expect(inputError(() => permutationLogRank(data, { distribution: "bootstrap" as never })).argument).toBe("distribution");
    expect(inputError(() => permutationLogRank(data, { method: "exact" } as never)).value).toBe("method");
    expect(inputError(() => permutationLogRank(data, { weight: "wilcoxon" as never })).argument).toBe("weight");
    expect(inputError(() => permutationLogRank(data, { reps: 10 } as never)).value).toBe("reps");
    expect(inputError(() => permutationLogRank({ ...data, strata: data.group } as never)).argument).toBe("strata");
    expect(inputError(() => permutationLogRank({ ...data, group: data.group.map(() => "a") })).argument).toBe("group");
    const e = inputError(() => permutationLogRank({ ...data, time: data.time.map((t, i) => (i === 2 ? NaN : t)) }));
    expect([e.argument, e.index]).toEqual(["time", 2]);
  });

  it("does not change the caller's arrays", () => {
    const data = dataOf(fixture.permutation[0]);
    const copy = JSON.stringify(data);
    permutationLogRank(data);
    permutationLogRank(data, { draws: 100 });
    expect(JSON.stringify(data)).toBe(copy);
  });
});
