// The README's library examples run, and every `expr; // => value` line holds: numbers at the
// precision written (0.9565 means within 0.00005), arrays and objects key by key, null as null
// (test/helpers/written.ts).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";
import { matches, runExample } from "../helpers/written.js";

const readme = readFileSync("README.md", "utf8");
const library = readme.slice(readme.indexOf("## The library"));
const blocks = [...library.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

describe("README examples", () => {
  it("has the library's examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
  });

  it.each(blocks.map((b, i) => [i + 1, b] as const))("block %i runs and its `// =>` values hold", (_, block) => {
    const { values, checks } = runExample(block, lib as Record<string, unknown>);
    expect(checks.length).toBeGreaterThan(0);
    checks.forEach((c, k) => matches(values[k], c.written, c.line));
  });
});
