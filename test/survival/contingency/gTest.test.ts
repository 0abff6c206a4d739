// R: G = 2 * sum(x * log(x / E)) (0 log 0 = 0), pchisq(G, (r - 1) * (c - 1), lower.tail = FALSE),
// on the cases of test/survival/fixtures/r/contingency.R.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { gTest } from "../../../src/survival/contingency/gTest.js";
import { expectAllClose, expectClose } from "../../helpers/fixtures.js";
import { copy, fixture } from "./fixture.js";
import { permuted, tableArb, transpose } from "./tables.js";

describe("gTest matches the likelihood-ratio G computed in R", () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const input = copy(c.table);
      const got = gTest(input);
      expect(input).toEqual(c.table);
      expectClose(got.statistic, c.g.statistic, "statistic");
      expect(got.df).toBe(c.g.df);
      expectClose(got.pValue, c.g.pValue, "pValue", 1e-9, 0);
      c.yates.expected.forEach((row, i) => expectAllClose(got.expected[i], row, `expected[${i}]`));
      expect(Object.isFrozen(got)).toBe(true);
    });
  }

  it("gives G = 0 and p = 1 when observed equals expected", () => {
    const got = gTest([
      [4, 6],
      [6, 9],
    ]);
    expect(got.statistic).toBe(0);
    expect(got.pValue).toBe(1);
  });
});

describe("gTest properties", () => {
  it("is invariant to transposition and to row and column order; G >= 0, p in [0, 1]", () => {
    fc.assert(
      fc.property(tableArb, fc.integer(), (table, seed) => {
        const base = gTest(table);
        expect(base.statistic).toBeGreaterThanOrEqual(0);
        expect(base.pValue).toBeGreaterThanOrEqual(0);
        expect(base.pValue).toBeLessThanOrEqual(1);
        for (const other of [transpose(table), permuted(table, seed)]) {
          const got = gTest(other);
          expectClose(got.statistic, base.statistic, "statistic", 1e-12, 1e-12);
          expect(got.df).toBe(base.df);
        }
      }),
      { numRuns: 300 },
    );
  });
});
