/**
 * figureAxes against plotly itself: the tick positions test/digitize/fixtures/figures.ts read
 * from plotly's layout in Chromium (`_offset + l2p(value)`, times the export scale) for the
 * project's Figures 2 and 3. Then the arithmetic on a small layout, and bad input.
 */
import { describe, expect, it } from "vitest";
import { figureAxes } from "../../../src/presentation/figures/figureAxes.js";
import { linesFigure } from "../../../src/presentation/figures/linesFigure.js";
import { inputError } from "../../helpers/errors.js";
import { paperFigures } from "../paperFigures.js";

describe("figureAxes", () => {
  it.each(paperFigures().map((f, k) => [k + 2, f] as const))("Figure %i: where plotly put the ticks in Chromium", (_, f) => {
    const axes = figureAxes(f.fig);
    expect(axes.x.values).toEqual(f.x.values);
    expect(axes.y.values).toEqual(f.y.values);
    for (const a of ["x", "y"] as const) {
      axes[a].pixels.forEach((p, i) => expect(Math.abs(p - f[a].pixels[i])).toBeLessThan(1e-9));
    }
  });

  it("places values linearly in the plot area: the page less the margins, the axis's domain of it", () => {
    const fig = { data: [], config: {}, layout: { width: 500, height: 300, margin: { l: 50, r: 50, t: 20, b: 80 }, xaxis: { range: [0, 10], tickvals: [0, 5, 10] }, yaxis: { range: [0, 1], domain: [0.5, 1] } } };
    const axes = figureAxes(fig, { scale: 1 });
    expect(axes.x).toEqual({ pixels: [50, 450], values: [0, 10] });
    expect(axes.y).toEqual({ pixels: [120, 20], values: [0, 1] }); // plot area 20..220, upper half
    expect(figureAxes(fig).x.pixels).toEqual([100, 900]); // default scale 2
    expect(figureAxes(fig, { width: 600, scale: 1 }).x.pixels).toEqual([50, 550]);
  });

  it("rounds to 0.01 CSS pixel as plotly does", () => {
    const fig = { data: [], config: {}, layout: { width: 400, height: 300, margin: { l: 0, r: 0, t: 0, b: 0 }, xaxis: { range: [0, 3] }, yaxis: { range: [0, 3] } } };
    expect(figureAxes(fig, { scale: 1 }).x.pixels).toEqual([0, 400]);
    const third = { ...fig, layout: { ...fig.layout, xaxis: { range: [0, 3], tickvals: [0, 1] } } };
    expect(figureAxes(third, { scale: 1 }).x.pixels).toEqual([0, 133.33]);
  });

  it("refuses a figure whose layout leaves the positions to the browser", () => {
    const base = { data: [], config: {}, layout: { xaxis: { range: [0, 1] }, yaxis: { range: [0, 1] } } };
    let e = inputError(() => figureAxes(linesFigure([{ label: "S", x: [0, 1], y: [1, 0.5] }])));
    expect(e.argument).toMatch(/^fig\.layout\.[xy]axis/);
    e = inputError(() => figureAxes({ ...base, layout: { ...base.layout, xaxis: {} } }));
    expect(e.argument).toBe("fig.layout.xaxis.range");
    e = inputError(() => figureAxes({ ...base, layout: { ...base.layout, yaxis: { range: [0, 1], type: "log" } } }));
    expect(e.argument).toBe("fig.layout.yaxis.type");
    e = inputError(() => figureAxes({ ...base, layout: { ...base.layout, xaxis: { range: [0, 1], automargin: true } } }));
    expect(e.argument).toBe("fig.layout.xaxis.automargin");
    e = inputError(() => figureAxes(base, { scale: 0 }));
    expect([e.argument, e.value]).toEqual(["options.scale", 0]);
    e = inputError(() => figureAxes(base, { dpi: 2 } as never));
    expect([e.argument, e.value]).toEqual(["options", "dpi"]);
  });
});
