import { describe, expect, it } from "vitest";
import { simulateImmortalTime } from "../../../src/teaching/simulate/immortalTime.js";
import { coxPH } from "../../../src/survival/cox/coxPH.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";
import { expectClose, loadFixture } from "../../helpers/fixtures.js";

describe("simulateImmortalTime", () => {
  const c = simulateImmortalTime();
  const R = loadFixture<{ decisions: Record<string, number[]> }>("teaching").decisions;

  it("is reproducible from its seed and frozen", () => {
    expect(simulateImmortalTime({ seed: 2020, n: 300 })).toEqual(c);
    expect(simulateImmortalTime({ seed: 3 }).time).not.toEqual(c.time);
    expect(Object.isFrozen(c.treatmentTime)).toBe(true);
  });

  it("starts the drug only while a patient is event-free and followed", () => {
    c.treatmentTime.forEach((w, i) => {
      if (w !== null) expect(w).toBeLessThan(c.time[i]);
    });
  });

  it("makes a drug that does nothing look protective from surgery (as R's coxph finds, fixture)", () => {
    const treated = c.treatmentTime.map((w) => (w === null ? 0 : 1));
    const fit = coxPH({ time: c.time, event: c.event, covariates: { treated } });
    expectClose(fit.hazardRatio[0], R.naive_immortal[0], "naive HR");
    expect(R.naive_immortal[2]).toBeLessThan(1);
    expect(R.landmark[1] < 1 && R.landmark[2] > 1).toBe(true);
  });

  it("refuses an unknown option", () => {
    expect(() => simulateImmortalTime({ seeds: 1 } as never)).toThrow(SurvivalInputError);
  });
});
