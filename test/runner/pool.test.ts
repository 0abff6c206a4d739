// Several notebooks on a pool of kernels: reused kernels give what fresh ones give, a notebook
// sees nothing of the one before it, the first failure stops the run and no kernel is left.
import { describe, expect, it } from "vitest";
import { NotebookExecutionError } from "../../src/runner/execute.js";
import { readNotebook, serializeNotebook, type Notebook } from "../../src/runner/ipynb.js";
import { poolSize, runNotebooks } from "../../src/runner/pool.js";
import { kernelChildren } from "./kernelProcesses.js";

const cwd = process.cwd();
const clean = readNotebook("test/runner/fixtures/clean.ipynb");
const failing = readNotebook("test/runner/fixtures/failing.ipynb");
const quiet = { cwd, log: () => {} };

/** A notebook of code cells. */
const notebook = (...sources: string[]): Notebook => ({
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells: sources.map((source) => ({ cell_type: "code", metadata: {}, source, execution_count: null, outputs: [] })),
});

describe("runNotebooks", { timeout: 120_000 }, () => {
  it("gives byte-identical notebooks run after run, on reused and on fresh kernels", async () => {
    const jobs = [
      { name: "a.ipynb", nb: clean },
      { name: "b.ipynb", nb: clean },
      { name: "c.ipynb", nb: clean },
    ];
    const [reused, fresh] = await Promise.all([
      runNotebooks(jobs, { ...quiet, jobs: 1, warmup: 'import "./src/survival/errors";' }), // one kernel, reset twice
      runNotebooks(jobs.slice(0, 1), { ...quiet, fresh: true }),
    ]);
    const texts = [...reused, ...fresh].map((r) => serializeNotebook(r.nb));
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]).toContain('"execution_count": 1'); // the warm-up did not shift the counts
    expect(reused.map((r) => r.name)).toEqual(["a.ipynb", "b.ipynb", "c.ipynb"]);
    expect(kernelChildren()).toEqual([]);
  });

  it("hands each notebook to onNotebook as soon as it has run, waits for it, and fails with it", async () => {
    const seen: string[] = [];
    const jobs = [
      { name: "a.ipynb", nb: notebook("1 + 1") },
      { name: "b.ipynb", nb: notebook("2 + 2") },
    ];
    const runs = await runNotebooks(jobs, {
      ...quiet,
      onNotebook: async (run, i) => {
        await new Promise((r) => setTimeout(r, 200)); // slower than the next notebook's start
        seen.push(`${i}:${run.name}:${run.nb.cells.length}`);
      },
    });
    expect(runs.map((r) => r.name)).toEqual(["a.ipynb", "b.ipynb"]);
    expect(seen).toEqual(["0:a.ipynb:1", "1:b.ipynb:1"]); // all awaited before runNotebooks returned
    await expect(
      runNotebooks(jobs.slice(0, 1), {
        ...quiet,
        onNotebook: () => Promise.reject(new Error("no PNG")),
      }),
    ).rejects.toThrow("no PNG");
    expect(kernelChildren()).toEqual([]);
  });

  it("starts each notebook on a reused kernel from an empty session", async () => {
    const first = notebook('import * as errors from "./src/survival/errors";\nconst shared = 41;\n(globalThis as any).seen = errors;', "shared + 1");
    const sameModule = notebook('import * as errors from "./src/survival/errors";\n(globalThis as any).seen === errors');
    const usesShared = notebook("shared");
    const [runs, error] = await Promise.all([
      runNotebooks([{ name: "first.ipynb", nb: first }, { name: "second.ipynb", nb: sameModule }], { ...quiet, jobs: 1 }),
      runNotebooks([{ name: "first.ipynb", nb: first }, { name: "third.ipynb", nb: usesShared }], { ...quiet, jobs: 1 }).catch((e: unknown) => e),
    ]);
    expect(runs[0].nb.cells[1]).toMatchObject({ outputs: [{ text: "42\n" }] });
    // the project's modules were loaded anew for the second notebook
    expect(runs[1].nb.cells[0]).toMatchObject({ outputs: [{ text: "false\n" }] });
    // the names of the first notebook are gone
    expect(error).toBeInstanceOf(NotebookExecutionError);
    expect(error).toMatchObject({ notebook: "third.ipynb", cell: 1, ename: "TypeScriptError", evalue: "1:1 - Cannot find name 'shared'." });
  });

  it("stops every notebook at the first failure and leaves no kernel behind", async () => {
    const slow = notebook("await new Promise((resolve) => setTimeout(resolve, 60_000));");
    const t0 = performance.now();
    const error = await runNotebooks(
      [
        { name: "slow.ipynb", nb: slow },
        { name: "failing.ipynb", nb: failing },
        { name: "clean.ipynb", nb: clean },
      ],
      { ...quiet, jobs: 2 },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ notebook: "failing.ipynb", cell: 3, ename: "RangeError" });
    expect(performance.now() - t0).toBeLessThan(50_000); // the slow notebook was stopped, not awaited
    expect(kernelChildren()).toEqual([]);
  });

  it("takes the pool size from NOTEBOOK_JOBS, else the mode's default, and rejects nonsense", () => {
    const saved = process.env.NOTEBOOK_JOBS;
    try {
      delete process.env.NOTEBOOK_JOBS;
      expect(poolSize()).toBe(1);
      expect(poolSize(undefined, 2)).toBe(2);
      expect(poolSize(3)).toBe(3);
      process.env.NOTEBOOK_JOBS = "4";
      expect(poolSize()).toBe(4);
      process.env.NOTEBOOK_JOBS = "two";
      expect(() => poolSize()).toThrow(/NOTEBOOK_JOBS.*"two"/);
      expect(() => poolSize(0)).toThrow(RangeError);
    } finally {
      if (saved === undefined) delete process.env.NOTEBOOK_JOBS;
      else process.env.NOTEBOOK_JOBS = saved;
    }
  });
});
