/**
 * Build into a temporary folder beside the target, then swap it in: the target is replaced
 * only when the whole build succeeded, so a failing run leaves the previous build intact.
 *
 * The temporary folder (`.build-tmp-<name>-<pid>` in the target's parent, on the same file
 * system so that the swap is two renames) is removed on failure and when the process exits
 * mid-build (process.exit, e.g. after Ctrl-C).
 *
 * @example
 * await buildAtomically("build", async (dir) => writeFileSync(join(dir, "claims.json"), text));
 */
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

export async function buildAtomically<T>(target: string, build: (dir: string) => Promise<T>): Promise<T> {
  const final = resolve(target);
  const tmp = join(dirname(final), `.build-tmp-${basename(final)}-${process.pid}`);
  const old = `${tmp}-old`;
  const cleanup = () => {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  };
  cleanup();
  mkdirSync(tmp, { recursive: true });
  process.once("exit", cleanup);
  try {
    const result = await build(tmp);
    const hadPrevious = existsSync(final);
    if (hadPrevious) renameSync(final, old);
    try {
      renameSync(tmp, final);
    } catch (e) {
      if (hadPrevious) renameSync(old, final); // put the previous build back
      throw e;
    }
    return result;
  } finally {
    cleanup();
    process.removeListener("exit", cleanup);
  }
}
