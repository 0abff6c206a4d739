/**
 * Execute a notebook top to bottom on a fresh tslab kernel, as "Restart kernel and run all" or
 * nbclient's `NotebookClient.execute()` do, and return the executed copy.
 *
 * Execution counts are numbered 1, 2, ... over the code cells run (empty cells are skipped, as
 * nbclient skips them), whatever the kernel counted before (warm-up requests). The first cell
 * that fails stops the run: the kernel's error, its exit, or a cell running past the timeout
 * rejects with a NotebookExecutionError naming the notebook, the cell and the error. A kernel
 * started here is killed in every case; a kernel handed in stays its caller's to reset or kill.
 */
import { Kernel, KernelError } from "./kernel.js";
import { clearOutputs, type CodeCell, type Notebook, type Output } from "./ipynb.js";

export interface ExecuteOptions {
  /** The notebook's name in progress lines and errors, e.g. "notebooks/01-data.ipynb". */
  readonly name: string;
  /** The project root: the kernel's working directory. */
  readonly cwd: string;
  /** A kernel already started and fresh (the pool's); else one is started here and killed after. */
  readonly kernel?: Kernel;
  /** Per-cell limit in ms. Default 120 000. */
  readonly cellTimeoutMs?: number;
  /** Receives progress lines; default writes them to stderr. */
  readonly log?: (line: string) => void;
}

export type FailureReason = "error" | "died" | "timeout" | "start";

/** Why a notebook did not run to the end, with enough to find the cell. */
export class NotebookExecutionError extends Error {
  constructor(
    readonly notebook: string,
    /** 1-based position of the cell in the notebook (markdown cells count), 0 if none ran. */
    readonly cell: number,
    readonly firstLine: string,
    readonly reason: FailureReason,
    readonly ename: string,
    readonly evalue: string,
    /** What tslab printed for the cell (stderr), for the full trace. */
    readonly detail: string,
  ) {
    const where = cell > 0 ? `cell ${cell} (${JSON.stringify(firstLine)})` : "kernel start";
    super(`${notebook}: ${where}: ${ename}: ${evalue}`);
    this.name = "NotebookExecutionError";
  }
}

const firstSourceLine = (source: string): string =>
  source.split("\n").find((line) => line.trim() !== "")?.trim() ?? "";

const stderrOf = (outputs: readonly Output[]): string =>
  outputs.map((o) => (o.output_type === "stream" && o.name === "stderr" ? o.text : "")).join("");

export async function executeNotebook(nb: Notebook, options: ExecuteOptions): Promise<Notebook> {
  let kernel = options.kernel;
  if (!kernel) {
    try {
      kernel = await Kernel.start({ cwd: options.cwd });
    } catch (e) {
      throw new NotebookExecutionError(options.name, 0, "", "start", "KernelError", (e as Error).message, "");
    }
  }
  try {
    return await runCells(nb, kernel, options);
  } finally {
    if (!options.kernel) await kernel.kill();
  }
}

async function runCells(nb: Notebook, kernel: Kernel, options: ExecuteOptions): Promise<Notebook> {
  const log = options.log ?? ((line: string) => process.stderr.write(line + "\n"));
  const timeoutMs = options.cellTimeoutMs ?? 120_000;
  const total = nb.cells.length;
  const cells = clearOutputs(nb).cells;
  let count = 0;
  for (let i = 0; i < total; i++) {
    const cell = cells[i];
    if (cell.cell_type !== "code" || cell.source.trim() === "") continue;
    log(`${options.name}: cell ${i + 1}/${total}`);
    const fail = (reason: FailureReason, ename: string, evalue: string, detail: string) =>
      new NotebookExecutionError(options.name, i + 1, firstSourceLine(cell.source), reason, ename, evalue, detail);
    let result;
    try {
      result = await kernel.execute(cell.source, timeoutMs);
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
      if (e.reason === "timeout") throw fail("timeout", "Timeout", `cell did not finish within ${timeoutMs} ms`, e.message);
      throw fail("died", "KernelDied", e.message, e.message);
    }
    if (result.status !== "ok") {
      const ename = result.ename ?? "Aborted";
      const evalue = result.evalue ?? "the kernel aborted the request";
      throw fail("error", ename, evalue, stderrOf(result.outputs));
    }
    count++;
    const outputs = result.outputs.map((o) => (o.output_type === "execute_result" ? { ...o, execution_count: count } : o));
    cells[i] = { ...cell, execution_count: count, outputs } satisfies CodeCell;
  }
  const languageInfo = kernel.info.language_info;
  return {
    ...nb,
    metadata: { ...nb.metadata, ...(languageInfo ? { language_info: languageInfo } : {}) },
    cells,
  };
}
