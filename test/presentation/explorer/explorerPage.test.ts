// The explorer's HTML, data and script as written (the browser test runs them: explorer.browser.test.ts).
import { describe, expect, it } from "vitest";
import { explorerBundle } from "../../../src/presentation/explorer/explorerBundle.js";
import { explorerData, explorerPage, explorerSection } from "../../../src/presentation/explorer/explorerPage.js";
import { buildReport } from "../../../src/presentation/report/buildReport.js";
import { loadEndpoint } from "../../../src/study/data/loadEndpoint.js";

const section = explorerSection();

describe("explorerBundle", () => {
  it("bundles the page's script for a browser: the library is in it, no Node module is", () => {
    const js = explorerBundle();
    expect(js.length).toBeGreaterThan(50_000);
    expect(js).toMatch(/function kaplanMeier\(/);
    expect(js).toMatch(/function kmFigure\(/);
    expect(js).toMatch(/function atPrecision\(/);
    expect(js).not.toMatch(/require\(|node:/);
    expect(explorerBundle()).toBe(js); // cached, and the same bytes
  });
});

describe("explorerSection", () => {
  it("carries the paper's rows and checkable claims as JSON", () => {
    const json = /<script type="application\/json" id="explorer-data">(.*?)<\/script>/s.exec(section.html)![1];
    const data = JSON.parse(json);
    const rec = loadEndpoint("recurrence");
    expect(data.rows.recurrence).toEqual({ group: rec.group, status: rec.status, months: rec.months });
    expect(Object.keys(data.rows)).toEqual(["recurrence", "lung_metastasis"]);
    expect(data).toEqual(JSON.parse(JSON.stringify(explorerData())));
    expect(data.claims.every((c: { check: { kind: string } }) => c.check.kind !== "none")).toBe(true);
  });

  it("has the anchors the teaching notebooks link to", () => {
    for (const id of ["explorer", "explorer-try", "explorer-try-cutoff", "explorer-try-censor", "explorer-try-lung"]) {
      expect(section.html).toContain(`id="${id}"`);
    }
  });

  it("labels every control, and loads nothing from the network", () => {
    const controls = section.html.match(/<(input|select)\b[^>]*>/g)!;
    expect(controls.length).toBe(9);
    // Each control sits inside a <label>: radios and selects as written, the CI level too.
    const labelled = section.html.match(/<label[^>]*>[^]*?<\/label>/g)!.join("\n");
    for (const c of controls) expect(labelled, c).toContain(c);
    expect(section.html + section.style).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(section.script).not.toMatch(/https?:\/\/[^"'\s]*\.(js|css|json)\b/);
  });
});

describe("the explorer in a page", () => {
  it("explorerPage: one offline document, plotly.js before the explorer's script", () => {
    const html = explorerPage({ plotlyJs: "window.Plotly = {};" });
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html.indexOf("window.Plotly = {};")).toBeLessThan(html.indexOf(section.script.slice(0, 200)));
    expect(html).toContain('href="index.html#explorer"');
  });

  it("buildReport's explorer option: the section after the notebooks, in the contents, plotly.js inlined, its script last", () => {
    const nb = { cells: [{ cell_type: "markdown", source: "# A notebook" }] };
    const plain = buildReport([{ name: "01-a", nb }], { plotlyJs: "PLOTLY" });
    expect(plain).not.toContain("PLOTLY"); // no figure, no explorer: no plotly.js
    const html = buildReport([{ name: "01-a", nb }], { plotlyJs: "PLOTLY", explorer: section });
    expect(html).toContain('<li><a href="#explorer">Explore: change the analysis</a></li>');
    expect(html.indexOf('id="nb-01-a"')).toBeLessThan(html.indexOf('id="explorer"'));
    expect(html.indexOf("PLOTLY")).toBeLessThan(html.lastIndexOf(section.script.slice(0, 200)));
    expect(html).toContain(section.style);
    expect(html).toContain('href="explore.html"');
  });
});
