/**
 * detectableHazardRatio against Schoenfeld's formula
 * evaluated with R's qnorm/pnorm (test/fixtures/r/beyond.R; powerSurvEpi is not packaged for
 * Debian).
 */
import { describe, expect, it } from "vitest";
import { schoenfeldEvents } from "../../src/power/schoenfeldEvents.js";
import { detectableHazardRatio } from "../../src/power/detectableHazardRatio.js";
import { expectClose, loadFixture } from "../helpers/fixtures.js";
import { inputError } from "../helpers/errors.js";

interface Fixture {
  schoenfeld: { hazardRatio: number[]; alpha: number[]; power: number[]; allocation: number[]; events: number[] };
  power: { hazardRatio: number[]; events: number[]; alpha: number[]; allocation: number[]; power: number[] };
  detectable: { events: number[]; alpha: number[]; power: number[]; allocation: number[]; lower: number[]; upper: number[] };
}

const fixture = loadFixture<Fixture>("beyond");

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
