/**
 * A tslab kernel process and a minimal Jupyter client for it (messaging protocol 5.3 over
 * ZeroMQ, the `zeromq` 6 package tslab itself uses): start, execute code, collect outputs, kill.
 *
 * The kernel runs with the project root as working directory, so cells can
 * `import ... from "./src/index"`: by default as `node jupyter/kernels/tslab/launch.cjs
 * --config-path CONN.json` (tslab's kernel, with `%reset -f` and two fixes for lost messages),
 * or as tslab's own `node node_modules/tslab/bin/tslab kernel --config-path CONN.json`
 * (TSLAB_KERNEL). What the client does about tslab's habits (seen with tslab 1.0.22):
 * - the reply on shell and the `idle` status on iopub arrive separately: wait for both;
 * - iopub is a PUB socket that drops messages until the subscription has reached it: repeat
 *   `kernel_info_request` until its `idle` status arrives on iopub; and one that drops them
 *   beyond its high-water mark: no limit on the receiving side;
 * - zeromq 6 throws EBUSY when two sends overlap on one socket: sends are queued;
 * - tslab sends no `error` or `execute_result` messages: a failure is the reply's status
 *   "error" plus the message tslab prints on stderr, from which `ename`/`evalue` are taken.
 * Compare jupyter_client's `KernelManager` + `BlockingKernelClient` and nbclient's
 * `NotebookClient.async_execute_cell`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes, randomUUID } from "node:crypto";
import * as zmq from "zeromq";
import { createMessage, decodeMessage, encodeMessage, type Message } from "./protocol.js";
import type { Output } from "./ipynb.js";

export interface KernelOptions {
  /** Working directory of the kernel, the project root (where node_modules/tslab is). */
  readonly cwd: string;
  /** Give up starting after this long (ms). Default 60 000. */
  readonly startTimeoutMs?: number;
  /** Extra options for the kernel's node process (e.g. V8 flags), before the script. */
  readonly nodeArgs?: readonly string[];
  /**
   * Let tslab watch the project's files and recompile those edited meanwhile (its interactive
   * behaviour). Default false: PROJECT_KERNEL compiles the files as they are at first use.
   */
  readonly watch?: boolean;
  /** The script (relative to cwd) and its arguments before `--config-path`; default PROJECT_KERNEL. */
  readonly command?: readonly string[];
}

/** The project's kernel launcher: tslab from the project root, plus `%reset -f` (see launch.cjs). */
export const PROJECT_KERNEL: readonly string[] = ["jupyter/kernels/tslab/launch.cjs"];
/** tslab's own command line, as `tslab install` registers it. */
export const TSLAB_KERNEL: readonly string[] = ["node_modules/tslab/bin/tslab", "kernel"];
/** The code that makes PROJECT_KERNEL start a fresh session. */
export const RESET_CODE = "%reset -f";

export interface ExecuteResult {
  readonly status: "ok" | "error" | "aborted";
  /** The kernel's own count (tslab counts every request, warm-up ones included). */
  readonly executionCount: number | null;
  readonly outputs: Output[];
  /** For status "error": the exception's name and message. */
  readonly ename?: string;
  readonly evalue?: string;
}

/** Raised when a request cannot complete: the kernel exited, or the time ran out. */
export class KernelError extends Error {
  constructor(
    message: string,
    readonly reason: "died" | "timeout" | "start",
  ) {
    super(message);
    this.name = "KernelError";
  }
}

/** Ports the OS reports free now (bound to port 0, then released); the kernel binds them next. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
      const server = createServer();
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve(server));
    })),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

/**
 * CPU time (user + system, s) of a process from /proc/<pid>/stat (Linux; ticks of 1/100 s),
 * with its waited-for children when `children` is set; null where unavailable.
 */
export function processCpuSeconds(pid: number | undefined = process.pid, children = false): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    // after "pid (comm) ": state is field 0, utime 11, stime 12, cutime 13, cstime 14
    const ticks = Number(fields[11]) + Number(fields[12]) + (children ? Number(fields[13]) + Number(fields[14]) : 0);
    return Number.isFinite(ticks) ? ticks / 100 : null;
  } catch {
    return null;
  }
}

/**
 * Kernels alive in this process, with their connection folders: killed and removed when it
 * exits (the launcher also exits by itself when its parent dies).
 */
const live = new Map<ChildProcess, string>();
process.once("exit", () => {
  for (const [child, dir] of live) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
});

interface Pending {
  readonly outputs: Output[];
  reply?: Message;
  idle: boolean;
  stderr: string;
  done: () => void;
}

