// Medians and quantiles against R 4.2 + survival 3.5 (test/survival/fixtures/r/km.R):
//   median:   summary(fit)$table[c("median", "0.95LCL", "0.95UCL")], as print(fit) shows it
//   quantile: quantile(fit, probs = c(.1, .25, .5, .75, .9)) with its CI
import { describe, expect, it } from "vitest";
import { kaplanMeier } from "../../../src/survival/km/kaplanMeier.js";
import { curveQuantile, printedMedian } from "../../../src/survival/km/quantile.js";
import { expectClose, loadFixture } from "../../helpers/fixtures.js";
import { curve, curves } from "./kmFixture.js";

describe("median and quantile(p) = R's print(fit) and quantile(fit)", () => {
  for (const c of curves) {
    describe(c.label, () => {
      for (const f of c.fits) {
        it(`${f.confType} ${f.confLevel}`, () => {
          const km = kaplanMeier({ time: c.time, event: c.status }, { confType: f.confType, confLevel: f.confLevel });
          expectClose(km.median.estimate, f.median.estimate, "median");
          expectClose(km.median.lower, f.median.lower, "median lower");
          expectClose(km.median.upper, f.median.upper, "median upper");
          const q = f.quantile;
          q.probs.forEach((p, i) => {
            const got = km.quantile(p);
            expectClose(got.estimate, q.estimate[i], `quantile(${p})`);
            expectClose(got.lower, q.lower[i], `quantile(${p}) lower`);
            expectClose(got.upper, q.upper[i], `quantile(${p}) upper`);
          });
        });
      }
    });
  }
});

describe("the rules R applies (cases the fixture pins down)", () => {
  const fit = (label: string) => {
    const c = curve(label);
    return kaplanMeier({ time: c.time, event: c.status });
  };

  it("a curve flat at exactly 0.5 gives the midpoint of the flat", () => {
    const km = fit("flat at exactly 0.5");
    expect(km.survivalAt(2)).toBe(0.5);
    expect(km.median.estimate).toBe(3);
    expect(km.quantile(0.5).estimate).toBe(3);
  });

  it("a curve at 0.5 minus one ulp still gives the midpoint (the tolerance)", () => {
    const km = fit("flat at 0.5 minus one ulp");
    expect(km.survivalAt(4)).toBeLessThan(0.5);
    expect(km.survivalAt(4)).toBeGreaterThan(0.5 - 1e-15);
    expect(km.median.estimate).toBe(4.5);
    expect(km.quantile(0.5).estimate).toBe(4.5);
  });

  it("a curve ending flat at 0.5: print() says 2, quantile(0.5) says 3, as R", () => {
    const km = fit("ends flat at 0.5");
    expect(km.median.estimate).toBe(2);
    expect(km.quantile(0.5).estimate).toBe(3);
  });

  it("not reached is null, for the median and its upper limit", () => {
    expect(fit("median not reached").median).toEqual({ estimate: null, lower: null, upper: null });
    expect(fit("no events").quantile(0.1)).toEqual({ estimate: null, lower: null, upper: null });
    const ovarian = fit("ovarian rx=2").median;
    expect(ovarian.estimate).toBeNull();
    expect(ovarian.lower).toBe(475);
  });
});

describe("curveQuantile and printedMedian = survival:::findq and survmean's minmin", () => {
  // Hand-made curves and CI bands (NaN = R's NA), with R's own internals as the reference.
  const rules = loadFixture<{ rules: Rule[] }>("km").rules;
  interface Rule { note: string; time: number[]; s: (number | null)[]; probs: number[]; findq: (number | null)[]; minmin: number | null }
  it("has the cases", () => expect(rules.length).toBe(49));
  for (const r of rules) {
    it(r.note, () => {
      const s = r.s.map((v) => (v === null ? NaN : v));
      const median = printedMedian(r.time, s);
      expectClose(Number.isNaN(median) ? null : median, r.minmin, "minmin");
      r.probs.forEach((p, i) => {
        const q = curveQuantile(r.time, s, p);
        expectClose(Number.isNaN(q) ? null : q, r.findq[i], `findq(${p})`);
      });
    });
  }
});
