/**
 * Execute several notebooks side by side on a pool of kernels.
 *
 * Two modes:
 * - reuse (default): `jobs` kernels (default 1) start at once; each then runs notebook after
 *   notebook, with a `%reset -f` (a fresh session: see jupyter/kernels/tslab/launch.cjs)
 *   between two. A tslab kernel costs ~2 s of CPU to start and 2-5 s more to type-check the
 *   project files a notebook imports first: paid once a kernel instead of once a notebook.
 *   Measured on this project's 2-core machine, one reused kernel beat two (less CPU, same or
 *   less wall time): each added kernel pays start and type-check again.
 * - fresh: one new kernel a notebook (what "Restart and run all" does), `jobs` (default 2) at
 *   a time, each started ahead of need so that kernel start overlaps with other notebooks.
 * Either way each notebook starts from an empty session, and the first failure stops
 * everything and is what the returned promise rejects with. Every kernel is killed at the end.
 */
import { executeNotebook, NotebookExecutionError } from "./execute.js";
import { Kernel, KernelError, type KernelOptions } from "./kernel.js";
import type { Notebook } from "./ipynb.js";

export interface NotebookJob {
  readonly name: string;
  readonly nb: Notebook;
}

export interface NotebookRun {
  readonly name: string;
  readonly nb: Notebook;
  /** Wall time from taking the job to its end, waiting for a kernel included (s). */
  readonly seconds: number;
  /** CPU time its kernel spent on it, kernel start and warm-up excluded (s); null without /proc. */
  readonly cpuSeconds: number | null;
}

export interface PoolOptions {
  /** The project root: the kernels' working directory. */
  readonly cwd: string;
  /** Kernels at once; default the NOTEBOOK_JOBS environment variable, else 1 (reuse) or 2 (fresh). */
  readonly jobs?: number;
  /** One fresh kernel a notebook instead of reset kernels; default false. */
  readonly fresh?: boolean;
  readonly cellTimeoutMs?: number;
  /**
   * Code each kernel runs as soon as it is up, outputs discarded, e.g. `import "./src/index";`
   * to have the library type-checked and loaded before a notebook asks for it. Execution
   * counts in the notebooks start at 1 regardless.
   */
  readonly warmup?: string;
  /**
   * Called as soon as each notebook has run (in the order they finish), e.g. to render its
   * figures while the next one runs. A returned promise is awaited before runNotebooks returns;
   * its failure fails the run.
   */
  readonly onNotebook?: (run: NotebookRun, index: number) => void | Promise<unknown>;
  /** How kernels are started (command, node options); cwd is taken from above. */
  readonly kernel?: Omit<KernelOptions, "cwd">;
  readonly log?: (line: string) => void;
}

/** The pool size: an explicit value, else NOTEBOOK_JOBS, else `fallback`. */
export function poolSize(explicit?: number, fallback = 1): number {
  const raw = explicit ?? process.env.NOTEBOOK_JOBS;
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`the number of kernels (NOTEBOOK_JOBS) must be a positive integer, got ${JSON.stringify(raw)}`);
  }
  return value;
}

export async function runNotebooks(jobs: readonly NotebookJob[], options: PoolOptions): Promise<NotebookRun[]> {
  const size = Math.min(poolSize(options.jobs, options.fresh ? 2 : 1), Math.max(jobs.length, 1));
  const timeoutMs = options.cellTimeoutMs ?? 120_000;
  const started: Promise<Kernel>[] = [];

  /** Start a kernel and run the warm-up; its promise is recorded so that it is always killed. */
  const startKernel = (): Promise<Kernel> => {
    const kernel = (async () => {
      const k = await Kernel.start({ ...options.kernel, cwd: options.cwd });
      if (options.warmup) {
        const result = await k.execute(options.warmup, timeoutMs).catch((e: Error) => e);
        if (result instanceof Error || result.status !== "ok") {
          const why = result instanceof Error ? result.message : `${result.ename}: ${result.evalue}`;
          await k.kill();
          throw new KernelError(`the warm-up code failed: ${why}`, "start");
        }
        if (!options.fresh) await k.reset(); // warm-up imports leave no names behind
      }
      return k;
    })();
    kernel.catch(() => undefined); // handled where it is awaited; no unhandled rejection meanwhile
    started.push(kernel);
    return kernel;
  };

  const runs: NotebookRun[] = new Array(jobs.length);
  const followUps: Promise<unknown>[] = [];
  let next = 0;
  let failure: unknown;
  const stopAll = () => Promise.all(started.map((k) => k.then((kk) => kk.kill(), () => undefined)));

  const run = async (index: number, kernel: Promise<Kernel>, t0: number) => {
    const job = jobs[index];
    let k: Kernel;
    try {
      k = await kernel;
    } catch (e) {
      throw new NotebookExecutionError(job.name, 0, "", "start", "KernelError", (e as Error).message, "");
    }
    const cpu0 = k.cpuSeconds();
    const nb = await executeNotebook(job.nb, {
      name: job.name,
      cwd: options.cwd,
      kernel: k,
      cellTimeoutMs: timeoutMs,
      log: options.log,
    });
    const cpu1 = k.cpuSeconds();
    const cpuSeconds = cpu0 === null || cpu1 === null ? null : cpu1 - cpu0;
    runs[index] = { name: job.name, nb, seconds: (performance.now() - t0) / 1000, cpuSeconds };
    if (options.onNotebook) {
      const followUp = Promise.resolve().then(() => options.onNotebook!(runs[index], index));
      followUp.catch(() => undefined); // awaited below; no unhandled rejection meanwhile
      followUps.push(followUp);
    }
  };

  // fresh mode: kernels for the first `size` notebooks start now, then one more each time one is taken.
  const ahead: Promise<Kernel>[] = [];
  const startAhead = () => {
    if (started.length < jobs.length) ahead.push(startKernel());
  };

  const worker = async () => {
    const own = options.fresh ? undefined : startKernel();
    while (failure === undefined && next < jobs.length) {
      const index = next++;
      const t0 = performance.now();
      let kernel: Promise<Kernel>;
      if (own) {
        kernel = own;
      } else {
        kernel = ahead.shift() ?? startKernel();
        startAhead();
      }
      try {
        await run(index, kernel, t0);
        await (own ? (await own).reset(timeoutMs) : (await kernel).kill());
      } catch (e) {
        if (failure === undefined) {
          failure = e instanceof KernelError ? new Error(`after ${jobs[index].name}: ${e.message}`) : e;
          await stopAll(); // the other notebooks' kernels die; their errors are ignored
        }
      }
    }
  };

  try {
    if (options.fresh) for (let i = 0; i < size; i++) startAhead();
    await Promise.all(Array.from({ length: size }, worker));
  } finally {
    await stopAll();
  }
  if (failure !== undefined) throw failure;
  await Promise.all(followUps);
  return runs;
}
