#!/usr/bin/env node
/**
 * Compiles src/ to lib/: CommonJS JavaScript with type declarations and source maps, the form
 * the notebooks import (`import { kaplanMeier } from "./lib/survival"`).
 *
 * Why: tslab type-checks and compiles every TypeScript file a cell pulls in, each time a kernel
 * starts; the whole of src/ costs about 4 s that way, while its compiled declarations cost about
 * half a second. Source maps make stack traces name the src/*.ts lines.
 *
 *   node scripts/build-lib.cjs            compile if any file of src/ (or the config) is newer than lib/
 *   node scripts/build-lib.cjs --force    compile anyway
 *
 * `npm ci` runs it (the "prepare" script); the project's kernel (jupyter/kernels/tslab/launch.cjs)
 * and `npm run reproduce` call ensureLib() before they run anything, so an edited src/ is
 * compiled again on the next kernel start. lib/ is generated: never edit it, never commit it.
 */
"use strict";
const { spawnSync } = require("node:child_process");
const { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } = require("node:fs");
const { join, resolve } = require("node:path");

const ROOT = resolve(__dirname, "..");
const STAMP = ".built";

/** The newest modification time (ms) of the .ts files under dir, and of the extra files. */
function newestSource(root) {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(root, "src"));
  for (const config of ["tsconfig.json", "tsconfig.lib.json", "package-lock.json"]) {
    const path = join(root, config);
    if (existsSync(path)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether lib/ was compiled after the last change to src/ (or to the compiler's settings). */
function libIsFresh(root = ROOT) {
  const stamp = join(root, "lib", STAMP);
  return existsSync(stamp) && statSync(stamp).mtimeMs >= newestSource(root);
}

/**
 * Compiles src/ into lib/ with the project's TypeScript. Throws with the compiler's messages
 * when src/ does not type-check (lib/ then keeps its previous stamp, so the next call tries again).
 */
function buildLib(root = ROOT) {
  const started = Date.now();
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.lib.json")], { cwd: root, encoding: "utf8" });
  if (run.status !== 0) {
    throw new Error(`compiling src/ to lib/ failed (tsc -p tsconfig.lib.json):\n${(run.stdout + run.stderr).trim()}`);
  }
  mkdirSync(join(root, "lib"), { recursive: true });
  // The project's package.json says "type": "module"; lib/ is CommonJS, which tslab loads.
  writeFileSync(join(root, "lib", "package.json"), '{ "type": "commonjs" }\n');
  writeFileSync(join(root, "lib", STAMP), `${new Date().toISOString()}\n`);
  return (Date.now() - started) / 1000;
}

/**
 * Compiles lib/ only when it is missing or older than src/. Returns what it did, for the log:
 * { built: false } or { built: true, seconds }.
 */
function ensureLib(root = ROOT) {
  if (libIsFresh(root)) return { built: false, seconds: 0 };
  return { built: true, seconds: buildLib(root) };
}

module.exports = { ensureLib, buildLib, libIsFresh, newestSource };

if (require.main === module) {
  try {
    if (process.argv.includes("--force")) {
      process.stdout.write(`lib/ compiled from src/ in ${buildLib().toFixed(1)} s\n`);
    } else {
      const done = ensureLib();
      process.stdout.write(done.built ? `lib/ compiled from src/ in ${done.seconds.toFixed(1)} s\n` : "lib/ is up to date with src/\n");
    }
  } catch (e) {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
}
