// cumulativeIncidence against R 4.2 + survival 3.5 + cmprsk 2.2, from
// test/survival/fixtures/r/competing.json (competing.R):
//   survfit(Surv(time, factor(cause, c(0, causes))) ~ group, conf.type): pstate, std.err, lower, upper
//   cmprsk::cuminc(time, cause, group, strata, rho)$Tests
//   survfit(Surv(entry, time, factor(cause, ...)) ~ group, id = row, conf.type): delayed entry
import { describe, expect, it } from "vitest";
import { cumulativeIncidence } from "../../../src/survival/competing/cumulativeIncidence.js";
import { kaplanMeier } from "../../../src/survival/km/kaplanMeier.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";
import { expectClose, loadFixture } from "../../helpers/fixtures.js";
import { expectColumn } from "../km/kmFixture.js";

type Label = string | number;
type Num = number | null;
interface State {
  state: string;
  "n.event": number[];
  pstate: number[];
  "std.err": number[];
  lower: Num[];
  upper: Num[];
}
interface Curve {
  group: Label | Record<string, never>;
  time: number[];
  "n.risk": number[];
  "n.censor": number[];
  states: State[];
}
interface Case {
  label: string;
  time: number[];
  cause: number[];
  group: Label[] | Record<string, never>;
  strata: Label[] | Record<string, never>;
  curves: { log: Curve[]; plain: Curve[] };
  tests: { rho: number; cause: string[] | string; stat: number[]; pv: number[]; df: number[] }[] | Record<string, never>;
}
interface EntryCase {
  label: string;
  entry: number[];
  time: number[];
  cause: number[];
  group: Label[] | Record<string, never>;
  curves: { log: Curve[]; plain: Curve[] };
}
const { cases, entryCases } = loadFixture<{ cases: Case[]; entryCases: EntryCase[] }>("competing");
const given = <T>(x: T | Record<string, never>): T | undefined =>
  x !== null && typeof x === "object" && !Array.isArray(x) ? undefined : (x as T);

/** Every curve of a result against survfit's, group by group, cause by cause. */
function expectCurves(ci: ReturnType<typeof cumulativeIncidence>, rCurves: Curve[]): void {
  expect(ci.curves.length).toBe(rCurves.length * ci.causes.length);
  rCurves.forEach((rc, g) => {
    const causeStates = rc.states.slice(1); // "(s0)" first, then the causes
    expect(causeStates.map((s) => s.state)).toEqual(ci.causes.map(String));
    causeStates.forEach((s, k) => {
      const curve = ci.curves[g * ci.causes.length + k];
      expect(curve.group).toEqual(given(rc.group) ?? null);
      expectColumn(curve.time, rc.time, "time");
      expectColumn(curve.nRisk, rc["n.risk"], "n.risk");
      expectColumn(curve.nEvent, s["n.event"], "n.event");
      expectColumn(curve.incidence, s.pstate, "pstate");
      expectColumn(curve.stdErr, s["std.err"], "std.err");
      expectColumn(curve.lower, s.lower, "lower");
      expectColumn(curve.upper, s.upper, "upper");
    });
  });
}

describe("cumulativeIncidence = survfit's Aalen-Johansen curves and cmprsk's Gray test", () => {
  it("covers cmprsk's own test data, mgus2, the synthetic groups and hand-made ties", () => {
    expect(cases.length).toBe(6);
  });

  for (const c of cases) {
    const group = given(c.group);
    const strata = given(c.strata);
    const data = { time: c.time, cause: c.cause, ...(group ? { group } : {}), ...(strata ? { strata } : {}) };
    describe(c.label, () => {
      for (const confType of ["log", "plain"] as const) {
        it(`curves: rows, incidence, standard error, ${confType} limits`, () => {
          expectCurves(cumulativeIncidence(data, { confType }), c.curves[confType]);
        });
      }

      const tests = given(c.tests);
      if (tests) {
        for (const t of tests) {
          it(`Gray's test, rho = ${t.rho}`, () => {
            const ci = cumulativeIncidence(data, { rho: t.rho });
            const rCauses = Array.isArray(t.cause) ? t.cause : [t.cause];
            expect(ci.tests!.map((x) => String(x.cause))).toEqual(rCauses);
            ci.tests!.forEach((x, k) => {
              expectClose(x.statistic, t.stat[k], `stat ${x.cause}`);
              expectClose(x.pValue, t.pv[k], `p ${x.cause}`);
              expect(x.df).toBe(t.df[k]);
            });
          });
        }
      } else {
        it("no groups: no test", () => expect(cumulativeIncidence(data).tests).toBeNull());
      }
    });
  }
});

