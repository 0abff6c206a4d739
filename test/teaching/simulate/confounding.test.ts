import { describe, expect, it } from "vitest";
import { simulateConfounding } from "../../../src/teaching/simulate/confounding.js";
import { coxPH } from "../../../src/survival/cox/coxPH.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";
import { expectClose, loadFixture } from "../../helpers/fixtures.js";

describe("simulateConfounding", () => {
  const c = simulateConfounding();
  const R = loadFixture<{ decisions: Record<string, number[]> }>("teaching").decisions;

  it("is reproducible from its seed and frozen", () => {
    expect(simulateConfounding({ seed: 2020, n: 300 })).toEqual(c);
    expect(simulateConfounding({ seed: 4 }).time).not.toEqual(c.time);
    expect(Object.isFrozen(c.good)).toBe(true);
  });

  it("sends patients in good condition to the drug more often", () => {
    const share = (g: number) => c.treated.filter((t, i) => t === 1 && c.good[i] === g).length / c.good.filter((x) => x === g).length;
    expect(share(1)).toBeGreaterThan(share(0) + 0.4);
  });

  it("gives a crude HR well below 1 and an adjusted one compatible with 1 (as R's coxph, fixture)", () => {
    const crude = coxPH({ time: c.time, event: c.event, covariates: { treated: c.treated } });
    const adjusted = coxPH({ time: c.time, event: c.event, covariates: { treated: c.treated, good: c.good } });
    expectClose(crude.hazardRatio[0], R.crude_confounding[0], "crude");
    expectClose(adjusted.hazardRatio[0], R.adjusted_confounding[0], "adjusted");
    expect(R.crude_confounding[2]).toBeLessThan(1);
    expect(R.adjusted_confounding[1] < 1 && R.adjusted_confounding[2] > 1).toBe(true);
  });

  it("refuses an n that is not whole", () => {
    expect(() => simulateConfounding({ n: 2.5 })).toThrow(SurvivalInputError);
  });
});
