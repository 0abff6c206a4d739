/**
 * The layers of src/ and the one rule between them: a layer imports only the layers below it
 * (README, "Layers"). The survival library imports no npm package and no Node API, so that it
 * runs as it is in a browser and could be published alone.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/** Each layer, and the layers and kinds of module it may import. */
const RULES: Record<string, { layers: string[]; node: boolean; npm: boolean }> = {
  survival: { layers: [], node: false, npm: false },
  digitize: { layers: ["survival"], node: false, npm: true },
  study: { layers: ["survival"], node: true, npm: false },
  presentation: { layers: ["survival", "study"], node: true, npm: true },
  teaching: { layers: ["survival", "study", "presentation"], node: true, npm: true },
  runner: { layers: [], node: true, npm: true },
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, static or dynamic. */
export function importsOf(source: string): string[] {
  const specs: string[] = [];
  const pattern = /(?:^|[\s;{}])(?:import|export)\s[^"'`;]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;
  for (const m of source.matchAll(pattern)) specs.push(m[1] ?? m[2] ?? m[3]);
  return specs;
}

const layerOf = (file: string) => relative("src", file).split(/[\\/]/)[0];

describe("src/ layers", () => {
  const files = filesUnder("src");

  it("every folder of src/ is a known layer (index.ts is the whole entry)", () => {
    const top = readdirSync("src").filter((n) => n !== "index.ts");
    expect(top.sort()).toEqual(Object.keys(RULES).sort());
  });

  it("finds the imports it checks", () => {
    expect(importsOf('import { a } from "./a.js";\nexport * from "../b/index.js";\nconst m = await import("node:fs");')).toEqual(["./a.js", "../b/index.js", "node:fs"]);
    expect(importsOf('import type { DataFrame } from "danfojs-node";')).toEqual(["danfojs-node"]);
  });

  for (const [layer, rule] of Object.entries(RULES)) {
    it(`${layer} imports only ${rule.layers.length ? rule.layers.join(", ") : "itself"}${rule.node ? ", Node" : ""}${rule.npm ? " and npm packages" : ""}`, () => {
      const offences: string[] = [];
      for (const file of files.filter((f) => layerOf(f) === layer)) {
        for (const spec of importsOf(readFileSync(file, "utf8"))) {
          if (spec.startsWith(".")) {
            const target = resolve(dirname(file), spec);
            const to = layerOf(relative(process.cwd(), target));
            if (to !== layer && !rule.layers.includes(to)) offences.push(`${file} imports ${spec} (layer ${to})`);
          } else if (spec.startsWith("node:")) {
            if (!rule.node) offences.push(`${file} imports ${spec} (a Node API)`);
          } else if (!rule.npm) {
            offences.push(`${file} imports ${spec} (an npm package)`);
          }
        }
      }
      expect(offences).toEqual([]);
    });
  }
});
