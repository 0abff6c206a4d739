/** reconstructFromCurve refuses bad input with a SurvivalInputError naming argument, index and value. */
import { describe, expect, it } from "vitest";
import { reconstructFromCurve } from "../../../src/survival/reconstruct/reconstructFromCurve.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";
import { kaplanMeier } from "../../../src/survival/km/kaplanMeier.js";
import { inputError } from "../../helpers/errors.js";

const curve = { time: [0, 2, 2, 5, 5, 9], survival: [1, 1, 0.9, 0.9, 0.7, 0.7] };
const atRisk = { time: [0, 4, 8], nRisk: [20, 17, 10] };

describe("reconstructFromCurve input", () => {
  it("runs on good input (the cases below differ from it in one thing)", () => {
    const r = reconstructFromCurve(curve, atRisk, { totalEvents: 6 });
    expect(r.n).toBe(20);
    expect(r.events).toBe(6);
    expect(r.warnings).toEqual([]);
    // The doc comment's example.
    expect(r.intervals[1].nRiskHat).toBe(17);
    expect(kaplanMeier({ time: r.time, event: r.event }).survivalAt(5)).toBeCloseTo(0.688, 3);
    expect(Object.isFrozen(r) && Object.isFrozen(r.time) && Object.isFrozen(r.intervals[0])).toBe(true);
  });

  it("refuses survival outside [0, 1], hinting at percentages", () => {
    const e = inputError(() => reconstructFromCurve({ time: [0, 1, 2], survival: [100, 90, 80] }, atRisk));
    expect(e).toMatchObject({ argument: "curve.survival", index: 0, value: 100 });
    expect(e.message).toBe("curve.survival[0] is 100: a survival probability must be in [0, 1] (percentages? divide by 100)");
    expect(inputError(() => reconstructFromCurve({ time: [0, 1], survival: [1, -0.1] }, atRisk)).index).toBe(1);
    expect(inputError(() => reconstructFromCurve({ time: [0, 1], survival: [1, NaN] }, atRisk)).message).toContain("is NaN");
    // Digitising noise within 0.02 of [0, 1] is clamped, not refused.
    const noisy = reconstructFromCurve({ time: [0, 1, 3], survival: [1.01, 0.5, -0.01] }, undefined, { n: 10 });
    expect(noisy.cleaning.clamped).toBe(2);
  });

  it("refuses times that are negative or not finite, and unequal lengths", () => {
    const neg = inputError(() => reconstructFromCurve({ time: [0, -1], survival: [1, 0.5] }, atRisk));
    expect(neg).toMatchObject({ argument: "curve.time", index: 1, value: -1 });
    expect(inputError(() => reconstructFromCurve({ time: [0, Infinity], survival: [1, 0.5] }, atRisk)).argument).toBe("curve.time");
    expect(inputError(() => reconstructFromCurve({ time: [0, 1], survival: [1] }, atRisk)).argument).toBe("curve.survival");
    expect(inputError(() => reconstructFromCurve({ time: [0, 1], survival: [1, 0.5] }, { time: [0, NaN], nRisk: [5, 4] })).argument).toBe("atRisk.time");
  });

  it("refuses an at-risk table that rises, is not whole, or whose times do not increase", () => {
    const rises = inputError(() => reconstructFromCurve(curve, { time: [0, 4, 8], nRisk: [20, 17, 18] }));
    expect(rises).toMatchObject({ argument: "atRisk.nRisk", index: 2, value: 18 });
    expect(rises.message).toBe("atRisk.nRisk[2] is 18 at time 8 after 17: the number at risk cannot rise");
    expect(inputError(() => reconstructFromCurve(curve, { time: [0, 4], nRisk: [20, 16.5] }))).toMatchObject({ index: 1, value: 16.5 });
    expect(inputError(() => reconstructFromCurve(curve, { time: [0, 4, 4], nRisk: [20, 17, 10] }))).toMatchObject({ argument: "atRisk.time", index: 2 });
    expect(inputError(() => reconstructFromCurve(curve, { time: [0, 4], nRisk: [20] })).argument).toBe("atRisk.nRisk");
    expect(inputError(() => reconstructFromCurve(curve, { time: [0, 4], nRisk: [0, 0] })).message).toContain("no patient at time 0");
  });

  it("needs n without an at-risk table, or when the table does not start at 0", () => {
    const e = inputError(() => reconstructFromCurve(curve));
    expect(e.argument).toBe("options.n");
    expect(e.message).toContain("without an at-risk table");
    expect(inputError(() => reconstructFromCurve(curve, undefined, { totalEvents: 3 })).argument).toBe("options.n");
    expect(inputError(() => reconstructFromCurve(curve, { time: [4, 8], nRisk: [17, 10] }))).toMatchObject({ argument: "atRisk.time", index: 0 });
    // With n, a table from time 4 gets its row at 0 ...
    const late = reconstructFromCurve(curve, { time: [4, 8], nRisk: [17, 10] }, { n: 20, totalEvents: 6 });
    expect(late.intervals.map((iv) => [iv.time, iv.nRisk])).toEqual([[0, 20], [4, 17], [8, 10]]);
    // ... and n must not be below it, nor differ from the table's own number at 0.
    expect(inputError(() => reconstructFromCurve(curve, { time: [4, 8], nRisk: [17, 10] }, { n: 15 })).argument).toBe("options.n");
    expect(inputError(() => reconstructFromCurve(curve, atRisk, { n: 21 })).message).toBe(
      "options.n is 21 but atRisk.nRisk[0] is 20 at time 0: they must agree",
    );
    expect(inputError(() => reconstructFromCurve(curve, undefined, { n: 0 })).argument).toBe("options.n");
  });

  it("refuses more events than patients and totals that contradict the curve", () => {
    const more = inputError(() => reconstructFromCurve(curve, atRisk, { totalEvents: 21 }));
    expect(more).toMatchObject({ argument: "options.totalEvents", value: 21 });
    expect(more.message).toContain("more events than the 20 patients");
    const flat = { time: [0, 5, 9], survival: [1, 1, 1] };
    expect(inputError(() => reconstructFromCurve(flat, atRisk, { totalEvents: 3 })).message).toContain("never falls below 1");
    expect(inputError(() => reconstructFromCurve(curve, atRisk, { totalEvents: 0 })).message).toContain("a falling curve has events");
    // Patients at risk after the curve reached 0: a warning, as digitising puts the last drop
    // a hair early; they are censored.
    const toZero = { time: [0, 3, 3, 6], survival: [1, 1, 0, 0] };
    const after = reconstructFromCurve(toZero, { time: [0, 4], nRisk: [10, 2] });
    expect(after.warnings[0]).toBe("the curve reaches 0 at time 3, yet atRisk.nRisk[1] is 2 at time 4: they can only be censored");
    expect(after.n).toBe(10);
    expect(inputError(() => reconstructFromCurve({ time: [0], survival: [1] }, undefined, { n: 5 })).message).toContain("no point after time 0");
  });

  it("refuses unknown or ill-typed options", () => {
    const e = inputError(() => reconstructFromCurve(curve, atRisk, { totalEvent: 6 } as never));
    expect(e).toMatchObject({ argument: "options", value: "totalEvent" });
    expect(e.message).toBe("options.totalEvent is not an option of reconstructFromCurve; the options are n, totalEvents, rQuirks");
    expect(inputError(() => reconstructFromCurve(curve, atRisk, { totalEvents: 2.5 })).argument).toBe("options.totalEvents");
    expect(inputError(() => reconstructFromCurve(curve, atRisk, { rQuirks: 1 as never })).argument).toBe("options.rQuirks");
    expect(inputError(() => reconstructFromCurve(null as never)).argument).toBe("curve");
    expect(inputError(() => reconstructFromCurve(curve, 5 as never)).argument).toBe("atRisk");
  });

  it("with rQuirks, throws where the published R program stops", () => {
    // The last at-risk interval [8, ...) holds one point and the events are all before it.
    const e = inputError(() => reconstructFromCurve(curve, atRisk, { totalEvents: 6, rQuirks: true }));
    expect(e).toBeInstanceOf(SurvivalInputError);
    expect(e.argument).toBe("options.rQuirks");
    expect(e.message).toContain("replacement has length zero");
  });
});
