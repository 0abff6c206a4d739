// R: fisher.test(x, alternative, conf.level) on the 2 x 2 cases of test/survival/fixtures/r/contingency.R.
//
// Tolerance. R solves the conditional MLE and the CI bounds with uniroot() at its default
// tol = 2^-13, absolute on t = OR or 1/OR in (0, 1), so R's printed estimate and bounds are
// right to only ~4-6 significant digits (one upper bound in the fixtures is 4.5e15 where the
// precise value is 4.0e5). The fixture therefore holds two references per case:
//   tight: R's fisher.test code with uniroot(tol = 1e-300), only the rounding of the
//          function values limiting the root: compared with our default (tol 0);
//   r:     fisher.test as shipped: compared with ours at { tol: UNIROOT_TOL }, the same Brent
//          iterations, so it reproduces R's own digits.
// Both at 1e-9 relative (1e-12 absolute; p-values with no absolute floor). Measured agreement
// is ~1e-13 for every value in the fixture.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fisherExactTest, type FisherExactTestResult } from "../../../src/survival/contingency/fisherExactTest.js";
import { UNIROOT_TOL } from "../../../src/survival/contingency/zeroin.js";
import { chiSquareTest } from "../../../src/survival/contingency/chiSquareTest.js";
import { gTest } from "../../../src/survival/contingency/gTest.js";
import { expectClose } from "../../helpers/fixtures.js";
import { inputError } from "../../helpers/errors.js";
import { copy, fixture, type FisherValues } from "./fixture.js";
import { table2x2Arb } from "./tables.js";

function expectFisher(got: FisherExactTestResult, want: FisherValues, label: string): void {
  expectClose(got.pValue, want.pValue, `${label} pValue`, 1e-9, 0);
  expectClose(got.oddsRatio, want.oddsRatio, `${label} oddsRatio`);
  expectClose(got.lower, want.lower, `${label} lower`);
  expectClose(got.upper, want.upper, `${label} upper`);
}

const fisherCases = fixture.cases.filter((c) => c.fisher);

describe("fisherExactTest matches R's fisher.test", () => {
  it("has the 2 x 2 cases", () => {
    expect(fisherCases.length).toBeGreaterThan(300);
  });
  for (const c of fisherCases) {
    for (const run of c.fisher!) {
      const options = { alternative: run.alternative, confLevel: run.confLevel };
      it(`${c.name}, ${run.alternative}, ${run.confLevel}`, () => {
        const input = copy(c.table);
        const precise = fisherExactTest(input, options);
        expect(input).toEqual(c.table);
        expectFisher(precise, run.tight, "precise vs R with uniroot(tol = 1e-300)");
        expect(precise.method).toBe(run.method);
        expect(precise.alternative).toBe(run.alternative);
        expect(precise.confLevel).toBe(run.confLevel);
        const asR = fisherExactTest(input, { ...options, tol: UNIROOT_TOL });
        expectFisher(asR, run.r, "tol 2^-13 vs R's fisher.test");
      });
    }
  }
});

describe("fisherExactTest on a table with an empty row or column, as R's fisher.test", () => {
  it("has the cases", () => {
    expect(fixture.empty_margins.length).toBeGreaterThanOrEqual(6);
  });
  for (const c of fixture.empty_margins) {
    for (const run of c.fisher) {
      it(`${c.name}, ${run.alternative}, ${run.confLevel}: p = 1, odds ratio 0, interval 0 to Infinity`, () => {
        const options = { alternative: run.alternative, confLevel: run.confLevel };
        expectFisher(fisherExactTest(c.table, options), run.tight, "precise");
        expectFisher(fisherExactTest(c.table, { ...options, tol: UNIROOT_TOL }), run.r, "tol 2^-13");
      });
    }
    it(`${c.name}: chiSquareTest and gTest refuse it (R's chisq.test gives ${c.chisq === null ? "NaN" : c.chisq})`, () => {
      expect(c.chisq).toBeNull();
      for (const f of [() => chiSquareTest(c.table), () => chiSquareTest(c.table, { correction: false }), () => gTest(c.table)]) {
        const e = inputError(f);
        expect(e.argument).toBe("table");
        expect(e.message).toMatch(/sums to 0 .*every row and column needs a positive total/);
      }
    });
  }
});

