/**
 * `npm run reproduce`: re-run the whole analysis from the paper's printed tables.
 *
 *   tsx scripts/reproduce.ts [--jobs N] [--fresh] [--cell-timeout SECONDS] [--out DIR] [NOTEBOOK or DIR...]
 *
 * 1. checks the data files (data/*.csv, data/cohort.json, data/claims.json) before anything runs;
 * 2. compiles src/ to lib/ (what the notebooks import) where src/ changed since lib/ was built;
 * 3. executes notebooks/*.ipynb, then notebooks/teaching/*.ipynb (each in name order) on tslab
 *    kernels: NOTEBOOK_JOBS (or --jobs) kernels, default 1, each reset between notebooks
 *    (--fresh: a new kernel a notebook, default 2 at a time); where Chromium exists, renders
 *    each notebook's plotly figures to PNG as soon as it has run, in one browser page started
 *    meanwhile, adds the PNG to the figure's output and writes figures/<notebook>-<n>.png;
 *    else says why not;
 * 4. writes claims.json (every claim's verdict), 5. report/index.html (one offline page, ending
 *    with the interactive explorer) and report/explore.html (the explorer alone);
 * 6. all into a temporary folder that replaces build/ (or --out) only when every step succeeded;
 * 7. prints the verdict table and the timings.
 * Exits 1 naming the notebook, the cell and the error when a cell fails or a kernel dies.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadStudy } from "../src/study/data/loadEndpoint.js";
import { loadCohort } from "../src/study/data/loadCohort.js";
import { loadClaims } from "../src/study/claims/claims.js";
import { evaluateClaims, type ClaimVerdict } from "../src/study/claims/evaluateClaims.js";
import { buildReport } from "../src/presentation/report/buildReport.js";
import { explorerPage, explorerSection } from "../src/presentation/explorer/explorerPage.js";
import { tableText } from "../src/presentation/display/table.js";
import { chromiumPath } from "../src/presentation/images/chromium.js";
import { PLOTLY_MIME, dropPlotlyLoaders } from "../src/presentation/display/show.js";
import { withPngs } from "../src/presentation/images/withPngs.js";
import { FigureRenderer } from "../src/presentation/images/renderImages.js";
import { buildAtomically } from "../src/runner/buildDir.js";
import { readNotebook, serializeNotebook, type Notebook } from "../src/runner/ipynb.js";
import { NotebookExecutionError } from "../src/runner/execute.js";
import { processCpuSeconds } from "../src/runner/kernel.js";
import { poolSize, runNotebooks, type NotebookRun } from "../src/runner/pool.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { ensureLib } = createRequire(import.meta.url)("./build-lib.cjs") as {
  ensureLib: (root: string) => { built: boolean; seconds: number };
};
process.chdir(root); // data/ paths and the kernels' imports are relative to the project root

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    jobs: { type: "string" },
    fresh: { type: "boolean", default: false },
    "cell-timeout": { type: "string", default: "120" },
    out: { type: "string", default: "build" },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (opts.help) {
  process.stdout.write(`Usage: npm run reproduce -- [options] [NOTEBOOK.ipynb | DIR ...]

Re-runs the analysis: checks data/, executes the notebooks (default: notebooks/ then
notebooks/teaching/) on tslab, and writes build/ (executed notebooks, figures, claims.json,
report/index.html and report/explore.html), replacing the previous build only when every
step succeeded.

Options:
  --jobs N              kernels side by side (default 1 reused kernel; env NOTEBOOK_JOBS)
  --fresh               a new kernel for each notebook (default 2 at a time)
  --cell-timeout SECS   stop a cell after this many seconds (default 120)
  --out DIR             write here instead of build/
  -h, --help            this text
`);
  process.exit(0);
}

const say = (line = "") => process.stdout.write(line + "\n");
const seconds = (t0: number) => (performance.now() - t0) / 1000;
const fmt = (s: number) => `${s.toFixed(1)} s`;
const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

/** Notebooks given, and those of each folder given in name order. */
function findNotebooks(paths: readonly string[]): string[] {
  return paths.flatMap((dir) =>
    dir.endsWith(".ipynb")
      ? [dir]
      : existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(".ipynb"))
          .sort()
          .map((f) => join(dir, f))
      : [],
  );
}

