/**
 * Execute several notebooks side by side, each on its own fresh kernel, with kernels started
 * ahead of need: while a notebook runs, the kernel for a later one is already starting (and
 * warming up), so the ~2 s a tslab kernel takes to start overlaps with useful work.
 *
 * At most `jobs` notebooks run at once and at most `jobs` more kernels start meanwhile; exactly
 * one kernel is started per notebook. The first failure stops everything (every kernel is
 * killed) and is what the returned promise rejects with.
 */
import { executeNotebook } from "./execute.js";
import { Kernel, KernelError } from "./kernel.js";
import type { Notebook } from "./ipynb.js";

export interface NotebookJob {
  readonly name: string;
  readonly nb: Notebook;
}

export interface NotebookRun {
  readonly name: string;
  readonly nb: Notebook;
  /** Wall time from taking the job to its end, waiting for the kernel included (s). */
  readonly seconds: number;
  /** How long its kernel took to start and warm up, overlapped with other work (s). */
  readonly kernelSeconds: number;
}

export interface PoolOptions {
  /** The project root: the kernels' working directory. */
  readonly cwd: string;
  /** Notebooks at once; default the NOTEBOOK_JOBS environment variable, else 2. */
  readonly jobs?: number;
  readonly cellTimeoutMs?: number;
  /**
   * Code each kernel runs as soon as it is up, outputs discarded, e.g. `import "./src/index";`
   * to have the library compiled and loaded before the notebook's first cell asks for it.
   * Execution counts in the notebooks start at 1 regardless.
   */
  readonly warmup?: string;
  readonly log?: (line: string) => void;
}

/** The pool size: an explicit value, else NOTEBOOK_JOBS, else 2 (this project's 2-core machines). */
export function poolSize(explicit?: number): number {
  const value = explicit ?? (process.env.NOTEBOOK_JOBS ? Number(process.env.NOTEBOOK_JOBS) : 2);
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`pool size must be a positive integer, got ${JSON.stringify(process.env.NOTEBOOK_JOBS ?? explicit)}`);
  }
  return value;
}

interface TimedKernel {
  readonly kernel: Promise<Kernel>;
  readonly seconds: Promise<number>;
}

export async function runNotebooks(jobs: readonly NotebookJob[], options: PoolOptions): Promise<NotebookRun[]> {
  const size = Math.min(poolSize(options.jobs), Math.max(jobs.length, 1));
  const startedKernels: Promise<Kernel>[] = [];
  const ready: TimedKernel[] = [];

  const startKernel = (): TimedKernel => {
    const t0 = performance.now();
    const kernel = (async () => {
      const k = await Kernel.start({ cwd: options.cwd });
      if (options.warmup) {
        const result = await k.execute(options.warmup, options.cellTimeoutMs ?? 120_000).catch((e) => e as Error);
        if (result instanceof Error || result.status !== "ok") {
          await k.kill();
          const why = result instanceof Error ? result.message : `${result.ename}: ${result.evalue}`;
          throw new KernelError(`warm-up code failed: ${why}`, "start");
        }
      }
      return k;
    })();
    kernel.catch(() => undefined); // awaited later by its notebook; avoid an unhandled rejection
    startedKernels.push(kernel);
    return { kernel, seconds: kernel.then(() => (performance.now() - t0) / 1000, () => 0) };
  };
  const startAhead = () => {
    if (startedKernels.length < jobs.length) ready.push(startKernel());
  };
  for (let i = 0; i < size; i++) startAhead();

  const runs: NotebookRun[] = new Array(jobs.length);
  let next = 0;
  let failure: unknown;
  const worker = async () => {
    while (failure === undefined && next < jobs.length) {
      const index = next++;
      const job = jobs[index];
      const t0 = performance.now();
      const timed = ready.shift() ?? startKernel();
      startAhead();
      try {
        const nb = await executeNotebook(job.nb, {
          name: job.name,
          cwd: options.cwd,
          kernel: timed.kernel,
          cellTimeoutMs: options.cellTimeoutMs,
          log: options.log,
        });
        runs[index] = { name: job.name, nb, seconds: (performance.now() - t0) / 1000, kernelSeconds: await timed.seconds };
      } catch (e) {
        if (failure === undefined) {
          failure = e;
          // Stop the others: a killed kernel makes its notebook reject, which is ignored.
          await Promise.all(startedKernels.map((k) => k.then((kk) => kk.kill(), () => undefined)));
        }
      }
    }
  };
  await Promise.all(Array.from({ length: size }, worker));
  if (failure !== undefined) throw failure;
  return runs;
}

