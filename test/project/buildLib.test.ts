// lib/ (what the notebooks import) is compiled again exactly when src/ or the compiler's
// settings changed since it was built, and it mirrors src/: the same layers, the same exports.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const { libIsFresh, newestSource } = require("../../scripts/build-lib.cjs") as {
  libIsFresh: (root: string) => boolean;
  newestSource: (root: string) => number;
};

describe("scripts/build-lib.cjs: when lib/ is stale", () => {
  const root = mkdtempSync(join(tmpdir(), "build-lib-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const at = (path: string, seconds: number) => utimesSync(join(root, path), seconds, seconds);
  mkdirSync(join(root, "src", "survival"), { recursive: true });
  writeFileSync(join(root, "src", "survival", "km.ts"), "export const a = 1;\n");
  writeFileSync(join(root, "tsconfig.lib.json"), "{}\n");
  at("src/survival/km.ts", 1000);
  at("tsconfig.lib.json", 900);

  it("is stale without lib/ at all", () => {
    expect(libIsFresh(root)).toBe(false);
  });

  it("is fresh once built after the newest source, stale again when a source or the config changes", () => {
    mkdirSync(join(root, "lib"), { recursive: true });
    writeFileSync(join(root, "lib", ".built"), "x\n");
    at("lib/.built", 2000);
    expect(newestSource(root)).toBe(1000 * 1000);
    expect(libIsFresh(root)).toBe(true);
    at("src/survival/km.ts", 3000); // an edited library file, however deep
    expect(libIsFresh(root)).toBe(false);
    at("src/survival/km.ts", 1000);
    at("tsconfig.lib.json", 2500);
    expect(libIsFresh(root)).toBe(false);
  });
});

describe("lib/ as built by npm ci", () => {
  it("exports what src/index.ts exports, layer by layer", async () => {
    for (const layer of ["survival", "study", "presentation", "teaching", "runner"]) {
      const compiled = Object.keys(require(`../../lib/${layer}/index.js`)).sort();
      const source = Object.keys(await import(`../../src/${layer}/index.ts`)).sort();
      expect(compiled, layer).toEqual(source);
    }
  });
});
