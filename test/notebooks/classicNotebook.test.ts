// A reader re-running notebook 03 in a real front end: Debian's classic Notebook (6.4) on the
// project's kernelspec, driven in Debian's Chromium through its own menu (Cell > Run All).
// Figure 2 must be drawn by plotly (an SVG, not a line of text), no cell may show an error, and
// the server must be gone afterwards. A screenshot of the figure is kept in build/screenshots/.
// Skipped, saying what to install, without jupyter-notebook or Chromium.
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium, type Browser } from "../../src/presentation/images/chromium.js";

const NOTEBOOK_SERVER = "/usr/bin/jupyter-notebook";
const SCREENSHOT = "build/screenshots/classic-notebook-03-figure-2.png";

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => done(port));
    });
  });
}

/** Whether something accepts connections on the port (the server is up) or not (it is gone). */
function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      done(true);
    });
    socket.once("error", () => done(false));
  });
}

async function waitFor(what: string, test: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const missing = [!existsSync(NOTEBOOK_SERVER) && "apt-get install jupyter-notebook", !hasChromium() && "apt-get install chromium"].filter(Boolean);
const title = `notebook 03 re-run in classic Notebook through its menu${missing.length ? ` (skipped: ${missing.join("; ")})` : ""}`;

describe.skipIf(missing.length > 0)(title, () => {
  const dir = mkdtempSync(join(tmpdir(), "classic-notebook-"));
  let port = 0;
  let server: ChildProcess | undefined;
  let serverLog = "";
  let browser: Browser | undefined;
  const pageErrors: string[] = [];
  let outcome: { figures: number; svgs: number; errors: string[]; stderr: string[]; prompts: (number | null)[] } | undefined;

  beforeAll(async () => {
    // A copy in a folder of its own: the server autosaves what it opens, never the project's files.
    copyFileSync("notebooks/03-recurrence.ipynb", join(dir, "03-recurrence.ipynb"));
    port = await freePort();
    server = spawn(
      NOTEBOOK_SERVER,
      ["--no-browser", "--ip", "127.0.0.1", `--port=${port}`, "--port-retries=0", "--NotebookApp.token=", "--NotebookApp.password=", "--allow-root", `--notebook-dir=${dir}`],
      { env: { ...process.env, JUPYTER_PATH: resolve("jupyter") }, stdio: ["ignore", "pipe", "pipe"], detached: true },
    );
    server.stdout?.on("data", (b) => (serverLog += b));
    server.stderr?.on("data", (b) => (serverLog += b));
    await waitFor("the notebook server", () => listening(port), 60_000).catch((e) => {
      throw new Error(`${e.message}\n${serverLog.slice(-2000)}`);
    });

    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    await page.goto(`http://127.0.0.1:${port}/notebooks/03-recurrence.ipynb`);
    await page.waitForFunction(() => (globalThis as any).Jupyter?.notebook?.kernel?.is_connected?.() === true, null, { timeout: 60_000 });
    // Through the UI, as a reader does it: the Cell menu, then "Run All".
    await page.click("#celllink");
    await page.click("#run_all_cells > a");
    await page.waitForFunction(
      () => {
        const nb = (globalThis as any).Jupyter.notebook;
        const code = nb.get_cells().filter((c: any) => c.cell_type === "code");
        return code.every((c: any) => typeof c.input_prompt_number === "number") && nb.kernel_busy === false;
      },
      null,
      { timeout: 180_000 },
    );
    const figure = page.locator(".plotly-figure").first();
    await figure.locator("svg.main-svg").first().waitFor({ timeout: 20_000 });
    outcome = await page.evaluate(() => {
      const doc = (globalThis as any).document;
      const cells = (globalThis as any).Jupyter.notebook.get_cells().filter((c: any) => c.cell_type === "code");
      return {
        figures: doc.querySelectorAll(".plotly-figure").length,
        svgs: doc.querySelectorAll(".plotly-figure svg.main-svg").length,
        errors: cells.flatMap((c: any) => c.output_area.outputs.filter((o: any) => o.output_type === "error").map((o: any) => `${o.ename}: ${o.evalue}`)),
        stderr: cells.flatMap((c: any) => c.output_area.outputs.filter((o: any) => o.name === "stderr").map((o: any) => String(o.text).slice(0, 300))),
        prompts: cells.map((c: any) => c.input_prompt_number ?? null),
      };
    });
    mkdirSync("build/screenshots", { recursive: true });
    await figure.scrollIntoViewIfNeeded();
    await page.screenshot({ path: SCREENSHOT });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (server?.pid && server.exitCode === null) {
      const exited = new Promise((r) => server!.once("exit", r));
      process.kill(-server.pid, "SIGTERM"); // the server and the kernels it started
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (server.exitCode === null && server.signalCode === null) process.kill(-server.pid, "SIGKILL");
    }
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it("runs every code cell", () => {
    expect(outcome!.prompts.length).toBeGreaterThan(5);
    expect(outcome!.prompts.every((p) => typeof p === "number" && p > 0)).toBe(true);
  });

  it("draws Figure 2 with plotly (an SVG in the figure's place, not a line of text)", () => {
    expect(outcome!.figures).toBe(1);
    expect(outcome!.svgs).toBeGreaterThanOrEqual(1);
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it("shows no error in any cell, and the page throws none", () => {
    expect(outcome!.errors).toEqual([]);
    expect(outcome!.stderr).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("leaves no server behind", async () => {
    const pid = server!.pid!;
    process.kill(-pid, "SIGTERM");
    await waitFor("the server to stop", async () => server!.exitCode !== null || server!.signalCode !== null, 20_000);
    await waitFor("the port to close", async () => !(await listening(port)), 10_000);
    expect(await listening(port)).toBe(false);
  }, 40_000);
});
