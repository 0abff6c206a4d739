/**
 * The doc-comment contract of a layer's exported functions: @param (one per parameter, in
 * order), @returns, @throws and one @example with `// =>` lines; the example runs (TypeScript,
 * with the project's exports in scope), and each value it writes holds at the precision written,
 * both for our code and for R. R's values come from a committed script that writes, per function,
 * one value per `// =>` line ("-" where R has none: a label, a verdict, a seeded generator).
 */
import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";
import { exportedFunctions } from "./exports.js";
import { loadFixture } from "./fixtures.js";
import { checkedLines, matches, runExample } from "./written.js";

const NOT_R = "-";

/** R's JSON writes infinities as "Inf" / "-Inf". */
const fromJson = (x: unknown): unknown =>
  x === "Inf"
    ? Infinity
    : x === "-Inf"
      ? -Infinity
      : Array.isArray(x)
        ? x.map(fromJson)
        : x !== null && typeof x === "object"
          ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, fromJson(v)]))
          : x;

export function describeDocExamples(entry: string, fixture: string, count: number): void {
  const functions = exportedFunctions(entry);
  const fromR = loadFixture<Record<string, unknown[]>>(fixture);

  describe(`the doc comments of ${entry}'s functions`, () => {
    it(`finds the ${count} exported functions`, () => {
      expect(functions.length).toBe(count);
    });

    for (const f of functions) {
      describe(f.name, () => {
        const tag = (name: string) => f.tags.filter((t) => t.name === name);
        const example = tag("example")[0]?.text ?? "";

        it("documents every parameter, what it returns and what it throws", () => {
          expect(tag("param").map((t) => t.text.split(/\s/)[0]), f.file).toEqual(f.parameters.map((p) => p.name));
          expect(tag("returns").length, `${f.file}: @returns`).toBe(1);
          expect(tag("throws").length, `${f.file}: @throws`).toBeGreaterThanOrEqual(1);
          expect(tag("example").length, `${f.file}: @example`).toBe(1);
          expect(checkedLines(example).checks.length, `${f.file}: // => lines`).toBeGreaterThan(0);
        });

        it("its example runs and every `// =>` value holds, for our code and for R", () => {
          const { values, checks } = runExample(example, lib as Record<string, unknown>);
          checks.forEach((c, k) => matches(values[k], c.written, `${f.name}: ${c.line}`));
          const r = fromR[f.name];
          expect(r, `${fixture}.json has no list for ${f.name}`).toBeDefined();
          expect(r.length, `${f.name}: R's values, one per // => line`).toBe(checks.length);
          checks.forEach((c, k) => {
            if (r[k] !== NOT_R) matches(fromJson(r[k]), c.written, `${f.name} (R): ${c.line}`);
          });
        });
      });
    }
  });
}
