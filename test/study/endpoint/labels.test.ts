import { describe, expect, it } from "vitest";
import { confLevelText, notReached } from "../../../src/study/endpoint/labels.js";
import { inputError } from "../../helpers/errors.js";

describe("confLevelText", () => {
  it("writes the level as a percentage, without floating-point noise", () => {
    expect([0.95, 0.9, 0.99, 0.975, 0.8, 0.57].map(confLevelText)).toEqual(["95%", "90%", "99%", "97.5%", "80%", "57%"]);
  });
  it("refuses a level outside (0, 1), naming it", () => {
    for (const bad of [0, 1, 95, -0.1, NaN]) expect(inputError(() => confLevelText(bad)).argument).toBe("confLevel");
  });
});

describe("notReached", () => {
  it("keeps a number and writes null as 'not reached'", () => {
    expect([notReached(6.5), notReached(0), notReached(null)]).toEqual([6.5, 0, "not reached"]);
  });
});
