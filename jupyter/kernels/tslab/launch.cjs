#!/usr/bin/env node
/**
 * The project's tslab kernel: what `tslab kernel --config-path FILE` starts (tslab 1.0.22,
 * node_modules/tslab/dist/main.js `startKernel`), always from the project root, so that cells
 * `import ... from "./lib/survival"` whatever directory Jupyter starts kernels in. Before it
 * starts it compiles src/ to lib/ where src/ changed (scripts/build-lib.cjs).
 *
 *   node jupyter/kernels/tslab/launch.cjs --config-path CONNECTION.json
 *
 * One addition: a cell whose code is exactly `%reset -f` (IPython's magic) starts a fresh
 * session in the same process: no variables, no declarations, count back to 0, and the
 * project's own modules (lib/, and any src/ file a cell imports directly) loaded anew on next
 * import, so nothing a notebook did is seen by the next. What stays is what is costly and stateless: tslab's TypeScript compiler with the
 * project's files already type-checked, and packages from node_modules in Node's module cache.
 * The headless runner (src/runner/) uses it to run several notebooks on one warm kernel.
 *
 * A cell whose last value has a method under Symbol.for("Jupyter.display") shows the MIME bundle
 * it returns (an R-like summary) instead of tslab's plain console.log of the object; and
 * shorthand properties are written out before tslab compiles a cell (`{ group }` naming an
 * earlier cell's variable fails in tslab 1.0.22 otherwise).
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

// The notebooks import the compiled library (./lib/...): compile src/ again if it changed since
// lib/ was built (scripts/build-lib.cjs). On failure (src/ does not type-check) the kernel still
// starts, on the previous lib/, and says why in its log.
try {
  const built = require(path.join(root, "scripts", "build-lib.cjs")).ensureLib(root);
  if (built.built) process.stderr.write(`tslab kernel: compiled src/ to lib/ in ${built.seconds.toFixed(1)} s\n`);
} catch (e) {
  process.stderr.write(`tslab kernel: ${e.message}\n`);
}
// Stack traces through lib/ name the src/*.ts lines.
process.setSourceMapsEnabled(true);

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
const jupyter = require(path.join(dist, "jupyter.js"));
const { JupyterHandlerImpl, ZmqServer } = jupyter;

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

const DISPLAY = Symbol.for("Jupyter.display");

/**
 * What tslab does with a cell's last value: console.log it, as text. A value that knows how to
 * show itself (a method under Symbol.for("Jupyter.display") returning a MIME bundle, the
 * convention of Deno's Jupyter kernel; the library's results have one: an R-like summary as
 * text/html and text/plain) is sent as one display_data output instead.
 */
function logValue(...args) {
  const value = args[0];
  if (args.length === 1 && value !== null && typeof value === "object" && typeof value[DISPLAY] === "function") {
    const write = jupyter.lastWriteDisplayData;
    const bundle = value[DISPLAY]();
    if (typeof write === "function" && bundle !== null && typeof bundle === "object") {
      write({ data: bundle, metadata: {} }, false);
      return;
    }
  }
  console.log(...args);
}

const newExecutor = () => createExecutor(process.cwd(), converters, { log: logValue, error: console.error });

/** Forgets the compiled library's modules (lib/), so that a reset session loads them anew. */
function forgetLib() {
  const lib = path.join(root, "lib") + path.sep;
  for (const key of Object.keys(require.cache)) if (key.startsWith(lib)) delete require.cache[key];
}

/**
 * The cell's code with each shorthand property written out (`{ group }` -> `{ group: group }`).
 * tslab 1.0.22 keeps a name declared in an earlier cell as a property of its session object and
 * rewrites the name's uses, but not a shorthand property, which then throws ReferenceError.
 * Found with tslab's own TypeScript parser; code that does not parse is left as it is (tslab
 * reports the error).
 */
const typescript = require(require.resolve("@tslab/typescript-for-tslab", { paths: [dist] }));
function expandShorthand(code) {
  const ts = typescript;
  const file = ts.createSourceFile("cell.ts", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const names = [];
  const visit = (node) => {
    if (ts.isShorthandPropertyAssignment(node) && !node.objectAssignmentInitializer) names.push(node.name);
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = code;
  for (const name of names.sort((a, b) => b.getStart() - a.getStart())) {
    out = `${out.slice(0, name.getEnd())}: ${name.text}${out.slice(name.getEnd())}`;
  }
  return out;
}

class ResettableHandler extends JupyterHandlerImpl {
  async handleExecute(req, writeStream, writeDisplayData) {
    if (typeof req.code !== "string" || req.code.trim() !== RESET) {
      const code = typeof req.code === "string" ? expandShorthand(req.code) : req.code;
      return super.handleExecute({ ...req, code }, writeStream, writeDisplayData);
    }
    await this.execQueue.add(async () => {
      // Not executor.close(): that would close the shared converters.
      this.executor = newExecutor();
      this.execCount = 0;
      forgetLib();
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
