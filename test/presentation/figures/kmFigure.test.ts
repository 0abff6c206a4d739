import { describe, expect, it } from "vitest";
import { kmFigure, stepBand, type KmFit } from "../../../src/presentation/figures/kmFigure.js";
import { OKABE_ITO } from "../../../src/presentation/figures/figure.js";
import { kaplanMeier } from "../../../src/survival/km/kaplanMeier.js";
import { logRankTest } from "../../../src/survival/logrank/logRankTest.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";
import { dataset, loadFixture, numbers } from "../../helpers/fixtures.js";

// Ten subjects, times 1 2 2 3 4 4 5 6 7 8, events 1 0 1 1 0 1 0 1 0 0: the rows of a fit by hand
// (S = 0.9, 0.8, 0.8 * 6/7, ...); the limits are placeholders (the figure only draws them).
const s3 = 0.8 * (6 / 7);
const s4 = s3 * (5 / 6);
const s6 = s4 * (2 / 3);
const hand: KmFit = {
  time: [1, 2, 3, 4, 5, 6, 7, 8],
  nRisk: [10, 9, 7, 6, 4, 3, 2, 1],
  nEvent: [1, 1, 1, 1, 0, 1, 0, 0],
  nCensor: [0, 1, 0, 1, 1, 0, 1, 1],
  survival: [0.9, 0.8, s3, s4, s4, s6, s6, s6],
  lower: [0.7, 0.6, 0.5, 0.4, 0.4, 0.2, 0.2, 0.2],
  upper: [1, 1, 0.95, 0.9, 0.9, 0.7, 0.7, 0.7],
};
const other: KmFit = {
  time: [2, 5],
  nRisk: [3, 1],
  nEvent: [2, 1],
  nCensor: [0, 0],
  survival: [1 / 3, 0],
  lower: [0.1, NaN],
  upper: [0.9, NaN],
};

const trace = (fig: ReturnType<typeof kmFigure>, uid: string): any => {
  const t = fig.data.find((d) => d.uid === uid);
  if (!t) throw new Error(`no trace ${uid}`);
  return t;
};

