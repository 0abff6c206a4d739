/**
 * schoenfeldEvents against Schoenfeld's formula evaluated in R (see powerFixture.ts), and a
 * published value.
 */
import { describe, expect, it } from "vitest";
import { schoenfeldEvents } from "../../../src/survival/power/schoenfeldEvents.js";
import { expectClose } from "../../helpers/fixtures.js";
import { fixture } from "./powerFixture.js";
import { inputError } from "../../helpers/errors.js";

describe("schoenfeldEvents", () => {
  it(`matches the formula in R on ${fixture.schoenfeld.events.length} designs`, () => {
    const g = fixture.schoenfeld;
    g.events.forEach((events, i) => {
      const r = schoenfeldEvents({ hazardRatio: g.hazardRatio[i], alpha: g.alpha[i], power: g.power[i], allocation: g.allocation[i] });
      expectClose(r.events, events, `events[${i}]`);
      expect(r.eventsRounded).toBe(Math.ceil(events));
    });
  });

  it("gives the published 66 events for HR 2 (or 0.5) at 5% two-sided and 80% power", () => {
    // Trials 2015;16:213, Table 1: Schoenfeld's N = 132 at HR 2 with half the patients having
    // an event, i.e. 66 events.
    expect(schoenfeldEvents({ hazardRatio: 2 }).eventsRounded).toBe(66);
    expect(schoenfeldEvents({ hazardRatio: 0.5 }).eventsRounded).toBe(66);
    expectClose(schoenfeldEvents({ hazardRatio: 2 }).events, schoenfeldEvents({ hazardRatio: 0.5 }).events, "symmetric in log HR");
  });

  it("refuses HR <= 0 or 1 and probabilities outside (0, 1), naming them", () => {
    for (const bad of [0, -2, 1, NaN, Infinity, "2"]) {
      const e = inputError(() => schoenfeldEvents({ hazardRatio: bad as number }));
      expect([e.argument, e.value]).toEqual(["hazardRatio", bad]);
    }
    for (const key of ["alpha", "power", "allocation"] as const) {
      for (const bad of [0, 1, -0.1, 1.5]) {
        const e = inputError(() => schoenfeldEvents({ hazardRatio: 2, [key]: bad }));
        expect([e.argument, e.value]).toEqual([key, bad]);
      }
    }
    expect(inputError(() => schoenfeldEvents({ hazardRatio: 2, power: 0.02 })).argument).toBe("power"); // below alpha / 2
    const typo = inputError(() => schoenfeldEvents({ hazardRatio: 2, alfa: 0.1 } as never));
    expect([typo.argument, typo.value]).toEqual(["input", "alfa"]);
  });
});
