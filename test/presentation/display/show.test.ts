import { createRequire } from "node:module";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PLOTLY_MIME, displayBundle, show, tslabSink, type DisplayData } from "../../../src/presentation/display/show.js";
import { rateBarFigure } from "../../../src/presentation/figures/rateBarFigure.js";

const fig = rateBarFigure([{ label: "R", arms: [{ label: "A", events: 1, total: 3 }, { label: "B", events: 2, total: 4 }] }], {
  title: "Figure 1",
});

describe("show", () => {
  it("sends ONE display_data bundle with plotly JSON and a text/plain description", () => {
    const sent: [DisplayData, boolean][] = [];
    const result = show(fig, { sink: (d, update) => sent.push([d, update]) });
    expect(result).toBeUndefined();
    expect(sent).toHaveLength(1);
    const [bundle, update] = sent[0];
    expect(update).toBe(false);
    expect(Object.keys(bundle.data)).toEqual([PLOTLY_MIME, "text/plain"]);
    expect(bundle.data[PLOTLY_MIME]).toEqual(JSON.parse(JSON.stringify(fig)));
    expect(bundle.data["text/plain"]).toBe("Figure 1 [plotly figure, 2 traces: A, B]");
  });

  it("adds a PNG, base64, with the width static viewers should show it at", () => {
    const png = Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10]);
    const b = displayBundle(fig, { png, pngWidth: 640 });
    expect(Object.keys(b.data)).toEqual([PLOTLY_MIME, "image/png", "text/plain"]);
    expect(b.data["image/png"]).toBe("iVBORw0KGgo=");
    expect(b.metadata).toEqual({ "image/png": { width: 640 } });
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
      expect(sent).toHaveLength(1);
      expect(Object.keys(sent[0].data)).toEqual([PLOTLY_MIME, "text/plain"]);
    } finally {
      if (previous) cache[key] = previous;
      else delete cache[key];
    }
  });

  it("rejects what is not a figure", () => {
    expect(() => show({} as any, { sink: () => {} })).toThrow(/expected a plotly figure/);
  });
});