describe("fisherExactTest edge rules (R's)", () => {
  const get = (name: string) => fisherCases.find((c) => c.name.startsWith(name))!;

  it("x at its smallest possible value: odds ratio 0, lower bound 0", () => {
    for (const c of [get("zero cell [0][0]"), get("zero cell [1][1]"), get("two zero cells")]) {
      const got = fisherExactTest(c.table);
      expect(got.oddsRatio).toBe(0);
      expect(got.lower).toBe(0);
      expect(got.upper).toBeGreaterThan(0);
      expect(Number.isFinite(got.upper)).toBe(true);
    }
  });

  it("x at its largest possible value: odds ratio and upper bound Infinity", () => {
    for (const c of [get("zero cell [0][1]"), get("zero cell [1][0]")]) {
      const got = fisherExactTest(c.table);
      expect(got.oddsRatio).toBe(Infinity);
      expect(got.upper).toBe(Infinity);
      expect(got.lower).toBeGreaterThan(0);
    }
  });

  it("one-sided intervals run to 0 or Infinity", () => {
    const t = get("paper recurrence").table;
    expect(fisherExactTest(t, { alternative: "less" }).lower).toBe(0);
    expect(fisherExactTest(t, { alternative: "greater" }).upper).toBe(Infinity);
  });

  it("counts tables tied in probability with the observed one (relative tolerance 1e-7)", () => {
    // [[0, 4], [4, 7]]: P(x = 0) = P(x = 2) = 330/1365 exactly, without symmetric margins; R
    // counts both (p = 0.5165), a strict <= on the computed probabilities may count only one (0.2747).
    const c = get("ties in probabilities, not by symmetry A");
    expectClose(fisherExactTest(c.table).pValue, c.fisher![0].r.pValue, "pValue");
    expect(Number(c.fisher![0].r.pValue)).toBeGreaterThan(0.5);
  });

  it("R's default tolerance is visibly coarse: why the tests keep a precise reference", () => {
    const c = get("strong association, no zero");
    const run = c.fisher![0];
    expect(Number(run.r.upper)).toBeGreaterThan(1e15); // R: about 1 / eps
    expect(Number(run.tight.upper)).toBeLessThan(1e6);
    expectClose(fisherExactTest(c.table).upper, run.tight.upper, "upper");
  });

  it("returns a frozen result", () => {
    expect(Object.isFrozen(fisherExactTest([[10, 13], [12, 4]]))).toBe(true);
  });
});

describe("fisherExactTest properties", () => {
  it("p in [0, 1] and lower <= odds ratio <= upper, for every alternative", () => {
    fc.assert(
      fc.property(table2x2Arb(), fc.constantFrom("two.sided", "less", "greater" as const), (t, alternative) => {
        const got = fisherExactTest(t, { alternative });
        expect(got.pValue).toBeGreaterThanOrEqual(0);
        expect(got.pValue).toBeLessThanOrEqual(1);
        expect(got.lower).toBeLessThanOrEqual(got.oddsRatio);
        expect(got.oddsRatio).toBeLessThanOrEqual(got.upper);
      }),
      { numRuns: 200 },
    );
  });

  it("transposing changes nothing; swapping the rows inverts the odds ratio and its interval", () => {
    fc.assert(
      fc.property(table2x2Arb(), ([[a, b], [c, d]]) => {
        const base = fisherExactTest([[a, b], [c, d]]);
        const transposed = fisherExactTest([[a, c], [b, d]]);
        const swapped = fisherExactTest([[c, d], [a, b]]);
        for (const k of ["pValue", "oddsRatio", "lower", "upper"] as const) expectClose(transposed[k], base[k], k);
        expectClose(swapped.pValue, base.pValue, "pValue");
        expectClose(swapped.oddsRatio, 1 / base.oddsRatio, "1 / oddsRatio");
        expectClose(swapped.lower, 1 / base.upper, "1 / upper");
        expectClose(swapped.upper, 1 / base.lower, "1 / lower");
      }),
      { numRuns: 200 },
    );
  });
});
