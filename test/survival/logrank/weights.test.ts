// timeWeights: the weight of each distinct time, worked by hand (Klein & Moeschberger 2003, sec. 7.3).
import { describe, expect, it } from "vitest";
import { timeWeights } from "../../../src/survival/logrank/weights.js";
import { expectAllClose } from "../../helpers/fixtures.js";

// Distinct times with 10, 8, 5, 2 at risk and 2, 0, 1, 2 events (the second a censoring only).
// Pooled KM just before each: 1, 8/10, 8/10, 8/10 * 4/5 = 0.64.
const nRisk = Float64Array.of(10, 8, 5, 2);
const nEvent = Float64Array.of(2, 0, 1, 2);
const sBefore = [1, 0.8, 0.8, 0.64];

describe("timeWeights", () => {
  it("is 1 for the log-rank test", () => {
    expect(Array.from(timeWeights("logrank", nRisk, nEvent))).toEqual([1, 1, 1, 1]);
  });

  it("is n at risk for Gehan-Breslow and its square root for Tarone-Ware", () => {
    expect(Array.from(timeWeights("gehan-breslow", nRisk, nEvent))).toEqual([10, 8, 5, 2]);
    expectAllClose(timeWeights("tarone-ware", nRisk, nEvent), [Math.sqrt(10), Math.sqrt(8), Math.sqrt(5), Math.sqrt(2)], "tw");
  });

  it("is S(t-)^p (1 - S(t-))^q for Fleming-Harrington, S the left-continuous pooled KM", () => {
    expectAllClose(timeWeights("fleming-harrington", nRisk, nEvent, 1, 0), sBefore, "G(1, 0)");
    expectAllClose(timeWeights("fleming-harrington", nRisk, nEvent, 0, 1), sBefore.map((s) => 1 - s), "G(0, 1)");
    expectAllClose(
      timeWeights("fleming-harrington", nRisk, nEvent, 0.5, 2),
      sBefore.map((s) => Math.sqrt(s) * (1 - s) ** 2),
      "G(0.5, 2)",
    );
    expect(Array.from(timeWeights("fleming-harrington", nRisk, nEvent, 0, 0))).toEqual([1, 1, 1, 1]);
  });

  it("gives weight 0 after the pooled KM reaches 0 when p > 0", () => {
    const w = timeWeights("fleming-harrington", Float64Array.of(2, 1), Float64Array.of(2, 1), 1, 1);
    expect(Array.from(w)).toEqual([0, 0]);
  });
});