/** The first "Name: message" line of what tslab printed for a failed cell. */
export function parseErrorText(stderr: string): { ename: string; evalue: string } {
  const lines = stderr.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  // A TypeScript diagnostic, as tslab prints it: "3:7 - Cannot find name 'x'."
  const diagnostic = lines.find((l) => /^(\S+ )?\d+:\d+ - /.test(l));
  if (diagnostic) return { ename: "TypeScriptError", evalue: diagnostic };
  for (const line of lines) {
    const m = /^(?:Uncaught )?([A-Za-z_$][\w$.]*(?:Error|Exception)|Error)(?: \[\w+\])?: (.*)$/.exec(line);
    if (m) return { ename: m[1], evalue: m[2] };
  }
  // A thrown non-Error value (`throw "x"`) is printed as is.
  return { ename: "Error", evalue: lines[0] ?? "(no message)" };
}

export class Kernel {
  private readonly session = randomUUID();
  private readonly pending = new Map<string, Pending>();
  private sendQueue: Promise<unknown> = Promise.resolve();
  private exitInfo: string | null = null;
  private readonly exitListeners = new Set<(info: string) => void>();
  /** The last output the process printed outside any cell (for diagnostics). */
  private processLog = "";
  private closed = false;
  /** The content of the kernel's `kernel_info_reply` (language_info etc.). */
  info: Record<string, any> = {};

  private constructor(
    private readonly child: ChildProcess,
    private readonly key: string,
    private readonly shell: zmq.Dealer,
    private readonly iopub: zmq.Subscriber,
    private readonly dir: string,
  ) {
    const log = (chunk: Buffer) => {
      this.processLog = (this.processLog + chunk.toString("utf8")).slice(-4000);
    };
    child.stdout?.on("data", log);
    child.stderr?.on("data", log);
    live.set(child, dir);
    child.once("exit", (code, signal) => {
      this.exitInfo = signal ? `killed by ${signal}` : `exit code ${code}`;
      for (const listener of this.exitListeners) listener(this.exitInfo);
    });
    void this.receive(shell, false);
    void this.receive(iopub, true);
  }