/** "notebooks/teaching/km.ipynb" -> "teaching/km" (report sections, file names); others by base name. */
const shortName = (file: string) => {
  const rel = relative("notebooks", file);
  return (rel.startsWith("..") ? basename(file) : rel).replace(/\.ipynb$/, "");
};

/** Every plotly output that carries a PNG, numbered 1, 2, ... within its notebook. */
function figurePngs(name: string, nb: Notebook): { file: string; png: Buffer }[] {
  const out: { file: string; png: Buffer }[] = [];
  for (const cell of nb.cells) {
    if (cell.cell_type !== "code") continue;
    for (const o of cell.outputs) {
      if ((o.output_type === "display_data" || o.output_type === "execute_result") && o.data[PLOTLY_MIME] !== undefined) {
        const png = o.data["image/png"];
        if (typeof png === "string") out.push({ file: `${name.replace(/\//g, "-")}-${out.length + 1}.png`, png: Buffer.from(png, "base64") });
      }
    }
  }
  return out;
}

function verdictTable(verdicts: readonly ClaimVerdict[]): string {
  const counts = new Map<string, number>();
  for (const v of verdicts) counts.set(v.verdict, (counts.get(v.verdict) ?? 0) + 1);
  const summary = [...counts].map(([k, n]) => `${n} ${k}`).join(", ");
  const table = tableText({
    claim: verdicts.map((v) => v.id),
    verdict: verdicts.map((v) => v.verdict),
    reported: verdicts.map((v) => v.reported),
    recomputed: verdicts.map((v) => v.recomputedShown ?? "-"),
  });
  return `${table}\n\n${verdicts.length} claims: ${summary} (recomputed: one digit more than the paper printed)`;
}

