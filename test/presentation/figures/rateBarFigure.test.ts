import { describe, expect, it } from "vitest";
import { rateBarFigure, rateLabel } from "../../../src/presentation/figures/rateBarFigure.js";
import { OKABE_ITO } from "../../../src/presentation/figures/figure.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";

// The counts the paper prints for Figure 1 (Ge & Yue 2020, section 3.1).
const outcomes = [
  {
    label: "Recurrence",
    arms: [
      { label: "Anlotinib + chemotherapy", events: 10, total: 23 },
      { label: "Chemotherapy alone", events: 12, total: 16 },
    ],
    test: { statistic: 3.81, df: 1, pValue: 0.051 },
    testLabel: "Pearson",
  },
  {
    label: "Lung metastasis",
    arms: [
      { label: "Anlotinib + chemotherapy", events: 6, total: 23 },
      { label: "Chemotherapy alone", events: 10, total: 16 },
    ],
  },
];

describe("rateBarFigure", () => {
  const fig = rateBarFigure(outcomes, { title: "Figure 1" });

  it("has one bar trace per arm, grouped by outcome, with fixed uids and Okabe-Ito colours", () => {
    expect(fig.data.map((d) => d.uid)).toEqual(["bar-0", "bar-1"]);
    expect(fig.layout.barmode).toBe("group");
    const [a, b] = fig.data as any[];
    expect(a.x).toEqual(["Recurrence", "Lung metastasis"]);
    expect(a.marker.color).toBe(OKABE_ITO[0]);
    expect(b.marker.color).toBe(OKABE_ITO[1]);
    expect(a.name).toBe("Anlotinib + chemotherapy");
  });

  it("plots percentages and labels each bar with count and percentage", () => {
    const [a, b] = fig.data as any[];
    expect(a.y).toEqual([(100 * 10) / 23, (100 * 6) / 23]);
    expect(a.text).toEqual(["10/23, 43.5%", "6/23, 26.1%"]);
    expect(b.text).toEqual(["12/16, 75.0%", "10/16, 62.5%"]);
    expect(rateLabel(1, 3)).toBe("1/3, 33.3%");
  });

  it("prints a test above its group only where one is given", () => {
    const notes = fig.layout.annotations as any[];
    expect(notes).toHaveLength(1);
    expect(notes[0].text).toBe("Pearson: χ²(1) = 3.810, p = 0.0510");
    expect(notes[0].x).toBe("Recurrence");
    expect(notes[0].y).toBe(75);
  });

  it("is plain, stable JSON", () => {
    expect(JSON.parse(JSON.stringify(fig))).toEqual(fig);
    expect(JSON.stringify(rateBarFigure(outcomes, { title: "Figure 1" }))).toBe(JSON.stringify(fig));
  });

  it("rejects counts out of range and outcomes whose arms differ", () => {
    const bad = (events: number, total: number) => [{ label: "R", arms: [{ label: "A", events, total }] }];
    expect(() => rateBarFigure(bad(3, 2))).toThrow(/outcomes\[0\]\.arms\[0\]\.events is 3/);
    expect(() => rateBarFigure(bad(1, 0))).toThrow(/outcomes\[0\]\.arms\[0\]\.total is 0/);
    expect(() => rateBarFigure(bad(1.5, 4))).toThrow(SurvivalInputError);
    expect(() => rateBarFigure([])).toThrow(SurvivalInputError);
    expect(() =>
      rateBarFigure([
        { label: "R", arms: [{ label: "A", events: 1, total: 2 }] },
        { label: "M", arms: [{ label: "B", events: 1, total: 2 }] },
      ]),
    ).toThrow(/outcomes\[1\]\.arms are \["B"\]/);
  });
});
