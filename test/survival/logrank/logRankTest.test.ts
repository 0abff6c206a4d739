// logRankTest against R 4.2 + survival 3.5 and statsmodels 0.13.
//   R:      survdiff(Surv(time, status) ~ group [+ strata(s)], rho = 0, 0.5, 1), and an independent
//           by-formula implementation in R for G(p, q) with q > 0, Gehan-Breslow and Tarone-Ware
//           (test/survival/fixtures/r/logrank.R, which first checks it reproduces survdiff).
//   Python: statsmodels.duration.survfunc.survdiff(weight_type = None, "gb", "tw", "fh")
//           (test/survival/fixtures/python/logrank.py).
import { describe, expect, it } from "vitest";
import { logRankTest, type LogRankData, type LogRankOptions } from "../../../src/survival/logrank/logRankTest.js";
import { dataset, expectAllClose, expectClose, loadFixture } from "../../helpers/fixtures.js";
import { inputError } from "../../helpers/errors.js";

interface Case {
  data: string;
  time: string;
  status: string;
  group: string;
  strata?: string | null;
  levels: (string | number)[];
  n_rows: number;
  /** Data made in logrank.R itself (not in datasets.json), as columns; null otherwise. */
  rows?: Record<string, (string | number)[]> | null;
}
interface RTest {
  chisq: number;
  df: number;
  p: number;
  obs: number[];
  exp: number[];
  var: number[][];
}
interface RCase extends Case {
  survdiff: (RTest & { rho: number; n: number[] })[];
  direct: (RTest & { weight: "fh" | "gb" | "tw"; fh_p: number; fh_q: number })[];
}
interface PyCase extends Case {
  tests: { weight: string; chisq: number; df: number; p: number; o_minus_e: number[]; var: number[][] }[];
}

const rFixture = loadFixture<Record<string, RCase>>("logrank");
const pyFixture = loadFixture<{ statsmodels: string; cases: Record<string, PyCase> }>("logrank", "python");

function caseData(c: Case): LogRankData {
  const cols = [c.time, c.status, c.group, ...(c.strata ? [c.strata] : [])];
  const d = c.rows ?? dataset(c.data, cols);
  expect(d[c.time].length, "rows after dropping incomplete ones").toBe(c.n_rows);
  return {
    time: d[c.time] as number[],
    event: d[c.status] as number[],
    group: d[c.group] as (string | number)[],
    ...(c.strata ? { strata: d[c.strata] as (string | number)[] } : {}),
  };
}

function expectMatrixClose(actual: readonly (readonly number[])[], expected: number[][], label: string): void {
  expect(actual.length, `${label}: rows`).toBe(expected.length);
  expected.forEach((row, i) => expectAllClose(actual[i], row, `${label}[${i}]`));
}

function checkAgainstR(r: ReturnType<typeof logRankTest>, e: RTest, label: string): void {
  expectClose(r.statistic, e.chisq, `${label} chisq`);
  expect(r.df, `${label} df`).toBe(e.df);
  expectClose(r.pValue, e.p, `${label} p`);
  expectAllClose(r.observed, e.obs, `${label} obs`);
  expectAllClose(r.expected, e.exp, `${label} exp`);
  expectMatrixClose(r.variance, e.var, `${label} var`);
}

const rCases = Object.entries(rFixture);

