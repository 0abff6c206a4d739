import { describe, expect, it } from "vitest";
import { atPrecision } from "../../../src/study/claims/atPrecision.js";
import { loadClaims } from "../../../src/study/claims/claims.js";
import { satisfies, statcheck, statcheckClaims } from "../../../src/study/claims/statcheck.js";
import { expectClose, loadFixture } from "../../helpers/fixtures.js";

const R = loadFixture("paper-claims").statcheck; // pchisq(x, 1, lower.tail = FALSE) at x and x -/+ half a unit

const printed = (text: string) => ({ name: "chi-square", text, value: Number(text), decimals: text.includes(".") ? text.split(".")[1].length : 0 });
const lt = (bound: number) => ({ text: `p < ${bound}`, op: "<" as const, bound });
const gt = (bound: number) => ({ text: `p > ${bound}`, op: ">" as const, bound });

describe("atPrecision: judged at the digits printed", () => {
  it.each([
    [3.8129504766333415, "3.81", true, "3.81"],
    [5.171047967863895, "4.62", false, "5.17"],
    [7.000077394484254, "7.00", true, "7.00"],
    [8.627381216594403, "8.627", true, "8.627"],
    [43.47826086956522, "43.5", true, "43.5"],
    [26.08695652173913, "26", true, "26"],
    [3.8151, "3.81", false, "3.82"],
    [3.8049, "3.81", false, "3.80"],
    [26.5, "27", true, "27"], // an exact tie is accepted either way
    [26.5, "26", true, "27"],
  ])("%d against %s", (x, text, matches, rounded) => {
    const j = atPrecision(x, printed(text));
    expect(j.matches).toBe(matches);
    expect(j.rounded).toBe(rounded);
    expect(j.difference).toBe(x - Number(text));
  });
  it("never matches a non-finite number", () => {
    expect(atPrecision(NaN, printed("3.81")).matches).toBe(false);
  });
});

describe("statcheck: p from the reported statistic", () => {
  it.each([
    ["3.81", gt(0.05)],
    ["4.62", lt(0.05)],
    ["8.627", lt(0.05)],
    ["7.00", lt(0.05)],
  ])("chi-square %s on 1 df agrees with R's pchisq and is consistent with %j", (text, cmp) => {
    const s = statcheck(printed(text), 1, cmp);
    expectClose(s.pValue, R[text].p, `p(${text})`);
    expectClose(s.pLower, R[text].p_lower, `p(${text} + half unit)`);
    expectClose(s.pUpper, R[text].p_upper, `p(${text} - half unit)`);
    expect(s.consistent).toBe(true);
    expect(s.decisionError).toBe(false);
  });
  it("flags an inconsistency that flips the call at 0.05 (decision error)", () => {
    const s = statcheck(printed("3.81"), 1, lt(0.05)); // p = 0.0509
    expect(s).toMatchObject({ consistent: false, significantReported: true, significantRecomputed: false, decisionError: true });
    expect(s.note).toMatch(/INCONSISTENT.*decision error/);
  });
  it("flags an inconsistency that keeps the call (no decision error)", () => {
    const s = statcheck(printed("4.62"), 1, lt(0.01)); // p = 0.0316: not < 0.01, but still < 0.05
    expect(s).toMatchObject({ consistent: false, decisionError: false });
  });
  it("allows for rounding of the statistic: 3.84 printed, p < 0.05 is consistent (3.845 gives p < 0.05)", () => {
    // qchisq(0.95, 1) = 3.8415: 3.84 itself gives p = 0.0500435 > 0.05, 3.845 gives 0.04991
    const s = statcheck(printed("3.84"), 1, lt(0.05));
    expect(s.pValue).toBeGreaterThan(0.05);
    expect(s.consistent).toBe(true);
  });
  it("satisfies() reads each operator", () => {
    expect([satisfies(0.05, lt(0.05)), satisfies(0.05, { op: "<=", bound: 0.05 }), satisfies(0.051, gt(0.05)), satisfies(0.05, { op: ">=", bound: 0.05 })]).toEqual([false, true, true, true]);
  });
  it("statcheckClaims checks exactly the four printed chi-squares of the paper, all consistent", () => {
    const s = statcheckClaims(loadClaims());
    expect(s.map((x) => [x.id, x.reported, x.consistent, x.decisionError])).toEqual([
      ["res-rec-1y-chisq", "χ2 = 3.81, p > 0.05", true, false],
      ["res-lung-1y-chisq", "χ2 = 4.62, p < 0.05", true, false],
      ["res-rec-logrank", "χ2 = 8.627, p < 0.05", true, false],
      ["res-lung-logrank", "χ2 = 7.00, p < 0.05", true, false],
    ]);
  });
});
