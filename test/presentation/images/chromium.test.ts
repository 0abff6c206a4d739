// Rendering in a real browser: the system Chromium (apt-get install -y chromium) driven by
// playwright-core. Skipped, saying why, where no Chromium is installed.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { chromiumPath, hasChromium, launchChromium } from "../../../src/presentation/images/chromium.js";
import { renderPngs, renderSvgs } from "../../../src/presentation/images/renderImages.js";
import { buildReport } from "../../../src/presentation/report/buildReport.js";
import { PLOTLY_MIME, displayBundle } from "../../../src/presentation/display/show.js";
import { withPngs } from "../../../src/presentation/images/withPngs.js";
import { kmFigure } from "../../../src/presentation/figures/kmFigure.js";
import { rateBarFigure } from "../../../src/presentation/figures/rateBarFigure.js";
import { kaplanMeier } from "../../../src/survival/km/kaplanMeier.js";
import { logRankTest } from "../../../src/survival/logrank/logRankTest.js";
import { dataset, numbers } from "../../helpers/fixtures.js";

const d = dataset("recurrence");
const data = { time: numbers(d.months), event: numbers(d.status), group: numbers(d.group) };
const arm = (g: number) =>
  kaplanMeier({ time: data.time.filter((_, i) => data.group[i] === g), event: data.event.filter((_, i) => data.group[i] === g) });
const km = kmFigure(
  [
    { label: "Anlotinib + chemotherapy", fit: arm(1) },
    { label: "Chemotherapy alone", fit: arm(2) },
  ],
  { title: "Recurrence", test: logRankTest(data), testLabel: "Log-rank" },
);
const bars = rateBarFigure(
  [10, 6].map((events, k) => ({
    label: k ? "Lung metastasis" : "Recurrence",
    arms: [
      { label: "Anlotinib + chemotherapy", events, total: 23 },
      { label: "Chemotherapy alone", events: [12, 10][k], total: 16 },
    ],
  })),
);

const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

describe("chromiumPath", () => {
  afterEach(() => vi.unstubAllEnvs());
  it("follows CHROMIUM_PATH, and launching without a browser says how to install one", async () => {
    vi.stubEnv("CHROMIUM_PATH", "/nonexistent/chromium");
    expect(chromiumPath()).toBeNull();
    expect(hasChromium()).toBe(false);
    await expect(launchChromium()).rejects.toThrow(/Chromium not found \(looked at CHROMIUM_PATH=\/nonexistent\/chromium\).*apt-get install -y chromium/);
    await expect(renderPngs([km])).rejects.toThrow(/Chromium not found/);
  });
  it("needs no browser for no figures", async () => {
    expect(await renderPngs([])).toEqual([]);
    const nb = { cells: [{ cell_type: "code", source: "1", outputs: [{ output_type: "execute_result", data: { "text/plain": "1" }, metadata: {} }] }] };
    const [copy] = await withPngs([nb]);
    expect(copy).toEqual(nb);
    expect(copy).not.toBe(nb);
  });
});

const why = hasChromium() ? "" : " (skipped: no Chromium at /usr/bin/chromium or $CHROMIUM_PATH)";
describe.skipIf(!hasChromium())(`in Chromium${why}`, () => {
  it("renders PNGs of the figure's size at scale 2, byte-identical across two runs", async () => {
    const first = await renderPngs([km, bars]);
    const second = await renderPngs([km, bars]);
    expect(first).toHaveLength(2);
    first.forEach((png, i) => {
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      // IHDR: width and height, big-endian, at bytes 16 and 20.
      expect(png.readUInt32BE(16)).toBe(1600);
      expect(png.readUInt32BE(20)).toBe(2 * ([km, bars][i].layout.height as number));
      expect(png.equals(second[i]), `PNG ${i} differs between runs`).toBe(true);
    });
  });

  it("renders SVGs byte-identical across two runs (fixed uids, reseeded clip-path ids)", async () => {
    const first = await renderSvgs([km, bars]);
    const second = await renderSvgs([km, bars]);
    expect(first[0].startsWith("<svg")).toBe(true);
    expect(first[0]).toContain("Number at risk");
    expect(first.map((svg, i) => svg === second[i])).toEqual([true, true]);
  });

  it("adds a PNG beside each plotly output of executed notebooks, leaving the originals alone", async () => {
    const png = { output_type: "display_data", data: { [PLOTLY_MIME]: bars, "image/png": "AAAA" }, metadata: {} };
    const nb = { cells: [{ cell_type: "code", source: "show(km)", outputs: [{ output_type: "display_data", ...displayBundle(km) }, png] }] };
    const before = JSON.stringify(nb);
    const [copy] = await withPngs([nb]);
    expect(JSON.stringify(nb)).toBe(before);
    const [added, kept] = copy.cells[0].outputs as any[];
    expect(Buffer.from(added.data["image/png"], "base64").subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(added.metadata).toEqual({ "image/png": { width: 800 } });
    expect(added.data[PLOTLY_MIME]).toEqual(JSON.parse(JSON.stringify(km)));
    // The HTML keeps its element id and now shows the PNG in the figure's place.
    expect(added.data["text/html"]).toMatch(/^<div class="plotly-figure" id="plotly-figure-\d+"><img src="data:image\/png;base64,/);
    expect(added.data["text/html"]).toContain(added.data["image/png"]);
    expect(kept.data["image/png"]).toBe("AAAA");
  });

  it("draws every figure of the built report, with no page error and no network", async () => {
    const nb = {
      cells: [
        { cell_type: "markdown", source: "# Figures\n\nBoth figures <b>below</b>." },
        { cell_type: "code", source: "show(km)", outputs: [{ output_type: "display_data", ...displayBundle(km) }] },
        { cell_type: "code", source: "show(bars)", outputs: [{ output_type: "display_data", ...displayBundle(bars) }] },
      ],
    };
    const dir = mkdtempSync(join(tmpdir(), "report-"));
    const file = join(dir, "index.html");
    writeFileSync(file, buildReport([{ name: "figures", nb }]));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const errors: string[] = [];
      const remote: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
      page.on("request", (r) => void (r.url().startsWith("file:") || r.url().startsWith("data:") || remote.push(r.url())));
      await page.goto(`file://${file}`);
      await page.locator("#figure-1 .main-svg").first().waitFor();
      // One drawn trace group per trace in the figure's data.
      expect(await page.locator("#figure-0 .scatterlayer .trace").count()).toBe(km.data.length);
      expect(await page.locator("#figure-1 .barlayer .trace").count()).toBe(bars.data.length);
      expect(await page.locator("#figure-0 .annotation-text", { hasText: "Number at risk" }).count()).toBe(1);
      expect(await page.locator(".figure-error").count()).toBe(0);
      expect(errors).toEqual([]);
      expect(remote).toEqual([]);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