describe("logRankTest = R survdiff (rho = 0, 0.5, 1)", () => {
  it("has the cases the issue names", () => {
    expect(Object.keys(rFixture)).toEqual(
      expect.arrayContaining([
        "recurrence",
        "lung_metastasis",
        "aml",
        "ovarian",
        "lung_sex",
        "lung_ecog",
        "veteran_trt_strata_celltype",
        "veteran_celltype",
        "synthetic",
      ]),
    );
  });

  it.each(rCases)("%s", (name, c) => {
    const data = caseData(c);
    expect(c.survdiff.map((s) => s.rho)).toEqual([0, 0.5, 1]);
    for (const s of c.survdiff) {
      const options: LogRankOptions = s.rho === 0 ? {} : { weight: "fleming-harrington", p: s.rho };
      const r = logRankTest(data, options);
      expect(r.groups).toEqual(c.levels);
      expect(r.n).toEqual(s.n);
      expect(r.strata === null).toBe(!c.strata);
      checkAgainstR(r, s, `${name} rho=${s.rho}`);
    }
  });

  it("gives the paper's recurrence log-rank chi-square (R: 8.627, p = 0.0033)", () => {
    const r = logRankTest(caseData(rFixture.recurrence));
    expect(r.statistic).toBeCloseTo(8.627, 3);
    expect(r.method).toBe("Log-rank test (R survdiff, rho = 0)");
  });

  it("leaves out a group with E = 0 as survdiff does (df 1 with three groups)", () => {
    const r = logRankTest(caseData(rFixture.aml_early_censored));
    expect(r.groups).toEqual(["Early", "Maintained", "Nonmaintained"]);
    expect([r.observed[0], r.expected[0], r.df]).toEqual([0, 0, 1]);
    expectClose(r.statistic, rFixture.aml.survdiff[0].chisq, "same chi-square as aml alone");
  });

  it("keeps lung's one-patient ph.ecog group (df 3)", () => {
    const r = logRankTest(caseData(rFixture.lung_ecog));
    expect(r.groups).toEqual([0, 1, 2, 3]);
    expect(r.n[3]).toBe(1);
    expect(r.df).toBe(3);
  });
});

describe("logRankTest = R by formula for G(p, q), Gehan-Breslow, Tarone-Ware", () => {
  it.each(rCases)("%s", (name, c) => {
    const data = caseData(c);
    expect(c.direct.length).toBe(6);
    for (const e of c.direct) {
      const options: LogRankOptions =
        e.weight === "fh"
          ? { weight: "fleming-harrington", p: e.fh_p, q: e.fh_q }
          : { weight: e.weight === "gb" ? "gehan-breslow" : "tarone-ware" };
      checkAgainstR(logRankTest(data, options), e, `${name} ${JSON.stringify(options)}`);
    }
  });
});

describe("logRankTest = statsmodels survdiff (logrank, gb, tw, fh)", () => {
  const options: Record<string, LogRankOptions> = {
    logrank: {},
    "gehan-breslow": { weight: "gehan-breslow" },
    "tarone-ware": { weight: "tarone-ware" },
    "fleming-harrington p=1": { weight: "fleming-harrington", p: 1 },
    "fleming-harrington p=0.5": { weight: "fleming-harrington", p: 0.5 },
    "fleming-harrington p=2": { weight: "fleming-harrington", p: 2 },
  };

  it("was written by statsmodels 0.13 for the same cases as R", () => {
    expect(pyFixture.statsmodels).toMatch(/^0\.13/);
    // statsmodels cannot invert the singular matrix of aml_early_censored (a group with E = 0).
    expect(Object.keys(pyFixture.cases).sort()).toEqual(Object.keys(rFixture).filter((k) => k !== "aml_early_censored").sort());
  });

  it.each(Object.entries(pyFixture.cases))("%s", (name, c) => {
    const data = caseData(c);
    expect(c.tests.map((t) => t.weight)).toEqual(Object.keys(options));
    for (const t of c.tests) {
      const r = logRankTest(data, options[t.weight]);
      const label = `${name} ${t.weight}`;
      expect(r.groups, label).toEqual(c.levels);
      expectClose(r.statistic, t.chisq, `${label} chisq`);
      expect(r.df, `${label} df`).toBe(t.df);
      expectClose(r.pValue, t.p, `${label} p`);
      // statsmodels tests groups 2..k against the first.
      const k = r.groups.length;
      const oe = Array.from({ length: k - 1 }, (_, i) => r.observed[i + 1] - r.expected[i + 1]);
      expectAllClose(oe, t.o_minus_e, `${label} O - E`);
      expectMatrixClose(
        r.variance.slice(1).map((row) => row.slice(1)),
        t.var,
        `${label} var`,
      );
    }
  });
});

