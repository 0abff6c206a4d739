/**
 * coxPH against R 4.2 + survival 3.5: test/survival/fixtures/r/cox.json, written by
 * `Rscript test/survival/fixtures/r/cox.R` (coxph + summary.coxph on the datasets of datasets.R).
 */
import { describe, expect, it } from "vitest";
import { coxPH, type CoxPHOptions, type CoxPHResult } from "../../../src/survival/cox/coxPH.js";
import { dataset, expectAllClose, expectClose, loadFixture } from "../../helpers/fixtures.js";
import { inputError } from "../../helpers/errors.js";

interface Recipe {
  name: string;
  column: string;
  equals?: string | number;
}
interface RTest {
  statistic: number;
  df: number;
  p: number;
}
interface RFit {
  ties: "efron" | "breslow";
  names: string[];
  n: number;
  nevent: number;
  iter: number;
  coef: number[];
  se: number[];
  exp_coef: number[];
  z: number[];
  p: number[];
  lower: number[];
  upper: number[];
  var: number[][];
  loglik_null: number;
  loglik: number;
  lr: RTest;
  wald: RTest;
  score: RTest;
  warnings: string[];
}
interface RCase {
  data: string;
  time: string;
  status: string;
  covariates: Recipe[];
  fits: Record<string, RFit>;
}
interface Fixture {
  cases: Record<string, RCase>;
  edge: {
    monotone: { data: Record<string, number[]>; covariates: string[]; fit: RFit };
    out_of_iterations: { case: string; iter_max: number; fit: RFit };
    timefix: { case: string; nudge: number; fit: RFit };
    singular_at_end: { data: Record<string, number[]>; fit: RFit };
  };
}

const fixture = loadFixture<Fixture>("cox");

/** The same covariates cox.R builds: a numeric column as is, or an indicator column == value. */
function caseData(cs: RCase) {
  const used = [cs.time, cs.status, ...cs.covariates.map((c) => c.column)];
  const d = dataset(cs.data, used);
  const covariates: Record<string, number[]> = {};
  for (const c of cs.covariates) {
    covariates[c.name] = d[c.column].map((v) => (c.equals === undefined ? (v as number) : v === c.equals ? 1 : 0));
  }
  return { time: d[cs.time] as number[], event: d[cs.status] as number[], covariates };
}

/** The controls cox.R used (coxph.control arguments). */
const CONTROLS: Record<string, CoxPHOptions> = {
  default: {},
  tight: { eps: 1e-14, iterMax: 100, tolerChol: 1e-15 },
};

function compareTest(label: string, ours: { statistic: number; df: number; pValue: number }, r: RTest) {
  expectClose(ours.statistic, r.statistic, `${label} statistic`);
  expect(ours.df, `${label} df`).toBe(r.df);
  expectClose(ours.pValue, r.p, `${label} p`);
}

function compareFit(label: string, fit: CoxPHResult, r: RFit) {
  expect(fit.names).toEqual(r.names);
  expect(fit.n).toBe(r.n);
  expect(fit.nEvent).toBe(r.nevent);
  expectAllClose(fit.coef, r.coef, `${label} coef`);
  expectAllClose(fit.stdErr, r.se, `${label} se`);
  expectAllClose(fit.hazardRatio, r.exp_coef, `${label} exp(coef)`);
  expectAllClose(fit.z, r.z, `${label} z`);
  expectAllClose(fit.pValue, r.p, `${label} Pr(>|z|)`);
  expectAllClose(fit.lower, r.lower, `${label} lower .95`);
  expectAllClose(fit.upper, r.upper, `${label} upper .95`);
  fit.variance.forEach((row, i) => expectAllClose(row, r.var[i], `${label} var[${i}]`));
  expectClose(fit.logLikNull, r.loglik_null, `${label} loglik null`);
  expectClose(fit.logLik, r.loglik, `${label} loglik`);
  compareTest(`${label} likelihood ratio`, fit.likelihoodRatio, r.lr);
  compareTest(`${label} wald`, fit.wald, r.wald);
  compareTest(`${label} score`, fit.score, r.score);
  expect(fit.converged).toBe(true);
  expect(fit.warnings).toEqual([]);
}

