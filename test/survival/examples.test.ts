/**
 * The survival library's doc comments: every function src/survival/index.ts exports has
 * @param (one per parameter), @returns, @throws and an @example with `// =>` lines; each example
 * runs, and each value it writes holds at the precision written, both for our code and for R
 * (test/survival/fixtures/r/examples.R computes R's value of every line; "-" marks a line R has
 * no value for, such as a seeded generator's).
 */
import { describe, expect, it } from "vitest";
import * as survival from "../../src/survival/index.js";
import { exportedFunctions } from "../helpers/exports.js";
import { loadFixture } from "../helpers/fixtures.js";
import { checkedLines, matches, runExample } from "../helpers/written.js";

const functions = exportedFunctions("src/survival/index.ts");
const fromR = loadFixture<Record<string, unknown[]>>("examples");
const NOT_R = "-";

/** R's JSON writes infinities as "Inf" / "-Inf". */
const fromJson = (x: unknown): unknown =>
  x === "Inf" ? Infinity : x === "-Inf" ? -Infinity : Array.isArray(x) ? x.map(fromJson) : x !== null && typeof x === "object" ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, fromJson(v)])) : x;

describe("the survival library's doc comments", () => {
  it("finds the exported functions", () => {
    expect(functions.map((f) => f.name)).toEqual(expect.arrayContaining(["kaplanMeier", "logRankTest", "fisherExactTest", "permutationLogRank"]));
    expect(functions.length).toBe(17);
  });

  for (const f of functions) {
    describe(f.name, () => {
      const tag = (name: string) => f.tags.filter((t) => t.name === name);
      const example = tag("example")[0]?.text ?? "";

      it("documents every parameter, what it returns and what it throws", () => {
        expect(tag("param").map((t) => t.text.split(/\s/)[0]), `${f.file}`).toEqual(f.parameters.map((p) => p.name));
        expect(tag("returns").length, `${f.file}: @returns`).toBe(1);
        expect(tag("throws").length, `${f.file}: @throws`).toBeGreaterThanOrEqual(1);
        expect(tag("example").length, `${f.file}: @example`).toBe(1);
        expect(checkedLines(example).checks.length, `${f.file}: // => lines`).toBeGreaterThan(0);
      });

      it("its example runs and every `// =>` value holds, for our code and for R", () => {
        const { values, checks } = runExample(example, survival as Record<string, unknown>);
        checks.forEach((c, k) => matches(values[k], c.written, `${f.name}: ${c.line}`));
        const r = fromR[f.name];
        expect(r, `test/survival/fixtures/r/examples.R has no list for ${f.name}`).toBeDefined();
        expect(r.length, `${f.name}: R's values, one per // => line`).toBe(checks.length);
        checks.forEach((c, k) => {
          if (r[k] !== NOT_R) matches(fromJson(r[k]), c.written, `${f.name} (R): ${c.line}`);
        });
      });
    });
  }
});
