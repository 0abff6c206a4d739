import { createRequire } from "node:module";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  PLOTLY_LOADER,
  PLOTLY_MIME,
  displayBundle,
  dropPlotlyLoaders,
  plotlyLoaderBundle,
  show,
  tslabSink,
  type DisplayData,
} from "../../../src/presentation/display/show.js";
import { rateBarFigure } from "../../../src/presentation/figures/rateBarFigure.js";

const fig = rateBarFigure([{ label: "R", arms: [{ label: "A", events: 1, total: 3 }, { label: "B", events: 2, total: 4 }] }], {
  title: "Figure 1",
});

describe("show", () => {
  it("sends plotly.js once per session, then ONE display_data bundle per figure", async () => {
    vi.resetModules(); // a fresh session: the module as a kernel loads it after a reset
    const session = await import("../../../src/presentation/display/show.js");
    const sent: [DisplayData, boolean][] = [];
    const sink = (d: DisplayData, update: boolean) => sent.push([d, update]);
    expect(session.show(fig, { sink })).toBeUndefined();
    session.show(fig, { sink });
    expect(sent).toHaveLength(3);
    const [[loader], [first, update], [second]] = sent;
    expect(update).toBe(false);
    expect(loader.metadata).toEqual({ [PLOTLY_LOADER]: true });
    const html = loader.data["text/html"] as string;
    // (booleans, so that a failure does not print 4.7 MB)
    expect(html.startsWith('<script type="text/javascript">\n') && html.endsWith("\n</script>"), "one script element").toBe(true);
    expect(/^\/\*\*?\s*\*?\s*plotly\.js v3\./.test(html.slice(32, 80)), "plotly.js 3 inside").toBe(true);
    expect(loader.data["text/plain"]).toMatch(/^plotly\.js 3\.\d+\.\d+ loaded for this session's figures \(offline, from .*plotly\.min\.js\)$/);
    expect(Object.keys(first.data)).toEqual([PLOTLY_MIME, "text/html", "text/plain"]);
    expect(first.data[PLOTLY_MIME]).toEqual(JSON.parse(JSON.stringify(fig)));
    expect(first.data["text/plain"]).toBe("Figure 1 [plotly figure, 2 traces: A, B]");
    // Each figure its own element id, numbered within the session.
    expect(first.data["text/html"]).toContain('<div class="plotly-figure" id="plotly-figure-1">');
    expect(second.data["text/html"]).toContain('<div class="plotly-figure" id="plotly-figure-2">');
  });

  it("a reset session sends plotly.js again; loadPlotly sends it on request", async () => {
    vi.resetModules();
    const session = await import("../../../src/presentation/display/show.js");
    const sent: DisplayData[] = [];
    session.loadPlotly((d) => sent.push(d));
    session.show(fig, { sink: (d) => sent.push(d) });
    expect(sent.map((d) => d.metadata[PLOTLY_LOADER] === true)).toEqual([true, false]);
  });

  it("adds a PNG, base64, with the width static viewers should show it at, also inside the HTML", () => {
    const png = Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10]);
    const b = displayBundle(fig, { png, pngWidth: 640, id: "fig-a" });
    expect(Object.keys(b.data)).toEqual([PLOTLY_MIME, "text/html", "image/png", "text/plain"]);
    expect(b.data["image/png"]).toBe("iVBORw0KGgo=");
    expect(b.data["text/html"]).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="Figure 1 [plotly figure, 2 traces: A, B]" style="width: 640px; max-width: 100%">');
    expect(b.metadata).toEqual({ "image/png": { width: 640 } });
  });

  it("the loader carries plotly.js whole, safe inside a script element", () => {
    const b = plotlyLoaderBundle("/* plotly.js v9.9.9 */ var s = '</script>'; window.Plotly = {};");
    expect(b.data["text/html"]).toBe("<script type=\"text/javascript\">\n/* plotly.js v9.9.9 */ var s = '<\\/script>'; window.Plotly = {};\n</script>");
    expect(b.data["text/plain"]).toMatch(/^plotly\.js 9\.9\.9 loaded/);
  });

  it("built copies drop the loader and keep everything else", () => {
    const nb = { cells: [{ outputs: [plotlyLoaderBundle("x"), displayBundle(fig, { id: "f" })].map((b) => ({ output_type: "display_data", ...b })) }, { source: "md" }] };
    const [copy] = dropPlotlyLoaders([nb]);
    expect((copy.cells[0] as any).outputs).toHaveLength(1);
    expect((copy.cells[0] as any).outputs[0].data[PLOTLY_MIME]).toBeDefined();
    expect(nb.cells[0].outputs).toHaveLength(2); // the notebook given is not changed
  });

  it("turns typed arrays into JSON arrays", () => {
    const b = displayBundle({ data: [{ type: "scatter", x: Float64Array.from([1, 2]) }], layout: {}, config: {} });
    expect((b.data[PLOTLY_MIME] as any).data[0].x).toEqual([1, 2]);
  });

  describe("outside a kernel", () => {
    afterEach(() => vi.restoreAllMocks());
    it("finds no tslab sink and prints the description instead of crashing", () => {
      expect(tslabSink()).toBeNull();
      const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
      show(fig);
      expect(write).toHaveBeenCalledWith("Figure 1 [plotly figure, 2 traces: A, B]\n");
    });
  });

  it("inside a tslab kernel, sends through the writer tslab/dist/jupyter.js holds", () => {
    // A stand-in for the module the kernel has loaded, under the path tslab has.
    const cache = createRequire(join(process.cwd(), "package.json")).cache;
    const key = join(process.cwd(), "node_modules", "tslab", "dist", "jupyter.js");
    const sent: DisplayData[] = [];
    const previous = cache[key];
    cache[key] = { exports: { lastWriteDisplayData: (d: DisplayData) => sent.push(d) } } as any;
    try {
      expect(typeof tslabSink()).toBe("function");
      show(fig);
      const figures = sent.filter((d) => d.data[PLOTLY_MIME] !== undefined);
      expect(figures).toHaveLength(1);
      expect(Object.keys(figures[0].data)).toEqual([PLOTLY_MIME, "text/html", "text/plain"]);
    } finally {
      if (previous) cache[key] = previous;
      else delete cache[key];
    }
  });

  it("rejects what is not a figure", () => {
    expect(() => show({} as any, { sink: () => {} })).toThrow(/expected a plotly figure/);
  });
});