describe("coxPH matches R coxph", () => {
  for (const [name, cs] of Object.entries(fixture.cases)) {
    for (const [key, r] of Object.entries(cs.fits)) {
      const control = key.split("_")[1];
      it(`${name}, ties = "${r.ties}", ${control} control`, () => {
        const fit = coxPH(caseData(cs), { ties: r.ties, ...CONTROLS[control] });
        expect(fit.ties).toBe(r.ties);
        compareFit(`${name} ${key}`, fit, r);
        // Same Newton-Raphson path as coxfit6.c: same number of iterations.
        expect(fit.iterations).toBe(r.iter);
      });
    }
  }

  it("uses Efron ties and a 0.95 level by default", () => {
    const cs = fixture.cases.synthetic;
    const fit = coxPH(caseData(cs));
    expect(fit.ties).toBe("efron");
    expect(fit.method).toBe("Cox proportional hazards model (R coxph), Efron ties");
    expect(fit.confLevel).toBe(0.95);
    expectAllClose(fit.coef, cs.fits.efron_default.coef, "synthetic default coef");
  });

  it("widens the interval with confLevel (exp(coef +- qnorm((1 + level) / 2) se))", () => {
    const cs = fixture.cases.lung;
    const r = cs.fits.efron_tight;
    const fit = coxPH(caseData(cs), { confLevel: 0.99, ...CONTROLS.tight });
    const z = 2.5758293035489004; // R: qnorm(0.995)
    expectAllClose(fit.lower, r.coef.map((b, k) => Math.exp(b - z * r.se[k])), "lower .99");
    expectAllClose(fit.upper, r.coef.map((b, k) => Math.exp(b + z * r.se[k])), "upper .99");
  });
});

