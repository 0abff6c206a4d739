import { describe, expect, it } from "vitest";
import { simulateInformativeCensoring } from "../../../src/teaching/simulate/informativeCensoring.js";
import { kaplanMeier } from "../../../src/survival/km/kaplanMeier.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";
import { expectClose, loadFixture } from "../../helpers/fixtures.js";

describe("simulateInformativeCensoring", () => {
  const sim = simulateInformativeCensoring();

  it("is reproducible from its seed, different for another, and frozen", () => {
    expect(simulateInformativeCensoring({ seed: 2020, n: 300 })).toEqual(sim);
    expect(simulateInformativeCensoring({ seed: 1 }).independent.time).not.toEqual(sim.independent.time);
    expect(Object.isFrozen(sim) && Object.isFrozen(sim.informative.time)).toBe(true);
    expect(sim.independent.time).toHaveLength(300);
  });

  it("loses patients only earlier in the informative version, never after their event", () => {
    for (let i = 0; i < sim.n; i++) {
      if (sim.informative.event[i] === 1) expect(sim.independent.time[i] <= sim.informative.time[i] || sim.independent.event[i] === 0).toBe(true);
      expect(sim.informative.time[i]).toBeGreaterThan(0);
    }
    const censored = (k: "independent" | "informative") => sim[k].event.filter((e) => e === 0).length;
    expect(censored("informative")).toBeGreaterThan(censored("independent"));
  });

  it("biases Kaplan-Meier upwards only when the loss is informative (as R finds, fixture)", () => {
    const truth = Math.exp(-12 / sim.meanEventTime);
    const R = loadFixture<{ decisions: Record<string, number> }>("teaching").decisions;
    expectClose(kaplanMeier(sim.informative).survivalAt(12), R.informative_km_12, "informative");
    expectClose(kaplanMeier(sim.independent).survivalAt(12), R.independent_km_12, "independent");
    expect(Math.abs(R.independent_km_12 - truth)).toBeLessThan(0.05);
    expect(R.informative_km_12 - truth).toBeGreaterThan(0.1);
  });

  it("refuses a bad seed, a bad n and an unknown option", () => {
    expect(() => simulateInformativeCensoring({ seed: -1 })).toThrow(SurvivalInputError);
    expect(() => simulateInformativeCensoring({ n: 1 })).toThrow(/n is 1: it must be a whole number from 2 to 100000/);
    expect(() => simulateInformativeCensoring({ sed: 1 } as never)).toThrow(SurvivalInputError);
  });
});
