// `npm run reproduce` on a copy of the project whose data file is malformed: it stops before
// anything runs, naming the file, the line and the value, and the previous build is untouched.
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("npm run reproduce with a malformed data file", () => {
  const copy = mkdtempSync(join(tmpdir(), "reproduce-bad-data-"));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));
  for (const part of ["scripts", "src", "data", "notebooks", "package.json", "tsconfig.json", "tsconfig.lib.json"]) {
    cpSync(part, join(copy, part), { recursive: true });
  }
  symlinkSync(resolve("node_modules"), join(copy, "node_modules"));

  it.each([
    ["bad-data/non-numeric-month.csv", /data\/recurrence\.csv.*line \d+.*months.*"abc"/],
    ["bad-data/status-2.csv", /data\/recurrence\.csv.*line \d+.*status.*"2"/],
  ])("%s: stops naming file, line and value, leaving build/ as it was", async (fixture, message) => {
    writeFileSync(join(copy, "data", "recurrence.csv"), readFileSync(join("test", "study", "fixtures", fixture)));
    mkdirSync(join(copy, "build"), { recursive: true });
    writeFileSync(join(copy, "build", "claims.json"), "previous\n");
    const error = await run(process.execPath, ["--import", "tsx", "scripts/reproduce.ts"], { cwd: copy }).then(
      () => undefined,
      (e: { code?: number; stderr?: string; stdout?: string }) => e,
    );
    expect(error?.code).toBe(1);
    expect(error?.stderr).toMatch(message);
    expect(error?.stderr).not.toMatch(/executing \d+ notebooks/);
    expect(readdirSync(join(copy, "build"))).toEqual(["claims.json"]);
    expect(readFileSync(join(copy, "build", "claims.json"), "utf8")).toBe("previous\n");
  }, 60_000);
});