describe("coxPH where R warns", () => {
  it("monotone likelihood: converges in loglik, warns the coefficient may be infinite (names it)", () => {
    const { data, fit: r } = fixture.edge.monotone;
    const fit = coxPH({ time: data.time, event: data.status, covariates: { x: data.x, age: data.age } });
    expect(r.warnings[0]).toMatch(/Loglik converged before variable +1 ; coefficient may be infinite/);
    expect(fit.converged).toBe(true);
    expect(fit.warnings).toHaveLength(1);
    expect(fit.warnings[0]).toContain('covariate "x"');
    expect(fit.warnings[0]).not.toContain('"age"');
    expect(fit.warnings[0]).toContain("may be infinite");
    expect(fit.iterations).toBe(r.iter);
    // Same path as R, so the same (large, finite) stopping point.
    expectAllClose(fit.coef, r.coef, "monotone coef", 1e-7);
    expectClose(fit.logLik, r.loglik, "monotone loglik");
    expectClose(fit.logLikNull, r.loglik_null, "monotone loglik null");
    compareTest("monotone score", fit.score, r.score);
  });

  it("out of iterations: converged false, a warning, R's last accepted coefficients", () => {
    const { case: name, iter_max, fit: r } = fixture.edge.out_of_iterations;
    expect(r.warnings).toEqual(["Ran out of iterations and did not converge"]);
    const fit = coxPH(caseData(fixture.cases[name]), { iterMax: iter_max });
    expect(fit.converged).toBe(false);
    expect(fit.iterations).toBe(iter_max);
    expect(fit.warnings).toEqual([`Ran out of iterations (iterMax = ${iter_max}) and did not converge`]);
    expectAllClose(fit.coef, r.coef, "coef");
    expectClose(fit.logLik, r.loglik, "loglik");
    compareTest("likelihood ratio", fit.likelihoodRatio, r.lr);
    compareTest("score", fit.score, r.score);
    // se here is the inverse information at coef (R's fit$var is not, in this case): it lies
    // between the fully converged se and nothing silly.
    const converged = fixture.cases[name].fits.efron_tight;
    expectAllClose(fit.stdErr, converged.se, "se near the converged se", 1e-2);
  });

  it("coefficients diverging until the information is singular: se Infinity, named, Wald without them", () => {
    const { data, fit: r } = fixture.edge.singular_at_end;
    expect(r.var.flat()).toEqual([0, 0, 0, 0]); // R: a zero variance, se 0 and z NaN
    const fit = coxPH({ time: data.time, event: data.status, covariates: { group: data.group, z: data.z } }, CONTROLS.tight);
    expect(fit.converged).toBe(false);
    // Far out on a flat likelihood the stopping point is sensitive to rounding; still R's to 1e-7.
    expectAllClose(fit.coef, r.coef, "coef", 1e-7);
    expectClose(fit.logLik, r.loglik, "loglik");
    compareTest("likelihood ratio", fit.likelihoodRatio, r.lr);
    compareTest("score", fit.score, r.score);
    expect(fit.stdErr).toEqual([Infinity, Infinity]);
    expect(fit.pValue).toEqual([1, 1]);
    expect([fit.lower, fit.upper]).toEqual([[0, 0], [Infinity, Infinity]]);
    expect(fit.wald).toEqual({ statistic: 0, df: 0, pValue: 1 });
    expect(fit.warnings[1]).toBe(
      'the information matrix is singular at the estimate for "group" and "z": their standard errors are infinite and the Wald test leaves them out',
    );
  });

  it("timefix: times that differ by 1e-12 are tied, as R's aeqSurv", () => {
    const { case: name, nudge, fit: r } = fixture.edge.timefix;
    const d = caseData(fixture.cases[name]);
    const time = d.time.map((t, i) => t + nudge * ((i + 1) % 2));
    const fit = coxPH({ ...d, time }, CONTROLS.tight);
    compareFit("timefix", fit, r);
    const untied = coxPH({ ...d, time }, { ...CONTROLS.tight, timefix: false });
    expect(Math.abs(untied.coef[0] - r.coef[0])).toBeGreaterThan(1e-6);
  });
});

