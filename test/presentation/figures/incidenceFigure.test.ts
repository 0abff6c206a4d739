import { describe, expect, it } from "vitest";
import { incidenceFigure } from "../../../src/presentation/figures/incidenceFigure.js";
import { OKABE_ITO } from "../../../src/presentation/figures/figure.js";
import { cumulativeIncidence } from "../../../src/survival/competing/cumulativeIncidence.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";

const data = {
  time: [1, 1, 2, 2, 2, 3, 4, 4, 5, 6, 1, 2, 3, 5, 7],
  cause: [1, 2, 1, 0, 2, 1, 0, 2, 1, 0, 2, 2, 1, 0, 1],
  group: ["A", "A", "A", "A", "A", "A", "A", "A", "A", "A", "B", "B", "B", "B", "B"],
};
const ci = cumulativeIncidence(data);

describe("incidenceFigure", () => {
  const fig = incidenceFigure(ci, { title: "Relapse <and> death", causeLabels: { 1: "Relapse", 2: "Death" } });

  it("draws a panel per group, a trace per group and cause, with fixed uids and one colour per cause", () => {
    expect(fig.data.map((t) => t.uid)).toEqual(["incidence-0-0", "incidence-0-1", "incidence-1-0", "incidence-1-1"]);
    expect(fig.data.map((t) => [t.xaxis, t.yaxis])).toEqual([["x", "y"], ["x", "y"], ["x2", "y2"], ["x2", "y2"]]);
    expect(fig.data.map((t) => (t.line as { color: string }).color)).toEqual([OKABE_ITO[0], OKABE_ITO[1], OKABE_ITO[0], OKABE_ITO[1]]);
    expect(fig.data.map((t) => t.showlegend)).toEqual([true, true, false, false]);
    expect(fig.data.map((t) => t.name)).toEqual(["Relapse", "Death", "Relapse", "Death"]);
    expect((fig.layout.annotations as { text: string }[]).map((a) => a.text)).toEqual(["A", "B"]);
    expect((fig.layout.title as { text: string }).text).toBe("Relapse &lt;and&gt; death");
  });

  it("stacks each cause on the previous ones, from (0, 0), as steps", () => {
    const a1 = ci.curves[0].incidence;
    const a2 = ci.curves[1].incidence;
    expect(fig.data[0].x).toEqual([0, ...ci.curves[0].time]);
    expect(fig.data[0].y).toEqual([0, ...a1]);
    expect(fig.data[1].y).toEqual([0, ...a1.map((f, j) => f + a2[j])]);
    expect(fig.data[0]).toMatchObject({ fill: "tozeroy", line: { shape: "hv" } });
    expect(fig.data[1]).toMatchObject({ fill: "tonexty" });
    expect(fig.data[1].customdata).toEqual([0, ...a2]); // the hover shows the cause's own incidence
  });

  it("unstacked, each cause is drawn from 0 without fill", () => {
    const f = incidenceFigure(ci, { stacked: false });
    expect(f.data[1].y).toEqual([0, ...ci.curves[1].incidence]);
    expect(f.data[1].fill).toBe("none");
  });

  it("one panel without groups, and no panel title", () => {
    const f = incidenceFigure(cumulativeIncidence({ time: data.time, cause: data.cause }));
    expect(f.data.length).toBe(2);
    expect(f.layout.xaxis2).toBeUndefined();
    expect(f.layout.annotations).toEqual([]);
  });

  it("refuses an unknown option and a label for a cause that is not there", () => {
    expect(() => incidenceFigure(ci, { titel: "x" } as never)).toThrow(SurvivalInputError);
    expect(() => incidenceFigure(ci, { causeLabels: { 3: "Other" } })).toThrow("causeLabels.3 is not a cause; the causes are 1, 2");
  });
});
