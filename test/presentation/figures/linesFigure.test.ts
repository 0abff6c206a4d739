import { describe, expect, it } from "vitest";
import { linesFigure, withReferenceLines } from "../../../src/presentation/figures/linesFigure.js";
import { OKABE_ITO } from "../../../src/presentation/figures/figure.js";

describe("linesFigure", () => {
  const fig = linesFigure(
    [
      { label: "S <km>", x: [0, 1, 2], y: Float64Array.of(1, 0.5, NaN) },
      { label: "band", x: [0, 1], y: [1, null], group: "b", dash: "dash", colour: 2 },
      { label: "band", x: [0, 1], y: [1, 0.2], group: "b", fill: true, shape: "linear", markers: true },
    ],
    { title: "T", hLines: [{ y: 0.5, label: "half" }], vLines: [{ x: 1 }] },
  );

  it("draws one trace a line with fixed uids, palette colours, step shape by default", () => {
    expect(fig.data.map((t) => t.uid)).toEqual(["line-0", "line-1", "line-2"]);
    expect(fig.data[0]).toMatchObject({ name: "S &lt;km&gt;", y: [1, 0.5, null], line: { shape: "hv", color: OKABE_ITO[0] }, mode: "lines" });
    expect(fig.data[1]).toMatchObject({ line: { dash: "dash", color: OKABE_ITO[2] }, legendgroup: "b", showlegend: true });
    expect(fig.data[2]).toMatchObject({ line: { shape: "linear" }, mode: "lines+markers", fill: "tozeroy", legendgroup: "b", showlegend: false });
    expect(JSON.parse(JSON.stringify(fig)).data[0].y).toEqual([1, 0.5, null]);
  });

  it("sets the y range to [0, 1] for proportions and adds reference lines", () => {
    expect((fig.layout.yaxis as { range: number[] }).range).toEqual([-0.02, 1.03]);
    const shapes = fig.layout.shapes as { x0: number; y0: number; xref: string; yref: string }[];
    expect(shapes).toHaveLength(2);
    expect(shapes[0]).toMatchObject({ xref: "x", x0: 1, yref: "y domain" });
    expect(shapes[1]).toMatchObject({ yref: "y", y0: 0.5, xref: "x domain" });
    expect((fig.layout.annotations as { text: string }[]).map((a) => a.text)).toEqual(["half"]);
  });

  it("draws the x axis on a log scale when asked, linear otherwise", () => {
    expect((linesFigure([{ label: "a", x: [1, 10], y: [1, 2] }], { xType: "log" }).layout.xaxis as { type?: string }).type).toBe("log");
    expect((fig.layout.xaxis as { type?: string }).type).toBeUndefined();
  });

  it("leaves the y range to plotly for other values", () => {
    const f = linesFigure([{ label: "chi-square", x: [4, 5], y: [4.7, 8.2], shape: "linear" }]);
    expect((f.layout.yaxis as { range?: number[] }).range).toBeUndefined();
  });
});

describe("withReferenceLines", () => {
  it("adds to a figure's own shapes and annotations without changing the figure", () => {
    const base = { data: [], layout: { shapes: [{ type: "rect" }], annotations: [{ text: "a" }] }, config: {} };
    const out = withReferenceLines(base, [{ x: 12, label: "cut-off" }]);
    expect((out.layout.shapes as unknown[]).length).toBe(2);
    expect((out.layout.annotations as { text: string }[]).map((a) => a.text)).toEqual(["a", "cut-off"]);
    expect(base.layout.shapes).toHaveLength(1);
  });
});
