/**
 * The plotly.js bundle (plotly.js-dist-min, ~4.7 MB) as text, for pages that must work
 * offline: inlined once in the HTML report and loaded once into the page that exports images.
 * Resolved from the project root (the working directory), which also works inside a tslab
 * kernel, where modules are compiled to CommonJS and `import.meta` is unavailable.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

let cached: string | undefined;

/** Path of plotly.min.js, resolved as `require.resolve("plotly.js-dist-min")` from `root`. */
export function plotlyPath(root: string = process.cwd()): string {
  try {
    return createRequire(join(root, "package.json")).resolve("plotly.js-dist-min");
  } catch {
    throw new Error(`plotly.js-dist-min not found from ${root}: run \`npm ci\` in the project root and run from there`);
  }
}

/** The bundle's source, read once per process. */
export function plotlySource(): string {
  if (cached === undefined) cached = readFileSync(plotlyPath(), "utf8");
  return cached;
}
