/**
 * The notebook runner: a Jupyter client (messaging protocol 5.3 over ZeroMQ) that executes
 * notebooks on the project's tslab kernel without Python, reads and writes .ipynb files, and
 * swaps a build folder in only when the whole build succeeded. `npm run reproduce` is built on it.
 */
export { Kernel, KernelError, PROJECT_KERNEL, TSLAB_KERNEL, RESET_CODE, type KernelOptions, type ExecuteResult } from "./kernel.js";
export { executeNotebook, NotebookExecutionError, type ExecuteOptions, type FailureReason } from "./execute.js";
export { runNotebooks, poolSize, type NotebookJob, type NotebookRun, type PoolOptions } from "./pool.js";
export {
  readNotebook,
  parseNotebook,
  serializeNotebook,
  clearOutputs,
  NotebookFormatError,
  type Notebook,
  type Cell as NotebookCell,
  type CodeCell,
  type TextCell,
  type Output,
} from "./ipynb.js";
export { buildAtomically } from "./buildDir.js";
