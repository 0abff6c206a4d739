// R: chisq.test(x, correct = TRUE / FALSE) on the cases of test/survival/fixtures/r/contingency.R.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { chiSquareTest } from "../../../src/survival/contingency/chiSquareTest.js";
import { expectAllClose, expectClose } from "../../helpers/fixtures.js";
import { copy, fixture } from "./fixture.js";
import { permuted, tableArb, transpose } from "./tables.js";

describe("chiSquareTest matches R's chisq.test", () => {
  for (const c of fixture.cases) {
    for (const [key, correction] of [["yates", true], ["pearson", false]] as const) {
      it(`${c.name}, correction ${correction}`, () => {
        const input = copy(c.table);
        const got = chiSquareTest(input, { correction });
        const want = c[key];
        expect(input).toEqual(c.table);
        expectClose(got.statistic, want.statistic, "statistic");
        expect(got.df).toBe(want.df);
        // p-values to 1e-9 relative with no absolute floor, so the far tail is checked too.
        expectClose(got.pValue, want.pValue, "pValue", 1e-9, 0);
        expect(got.method).toBe(want.method);
        want.expected.forEach((row, i) => expectAllClose(got.expected[i], row, `expected[${i}]`));
        want.residuals.forEach((row, i) => expectAllClose(got.residuals[i], row, `residuals[${i}]`));
        want.stdres.forEach((row, i) => expectAllClose(got.stdres[i], row, `stdres[${i}]`));
        expect(got.observed).toEqual(c.table);
      });
    }
  }

  it("defaults to Yates' correction, as R", () => {
    const paper = fixture.cases[0];
    expect(paper.name).toMatch(/paper recurrence/);
    const got = chiSquareTest(paper.table);
    expectClose(got.statistic, paper.yates.statistic, "statistic");
    expect(got.method).toBe("Pearson's Chi-squared test with Yates' continuity correction");
    expect(got.yates).toBe(0.5);
    expect(chiSquareTest(paper.table, { correction: false }).yates).toBe(0);
  });

  it("never corrects a table larger than 2 x 2", () => {
    const rxc = fixture.cases.find((c) => c.table.length === 3)!;
    const got = chiSquareTest(rxc.table, { correction: true });
    expect(got.yates).toBe(0);
    expect(got.method).toBe("Pearson's Chi-squared test");
    expectClose(got.statistic, rxc.pearson.statistic, "statistic");
  });

  it("accepts typed-array rows and returns frozen results", () => {
    const got = chiSquareTest([Float64Array.of(10, 13), Float64Array.of(12, 4)]);
    expectClose(got.pValue, fixture.cases[0].yates.pValue, "pValue");
    expect(Object.isFrozen(got)).toBe(true);
    expect(Object.isFrozen(got.expected)).toBe(true);
    expect(Object.isFrozen(got.expected[0])).toBe(true);
  });
});

describe("chiSquareTest properties", () => {
  it("is invariant to transposition and to row and column order; p in [0, 1]", () => {
    fc.assert(
      fc.property(tableArb, fc.boolean(), fc.integer(), (table, correction, seed) => {
        const base = chiSquareTest(table, { correction });
        expect(base.pValue).toBeGreaterThanOrEqual(0);
        expect(base.pValue).toBeLessThanOrEqual(1);
        for (const other of [transpose(table), permuted(table, seed)]) {
          const got = chiSquareTest(other, { correction });
          expectClose(got.statistic, base.statistic, "statistic", 1e-12, 1e-12);
          expectClose(got.pValue, base.pValue, "pValue", 1e-12, 1e-15);
          expect(got.df).toBe(base.df);
        }
      }),
      { numRuns: 300 },
    );
  });
});
