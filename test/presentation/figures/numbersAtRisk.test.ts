import { describe, expect, it } from "vitest";
import { numbersAtRisk } from "../../../src/presentation/figures/numbersAtRisk.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";
import { kaplanMeier } from "../../../src/survival/km/kaplanMeier.js";
import { expectAllClose, loadFixture } from "../../helpers/fixtures.js";

// Ten subjects: times 1 2 2 3 4 4 5 6 7 8, events 1 0 1 1 0 1 0 1 0 0 (R: summary(survfit(...), censored = TRUE)).
const hand = {
  time: [1, 2, 3, 4, 5, 6, 7, 8],
  nRisk: [10, 9, 7, 6, 4, 3, 2, 1],
  nEvent: [1, 1, 1, 1, 0, 1, 0, 0],
  nCensor: [0, 1, 0, 1, 1, 0, 1, 1],
};

describe("numbersAtRisk", () => {
  it("counts by hand: at risk = time >= t; events and censored cumulated over (0, t]", () => {
    const r = numbersAtRisk(hand, [0, 2, 2.5, 4, 6, 8, 10]);
    expect(r.time).toEqual([0, 2, 2.5, 4, 6, 8, 10]);
    // t = 2: nine subjects have time >= 2; events at 1 and 2; the censoring at 2.
    // t = 2.5: 3 4 4 5 6 7 8 are left (7). t = 10: past the last time, nobody is at risk.
    expect(r.nRisk).toEqual([10, 9, 7, 6, 3, 1, 0]);
    expect(r.nEvent).toEqual([0, 2, 2, 4, 5, 5, 5]);
    expect(r.nCensor).toEqual([0, 1, 1, 2, 3, 5, 5]);
  });

  it("works on typed arrays and an empty list of breaks, and freezes its result", () => {
    const typed = {
      time: Float64Array.from(hand.time),
      nRisk: Float64Array.from(hand.nRisk),
      nEvent: Float64Array.from(hand.nEvent),
      nCensor: Float64Array.from(hand.nCensor),
    };
    expect(numbersAtRisk(typed, [3]).nRisk).toEqual([7]);
    expect(numbersAtRisk(typed, []).time).toEqual([]);
    const r = numbersAtRisk(hand, [1]);
    expect(Object.isFrozen(r) && Object.isFrozen(r.nRisk)).toBe(true);
  });

  // Rscript test/presentation/fixtures/r/risktable.R: summary(survfit, times = breaks, extend = TRUE), cumulated.
  const fixture = loadFixture<Record<string, any>>("risktable");
  const cases: [string, any][] = [["hand", fixture.hand]];
  for (const name of ["recurrence", "lung_metastasis", "synthetic", "lung_sex"]) {
    for (const [group, c] of Object.entries(fixture[name])) cases.push([`${name} ${group}`, c]);
  }
  it.each(cases)("matches R's summary(survfit, times, extend = TRUE): %s", (_, c) => {
    const r = numbersAtRisk(c.fit, c.breaks);
    expect(r.time).toEqual(c.expected.time);
    expect(r.nRisk).toEqual(c.expected.nRisk);
    expect(r.nEvent).toEqual(c.expected.nEvent);
    expect(r.nCensor).toEqual(c.expected.nCensor);
  });

  // test/survival/fixtures/r/entry.R: delayed entry, summary(fit, times = probes, extend = TRUE)$n.risk
  const entryCases = loadFixture<{ km: { label: string; entry: number[]; time: number[]; status: number[]; weights: number[]; probes: number[]; atRisk: number[] }[] }>("entry").km;
  it.each(entryCases.map((c) => [c.label, c] as const))("with delayed entry, prints R's n.risk: %s", (_, c) => {
    const fit = kaplanMeier({ entry: c.entry, time: c.time, event: c.status, weights: c.weights });
    const breaks = c.probes.filter((t, j) => j % 7 === 0 && t >= 0);
    expectAllClose(numbersAtRisk(fit, breaks).nRisk, breaks.map((t) => c.atRisk[c.probes.indexOf(t)]), "numbersAtRisk");
  });

  it("rejects breaks that are negative, NaN or not increasing, naming the index", () => {
    expect(() => numbersAtRisk(hand, [0, -1])).toThrow(/breaks\[1\] is -1/);
    expect(() => numbersAtRisk(hand, [NaN])).toThrow(/breaks\[0\] is NaN/);
    expect(() => numbersAtRisk(hand, [2, 2])).toThrow(SurvivalInputError);
  });

  it("rejects a fit whose columns differ in length or whose times do not increase", () => {
    expect(() => numbersAtRisk({ ...hand, nEvent: [1] }, [0])).toThrow(/fit.nEvent has length 1 but fit.time has length 8/);
    expect(() => numbersAtRisk({ ...hand, time: [1, 2, 2, 4, 5, 6, 7, 8] }, [0])).toThrow(/fit.time\[2\] is 2/);
  });
});
