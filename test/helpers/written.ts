/**
 * Examples as the README and the doc comments write them: `expr; // => value (a note)`. A value
 * is a JS literal; numbers hold at the precision written (0.9565 means within 0.00005, 1.8e-219
 * within 0.05e-219), arrays
 * and objects element by element and key by key, anything else (strings, null, booleans,
 * Infinity) exactly.
 */
import ts from "typescript";
import { expect } from "vitest";

/** Half a unit in the last digit written: 0.9565 -> 0.00005, 1.796e-219 -> 0.0005e-219. */
function halfUnit(text: string): number {
  const m = /^\s*-?\d+(?:\.(\d+))?(?:e([+-]?\d+))?\s*$/i.exec(text);
  if (!m) throw new Error(`not a plain number: ${text}`);
  return 0.5 * 10 ** (Number(m[2] ?? 0) - (m[1]?.length ?? 0));
}

/** Splits "a, [b, c], {d: e}" at its top-level commas. */
export function splitTop(s: string): string[] {
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

/** Checks a computed value against the value written (a JS literal, as text). */
export function matches(actual: unknown, written: string, where: string): void {
  const expected: unknown = new Function(`return (${written});`)();
  const compare = (a: unknown, e: unknown, text: string, path: string): void => {
    if (typeof e === "number" && Number.isFinite(e)) {
      const tol = halfUnit(text) * (1 + 1e-9) + (/e/i.test(text) ? 0 : 1e-12);
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

/** The lines of an example with `// =>` turned into checks: the code to run and what each line wrote. */
export function checkedLines(block: string): { body: string; checks: { line: string; written: string }[] } {
  const checks: { line: string; written: string }[] = [];
  const body = block
    .split("\n")
    .filter((line) => !line.startsWith("import "))
    .map((line) => {
      const m = /^(.*?);\s*\/\/ => (.*?)(?: \(.*\))?$/.exec(line);
      if (!m) return line;
      checks.push({ line: m[1].trim(), written: m[2].trim() });
      return `__check(${m[1]}, ${checks.length - 1});`;
    })
    .join("\n");
  return { body, checks };
}

/** Runs an example (TypeScript) with `names` in scope; returns each checked line's value. */
export function runExample(block: string, names: Record<string, unknown>): { values: unknown[]; checks: { line: string; written: string }[] } {
  const { body: code, checks } = checkedLines(block);
  const body = ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
  const values: unknown[] = [];
  const keys = Object.keys(names);
  new Function("__check", ...keys, body)((v: unknown, k: number) => (values[k] = v), ...keys.map((n) => names[n]));
  return { values, checks };
}
