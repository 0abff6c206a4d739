/** detectableHazardRatio against Schoenfeld's formula evaluated in R (see powerFixture.ts). */
import { describe, expect, it } from "vitest";
import { schoenfeldEvents } from "../../../src/survival/power/schoenfeldEvents.js";
import { detectableHazardRatio } from "../../../src/survival/power/detectableHazardRatio.js";
import { expectClose } from "../../helpers/fixtures.js";
import { fixture } from "./powerFixture.js";
import { inputError } from "../../helpers/errors.js";

describe("detectableHazardRatio", () => {
  it(`matches the formula in R on ${fixture.detectable.events.length} designs and inverts schoenfeldEvents`, () => {
    const g = fixture.detectable;
    g.events.forEach((events, i) => {
      const r = detectableHazardRatio({ events, alpha: g.alpha[i], power: g.power[i], allocation: g.allocation[i] });
      expectClose(r.lower, g.lower[i], `lower[${i}]`);
      expectClose(r.upper, g.upper[i], `upper[${i}]`);
      const back = schoenfeldEvents({ hazardRatio: r.upper, alpha: g.alpha[i], power: g.power[i], allocation: g.allocation[i] });
      expectClose(back.events, events, `events back[${i}]`);
    });
  });

  it("refuses bad events", () => {
    expect(inputError(() => detectableHazardRatio({ events: -3 })).argument).toBe("events");
  });
});
