// R: uniroot(function(x) x^3 - 2 * x - 5, c(2, 3)) at the default tol, tol = 1e-8 and tol = 1e-300.
import { describe, expect, it } from "vitest";
import { UNIROOT_TOL, zeroin } from "../../../src/survival/contingency/zeroin.js";
import { expectClose } from "../../helpers/fixtures.js";
import { fixture } from "./fixture.js";

const f = (x: number) => x ** 3 - 2 * x - 5;

describe("zeroin reproduces R's uniroot", () => {
  for (const [key, tol] of [
    ["default", UNIROOT_TOL],
    ["tol1e_8", 1e-8],
    ["tight", 1e-300],
  ] as const) {
    it(`tol ${key}`, () => {
      const want = fixture.uniroot[key];
      const got = zeroin(f, 2, 3, f(2), f(3), tol);
      expectClose(got.root, want.root, "root", 1e-14, 0);
      expect(got.iter).toBe(want.iter);
    });
  }

  it("the default tolerance is R's .Machine$double.eps^0.25", () => {
    expect(UNIROOT_TOL).toBe(Math.pow(Number.EPSILON, 0.25));
  });

  it("returns an endpoint where f is 0, and reports non-convergence as iter -1", () => {
    expect(zeroin(f, 2, 3, 0, f(3)).root).toBe(2);
    expect(zeroin(f, 2, 3, f(2), 0).root).toBe(3);
    expect(zeroin(f, 2, 3, f(2), f(3), 0, 2).iter).toBe(-1);
  });
});
