// The explorer modules' doc examples run, and each `// =>` value holds (test/helpers/written.ts).
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as lib from "../../../src/index.js";
import * as results from "../../../src/presentation/explorer/explorerResults.js";
import * as tables from "../../../src/presentation/explorer/explorerTables.js";
import * as figure from "../../../src/presentation/explorer/explorerFigure.js";
import * as csv from "../../../src/presentation/explorer/explorerCsv.js";
import * as claims from "../../../src/presentation/explorer/claimUnderChoices.js";
import { checkedLines, matches, runExample } from "../../helpers/written.js";

const DIR = "src/presentation/explorer";
const scope = { ...lib, ...results, ...tables, ...figure, ...csv, ...claims } as Record<string, unknown>;

/** The @example of a file's first doc comment, without the comment's stars. */
function example(source: string): string {
  const comment = /\/\*\*([\s\S]*?)\*\//.exec(source)?.[1] ?? "";
  const lines = comment.split("\n").map((l) => l.replace(/^\s*\* ?/, ""));
  const at = lines.findIndex((l) => l.startsWith("@example"));
  return at < 0 ? "" : lines.slice(at + 1).join("\n");
}

describe("the explorer's doc examples", () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith(".ts"));
  it("every module has one", () => {
    for (const f of files) expect(example(readFileSync(`${DIR}/${f}`, "utf8")), f).not.toBe("");
  });
  for (const f of files) {
    const block = example(readFileSync(`${DIR}/${f}`, "utf8"));
    if (checkedLines(block).checks.length === 0) continue; // an example that writes files: nothing to check
    it(`${f}: runs, and every // => value holds`, () => {
      const { values, checks } = runExample(block, scope);
      checks.forEach((c, k) => matches(values[k], c.written, `${f}: ${c.line}`));
    });
  }
});