describe("logRankTest by hand", () => {
  // Two groups, no ties: a (1 event, 3 censored, 5 event), b (2 event, 4 event, 6 censored).
  // t=1: n=6 (a 3, b 3), d=1 in a: E_a = 1/2,  V = 1 * 5/5 * 1/2 * 1/2 = 1/4
  // t=2: n=5 (a 2, b 3), d=1 in b: E_a = 2/5,  V = 2/5 * 3/5 = 6/25
  // t=4: n=3 (a 1, b 2), d=1 in b: E_a = 1/3,  V = 1/3 * 2/3 = 2/9
  // t=5: n=2 (a 1, b 1), d=1 in a: E_a = 1/2,  V = 1/4
  // O_a = 2, E_a = 1.7333..., V = 0.9622..., chi = (O - E)^2 / V
  const data = { time: [1, 3, 5, 2, 4, 6], event: [1, 0, 1, 1, 1, 0], group: ["a", "a", "a", "b", "b", "b"] };

  it("computes O, E, V and the statistic of the textbook formula", () => {
    const r = logRankTest(data);
    const e = 1 / 2 + 2 / 5 + 1 / 3 + 1 / 2;
    const v = 1 / 4 + 6 / 25 + 2 / 9 + 1 / 4;
    expectAllClose(r.observed, [2, 2], "O");
    expectAllClose(r.expected, [e, 4 - e], "E");
    expectMatrixClose(r.variance, [[v, -v], [-v, v]], "V");
    expectClose(r.statistic, (2 - e) ** 2 / v, "chi");
    expect(r.df).toBe(1);
  });

  it("weights Gehan-Breslow by n at risk and Tarone-Ware by its square root", () => {
    const n = [6, 5, 3, 2];
    const ea = [1 / 2, 2 / 5, 1 / 3, 1 / 2];
    const va = [1 / 4, 6 / 25, 2 / 9, 1 / 4];
    const oa = [1, 0, 0, 1];
    for (const [weight, w] of [
      ["gehan-breslow", n],
      ["tarone-ware", n.map(Math.sqrt)],
    ] as const) {
      const u = oa.reduce((s, o, j) => s + w[j] * (o - ea[j]), 0);
      const v = va.reduce((s, x, j) => s + w[j] ** 2 * x, 0);
      expectClose(logRankTest(data, { weight }).statistic, (u * u) / v, weight);
    }
  });
});

describe("logRankTest results", () => {
  const r = logRankTest({ time: [1, 2, 3, 4], event: [1, 1, 1, 0], group: [2, 1, 2, 1] }, { weight: "fleming-harrington" });

  it("are frozen, with R's names and the Fleming-Harrington default G(1, 0)", () => {
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.observed)).toBe(true);
    expect(Object.isFrozen(r.variance[0])).toBe(true);
    expect(r.groups).toEqual([1, 2]);
    expect([r.weight, r.p, r.q]).toEqual(["fleming-harrington", 1, 0]);
    expect(r.method).toBe(
      "Fleming-Harrington G(1, 0) test, weight = S(t-)^1 (1 - S(t-))^0, S = pooled Kaplan-Meier (R survdiff, rho = 1)",
    );
    expect(logRankTest({ time: [1, 2, 3, 4], event: [1, 1, 1, 0], group: [2, 1, 2, 1] }).p).toBeNull();
  });

  it("name the strata in the method line", () => {
    const s = logRankTest({ time: [1, 2, 3, 4, 5, 6], event: [1, 1, 1, 1, 1, 1], group: [1, 2, 1, 2, 1, 2], strata: ["x", "x", "x", "y", "y", "y"] });
    expect(s.strata).toEqual(["x", "y"]);
    expect(s.method).toMatch(/stratified \(2 strata/);
  });
});

