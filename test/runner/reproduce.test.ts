// `npm run reproduce` end to end on fixture notebooks, into a scratch --out folder.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const reproduce = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ["--import", "tsx", "scripts/reproduce.ts", ...args], { env: { ...process.env, NOTEBOOK_JOBS: "2", ...env } });
const hasChromium = existsSync("/usr/bin/chromium");

function previousBuild() {
  const parent = mkdtempSync(join(tmpdir(), "reproduce-"));
  const out = join(parent, "build");
  mkdirSync(out);
  writeFileSync(join(out, "claims.json"), "previous\n");
  return { parent, out };
}

describe("scripts/reproduce.ts", { timeout: 120_000 }, () => {
  it("writes the executed notebooks, claims.json and the report, and prints verdicts and timings", async () => {
    const { parent, out } = previousBuild();
    const { stdout, stderr } = await reproduce(["--out", out, "test/runner/fixtures/clean.ipynb"]);
    expect(stderr).toContain("test/runner/fixtures/clean.ipynb: cell 2/5");
    expect(stdout).toMatch(/^claim +verdict +reported +recomputed$/m);
    expect(stdout).toMatch(/total \d+\.\d s wall for 1 notebooks: \d+\.\d\d s a notebook/);
    const executed = readFileSync(join(out, "notebooks", "clean.ipynb"), "utf8");
    expect(executed).toContain("SurvivalInputError time 2");
    const claims = JSON.parse(readFileSync(join(out, "claims.json"), "utf8"));
    expect(claims.length).toBeGreaterThan(0);
    expect(Object.keys(claims[0])).toEqual(expect.arrayContaining(["id", "reported", "recomputed", "verdict", "note"]));
    const report = readFileSync(join(out, "report", "index.html"), "utf8");
    expect(report).toContain("SurvivalInputError time 2");
    expect(report).toContain('<section id="explorer"');
    expect(readFileSync(join(out, "report", "explore.html"), "utf8")).toContain('<section id="explorer"');
    expect(readdirSync(parent)).toEqual(["build"]);
  });

  it("adds a PNG beside each plotly figure where Chromium exists, and says why not where it does not", async () => {
    const a = previousBuild();
    const b = previousBuild();
    const figure = "test/runner/fixtures/figure.ipynb";
    const [withChromium, without] = await Promise.all([
      hasChromium ? reproduce(["--out", a.out, figure]) : undefined,
      reproduce(["--out", b.out, figure], { CHROMIUM_PATH: "/nonexistent/chromium" }),
    ]);
    expect(without.stdout).toContain("figures: PNG export skipped: no Chromium found");
    expect(existsSync(join(b.out, "figures"))).toBe(false);
    // The built copy keeps the figure's output alone: not the output that loaded plotly.js live.
    const outputs = (out: string) => JSON.parse(readFileSync(join(out, "notebooks", "figure.ipynb"), "utf8")).cells[1].outputs;
    expect(outputs(b.out)).toHaveLength(1);
    const bundle = (out: string) => outputs(out)[0].data;
    expect(Object.keys(bundle(b.out)).sort()).toEqual(["application/vnd.plotly.v1+json", "text/html", "text/plain"]);
    if (!withChromium) return; // no /usr/bin/chromium here (apt-get install chromium): the rest is not checked
    expect(withChromium.stdout).toMatch(/figures \(1 PNG, /);
    const png = readFileSync(join(a.out, "figures", "figure-1.png"));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    const data = bundle(a.out);
    expect(Object.keys(data).sort()).toEqual(["application/vnd.plotly.v1+json", "image/png", "text/html", "text/plain"]);
    expect(Buffer.from(data["image/png"], "base64").equals(png)).toBe(true);
    expect([data["text/html"]].flat().join("")).toContain(`<img src="data:image/png;base64,${[data["image/png"]].flat().join("")}"`);
  });

  it("exits 1 naming the notebook, the cell and the error, and leaves the previous build as it was", async () => {
    const { parent, out } = previousBuild();
    const error = await reproduce(["--out", out, "test/runner/fixtures/clean.ipynb", "test/runner/fixtures/failing.ipynb"]).then(
      () => undefined,
      (e: { code?: number; stderr?: string }) => e,
    );
    expect(error?.code).toBe(1);
    expect(error?.stderr).toContain(
      'reproduce FAILED: test/runner/fixtures/failing.ipynb: cell 3 ("const limit = 3;"): RangeError: value 4 is out of range',
    );
    expect(readFileSync(join(out, "claims.json"), "utf8")).toBe("previous\n");
    expect(readdirSync(out)).toEqual(["claims.json"]);
    expect(readdirSync(parent)).toEqual(["build"]);
    expect(existsSync(join(out, "notebooks"))).toBe(false);
  });
});
