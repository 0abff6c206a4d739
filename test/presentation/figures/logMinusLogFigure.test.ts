import { describe, expect, it } from "vitest";
import { logMinusLogFigure } from "../../../src/presentation/figures/logMinusLogFigure.js";
import { kaplanMeier } from "../../../src/survival/km/kaplanMeier.js";
import { logMinusLogData } from "../../../src/survival/km/logMinusLogData.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";

describe("logMinusLogFigure", () => {
  const a = kaplanMeier({ time: [1, 2, 2, 3, 4, 5], event: [1, 1, 1, 0, 1, 1] });
  const b = kaplanMeier({ time: [2, 3, 5, 7, 8], event: [1, 0, 1, 1, 0] });
  const fig = logMinusLogFigure([{ label: "A", fit: a }, { label: "B", fit: b }], { title: "T", filename: "f" });

  it("draws log(-log S) of each curve (logMinusLogData) against time, as steps, on a log time axis", () => {
    expect(fig.data.map((t) => t.name)).toEqual(["A", "B"]);
    expect(fig.data[0]).toMatchObject({ x: [...logMinusLogData(a).time], y: [...logMinusLogData(a).y], line: { shape: "hv" } });
    expect(fig.data[1].y).toEqual([...logMinusLogData(b).y]);
    expect(fig.layout.xaxis).toMatchObject({ type: "log", title: { text: "Months (log scale)" } });
    expect(fig.layout.yaxis).toMatchObject({ title: { text: "log(-log S(t))" } });
    expect((fig.layout.title as { text: string }).text).toBe("T");
  });

  it("refuses an unknown option or a misspelt field of a curve", () => {
    expect(() => logMinusLogFigure([{ label: "A", fit: a }], { xTitle: "x" } as never)).toThrow(SurvivalInputError);
    expect(() => logMinusLogFigure([{ label: "A", fit: a, colour: 1 } as never])).toThrow(/curves\[0\]\.colour/);
  });
});
