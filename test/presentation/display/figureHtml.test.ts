// A figure as text/html: safe to embed, and drawn by plotly.js in a real browser page, as a
// Jupyter front end without a plotly extension shows it (loader output, then figure output).
import { describe, expect, it } from "vitest";
import { figureHtml, plotlyLoaderHtml, scriptJson } from "../../../src/presentation/display/figureHtml.js";
import { plotlySource } from "../../../src/presentation/figures/plotlySource.js";
import { rateBarFigure } from "../../../src/presentation/figures/rateBarFigure.js";
import { hasChromium, launchChromium } from "../../../src/presentation/images/chromium.js";

const fig = rateBarFigure([{ label: "R", arms: [{ label: "A", events: 1, total: 3 }, { label: "B", events: 2, total: 4 }] }], {
  title: "Rates",
});

describe("figureHtml", () => {
  it("embeds the figure's JSON so that no text in it can end the script", () => {
    const raw = { data: [{ type: "bar", name: "</script><script>alert(1)</script>", x: [1], y: [2] }], layout: {}, config: {} };
    const html = figureHtml(raw, { id: "f1" });
    expect(html.match(/<\/script>/g)).toHaveLength(1); // only the element's own end tag
    expect(html).toContain("\\u003c/script>");
    const json = /var fig = (.*);\n/.exec(html)![1];
    expect(JSON.parse(json).data[0].name).toBe("</script><script>alert(1)</script>");
    expect(scriptJson("a\u2028b")).toBe('"a\\u2028b"');
  });

  it("shows a line of text until plotly draws, or the PNG where there is one", () => {
    expect(figureHtml(fig, { id: "f1", description: "Figure 1 <rates>" })).toMatch(
      /^<div class="plotly-figure" id="f1"><p style="font-style: italic">Figure 1 &lt;rates&gt; \(drawn by plotly\.js/,
    );
    expect(figureHtml(fig, { id: "f2", png: "QUJD", pngWidth: 500 })).toMatch(
      /^<div class="plotly-figure" id="f2"><img src="data:image\/png;base64,QUJD" alt="Figure" style="width: 500px; max-width: 100%"><\/div>/,
    );
  });

  it("refuses an id that is not a plain HTML id, and what is not a figure", () => {
    expect(() => figureHtml(fig, { id: 'x" onload="alert(1)' })).toThrow(/id is .*: it must be a letter followed by/);
    expect(() => figureHtml({} as any, { id: "f" })).toThrow(/expected a plotly figure/);
  });
});

const why = hasChromium() ? "" : " (skipped: no Chromium; apt-get install -y chromium)";
describe.skipIf(!hasChromium())(`figureHtml in Chromium${why}`, () => {
  it("draws the figure once the loader has run, with no page error and no network request", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("request", (r) => {
        if (!r.url().startsWith("data:") && r.url() !== "about:blank") requests.push(r.url());
      });
      // Outputs are inserted one after the other, as a front end appends them; scripts run.
      await page.setContent("<!doctype html><html><body></body></html>");
      const append = (html: string) =>
        page.evaluate((h) => {
          const doc = (globalThis as any).document; // (no DOM types in this project)
          const div = doc.createElement("div");
          div.innerHTML = h;
          doc.body.appendChild(div);
          for (const old of Array.from(div.querySelectorAll("script")) as any[]) {
            const s = doc.createElement("script");
            s.text = old.text;
            old.replaceWith(s);
          }
        }, html);
      await append(figureHtml(fig, { id: "plotly-figure-1", png: "QUJD" }));
      expect(await page.locator("#plotly-figure-1 img").count()).toBe(1); // waiting for plotly.js
      await append(plotlyLoaderHtml(plotlySource()));
      await page.waitForSelector("#plotly-figure-1 svg.main-svg", { timeout: 10_000 });
      expect(await page.locator("#plotly-figure-1 img").count()).toBe(0);
      expect(await page.locator("#plotly-figure-1 .bars path").count()).toBeGreaterThanOrEqual(2);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
