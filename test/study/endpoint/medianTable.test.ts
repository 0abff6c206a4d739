// medianTable against R (test/study/fixtures/r/endpoint.R: summary(fit)$table's median and limits, summary(fit, times = 12)).
import { describe, expect, it } from "vitest";
import { armFits } from "../../../src/study/endpoint/armFits.js";
import { medianTable } from "../../../src/study/endpoint/medianTable.js";
import { loadStudy } from "../../../src/study/data/loadEndpoint.js";
import { expectAllClose } from "../../helpers/fixtures.js";
import { inputError } from "../../helpers/errors.js";
import { CASES } from "./fixture.js";

const study = loadStudy();
const shown = (x: number | null) => x ?? "not reached";

describe.each(CASES)("medianTable: $label", ({ endpoint, level }) => {
  const t = medianTable(armFits(study[endpoint], { confLevel: level.confLevel }));
  const c = level.confLevel;
  it("the medians and their limits as R, 'not reached' where R has NA; columns and caption named by the level", () => {
    expect(Object.keys(t.columns)).toEqual(["arm", "n", "events", "median", `${c} LCL`, `${c} UCL`, "S(12)"]);
    expect(t.caption).toBe(`Median months with ${Math.round(100 * c)}% CI (log transform), and S(12)`);
    expect(t.columns.median).toEqual(level.arms.map((a) => shown(a.median)));
    expect(t.columns[`${c} LCL`]).toEqual(level.arms.map((a) => shown(a.lower)));
    expect(t.columns[`${c} UCL`]).toEqual(level.arms.map((a) => shown(a.upper)));
    expectAllClose(t.columns["S(12)"] as number[], level.arms.map((a) => a.s12), "S(12)");
    expect(t.columns.n).toEqual(level.arms.map((a) => a.n));
  });
  it("a note names exactly what is not reached", () => {
    const missing = level.arms.flatMap((a) => (["median", "lower", "upper"] as const).filter((k) => a[k] === null).map((k) => `group ${a.group}`));
    if (missing.length === 0) expect(t.note).toBeNull();
    else for (const g of missing) expect(t.note).toContain(g);
  });
});

describe("medianTable: the level decides what is reached", () => {
  it("recurrence: both upper limits not reached at 95%, reached at 90% (17 and 13 months)", () => {
    expect(medianTable(armFits(study.recurrence)).note).toBe(
      "Not reached (group 1: its upper limit; group 2: its upper limit): the curve, or its confidence band, stays above 0.5 until the last follow-up, so the data put no bound there.",
    );
    const at90 = medianTable(armFits(study.recurrence, { confLevel: 0.9 }));
    expect([at90.columns["0.9 UCL"], at90.note]).toEqual([[17, 13], null]);
  });
  it("S(at) for another time, and refuses arms fitted at different levels", () => {
    expect(Object.keys(medianTable(armFits(study.recurrence), { at: 6 }).columns)).toContain("S(6)");
    const mixed = [armFits(study.recurrence)[0], armFits(study.recurrence, { confLevel: 0.9 })[1]];
    expect(inputError(() => medianTable(mixed)).argument).toBe("arms");
  });
});