describe("kmFigure", () => {
  const fig = kmFigure(
    [
      { label: "A", fit: hand },
      { label: "B", fit: other },
    ],
    { title: "Test", breaks: [0, 2, 4, 6, 8, 10], test: { statistic: 4.5671, df: 1, pValue: 0.0326 }, testLabel: "Log-rank" },
  );

  it("has fixed, unique trace uids in drawing order: bands, curves, censor marks, legend keys, risk table", () => {
    const uids = fig.data.map((d) => d.uid);
    expect(uids).toEqual(["band-0", "band-1", "curve-0", "curve-1", "censored-0", "censored-1", "censored-key", "band-key", "risk-0", "risk-1"]);
  });

  it("names the bands' level in the legend when the fits carry one, and no level otherwise", () => {
    expect(trace(fig, "band-key").name).toBe("pointwise CI"); // the hand-made fits have no confLevel
    const fit = (confLevel: number) => kaplanMeier({ time: [1, 2, 3, 4], event: [1, 0, 1, 1] }, { confLevel });
    expect(trace(kmFigure([{ label: "A", fit: fit(0.9) }, { label: "B", fit: fit(0.9) }]), "band-key").name).toBe("90% pointwise CI");
    expect(trace(kmFigure([{ label: "A", fit: fit(0.95) }]), "band-key").name).toBe("95% pointwise CI");
    expect(trace(kmFigure([{ label: "A", fit: fit(0.9) }, { label: "B", fit: fit(0.8) }]), "band-key").name).toBe("pointwise CI");
  });

  it("names a log-rank result by its weight when no label is given", () => {
    const d = { time: [1, 2, 3, 4, 5, 6], event: [1, 1, 0, 1, 1, 0], group: [1, 1, 1, 2, 2, 2] };
    const note = (test: ReturnType<typeof logRankTest>) =>
      (kmFigure([{ label: "A", fit: hand }], { test }).layout.annotations as any[]).map((a) => a.text).find((t: string) => t.includes("χ²"));
    expect(note(logRankTest(d))).toMatch(/^Log-rank: χ²\(1\) = /);
    expect(note(logRankTest(d, { weight: "gehan-breslow" }))).toMatch(/^Gehan-Breslow: χ²\(1\) = /);
  });

  it("draws each curve as right-continuous steps starting at (0, 1)", () => {
    const c = trace(fig, "curve-0");
    expect(c.line.shape).toBe("hv");
    expect(c.x).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(c.y).toEqual([1, 0.9, 0.8, s3, s4, s4, s6, s6, s6]);
    expect(trace(fig, "curve-1").x).toEqual([0, 2, 5]);
    expect(trace(fig, "curve-1").y).toEqual([1, 1 / 3, 0]);
  });

  it("marks censored times on the curve, with the number censored", () => {
    const m = trace(fig, "censored-0");
    expect(m.x).toEqual([2, 4, 5, 7, 8]);
    expect(m.y).toEqual([0.8, s4, s4, s6, s6]);
    expect(m.customdata).toEqual([1, 1, 1, 1, 1]);
    expect(trace(fig, "censored-1").x).toEqual([]);
  });

  it("prints the numbers at risk (events, censored) at the breaks, past the last time too", () => {
    const r = trace(fig, "risk-0");
    expect(r.x).toEqual([0, 2, 4, 6, 8, 10]);
    expect(r.text).toEqual(["10 (0, 0)", "9 (2, 1)", "6 (4, 2)", "3 (5, 3)", "1 (5, 5)", "0 (5, 5)"]);
    expect(r.yaxis).toBe("y2");
    // B: times 2 (2 events of 3) and 5 (1 event of 1): at t = 4 one subject is left.
    expect(trace(fig, "risk-1").text).toEqual(["3 (0, 0)", "3 (2, 0)", "1 (2, 0)", "0 (3, 0)", "0 (3, 0)", "0 (3, 0)"]);
    // The table shares the curves' x axis, and the ticks sit at the same times.
    expect(r.xaxis ?? "x").toBe("x");
    expect((fig.layout.xaxis as any).tickvals).toEqual([0, 2, 4, 6, 8, 10]);
  });

  it("shades the CI as steps from (0, 1); an undefined limit closes onto the curve", () => {
    const b = trace(fig, "band-0");
    expect(b.fill).toBe("toself");
    // Upper edge forward: (0,1) then at each time the previous value and the new one.
    expect(b.x.slice(0, 5)).toEqual([0, 1, 1, 2, 2]);
    expect(b.y.slice(0, 5)).toEqual([1, 1, 1, 1, 1]);
    expect(b.y.slice(5, 7)).toEqual([1, 0.95]);
    // Lower edge backward, ending at (0, 1).
    expect(b.x.slice(-3)).toEqual([1, 1, 0]);
    expect(b.y.slice(-3)).toEqual([0.7, 1, 1]);
    const b1 = stepBand([2, 5], [1 / 3, 0], [0.1, NaN], [0.9, NaN]);
    expect(b1.y).toEqual([1, 1, 0.9, 0.9, 0, 0, 0.1, 0.1, 1, 1]);
  });

  it("prints the test, uses Okabe-Ito colours and is plain JSON", () => {
    const notes = (fig.layout.annotations as any[]).map((a) => a.text);
    expect(notes).toContain("Log-rank: χ²(1) = 4.567, p = 0.0326");
    expect(notes).toContain("<b>Number at risk</b> (events, censored)");
    expect(trace(fig, "curve-0").line.color).toBe(OKABE_ITO[0]);
    expect(trace(fig, "curve-1").line.color).toBe(OKABE_ITO[1]);
    expect(JSON.parse(JSON.stringify(fig))).toEqual(fig);
    expect((fig.layout.xaxis as any).title.text).toBe("Months");
  });

  it("is byte-stable: the same input gives the same JSON", () => {
    const again = kmFigure([{ label: "A", fit: hand }, { label: "B", fit: other }], {
      title: "Test",
      breaks: [0, 2, 4, 6, 8, 10],
      test: { statistic: 4.5671, df: 1, pValue: 0.0326 },
      testLabel: "Log-rank",
    });
    expect(JSON.stringify(again)).toBe(JSON.stringify(fig));
  });

  it("escapes labels (plotly reads text as HTML) and turns typed arrays into arrays", () => {
    const typed: KmFit = Object.fromEntries(Object.entries(hand).map(([k, v]) => [k, Float64Array.from(v as number[])])) as any;
    const f = kmFigure([{ label: "<b>x</b> & y", fit: typed }], { title: "a < b" });
    expect(trace(f, "curve-0").name).toBe("&lt;b&gt;x&lt;/b&gt; &amp; y");
    expect((f.layout.title as any).text).toBe("a &lt; b");
    expect(Array.isArray(trace(f, "curve-0").x)).toBe(true);
    expect(Array.isArray(trace(f, "band-0").y)).toBe(true);
  });

  it("leaves out what is switched off", () => {
    const f = kmFigure([{ label: "A", fit: hand }], { confBands: false, censorMarks: false, riskTable: false });
    expect(f.data.map((d) => d.uid)).toEqual(["curve-0"]); // no band key without bands
    expect(f.layout.yaxis2).toBeUndefined();
    expect((f.layout.yaxis as any).domain).toEqual([0, 1]);
    expect(f.layout.title).toBeUndefined();
  });

  it("uses default breaks from 0 past the last time", () => {
    const f = kmFigure([{ label: "A", fit: hand }]);
    expect(trace(f, "risk-0").x).toEqual([0, 2, 4, 6, 8]);
  });

  it("rejects bad input with SurvivalInputError naming the place", () => {
    expect(() => kmFigure([])).toThrow(SurvivalInputError);
    expect(() => kmFigure([{ label: "A", fit: { ...hand, lower: [1] } }])).toThrow(/curves\[0\]\.fit\.lower/);
    expect(() => kmFigure([{ label: "A", fit: { ...hand, survival: [1.2, ...Array.from(hand.survival).slice(1)] } }])).toThrow(
      /curves\[0\]\.fit\.survival\[0\] is 1.2/,
    );
    expect(() => kmFigure([{ label: "A", fit: hand }], { breaks: [0, 5, 3] })).toThrow(/breaks\[2\] is 3/);
    expect(() => kmFigure([{ label: 1 as any, fit: hand }])).toThrow(/curves\[0\]/);
  });

  it("on the paper's Table 1 with kaplanMeier, prints R's numbers at risk", () => {
    // Rscript test/presentation/fixtures/r/risktable.R: R's table for recurrence by group at 0, 6, ..., 36 months.
    const expected = loadFixture<Record<string, any>>("risktable").recurrence;
    const d = dataset("recurrence");
    const group = numbers(d.group);
    const curves = [1, 2].map((g) => ({
      label: `group ${g}`,
      fit: kaplanMeier({
        time: numbers(d.months).filter((_, i) => group[i] === g),
        event: numbers(d.status).filter((_, i) => group[i] === g),
      }),
    }));
    const f = kmFigure(curves, { breaks: [0, 6, 12, 18, 24, 30, 36] });
    [1, 2].forEach((g, i) => {
      const e = expected[`group=${g}`].expected;
      expect(trace(f, `risk-${i}`).text).toEqual(e.time.map((_: number, j: number) => `${e.nRisk[j]} (${e.nEvent[j]}, ${e.nCensor[j]})`));
    });
  });
});
