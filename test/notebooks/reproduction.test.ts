// The whole project as a reader runs it: every notebook executed by real Jupyter (nbconvert, on
// the project's kernelspec, a fresh kernel each), and the report `npm run reproduce` builds
// opened in Chromium, where every figure must draw its traces with no page error.
// Each part is skipped, saying what to install, where its Debian package is missing.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium } from "../../src/presentation/images/chromium.js";
import { PLOTLY_MIME } from "../../src/presentation/display/show.js";

const run = promisify(execFile);
const JUPYTER = "/usr/bin/jupyter";
const notebooks = ["notebooks", "notebooks/teaching"].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb"))
    .sort()
    .map((f) => join(dir, f)),
);

describe.skipIf(!existsSync(JUPYTER))(
  `every notebook in real Jupyter (needs ${JUPYTER}: apt-get install jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel)`,
  () => {
    const out = mkdtempSync(join(tmpdir(), "nbconvert-all-"));
    afterAll(() => rmSync(out, { recursive: true, force: true }));

    it.concurrent.each(notebooks)("%s executes with no error", { timeout: 300_000 }, async (file) => {
      const dest = join(out, file.replace(/\//g, "-"));
      const result = await run(
        JUPYTER,
        ["nbconvert", "--to", "notebook", "--execute", file, "--output", dest, "--ExecutePreprocessor.record_timing=False"],
        { env: { ...process.env, JUPYTER_PATH: resolve("jupyter"), PYDEVD_DISABLE_FILE_VALIDATION: "1" }, maxBuffer: 64 << 20 },
      ).catch((e: { stderr?: string }) => {
        throw new Error(`nbconvert failed on ${file}:\n${(e.stderr ?? String(e)).slice(-3000)}`);
      });
      expect(result.stderr).not.toMatch(/CellExecutionError/);
      const nb = JSON.parse(readFileSync(dest, "utf8"));
      const errors = nb.cells.flatMap((c: { outputs?: { output_type: string; ename?: string; evalue?: string }[] }) =>
        (c.outputs ?? []).filter((o) => o.output_type === "error").map((o) => `${o.ename}: ${o.evalue}`),
      );
      expect(errors).toEqual([]);
      // every code cell ran (nbconvert stops at the first error; this also catches a silent stop)
      const code = nb.cells.filter((c: { cell_type: string }) => c.cell_type === "code");
      expect(code.every((c: { outputs?: unknown[]; source: string | string[] }) => Array.isArray(c.outputs))).toBe(true);
    });
  },
);

describe.skipIf(!hasChromium())("the report of `npm run reproduce` in Chromium (needs apt-get install chromium)", () => {
  const parent = mkdtempSync(join(tmpdir(), "reproduce-all-"));
  const out = join(parent, "build");
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  beforeAll(async () => {
    await run(process.execPath, ["--import", "tsx", "scripts/reproduce.ts", "--out", out], { maxBuffer: 64 << 20 });
  }, 600_000);

  it("writes every notebook, the figures and the claims", () => {
    const executed = (readdirSync(join(out, "notebooks"), { recursive: true }) as string[]).filter((f) => f.endsWith(".ipynb"));
    expect(executed.length).toBe(notebooks.length);
    expect(readdirSync(join(out, "figures")).length).toBeGreaterThan(0);
    const claims = JSON.parse(readFileSync(join(out, "claims.json"), "utf8"));
    expect(claims.map((c: { verdict: string }) => c.verdict)).toContain("reproduced");
  });

  it("draws every figure's traces, with no page error and no network request", { timeout: 120_000 }, async () => {
    // The figures the notebooks made, and how many traces each holds.
    const expected: number[] = [];
    for (const file of notebooks) {
      const rel = file.replace(/^notebooks\//, "");
      const nb = JSON.parse(readFileSync(join(out, "notebooks", rel), "utf8"));
      for (const cell of nb.cells)
        for (const o of cell.outputs ?? []) if (o.data?.[PLOTLY_MIME]) expected.push(o.data[PLOTLY_MIME].data.length);
    }
    expect(expected.length).toBeGreaterThan(10);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const errors: string[] = [];
      const remote: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
      page.on("request", (r) => void (/^(file|data|blob):/.test(r.url()) || remote.push(r.url())));
      await page.goto(`file://${join(out, "report", "index.html")}`);
      await page.locator(`#figure-${expected.length - 1} .main-svg`).first().waitFor({ timeout: 60_000 });
      const drawn: number[] = [];
      for (let k = 0; k < expected.length; k++) {
        drawn.push(await page.locator(`#figure-${k}`).locator(".scatterlayer .trace, .barlayer .trace").count());
      }
      expect(drawn).toEqual(expected);
      expect(await page.locator(".figure-error").count()).toBe(0);
      expect(errors).toEqual([]);
      expect(remote).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