describe("with delayed entry = survfit(Surv(entry, time, factor(cause)) ~ group, id = row)", () => {
  it("covers mgus2 by age, cmprsk's test data with random entries and hand-made ties", () => {
    expect(entryCases.length).toBe(5);
  });

  for (const c of entryCases) {
    const group = given(c.group);
    const data = { entry: c.entry, time: c.time, cause: c.cause, ...(group ? { group } : {}) };
    describe(c.label, () => {
      for (const confType of ["log", "plain"] as const) {
        it(`curves: rows, incidence, standard error, ${confType} limits`, () => {
          expectCurves(cumulativeIncidence(data, { confType }), c.curves[confType]);
        });
      }
      it(group ? "groups: Gray's test is not computed, and the method says why" : "no groups: no test", () => {
        const ci = cumulativeIncidence(data);
        if (group) {
          expect(ci.tests).toEqual([]);
          expect(ci.method).toContain("delayed entry: Gray's test not computed (it is not defined for left-truncated data)");
        } else {
          expect(ci.tests).toBeNull();
          expect(ci.method).not.toContain("Gray");
        }
      });
    });
  }

  it("entry at or below every row's first time is the plain estimate", () => {
    const c = cases[2]; // mgus2
    const data = { time: c.time, cause: c.cause, group: given(c.group)! };
    const plain = cumulativeIncidence(data);
    const entered = cumulativeIncidence({ ...data, entry: data.time.map(() => -1) });
    entered.curves.forEach((curve, i) => {
      expect(curve.nRisk).toEqual(plain.curves[i].nRisk);
      curve.incidence.forEach((f, j) => expectClose(f, plain.curves[i].incidence[j], "incidence"));
      curve.stdErr.forEach((se, j) => expectClose(se, plain.curves[i].stdErr[j], "std.err"));
    });
  });
});

describe("what must hold", () => {
  const c = cases[2]; // mgus2
  const data = { time: c.time, cause: c.cause, group: given(c.group)! };
  it("with one cause, the incidence is 1 - Kaplan-Meier", () => {
    const one = data.cause.map((x) => (x === 0 ? 0 : 1));
    const ci = cumulativeIncidence({ time: data.time, cause: one });
    const km = kaplanMeier({ time: data.time, event: one });
    ci.curves[0].incidence.forEach((f, j) => expect(f).toBeCloseTo(1 - km.survival[j], 13));
  });
  it("labels may be strings, with the censor code given", () => {
    const named = data.cause.map((x) => ["censored", "pcm", "death"][x]);
    const a = cumulativeIncidence({ ...data, cause: named }, { censorCode: "censored" });
    const b = cumulativeIncidence(data);
    expect(a.causes).toEqual(["death", "pcm"]);
    expect(a.curves[0].incidence).toEqual(b.curves[1].incidence); // "death" sorts first
    expect(a.tests![1].statistic).toBe(b.tests![0].statistic);
  });
  it("the result is frozen and names its method", () => {
    const ci = cumulativeIncidence(data);
    expect(Object.isFrozen(ci) && Object.isFrozen(ci.curves[0]) && Object.isFrozen(ci.curves[0].incidence) && Object.isFrozen(ci.tests![0])).toBe(true);
    expect(ci.method).toBe(
      "Aalen-Johansen cumulative incidence (R survfit, multi-state), infinitesimal-jackknife standard errors, log 95% limits; Gray's test per cause (cmprsk cuminc, rho = 0)",
    );
  });
});

describe("cumulativeIncidence refuses bad input", () => {
  const data = { time: [1, 2, 3, 4], cause: [1, 2, 0, 1] };
  it("names the argument, the index and the value", () => {
    const e = (() => {
      try {
        cumulativeIncidence({ ...data, cause: [1, null, 0, 1] as never });
      } catch (x) {
        return x as SurvivalInputError;
      }
    })()!;
    expect([e.argument, e.index, e.value]).toEqual(["cause", 1, null]);
    expect(() => cumulativeIncidence({ ...data, time: [1, 2, NaN, 4] })).toThrow("time[2] is NaN");
  });
  it("refuses an entry that is not a number below its time, naming its index and value", () => {
    expect(() => cumulativeIncidence({ ...data, entry: [0, 2, 0, 0] })).toThrow("entry[1] is 2 but time[1] is 2");
    expect(() => cumulativeIncidence({ ...data, entry: [0, 0, Infinity, 0] })).toThrow("entry[2] is Infinity");
    expect(() => cumulativeIncidence({ ...data, entry: [0, 0, 0] })).toThrow(SurvivalInputError);
    expect(() => cumulativeIncidence({ ...data, entry: [0, 2 - 1e-12, 0, 0] })).toThrow("an interval of length 0");
    const e = (() => {
      try {
        cumulativeIncidence({ ...data, entry: [0, 0, 3.5, 0] });
      } catch (x) {
        return x as SurvivalInputError;
      }
    })()!;
    expect([e.argument, e.index, e.value]).toEqual(["entry", 2, 3.5]);
    expect(() => cumulativeIncidence({ ...data, entry: [0, 0, 0, 0], group: [1, 1, 2, 2], strata: [1, 2, 1, 2] })).toThrow(
      "strata are given with entry",
    );
  });
  it("the result with entry is frozen", () => {
    const ci = cumulativeIncidence({ ...data, entry: [0, 0.5, 1, 0], group: [1, 1, 2, 2] });
    expect(Object.isFrozen(ci) && Object.isFrozen(ci.tests) && Object.isFrozen(ci.curves[0].nRisk)).toBe(true);
  });
  it("refuses data with no event, strata without groups, and bad options", () => {
    expect(() => cumulativeIncidence({ time: [1, 2], cause: [0, 0] })).toThrow("cause has no events");
    expect(() => cumulativeIncidence({ ...data, strata: [1, 1, 2, 2] })).toThrow("strata are given without group");
    expect(() => cumulativeIncidence(data, { rho: -1 })).toThrow("rho is -1");
    expect(() => cumulativeIncidence(data, { censorCode: null as never })).toThrow("censorCode is null");
  });
});
