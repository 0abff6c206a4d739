// Properties of logRankTest that hold for any data (fast-check): invariance to relabelling the
// groups and to row order, O = E for identical groups, one stratum = no strata.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { logRankTest, type LogRankOptions } from "../../../src/survival/logrank/logRankTest.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";

const WEIGHTS: LogRankOptions[] = [
  {},
  { weight: "gehan-breslow" },
  { weight: "tarone-ware" },
  { weight: "fleming-harrington" },
  { weight: "fleming-harrington", p: 0.5, q: 2 },
];

const row = fc.record({
  time: fc.integer({ min: 0, max: 12 }), // few distinct times: heavy ties
  event: fc.integer({ min: 0, max: 1 }),
  group: fc.integer({ min: 0, max: 2 }),
  stratum: fc.integer({ min: 0, max: 1 }),
});
const rows = fc.array(row, { minLength: 4, maxLength: 60 });
const weightArb = fc.constantFrom(...WEIGHTS);

type Row = { time: number; event: number; group: number; stratum: number };

function run(rs: Row[], label: (g: number) => string | number, options: LogRankOptions, stratified = false) {
  try {
    return logRankTest(
      {
        time: rs.map((r) => r.time),
        event: rs.map((r) => r.event),
        group: rs.map((r) => label(r.group)),
        ...(stratified ? { strata: rs.map((r) => r.stratum) } : {}),
      },
      options,
    );
  } catch (e) {
    if (e instanceof SurvivalInputError) return e.message; // e.g. a single group
    throw e;
  }
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

describe("logRankTest properties", () => {
  it("does not change when the groups are relabelled (and reordered by the new labels)", () => {
    const names = ["zeta", "alpha", "mu"]; // sorted order differs from 0, 1, 2
    fc.assert(
      fc.property(rows, weightArb, fc.boolean(), (rs, options, stratified) => {
        const a = run(rs, (g) => g, options, stratified);
        const b = run(rs, (g) => names[g], options, stratified);
        if (typeof a === "string" || typeof b === "string") {
          expect(typeof a === "string" && typeof b === "string").toBe(true);
          return;
        }
        expect(close(b.statistic, a.statistic)).toBe(true);
        expect(b.df).toBe(a.df);
        // the same group under its new name has the same O and E
        a.groups.forEach((g, i) => {
          const j = b.groups.indexOf(names[g as number]);
          expect(close(b.observed[j], a.observed[i]) && close(b.expected[j], a.expected[i])).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("does not change with row order", () => {
    fc.assert(
      fc.property(
        rows.chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length }))),
        weightArb,
        fc.boolean(),
        ([rs, shuffled], options, stratified) => {
          const a = run(rs, (g) => g, options, stratified);
          const b = run(shuffled, (g) => g, options, stratified);
          if (typeof a === "string") {
            expect(b).toBe(a);
            return;
          }
          if (typeof b === "string") throw new Error(`shuffled rows refused: ${b}`);
          expect(close(b.statistic, a.statistic)).toBe(true);
          expect(b.df).toBe(a.df);
          a.observed.forEach((o, i) => expect(close(b.observed[i], o)).toBe(true));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives O = E and a zero statistic when the groups are copies of one another", () => {
    fc.assert(
      fc.property(rows, weightArb, fc.integer({ min: 2, max: 4 }), fc.boolean(), (rs, options, copies, stratified) => {
        fc.pre(rs.some((r) => r.event === 1));
        const all = Array.from({ length: copies }, (_, c) => rs.map((r) => ({ ...r, group: c }))).flat();
        const r = run(all, (g) => g, options, stratified);
        if (typeof r === "string") {
          // everyone at risk has the event at each event time (variance 0), or G(p, q) with
          // q > 0 gives every event weight 0
          expect(r).toMatch(/variance of O - E is zero|positive \(weighted\) expected count/);
          return;
        }
        expect(r.groups.length).toBe(copies);
        r.observed.forEach((o, i) => expect(Math.abs(o - r.expected[i])).toBeLessThan(1e-9 * Math.max(1, o)));
        expect(r.statistic).toBeLessThan(1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same test with a single stratum as without strata", () => {
    fc.assert(
      fc.property(rows, weightArb, (rs, options) => {
        const a = run(rs, (g) => g, options);
        const b = run(rs.map((r) => ({ ...r, stratum: 7 })), (g) => g, options, true);
        if (typeof a === "string") {
          expect(b).toBe(a);
          return;
        }
        if (typeof b === "string") throw new Error(`one stratum refused: ${b}`);
        expect(b.statistic).toBe(a.statistic);
        expect(b.variance).toEqual(a.variance);
      }),
      { numRuns: 200 },
    );
  });

  it("gives the log-rank test for Fleming-Harrington G(0, 0)", () => {
    fc.assert(
      fc.property(rows, fc.boolean(), (rs, stratified) => {
        const a = run(rs, (g) => g, {}, stratified);
        const b = run(rs, (g) => g, { weight: "fleming-harrington", p: 0, q: 0 }, stratified);
        if (typeof a === "string") {
          expect(b).toBe(a);
          return;
        }
        if (typeof b === "string") throw new Error(`G(0, 0) refused: ${b}`);
        expect(b.statistic).toBe(a.statistic);
        expect(b.observed).toEqual(a.observed);
      }),
      { numRuns: 200 },
    );
  });
});