describe("logRankTest bad input", () => {
  const ok = { time: [1, 2, 3, 4], event: [1, 0, 1, 1], group: ["a", "a", "b", "b"] };

  it("refuses fewer than two groups, naming the one value", () => {
    const e = inputError(() => logRankTest({ ...ok, group: ["a", "a", "a", "a"] }));
    expect(e.argument).toBe("group");
    expect(e.value).toBe("a");
    expect(e.message).toMatch(/"a".*at least two groups/);
  });

  it.each([
    ["null", null, "null"],
    ["undefined", undefined, "undefined"],
    ["NaN", Number.NaN, "NaN"],
  ])("refuses a %s group or stratum label, naming argument, index and value", (_, bad, shown) => {
    const group = ["a", "a", bad, "b"] as (string | number)[];
    const e = inputError(() => logRankTest({ ...ok, group }));
    expect([e.argument, e.index]).toEqual(["group", 2]);
    expect(e.message).toContain(`group[2] is ${shown}`);
    const strata = [1, 1, 1, bad] as (string | number)[];
    const s = inputError(() => logRankTest({ ...ok, strata }));
    expect([s.argument, s.index]).toEqual(["strata", 3]);
    expect(s.message).toContain(`strata[3] is ${shown}`);
  });

  it("refuses lengths that differ", () => {
    for (const key of ["event", "group", "strata"] as const) {
      const e = inputError(() => logRankTest({ ...ok, [key]: key === "event" ? [1, 0, 1] : ["a", "b", "a"] }));
      expect(e.argument).toBe(key);
      expect(e.message).toMatch(new RegExp(`^${key} has length 3 but time has length 4`));
    }
  });

  it("refuses bad times and event codes, naming the row", () => {
    const t = inputError(() => logRankTest({ ...ok, time: [1, 2, -3, 4] }));
    expect([t.argument, t.index, t.value]).toEqual(["time", 2, -3]);
    const ev = inputError(() => logRankTest({ ...ok, event: [1, 0, 2, 1] }));
    expect([ev.argument, ev.index, ev.value]).toEqual(["event", 2, 2]);
  });

  it("refuses an unknown weight and an unknown option", () => {
    const w = inputError(() => logRankTest(ok, { weight: "peto" as never }));
    expect([w.argument, w.value]).toEqual(["weight", "peto"]);
    expect(w.message).toContain('weight is "peto": it must be one of "logrank", "gehan-breslow"');
    const o = inputError(() => logRankTest(ok, { rho: 1 } as never));
    expect([o.argument, o.value]).toEqual(["options", "rho"]);
    expect(o.message).toMatch(/options\.rho is not an option/);
    expect(o.message).toContain('R\'s rho is weight "fleming-harrington" with p = rho');
  });

  it("refuses a negative or non-finite p or q, and p or q without the Fleming-Harrington weight", () => {
    for (const [key, bad] of [
      ["p", -1],
      ["q", -0.5],
      ["p", Number.NaN],
      ["q", Infinity],
      ["p", "1"],
    ] as const) {
      const e = inputError(() => logRankTest(ok, { weight: "fleming-harrington", [key]: bad } as never));
      expect([e.argument, e.value]).toEqual([key, bad]);
      expect(e.message).toMatch(new RegExp(`^${key} is .*: it must be a finite number >= 0`));
    }
    const e = inputError(() => logRankTest(ok, { weight: "tarone-ware", q: 1 }));
    expect(e.argument).toBe("q");
    expect(e.message).toContain('q applies only to weight "fleming-harrington"');
  });

  it("refuses data with no events, and groups none of which but one is ever at risk at an event", () => {
    const none = inputError(() => logRankTest({ ...ok, event: [0, 0, 0, 0] }));
    expect(none.argument).toBe("event");
    expect(none.message).toMatch(/no events/);
    // b leaves (censored) before the first event of a: survdiff would report chisq 0 on 0 df.
    const early = inputError(() => logRankTest({ time: [5, 6, 1, 2], event: [1, 1, 0, 0], group: ["a", "a", "b", "b"] }));
    expect([early.argument, early.value]).toEqual(["group", "a"]);
  });

  it("refuses data whose O - E has no variance (everyone at risk has the event)", () => {
    const e = inputError(() => logRankTest({ time: [0, 1, 0, 1], event: [0, 1, 0, 1], group: ["a", "a", "b", "b"] }));
    expect(e.argument).toBe("group");
    expect(e.message).toMatch(/variance of O - E is zero/);
  });

  it("refuses a missing data object or column", () => {
    expect(inputError(() => logRankTest(undefined as never)).argument).toBe("data");
    expect(inputError(() => logRankTest({ ...ok, group: undefined as never })).argument).toBe("group");
  });

  it("leaves the caller's arrays untouched", () => {
    const time = Object.freeze([3, 1, 2, 2, 5, 4]);
    const event = Float64Array.of(1, 1, 0, 1, 1, 0);
    const group = Object.freeze(["b", "a", "b", "a", "b", "a"]);
    const strata = Object.freeze([1, 1, 1, 2, 2, 2]);
    const copy = Array.from(event);
    for (const weight of ["logrank", "gehan-breslow", "tarone-ware", "fleming-harrington"] as const) {
      logRankTest({ time, event, group, strata }, { weight });
    }
    expect(time).toEqual([3, 1, 2, 2, 5, 4]);
    expect(Array.from(event)).toEqual(copy);
    expect(group).toEqual(["b", "a", "b", "a", "b", "a"]);
    expect(strata).toEqual([1, 1, 1, 2, 2, 2]);
  });
});