async function main(): Promise<number> {
  const t0 = performance.now();
  const timings: [string, number][] = [];
  const jobs = poolSize(opts.jobs === undefined ? undefined : Number(opts.jobs), opts.fresh ? 2 : 1);
  const cellTimeout = Number(opts["cell-timeout"]);
  if (!(cellTimeout > 0)) throw new RangeError(`--cell-timeout must be a positive number of seconds, got ${opts["cell-timeout"]}`);

  // 1. The data, checked before any output is written.
  let t = performance.now();
  loadStudy();
  loadCohort();
  loadClaims();
  timings.push(["data check", seconds(t)]);

  // 2. The compiled library the notebooks import (lib/), again if src/ changed since.
  const lib = ensureLib(root);
  if (lib.built) timings.push(["compile src/ to lib/", lib.seconds]);

  const files = findNotebooks(positionals.length > 0 ? positionals : ["notebooks", join("notebooks", "teaching")]);
  if (files.length === 0) throw new Error("no notebooks found (looked in notebooks/ and notebooks/teaching/)");
  const mode = opts.fresh ? "a fresh kernel each" : "reset between notebooks";
  process.stderr.write(`executing ${files.length} notebooks on ${plural(Math.min(jobs, files.length), "tslab kernel")} (${mode})\n`);

  let verdicts: readonly ClaimVerdict[] = [];
  let runs: NotebookRun[] = [];
  await buildAtomically(opts.out!, async (dir) => {
    // 2. Execute, and 3. render each notebook's figures to PNG as soon as it has run, in one
    // Chromium page started meanwhile (rendering overlaps the next notebook's execution).
    t = performance.now();
    const chromium = chromiumPath();
    let chromiumStart = 0;
    const renderer = chromium
      ? FigureRenderer.open().then((r) => {
          chromiumStart = seconds(t);
          return r;
        })
      : null;
    renderer?.catch(() => undefined); // awaited below
    const built: Notebook[] = new Array(files.length);
    let rendering = 0;
    try {
      runs = await runNotebooks(
        files.map((file) => ({ name: file, nb: readNotebook(file) })),
        {
          cwd: root,
          jobs,
          fresh: opts.fresh,
          cellTimeoutMs: cellTimeout * 1000,
          // Built copies carry each figure's PNG, not the 4.7 MB of plotly.js a live session loads.
          onNotebook: async (run, i) => {
            const [kept] = dropPlotlyLoaders([run.nb]);
            if (!renderer) {
              built[i] = kept;
              return;
            }
            const r = await renderer;
            const t1 = performance.now();
            [built[i]] = await withPngs([kept], { renderer: r });
            rendering += seconds(t1);
          },
        },
      );
    } finally {
      if (renderer) await renderer.then((r) => r.close(), () => undefined);
    }
    timings.push([`notebooks (${files.length}${chromium ? ", their figures rendered alongside" : ""})`, seconds(t)]);
    const executed = runs.map((r, i) => ({ name: shortName(r.name), nb: built[i] }));
    if (chromium) {
      mkdirSync(join(dir, "figures"), { recursive: true });
      let count = 0;
      for (const { name, nb } of executed) {
        for (const { file, png } of figurePngs(name, nb)) {
          writeFileSync(join(dir, "figures", file), png);
          count++;
        }
      }
      timings.push([
        `of which figures (${count} PNG, ${chromium}, ready after ${fmt(chromiumStart)})`,
        rendering,
      ]);
    } else {
      say("figures: PNG export skipped: no Chromium found (install Debian's `chromium` or set CHROMIUM_PATH); the notebooks keep their interactive figures");
    }
    for (const { name, nb } of executed) {
      const file = join(dir, "notebooks", `${name}.ipynb`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, serializeNotebook(nb));
    }

    // 4. Claims.
    t = performance.now();
    verdicts = evaluateClaims();
    writeFileSync(join(dir, "claims.json"), JSON.stringify(verdicts, null, 2) + "\n");
    timings.push(["claims", seconds(t)]);

    // 5. Report.
    t = performance.now();
    mkdirSync(join(dir, "report"), { recursive: true });
    writeFileSync(join(dir, "report", "index.html"), buildReport(executed, { explorer: explorerSection() }));
    writeFileSync(join(dir, "report", "explore.html"), explorerPage());
    timings.push(["report", seconds(t)]);
  });

  // 7. Verdicts and timings.
  const total = seconds(t0);
  say();
  say(verdictTable(verdicts));
  say();
  say(`wrote ${opts.out}/notebooks/ (${runs.length} executed notebooks), ${opts.out}/claims.json, ${opts.out}/report/index.html and explore.html${chromiumPath() ? `, ${opts.out}/figures/` : ""}`);
  say(`timings: ${timings.map(([k, s]) => `${k} ${fmt(s)}`).join(" | ")}`);
  const cpu = (r: NotebookRun) => (r.cpuSeconds === null ? "" : ` (${r.cpuSeconds.toFixed(1)} CPU)`);
  say(`per notebook, wall (kernel CPU): ${runs.map((r) => `${shortName(r.name)} ${fmt(r.seconds)}${cpu(r)}`).join(", ")}`);
  const cpuTotal = processCpuSeconds(process.pid, true); // this process + its kernels and Chromium
  const cpuNote = cpuTotal === null ? "" : `; CPU ${fmt(cpuTotal)} in all (this process, kernels, Chromium)`;
  say(`total ${fmt(total)} wall for ${runs.length} notebooks: ${(total / runs.length).toFixed(2)} s a notebook (${plural(Math.min(jobs, runs.length), "kernel")}${cpuNote})`);
  return 0;
}

// Ctrl-C: exit through process.exit so that kernels are killed and the temporary folder removed.
process.once("SIGINT", () => process.exit(130));
process.once("SIGTERM", () => process.exit(143));

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof NotebookExecutionError) {
      process.stderr.write(`\nreproduce FAILED: ${e.message}\n`);
      const detail = e.detail.trim().split("\n").slice(0, 25).join("\n");
      if (detail && detail !== e.evalue) process.stderr.write(`\n${detail}\n`);
    } else {
      const what = e instanceof Error && e.name === "DataFileError" ? "data check: " : "";
      process.stderr.write(`\nreproduce FAILED: ${what}${e instanceof Error ? e.message : String(e)}\n`);
    }
    process.stderr.write(`${opts.out}/ was left as it was.\n`);
    process.exit(1);
  },
);
