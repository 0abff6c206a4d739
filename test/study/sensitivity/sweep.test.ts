/**
 * crossChoices and sensitivitySweep: the combinations, the calls, the flips relative to the
 * reference, choices left out, and bad input. Expected values are worked out by hand.
 */
import { describe, expect, it } from "vitest";
import { crossChoices, sensitivitySweep } from "../../../src/study/sensitivity/sweep.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";

describe("crossChoices", () => {
  it("every combination, the first factor varying slowest, frozen", () => {
    const c = crossChoices({ cutoff: ["<=", "<"], test: ["P", "Y", "G"] });
    expect(c).toEqual([
      { cutoff: "<=", test: "P" }, { cutoff: "<=", test: "Y" }, { cutoff: "<=", test: "G" },
      { cutoff: "<", test: "P" }, { cutoff: "<", test: "Y" }, { cutoff: "<", test: "G" },
    ]);
    expect(Object.isFrozen(c) && Object.isFrozen(c[0])).toBe(true);
    expect(crossChoices({ a: ["x"] })).toEqual([{ a: "x" }]);
  });
  it("refuses empty or repeated options", () => {
    expect(() => crossChoices({})).toThrow(SurvivalInputError);
    expect(() => crossChoices({ a: [] })).toThrow(/factors.a/);
    expect(() => crossChoices({ a: ["x", "x"] })).toThrow(/twice/);
    expect(() => crossChoices({ a: [1 as unknown as string] })).toThrow(/array of strings/);
  });
});

describe("sensitivitySweep", () => {
  const choices = crossChoices({ f: ["a", "b", "c"] });
  const p: Record<string, number> = { a: 0.03, b: 0.07, c: 0.049999 };
  const evaluate = (c: Record<string, string>) => ({ statistic: c.f === "b" ? null : 4, pValue: p[c.f] });

  it("calls each choice at alpha and counts the flips against the reference", () => {
    const s = sensitivitySweep(choices, evaluate, { reference: { f: "a" } });
    expect(s.rows.map((r) => [r.choice.f, r.significant, r.flips, r.isReference])).toEqual([
      ["a", true, false, true], ["b", false, true, false], ["c", true, false, false],
    ]);
    expect([s.significant, s.flips, s.stable, s.alpha]).toEqual([2, 1, false, 0.05]);
    expect(s.reference.choice).toEqual({ f: "a" });
    expect(s.rows[1].statistic).toBeNull();
    expect(Object.isFrozen(s) && Object.isFrozen(s.rows[0])).toBe(true);
  });
  it("the reference may be a non-significant choice, and alpha may change", () => {
    const s = sensitivitySweep(choices, evaluate, { reference: { f: "b" }, alpha: 0.04 });
    expect(s.rows.map((r) => r.flips)).toEqual([true, false, false]);
    expect(s.significant).toBe(1);
  });
  it("a call exactly at alpha is not significant (p < alpha)", () => {
    const s = sensitivitySweep(crossChoices({ f: ["a"] }), () => ({ statistic: 1, pValue: 0.05 }), { reference: { f: "a" } });
    expect([s.rows[0].significant, s.stable]).toEqual([false, true]);
  });
  it("leaves out choices evaluate returns null for", () => {
    const s = sensitivitySweep(choices, (c) => (c.f === "c" ? null : evaluate(c)), { reference: { f: "a" } });
    expect(s.rows.map((r) => r.choice.f)).toEqual(["a", "b"]);
  });
  it("refuses a reference that is not evaluated, bad outcomes and inconsistent choices", () => {
    expect(() => sensitivitySweep(choices, evaluate, { reference: { f: "z" } })).toThrow(/reference/);
    expect(() => sensitivitySweep(choices, (c) => (c.f === "a" ? null : evaluate(c)), { reference: { f: "a" } })).toThrow(/reference/);
    expect(() => sensitivitySweep(choices, () => ({ statistic: 1, pValue: NaN }), { reference: { f: "a" } })).toThrow(/pValue NaN/);
    expect(() => sensitivitySweep(choices, () => ({ statistic: Infinity, pValue: 0.5 }), { reference: { f: "a" } })).toThrow(/statistic/);
    expect(() => sensitivitySweep([{ f: "a" }, { g: "b" }], evaluate, { reference: { f: "a" } })).toThrow(/choices\[1\]/);
    expect(() => sensitivitySweep([{ f: "a" }, { f: "a" }], evaluate, { reference: { f: "a" } })).toThrow(/repeats/);
    expect(() => sensitivitySweep([], evaluate, { reference: { f: "a" } })).toThrow(SurvivalInputError);
    expect(() => sensitivitySweep(choices, evaluate, { reference: { f: "a" }, alpha: 1 })).toThrow(/alpha/);
  });
});
