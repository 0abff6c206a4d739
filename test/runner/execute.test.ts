// Executing one notebook on a tslab kernel: outputs, execution counts, and the three ways a
// run stops (a failing cell, a kernel that dies, a cell that never finishes).
import { describe, expect, it } from "vitest";
import { executeNotebook, NotebookExecutionError } from "../../src/runner/execute.js";
import { readNotebook, serializeNotebook } from "../../src/runner/ipynb.js";
import { Kernel, TSLAB_KERNEL } from "../../src/runner/kernel.js";
import { kernelChildren } from "./kernelProcesses.js";

const cwd = process.cwd();
const fixture = (name: string) => ({ name: `fixtures/${name}.ipynb`, nb: readNotebook(`test/runner/fixtures/${name}.ipynb`) });

/** Run a fixture; resolve with the error it rejects with and the progress lines logged. */
async function failure(name: string, cellTimeoutMs?: number) {
  const { nb } = fixture(name);
  const lines: string[] = [];
  const error = await executeNotebook(nb, { name: `${name}.ipynb`, cwd, cellTimeoutMs, log: (l) => lines.push(l) }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NotebookExecutionError);
  return { error: error as NotebookExecutionError, lines };
}

describe("executeNotebook", { timeout: 120_000 }, () => {
  it("runs a clean notebook: outputs in order, counts 1..n over non-empty code cells, cwd = project root", async () => {
    const { nb } = fixture("clean");
    const lines: string[] = [];
    const out = await executeNotebook(nb, { name: "clean.ipynb", cwd, log: (l) => lines.push(l) });
    expect(lines).toEqual(["clean.ipynb: cell 2/5", "clean.ipynb: cell 3/5", "clean.ipynb: cell 5/5"]);
    const [md, imports, sort, empty, display] = out.cells;
    expect(md.cell_type).toBe("markdown");
    // `import ... from "./src/survival/errors"` resolved: the kernel runs in the project root
    expect(imports).toMatchObject({ execution_count: 1, outputs: [{ output_type: "stream", name: "stdout", text: "SurvivalInputError time 2\n" }] });
    // the value of a cell's last expression, as tslab prints it
    expect(sort).toMatchObject({ execution_count: 2, outputs: [{ output_type: "stream", name: "stdout", text: "1,2,3\n" }] });
    expect(empty).toMatchObject({ execution_count: null, outputs: [] });
    expect(display).toMatchObject({
      execution_count: 3,
      outputs: [
        { output_type: "display_data", data: { "text/html": "<b>bold</b>" }, metadata: {} },
        { output_type: "stream", name: "stderr", text: "a warning on stderr\n" },
        { output_type: "stream", name: "stdout", text: "line 1\nline 2\n" }, // one output per run of writes
      ],
    });
    expect(out.metadata.language_info).toMatchObject({ name: "typescript", file_extension: ".ts" });
    expect(nb.cells[1].cell_type === "code" && nb.cells[1].outputs).toEqual([]); // input untouched
  });

  it("gives tslab's own kernel command and the project launcher the same notebook", async () => {
    const { nb } = fixture("clean");
    const kernel = await Kernel.start({ cwd, command: TSLAB_KERNEL });
    try {
      const [viaTslab, viaLauncher] = await Promise.all([
        executeNotebook(nb, { name: "clean.ipynb", cwd, kernel, log: () => {} }),
        executeNotebook(nb, { name: "clean.ipynb", cwd, log: () => {} }),
      ]);
      expect(serializeNotebook(viaTslab)).toBe(serializeNotebook(viaLauncher));
    } finally {
      await kernel.kill();
    }
    expect(kernel.exited).toBe(true);
  });

  it("keeps every message of a cell that prints 3000 lines (tslab alone loses some: see launch.cjs)", async () => {
    const nb = fixture("clean").nb;
    nb.cells = [nb.cells[2], { ...nb.cells[2], source: "for (let i = 1; i <= 3000; i++) console.log(i);" }, nb.cells[2]] as typeof nb.cells;
    const out = await executeNotebook(nb, { name: "many.ipynb", cwd, cellTimeoutMs: 30_000, log: () => {} });
    const lines = Array.from({ length: 3000 }, (_, i) => `${i + 1}\n`).join("");
    expect(out.cells.map((c) => c.cell_type === "code" && c.outputs)).toEqual([
      [{ output_type: "stream", name: "stdout", text: "1,2,3\n" }],
      [{ output_type: "stream", name: "stdout", text: lines }],
      [{ output_type: "stream", name: "stdout", text: "1,2,3\n" }],
    ]);
  });

  it("stops at a failing cell and names the notebook, the cell and the error", async () => {
    const { error, lines } = await failure("failing");
    expect(error.message).toBe('failing.ipynb: cell 3 ("const limit = 3;"): RangeError: value 4 is out of range');
    expect(error).toMatchObject({ notebook: "failing.ipynb", cell: 3, reason: "error", ename: "RangeError", evalue: "value 4 is out of range" });
    expect(error.detail).toContain("RangeError: value 4 is out of range");
    expect(lines).toEqual(["failing.ipynb: cell 1/4", "failing.ipynb: cell 3/4"]); // cell 4 never ran
  });

  it("reports a type error as the cell's error", async () => {
    const nb = fixture("clean").nb;
    nb.cells[2] = { ...nb.cells[2], source: 'const n: number = "three";' } as typeof nb.cells[2];
    const error = await executeNotebook(nb, { name: "typed.ipynb", cwd, log: () => {} }).catch((e: unknown) => e);
    expect(error).toMatchObject({ cell: 3, ename: "TypeScriptError" });
    expect((error as Error).message).toMatch(/typed\.ipynb: cell 3 \("const n: number = \\"three\\";"\): TypeScriptError: 1:7 - Type 'string' is not assignable to type 'number'/);
  });

  it("stops when the kernel dies mid-run", async () => {
    const { error, lines } = await failure("dies");
    expect(error).toMatchObject({ notebook: "dies.ipynb", cell: 2, reason: "died", ename: "KernelDied" });
    expect(error.message).toMatch(/^dies\.ipynb: cell 2 \("\/\/ the kernel process ends here"\): KernelDied: tslab kernel exited \(exit code 1\)/);
    expect(lines).toHaveLength(2);
  });

  it("stops a cell that runs past the timeout and kills its kernel", async () => {
    const t0 = performance.now();
    const { error } = await failure("hangs", 1500);
    expect(error).toMatchObject({ notebook: "hangs.ipynb", cell: 2, reason: "timeout", ename: "Timeout", evalue: "cell did not finish within 1500 ms" });
    expect(performance.now() - t0).toBeLessThan(60_000);
    expect(kernelChildren()).toEqual([]);
  });
});
