// The project's kernelspec (jupyter/kernels/tslab) in real Jupyter: nbconvert executes a fixture
// notebook from the notebook's own folder, and the result is what our runner writes (Jupyter's
// nbclient leaves tslab's execution counts null; everything else is byte for byte the same).
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { executeNotebook } from "../../src/runner/execute.js";
import { readNotebook, serializeNotebook } from "../../src/runner/ipynb.js";

const JUPYTER = "/usr/bin/jupyter";
const hasJupyter = existsSync(JUPYTER);
const run = promisify(execFile);

function nbconvert(fixture: string, outDir: string) {
  return run(
    JUPYTER,
    ["nbconvert", "--to", "notebook", "--execute", `test/runner/fixtures/${fixture}`, "--output-dir", outDir, "--ExecutePreprocessor.record_timing=False"],
    { env: { ...process.env, JUPYTER_PATH: resolve("jupyter"), PYDEVD_DISABLE_FILE_VALIDATION: "1" } },
  );
}

describe.skipIf(!hasJupyter)(`jupyter nbconvert --execute on jupyter/kernels/tslab (needs ${JUPYTER}: apt-get install jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel)`, { timeout: 120_000 }, () => {
  it("runs a notebook with the project root as working directory, as our runner does", async () => {
    const out = mkdtempSync(join(tmpdir(), "nbconvert-"));
    const [, ours] = await Promise.all([
      nbconvert("clean.ipynb", out),
      executeNotebook(readNotebook("test/runner/fixtures/clean.ipynb"), { name: "clean.ipynb", cwd: process.cwd(), log: () => {} }),
    ]);
    const theirs = readFileSync(join(out, "clean.ipynb"), "utf8");
    expect(theirs).toContain("SurvivalInputError time 2"); // ./src/errors resolved from test/runner/fixtures/
    for (const cell of ours.cells) if (cell.cell_type === "code") cell.execution_count = null;
    expect(serializeNotebook(ours)).toBe(theirs);
  });

  it("fails on a failing cell", async () => {
    const out = mkdtempSync(join(tmpdir(), "nbconvert-"));
    const error = await nbconvert("failing.ipynb", out).then(() => undefined, (e: { code?: number; stderr?: string }) => e);
    expect(error?.code).not.toBe(0);
    expect(error?.stderr).toMatch(/CellExecutionError[\s\S]*throw new RangeError/);
  });
});
