/**
 * The explorer's script for the page: browser/main.ts and everything it imports (the survival
 * library, the study's pure functions, the figure builders) bundled by esbuild into one
 * self-contained script (an IIFE, ES2020, no module loader), to be inlined in the HTML so the
 * page stays one offline file.
 *
 * Built for `platform: "browser"`: a Node API anywhere in what the page imports fails the build
 * (esbuild cannot resolve "node:fs" for a browser), so the bundle is also the check that the
 * code the page runs is browser-safe. Not minified (about 110 KB, next to plotly.js's 4.7 MB),
 * so that a reader can read it; the output is a pure function of the sources and esbuild's
 * version, so the report stays byte-stable. Resolved from the project root (the working
 * directory), as plotlySource is; esbuild is a devDependency, loaded on first use.
 *
 * @example
 * const js = explorerBundle();   // the script; `<script>${js}</script>` runs the explorer
 */
import { createRequire } from "node:module";
import { join } from "node:path";

/** The browser entry point, relative to the project root. */
export const EXPLORER_ENTRY = "src/presentation/explorer/browser/main.ts";

const cache = new Map<string, string>();

/**
 * @param root  the project root (default: the working directory)
 * @returns     the bundled script (cached per root for the life of the process)
 * @throws Error  with esbuild's messages when the entry does not bundle for a browser
 */
export function explorerBundle(root: string = process.cwd()): string {
  const hit = cache.get(root);
  if (hit !== undefined) return hit;
  const require = createRequire(join(root, "package.json"));
  const esbuild = require("esbuild") as typeof import("esbuild");
  const result = esbuild.buildSync({
    entryPoints: [join(root, EXPLORER_ENTRY)],
    absWorkingDir: root,
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "es2020",
    charset: "utf8",
    legalComments: "none",
    write: false,
    logLevel: "silent",
  });
  const js = result.outputFiles[0].text;
  cache.set(root, js);
  return js;
}
