// chiSquareUpper and normalQuantile against R 4.2:
//   pchisq(x, df, lower.tail = FALSE) and qnorm(p), written by test/survival/fixtures/r/distributions.R.
import { describe, expect, it } from "vitest";
import { chiSquareUpper, normalQuantile } from "../../../src/survival/core/distributions.js";
import { inputError } from "../../helpers/errors.js";
import { expectClose, loadFixture } from "../../helpers/fixtures.js";

interface Fixture {
  pchisq_upper: { x: number[]; df: number[]; p: number[] };
  qnorm: { p: number[]; q: number[]; one_minus: number[]; q_upper: number[] };
}
const fx = loadFixture<Fixture>("distributions");

describe("chiSquareUpper = pchisq(x, df, lower.tail = FALSE)", () => {
  it("matches R to 1e-9 relative on x in [0, 700], df 1..10 and 30 (down to 1e-154)", () => {
    const { x, df, p } = fx.pchisq_upper;
    expect(x.length).toBeGreaterThan(300);
    expect(Math.min(...p)).toBeLessThan(1e-150);
    for (let i = 0; i < x.length; i++) {
      expectClose(chiSquareUpper(x[i], df[i]), p[i], `pchisq(${x[i]}, ${df[i]}, lower.tail = FALSE)`, 1e-9, 0);
    }
  });

  it("refuses a non-positive df and a NaN statistic", () => {
    expect(inputError(() => chiSquareUpper(1, 0)).message).toBe("df is 0: chi-square degrees of freedom must be a number > 0");
    expect([inputError(() => chiSquareUpper(Number.NaN, 1)).argument, inputError(() => chiSquareUpper("3" as never, 1)).argument]).toEqual(["x", "x"]);
  });
});

describe("normalQuantile = qnorm(p)", () => {
  it("matches R to 1e-9 relative from p = 1e-300 to 0.5", () => {
    const { p, q } = fx.qnorm;
    for (let i = 0; i < p.length; i++) expectClose(normalQuantile(p[i]), q[i], `qnorm(${p[i]})`, 1e-9, 1e-15);
  });

  it("matches R to 1e-9 relative from p = 0.55 to 1 - 1e-16", () => {
    const { one_minus: c, q_upper: q } = fx.qnorm;
    expect(c).toContain(1e-16);
    for (let i = 0; i < c.length; i++) expectClose(normalQuantile(1 - c[i]), q[i], `qnorm(1 - ${c[i]})`, 1e-9, 0);
  });

  it("gives the infinities at 0 and 1 and refuses p outside [0, 1]", () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(inputError(() => normalQuantile(1.5)).message).toBe("p is 1.5: a probability must be a number in [0, 1]");
    expect(inputError(() => normalQuantile(Number.NaN)).value).toBeNaN();
  });
});
