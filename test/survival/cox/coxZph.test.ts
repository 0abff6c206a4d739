/**
 * coxZph against R 4.2 + survival 3.5: test/survival/fixtures/r/beyond.json, written by
 * `Rscript test/survival/fixtures/r/beyond.R` (cox.zph on coxph fits).
 */
import { describe, expect, it } from "vitest";
import { coxPH, type CoxPHData } from "../../../src/survival/cox/coxPH.js";
import { coxZph, type ZphTransform } from "../../../src/survival/cox/coxZph.js";
import { dataset, expectAllClose, expectClose, loadFixture, numbers } from "../../helpers/fixtures.js";
import { inputError } from "../../helpers/errors.js";

interface Recipe {
  name: string;
  column: string;
  equals?: string | number;
}
interface ZphFit {
  ties: "efron" | "breslow";
  transform: ZphTransform;
  coef: number | number[];
  terms: string[];
  chisq: number | number[];
  df: number | number[];
  p: number | number[];
  x: number[];
  time: number[];
  y: number[][];
  var: number[][];
}
interface ZphCase {
  case: { data: string; time: string; status: string; covariates: Recipe | Recipe[] };
  fits: ZphFit[];
}
const fixture = loadFixture<{ zph: ZphCase[] }>("beyond");
const list = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

/** The data beyond.R fits: covariates by the same recipes, rows with a missing value dropped. */
interface Data extends CoxPHData {
  time: number[];
  event: number[];
  covariates: Record<string, number[]>;
}

function caseData(cs: ZphCase["case"]): Data {
  const recipes = list(cs.covariates);
  const d = dataset(cs.data, [cs.time, cs.status, ...recipes.map((r) => r.column)]);
  const covariates: Record<string, number[]> = {};
  for (const r of recipes) {
    covariates[r.name] = d[r.column].map((v) => (r.equals === undefined ? (v as number) : v === r.equals ? 1 : 0));
  }
  return { time: numbers(d[cs.time]), event: numbers(d[cs.status]), covariates };
}

describe("coxZph matches R's cox.zph", () => {
  for (const c of fixture.zph) {
    const data = caseData(c.case);
    for (const f of c.fits) {
      it(`${c.case.data}, ${f.ties}, transform ${f.transform}`, () => {
        const fit = coxPH(data, { ties: f.ties });
        expectAllClose(fit.coef, list(f.coef), "coef (the fit the test is taken at)");
        const z = coxZph(fit, data, { transform: f.transform });
        expect(z.table.map((t) => t.term)).toEqual(list(f.terms));
        expectAllClose(z.table.map((t) => t.statistic), list(f.chisq), "chisq");
        expect(z.table.map((t) => t.df)).toEqual(list(f.df));
        expectAllClose(z.table.map((t) => t.pValue), list(f.p), "p");
        expect(z.global).toBe(z.table[z.table.length - 1]);
        expectAllClose(z.x, f.x, "x (transformed event times)");
        expectAllClose(z.time, f.time, "time");
        expect(z.y.length).toBe(f.y.length);
        z.y.forEach((col, k) => expectAllClose(col, f.y[k], `y[${k}] (scaled Schoenfeld residuals)`));
        z.variance.forEach((row, i) => expectAllClose(row, f.var[i], `var[${i}]`));
        expect(z.transform).toBe(f.transform);
        expect(z.ties).toBe(f.ties);
      });
    }
  }

  it('defaults to transform "km", as R', () => {
    const c = fixture.zph[0];
    const data = caseData(c.case);
    const fit = coxPH(data);
    const km = c.fits.find((f) => f.ties === "efron" && f.transform === "km")!;
    expectClose(coxZph(fit, data).global.statistic, list(km.chisq)[0], "chisq");
  });

  it("does not depend on row order and leaves the caller's arrays alone", () => {
    const data = caseData(fixture.zph[2].case); // veteran: trt, karno, age
    const n = data.time.length;
    const perm = Array.from({ length: n }, (_, i) => (i * 37) % n); // 37 is prime to n = 137
    expect(new Set(perm).size).toBe(n);
    const pick = <T>(a: ArrayLike<T>) => perm.map((i) => a[i]);
    const shuffled: CoxPHData = {
      time: pick(data.time),
      event: pick(data.event),
      covariates: Object.fromEntries(Object.entries(data.covariates).map(([k, v]) => [k, pick(v)])),
    };
    const copy = JSON.stringify(shuffled);
    const a = coxZph(coxPH(data), data, { transform: "rank" });
    const b = coxZph(coxPH(shuffled), shuffled, { transform: "rank" });
    expect(JSON.stringify(shuffled)).toBe(copy);
    a.table.forEach((t, k) => expectClose(b.table[k].statistic, t.statistic, t.term, 1e-9));
  });

  it("refuses data that do not belong to the fit, and bad options", () => {
    const data = caseData(fixture.zph[2].case);
    const fit = coxPH(data);
    const e1 = inputError(() => coxZph(fit, data, { transform: "sqrt" as ZphTransform }));
    expect(e1.argument).toBe("transform");
    expect(e1.message).toContain('"sqrt"');
    const { age: _age, ...fewer } = data.covariates;
    const e2 = inputError(() => coxZph(fit, { ...data, covariates: fewer }));
    expect(e2.argument).toBe("covariates");
    const shorter = {
      time: data.time.slice(1),
      event: data.event.slice(1),
      covariates: Object.fromEntries(Object.entries(data.covariates).map(([k, v]) => [k, v.slice(1)])),
    };
    const e3 = inputError(() => coxZph(fit, shorter));
    expect(e3.argument).toBe("time");
    const bad = { ...data, covariates: { ...data.covariates, karno: data.covariates.karno.map((v, i) => (i === 5 ? NaN : v)) } };
    const e4 = inputError(() => coxZph(fit, bad));
    expect(e4.argument).toBe("covariates.karno");
    expect(e4.index).toBe(5);
    const zero = {
      ...data,
      time: data.time.map((t, i) => (i === 3 ? 0 : t)),
      event: data.event.map((v, i) => (i === 3 ? 1 : v)),
    };
    const e5 = inputError(() => coxZph(coxPH(zero), zero, { transform: "log" }));
    expect(e5.argument).toBe("time");
    expect(e5.index).toBe(3);
    expect(inputError(() => coxZph({} as never, data)).argument).toBe("fit");
  });
});
