// The README's library examples run, and every `expr; // => value` line holds: numbers at the
// precision written (0.9565 means within 0.00005), arrays and objects key by key, null as null.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";

const readme = readFileSync("README.md", "utf8");
const library = readme.slice(readme.indexOf("## The library"));
const blocks = [...library.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

/** Decimal places a number is written with. */
const decimals = (text: string) => (text.includes(".") ? text.trim().split(".")[1].length : 0);

/** Compares a computed value with the value the README writes (a JS literal, as text). */
function matches(actual: unknown, written: string, where: string): void {
  const expected: unknown = new Function(`return (${written});`)();
  const compare = (a: unknown, e: unknown, text: string, path: string): void => {
    if (typeof e === "number") {
      const tol = 0.5 * 10 ** -decimals(text) + 1e-12;
      expect(typeof a, `${where}${path}`).toBe("number");
      expect(Math.abs((a as number) - e), `${where}${path}: ${a} is not ${text}`).toBeLessThanOrEqual(tol);
    } else if (Array.isArray(e)) {
      const parts = splitTop(text.trim().slice(1, -1));
      expect((a as ArrayLike<unknown>).length, `${where}${path}.length`).toBe(e.length);
      e.forEach((x, i) => compare((a as ArrayLike<unknown>)[i], x, parts[i], `${path}[${i}]`));
    } else if (e !== null && typeof e === "object") {
      const parts = Object.fromEntries(
        splitTop(text.trim().slice(1, -1)).map((kv) => [kv.slice(0, kv.indexOf(":")).trim(), kv.slice(kv.indexOf(":") + 1)]),
      );
      for (const k of Object.keys(e)) compare((a as Record<string, unknown>)[k], (e as Record<string, unknown>)[k], parts[k], `${path}.${k}`);
    } else {
      expect(a, `${where}${path}`).toBe(e);
    }
  };
  compare(actual, expected, written, "");
}

/** Splits "a, [b, c], {d: e}" at its top-level commas. */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if ("[{(".includes(s[i])) depth++;
    else if ("]})".includes(s[i])) depth--;
    else if (s[i] === "," && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

describe("README examples", () => {
  it("has the library's examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
  });

  it.each(blocks.map((b, i) => [i + 1, b] as const))("block %i runs and its `// =>` values hold", (_, block) => {
    const checks: { line: string; written: string }[] = [];
    const body = block
      .split("\n")
      .filter((line) => !line.startsWith("import "))
      .map((line) => {
        const m = /^(.*?);\s*\/\/ => (.*?)(?: \(.*\))?$/.exec(line);
        if (!m) return line;
        const written = m[2].trim();
        checks.push({ line: m[1].trim(), written });
        return `__check(${m[1]}, ${checks.length - 1});`;
      })
      .join("\n");
    const names = Object.keys(lib);
    const seen: unknown[] = [];
    new Function("__check", ...names, body)((v: unknown, k: number) => (seen[k] = v), ...names.map((n) => (lib as Record<string, unknown>)[n]));
    expect(checks.length).toBeGreaterThan(0);
    checks.forEach((c, k) => matches(seen[k], c.written, c.line));
  });
});