  /** Start a kernel and wait until it answers on both shell and iopub. */
  static async start(options: KernelOptions): Promise<Kernel> {
    const timeout = options.startTimeoutMs ?? 60_000;
    const [shellPort, iopubPort, stdinPort, controlPort, hbPort] = await freePorts(5);
    const key = randomBytes(32).toString("hex");
    const dir = mkdtempSync(join(tmpdir(), "tslab-kernel-"));
    const connectionFile = join(dir, "connection.json");
    writeFileSync(
      connectionFile,
      JSON.stringify({
        transport: "tcp",
        ip: "127.0.0.1",
        shell_port: shellPort,
        iopub_port: iopubPort,
        stdin_port: stdinPort,
        control_port: controlPort,
        hb_port: hbPort,
        key,
        signature_scheme: "hmac-sha256",
      }),
    );
    const command = options.command ?? PROJECT_KERNEL;
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...command, "--config-path", connectionFile], {
      cwd: options.cwd,
      env: { ...process.env, TSLAB_NO_WATCH: options.watch ? "0" : "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const shell = new zmq.Dealer({ linger: 0 });
    // no high-water mark: ZeroMQ drops messages beyond 1000 waiting, an idle status among them
    const iopub = new zmq.Subscriber({ linger: 0, receiveHighWaterMark: 0 });
    iopub.subscribe();
    shell.connect(`tcp://127.0.0.1:${shellPort}`);
    iopub.connect(`tcp://127.0.0.1:${iopubPort}`);
    const kernel = new Kernel(child, key, shell, iopub, dir);
    try {
      kernel.info = await kernel.handshake(timeout);
    } catch (e) {
      await kernel.kill();
      throw e;
    }
    return kernel;
  }

  /** Repeat kernel_info_request until one is answered on shell and its idle status on iopub. */
  private async handshake(timeoutMs: number): Promise<Record<string, any>> {
    const deadline = Date.now() + timeoutMs;
    for (let wait = 100; ; wait = Math.min(wait * 2, 1000)) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new KernelError(`tslab kernel did not answer within ${timeoutMs} ms\n${this.processLog}`, "start");
      }
      try {
        const { reply } = await this.request("kernel_info_request", {}, Math.min(wait, remaining));
        return reply.content;
      } catch (e) {
        if (e instanceof KernelError && e.reason === "timeout") continue;
        throw e;
      }
    }
  }

  private async receive(socket: zmq.Dealer | zmq.Subscriber, isIopub: boolean): Promise<void> {
    try {
      for await (const frames of socket) {
        let msg: Message;
        try {
          msg = decodeMessage(this.key, frames);
        } catch {
          continue; // not ours or corrupted: ignore, as jupyter_client does
        }
        const p = this.pending.get(msg.parent_header.msg_id ?? "");
        if (!p) continue;
        if (isIopub) this.onIopub(p, msg);
        else p.reply = msg;
        if (p.reply && p.idle) p.done();
      }
    } catch {
      // the socket was closed
    }
  }

  private onIopub(p: Pending, msg: Message): void {
    const c = msg.content;
    switch (msg.header.msg_type) {
      case "status":
        if (c.execution_state === "idle") p.idle = true;
        break;
      case "stream": {
        if (c.name === "stderr") p.stderr += c.text;
        const last = p.outputs[p.outputs.length - 1];
        // consecutive writes to one stream form one output, as nbclient merges them
        if (last?.output_type === "stream" && last.name === c.name) last.text += c.text;
        else p.outputs.push({ output_type: "stream", name: c.name, text: c.text });
        break;
      }
      case "display_data":
        p.outputs.push({ output_type: "display_data", data: c.data ?? {}, metadata: c.metadata ?? {} });
        break;
      case "execute_result":
        p.outputs.push({ output_type: "execute_result", execution_count: c.execution_count ?? null, data: c.data ?? {}, metadata: c.metadata ?? {} });
        break;
      case "error":
        p.outputs.push({ output_type: "error", ename: c.ename, evalue: c.evalue, traceback: c.traceback ?? [] });
        break;
      case "clear_output":
        p.outputs.length = 0;
        break;
    }
  }

  private send(msg: Message): Promise<void> {
    // zeromq 6 rejects a send while another is in flight on the socket (EBUSY): one at a time.
    const sent = this.sendQueue.then(() => this.shell.send(encodeMessage(this.key, msg)));
    this.sendQueue = sent.catch(() => undefined);
    return sent;
  }

  /** Send a shell request; resolve when its reply and its idle status have both arrived. */
  private async request(
    msgType: string,
    content: Record<string, unknown>,
    timeoutMs: number,
  ): Promise<{ reply: Message; pending: Pending }> {
    if (this.exitInfo) throw new KernelError(`tslab kernel exited (${this.exitInfo})`, "died");
    const msg = createMessage(msgType, content, this.session);
    let timer: NodeJS.Timeout | undefined;
    let onExit: ((info: string) => void) | undefined;
    const finished = new Promise<Pending>((resolve, reject) => {
      const p: Pending = { outputs: [], idle: false, stderr: "", done: () => resolve(p) };
      this.pending.set(msg.header.msg_id, p);
      timer = setTimeout(() => {
        const got = `reply ${p.reply ? "received" : "missing"}, idle status ${p.idle ? "received" : "missing"}`;
        const log = [p.stderr.trim() && `\ncell stderr: ${p.stderr.trim()}`, this.processLog.trim() && `\nkernel log: ${this.processLog.trim()}`].join("");
        reject(new KernelError(`no answer to ${msgType} within ${timeoutMs} ms (${got})${log}`, "timeout"));
      }, timeoutMs);
      onExit = (info) => reject(new KernelError(`tslab kernel exited (${info})\n${this.processLog}`.trimEnd(), "died"));
      this.exitListeners.add(onExit);
    });
    try {
      await this.send(msg);
      const pending = await finished;
      return { reply: pending.reply!, pending };
    } finally {
      clearTimeout(timer);
      if (onExit) this.exitListeners.delete(onExit);
      this.pending.delete(msg.header.msg_id);
    }
  }

  /**
   * Execute one cell. Resolves with its outputs and status; rejects with KernelError when the
   * kernel exits or `timeoutMs` passes first (the kernel is then in an unknown state: kill it).
   */
  async execute(code: string, timeoutMs: number): Promise<ExecuteResult> {
    const { reply, pending } = await this.request(
      "execute_request",
      { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true },
      timeoutMs,
    );
    const status = reply.content.status === "ok" ? "ok" : reply.content.status === "error" ? "error" : "aborted";
    const executionCount = reply.content.execution_count ?? null;
    if (status !== "error") return { status, executionCount, outputs: pending.outputs };
    const reported = pending.outputs.find((o) => o.output_type === "error");
    const { ename, evalue } =
      reply.content.ename !== undefined
        ? { ename: String(reply.content.ename), evalue: String(reply.content.evalue) }
        : reported?.output_type === "error"
          ? reported
          : parseErrorText(pending.stderr);
    return { status, executionCount, outputs: pending.outputs, ename, evalue };
  }

  /**
   * Start a fresh session in this process (PROJECT_KERNEL only): nothing the previous
   * notebook declared or loaded from src/ remains; the compiler stays warm.
   */
  async reset(timeoutMs = 30_000): Promise<void> {
    const result = await this.execute(RESET_CODE, timeoutMs);
    if (result.status !== "ok") throw new KernelError(`kernel reset failed: ${result.ename}: ${result.evalue}`, "died");
  }

  /** The kernel's process id. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** CPU time (user + system, s) the kernel process has used so far; null where /proc is missing. */
  cpuSeconds(): number | null {
    return processCpuSeconds(this.child.pid);
  }

  get exited(): boolean {
    return this.exitInfo !== null;
  }

  /** Kill the process (SIGKILL: a kernel stuck in a loop ignores anything gentler) and clean up. */
  async kill(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (!this.exitInfo) {
      const gone = new Promise<void>((resolve) => this.exitListeners.add(() => resolve()));
      this.child.kill("SIGKILL");
      await gone;
    }
    this.shell.close();
    this.iopub.close();
    rmSync(this.dir, { recursive: true, force: true });
    live.delete(this.child);
  }
}
