#!/usr/bin/env node
/**
 * The project's tslab kernel: what `tslab kernel --config-path FILE` starts (tslab 1.0.22,
 * node_modules/tslab/dist/main.js `startKernel`), always from the project root, so that cells
 * `import ... from "./src/index"` whatever directory Jupyter starts kernels in.
 *
 *   node jupyter/kernels/tslab/launch.cjs --config-path CONNECTION.json
 *
 * One addition: a cell whose code is exactly `%reset -f` (IPython's magic) starts a fresh
 * session in the same process: no variables, no declarations, count back to 0, and the
 * project's own modules (src/) loaded anew on next import, so nothing a notebook did is seen
 * by the next. What stays is what is costly and stateless: tslab's TypeScript compiler with the
 * project's files already type-checked, and packages from node_modules in Node's module cache.
 * The headless runner (src/runner/) uses it to run several notebooks on one warm kernel.
 *
 * And two fixes for messages tslab loses: the kernel's sends on each socket are queued (zeromq
 * 6 completes at most 512 sends in a row synchronously, then defers one, and a send issued while
 * that one is pending throws EBUSY: zeromq src/socket.cc, `max_sync_operations`; tslab does not
 * wait for its sends, so about every 512th message on iopub the next one was lost), and iopub
 * queues without limit (a status "idle" dropped after a burst of output leaves the client
 * waiting forever).
 */
"use strict";
const path = require("path");

const args = process.argv.slice(2);
const at = args.indexOf("--config-path");
if (at < 0 || !args[at + 1]) {
  process.stderr.write("usage: node launch.cjs --config-path CONNECTION.json\n");
  process.exit(2);
}
const configPath = path.resolve(args[at + 1]); // before chdir: Jupyter may pass it relative
const root = path.resolve(__dirname, "..", "..", "..");
process.chdir(root);

const dist = path.join(root, "node_modules", "tslab", "dist");

// TSLAB_NO_WATCH=1 (the headless runner sets it): compile from the files as they are at first
// use, without watching them for changes. A file edited mid-run otherwise makes tslab 1.0.22
// fail the next cell with "Unexpected pending rebuildTimer".
if (process.env.TSLAB_NO_WATCH === "1") {
  const ts = require(require.resolve("@tslab/typescript-for-tslab", { paths: [dist] }));
  ts.sys.watchFile = () => ({ close() {} });
  ts.sys.watchDirectory = () => ({ close() {} });
}
const { createConverter } = require(path.join(dist, "converter.js"));
const { createExecutor } = require(path.join(dist, "executor.js"));
const { JupyterHandlerImpl, ZmqServer } = require(path.join(dist, "jupyter.js"));

const RESET = "%reset -f";

/**
 * The node converter, wrapped to remember every project file it compiled ("side outputs"):
 * it compiles each file once per process, so after a reset the new executor is handed them
 * all again with the next cell.
 */
function remembering(converter) {
  const compiled = new Map();
  let replay = false;
  const convert = converter.convert;
  converter.convert = (prevDecl, src) => {
    const out = convert(prevDecl, src);
    for (const side of out.sideOutputs || []) compiled.set(side.path, side);
    if (replay) {
      replay = false;
      out.sideOutputs = [...compiled.values()];
    }
    return out;
  };
  converter.replayOnNextConvert = () => {
    replay = true;
  };
  return converter;
}

// As tslab's ConverterSetImpl: converters are created on first use; node is warmed at start.
let nodeConverter = null;
let browserConverter = null;
const converters = {
  get node() {
    if (!nodeConverter) nodeConverter = remembering(createConverter({ isJS: false, isBrowser: false }));
    return nodeConverter;
  },
  get browser() {
    if (!browserConverter) browserConverter = createConverter({ isJS: false, isBrowser: true });
    return browserConverter;
  },
  close() {
    if (nodeConverter) nodeConverter.close();
    if (browserConverter) browserConverter.close();
  },
};
converters.node;

const newExecutor = () => createExecutor(process.cwd(), converters, { log: console.log, error: console.error });

class ResettableHandler extends JupyterHandlerImpl {
  async handleExecute(req, writeStream, writeDisplayData) {
    if (typeof req.code !== "string" || req.code.trim() !== RESET) {
      return super.handleExecute(req, writeStream, writeDisplayData);
    }
    await this.execQueue.add(async () => {
      // Not executor.close(): that would close the shared converters.
      this.executor = newExecutor();
      this.execCount = 0;
      converters.node.replayOnNextConvert();
    });
    return { status: "ok", execution_count: 0 };
  }
}

// Exit with the process that started us (as ipykernel's ParentPollerUnix does): a client that
// crashed or was killed leaves no kernel behind.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(1);
}, 1000).unref();

// Queue the sends of the socket types the kernel uses (iopub: Publisher; shell, control, stdin:
// Router), on the zeromq module tslab loads.
const zmq = require(require.resolve("zeromq", { paths: [dist] }));
// And no limit on iopub's queue: a publisher drops messages once 1000 wait for a slow
// subscriber (ZeroMQ's default high-water mark), e.g. in a cell printing thousands of lines.
const Publisher = zmq.Publisher;
zmq.Publisher = class extends Publisher {
  constructor(options) {
    super({ sendHighWaterMark: 0, ...options });
  }
};
for (const SocketType of [zmq.Publisher, zmq.Router]) {
  const send = SocketType.prototype.send;
  const last = new WeakMap();
  Object.defineProperty(SocketType.prototype, "send", {
    configurable: true,
    writable: true,
    value(frames) {
      const queued = (last.get(this) || Promise.resolve())
        .then(() => send.call(this, frames))
        .catch((e) => require("fs").writeSync(2, `tslab kernel: a message was not sent: ${e && e.message}\n`));
      last.set(this, queued);
      return queued;
    },
  });
}

const handler = new ResettableHandler(newExecutor(), false);
const server = new ZmqServer(handler, configPath);
process.on("SIGINT", () => handler.executor.interrupt());
process.on("uncaughtException", (err) => console.error("UncaughtException:", err));
process.on("unhandledRejection", (reason) => console.error("UnhandledPromiseRejection:", reason));
server.init();
