/** logRankPower against Schoenfeld's formula evaluated in R (see powerFixture.ts). */
import { describe, expect, it } from "vitest";
import { schoenfeldEvents } from "../../../src/survival/power/schoenfeldEvents.js";
import { logRankPower } from "../../../src/survival/power/logRankPower.js";
import { expectClose } from "../../helpers/fixtures.js";
import { fixture } from "./powerFixture.js";
import { inputError } from "../../helpers/errors.js";

describe("logRankPower", () => {
  it(`matches the formula in R on ${fixture.power.power.length} designs`, () => {
    const g = fixture.power;
    g.power.forEach((power, i) => {
      const r = logRankPower({ hazardRatio: g.hazardRatio[i], events: g.events[i], alpha: g.alpha[i], allocation: g.allocation[i] });
      expectClose(r.power, power, `power[${i}]`);
    });
  });

  it("is alpha at HR = 1 and inverts schoenfeldEvents up to the neglected tail", () => {
    expectClose(logRankPower({ hazardRatio: 1, events: 30 }).power, 0.05, "size");
    const d = schoenfeldEvents({ hazardRatio: 0.6, power: 0.9 }).events;
    const p = logRankPower({ hazardRatio: 0.6, events: d }).power;
    expect(p).toBeGreaterThan(0.9);
    expect(p - 0.9).toBeLessThan(1e-6);
  });

  it("refuses bad events and HR", () => {
    for (const bad of [0, -1, NaN, Infinity]) {
      const e = inputError(() => logRankPower({ hazardRatio: 2, events: bad }));
      expect([e.argument, e.value]).toEqual(["events", bad]);
    }
    expect(inputError(() => logRankPower({ hazardRatio: 0, events: 10 })).argument).toBe("hazardRatio");
  });
});