describe("coxPH bad input", () => {
  const time = [5, 8, 12, 3, 9, 20, 7];
  const event = [1, 1, 0, 1, 1, 0, 1];
  const x = [1, 0, 1, 0, 1, 0, 0];

  it("a constant covariate, named", () => {
    const e = inputError(() => coxPH({ time, event, covariates: { x, site: [2, 2, 2, 2, 2, 2, 2] } }));
    expect(e.argument).toBe("covariates.site");
    expect(e.message).toMatch(/covariates\.site is constant \(every value is 2\)/);
  });

  it("collinear covariates, named", () => {
    const age = [50, 61, 47, 70, 58, 66, 53];
    const ageMonths = age.map((a) => 12 * a + 3);
    const e = inputError(() => coxPH({ time, event, covariates: { x, age, ageMonths } }));
    expect(e.argument).toBe("covariates");
    expect(e.message).toMatch(/^covariates "age" and "ageMonths" are collinear: "ageMonths" is a linear combination of "age"/);
    const sum = x.map((v, i) => v + age[i]);
    const e2 = inputError(() => coxPH({ time, event, covariates: { x, age, sum } }));
    expect(e2.message).toMatch(/^covariates "x", "age" and "sum" are collinear/);
    expect(e2.value).toEqual(["x", "age", "sum"]);
  });

  it("a covariate that never varies within a risk set at an event time", () => {
    // z differs only for the last row, censored at time 1, before the first event (R: coef NA).
    const e = inputError(() =>
      coxPH({ time: [5, 8, 12, 3, 9, 20, 1], event: [1, 1, 0, 1, 1, 0, 0], covariates: { z: [0, 0, 0, 0, 0, 0, 1] } }),
    );
    expect(e.argument).toBe("covariates.z");
    expect(e.message).toMatch(/does not vary within any risk set/);
  });

  it("no events", () => {
    const e = inputError(() => coxPH({ time, event: [0, 0, 0, 0, 0, 0, 0], covariates: { x } }));
    expect(e.argument).toBe("event");
    expect(e.message).toMatch(/no events/);
  });

  it("no covariates", () => {
    const e = inputError(() => coxPH({ time, event, covariates: {} }));
    expect(e.argument).toBe("covariates");
    expect(inputError(() => coxPH({ time, event } as never)).argument).toBe("covariates");
  });

  it("lengths that differ", () => {
    const e = inputError(() => coxPH({ time, event, covariates: { x: [1, 0, 1] } }));
    expect(e.argument).toBe("covariates.x");
    expect(e.message).toMatch(/covariates\.x has length 3 but time has length 7/);
    expect(inputError(() => coxPH({ time, event: [1, 0], covariates: { x } })).argument).toBe("event");
  });

  it("NaN and Infinity in a covariate: name, index and value", () => {
    const e = inputError(() => coxPH({ time, event, covariates: { x, age: [50, 61, NaN, 70, 58, 66, 53] } }));
    expect([e.argument, e.index]).toEqual(["covariates.age", 2]);
    expect(e.message).toMatch(/^covariates\.age\[2\] is NaN/);
    const e2 = inputError(() => coxPH({ time, event, covariates: { age: [50, 61, 47, 70, 58, Infinity, 53] } }));
    expect([e2.argument, e2.index, e2.value]).toEqual(["covariates.age", 5, Infinity]);
    expect(e2.message).toMatch(/^covariates\.age\[5\] is Infinity/);
  });

  it("a negative time, a bad event code", () => {
    const e = inputError(() => coxPH({ time: [5, -8, 12, 3, 9, 20, 7], event, covariates: { x } }));
    expect([e.argument, e.index, e.value]).toEqual(["time", 1, -8]);
    expect(e.message).toMatch(/^time\[1\] is -8/);
    const e2 = inputError(() => coxPH({ time, event: [1, 1, 2, 1, 1, 0, 1], covariates: { x } }));
    expect([e2.argument, e2.index, e2.value]).toEqual(["event", 2, 2]);
  });

  it("unknown ties, bad options", () => {
    const e = inputError(() => coxPH({ time, event, covariates: { x } }, { ties: "exact" as never }));
    expect(e.argument).toBe("ties");
    expect(e.message).toMatch(/ties is "exact": it must be one of "efron", "breslow"/);
    expect(inputError(() => coxPH({ time, event, covariates: { x } }, { confLevel: 95 })).argument).toBe("confLevel");
    expect(inputError(() => coxPH({ time, event, covariates: { x } }, { iterMax: 0 })).argument).toBe("iterMax");
    expect(inputError(() => coxPH({ time, event, covariates: { x } }, { eps: -1 })).argument).toBe("eps");
  });

  it("does not change the caller's arrays", () => {
    const cs = fixture.cases.veteran_celltype;
    const d = caseData(cs);
    const copy = structuredClone(d);
    const typed = Float64Array.from(d.covariates.karno);
    coxPH({ ...d, covariates: { ...d.covariates, karno: typed } });
    expect(d).toEqual(copy);
    expect(Array.from(typed)).toEqual(copy.covariates.karno);
  });

  it("takes boolean events and typed arrays like 0/1 numbers", () => {
    const a = coxPH({ time, event, covariates: { x } });
    const b = coxPH({ time: Float64Array.from(time), event: event.map((e) => e === 1), covariates: { x: Int8Array.from(x) } });
    expect(b.coef).toEqual(a.coef);
    expect(b.stdErr).toEqual(a.stdErr);
  });

  it("returns frozen results", () => {
    const fit = coxPH({ time, event, covariates: { x } });
    expect(Object.isFrozen(fit)).toBe(true);
    expect(Object.isFrozen(fit.coef)).toBe(true);
    expect(Object.isFrozen(fit.wald)).toBe(true);
  });
});
