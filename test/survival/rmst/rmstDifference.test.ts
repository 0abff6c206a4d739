/**
 * rmstDifference against R 4.2 + survival 3.5: per arm, print(survfit, rmean = tau)'s rmean and
 * se(rmean); the contrast by formula in R (test/survival/fixtures/r/beyond.R; survRM2 is not packaged
 * for Debian).
 */
import { describe, expect, it } from "vitest";
import { rmstDifference } from "../../../src/survival/rmst/rmstDifference.js";
import { dataset, expectAllClose, expectClose, loadFixture, numbers } from "../../helpers/fixtures.js";
import { inputError } from "../../helpers/errors.js";

interface RmstCase {
  data: string;
  time: string;
  status: string;
  group: string;
  /** null: tau omitted, the longest common follow-up. */
  tauGiven: number | null;
  tau: number;
  groups: (string | number)[];
  rmst: number[];
  se: number[];
  difference: number;
  differenceSe: number;
  lower: number;
  upper: number;
  z: number;
  p: number;
}

const fixture = loadFixture<{ rmst: RmstCase[] }>("beyond");

function dataOf(c: RmstCase) {
  const d = dataset(c.data);
  return { time: numbers(d[c.time]), event: numbers(d[c.status]), group: d[c.group] as (string | number)[] };
}

describe("rmstDifference matches R", () => {
  for (const c of fixture.rmst) {
    const label = `${c.data} by ${c.group}, tau = ${c.tauGiven ?? `${c.tau} (longest common follow-up)`}`;
    it(label, () => {
      const r = rmstDifference(dataOf(c), c.tauGiven ?? undefined);
      expectClose(r.tau, c.tau, "tau");
      expect(r.tauRule).toEqual(c.tauGiven === null ? expect.stringContaining("longest common follow-up") : "given");
      expect(r.arms.map((a) => a.group)).toEqual(c.groups);
      expectAllClose(r.arms.map((a) => a.rmst), c.rmst, "rmean");
      expectAllClose(r.arms.map((a) => a.stdErr), c.se, "se(rmean)");
      expectClose(r.difference.estimate, c.difference, "difference");
      expectClose(r.difference.stdErr, c.differenceSe, "se");
      expectClose(r.difference.lower, c.lower, "lower");
      expectClose(r.difference.upper, c.upper, "upper");
      expectClose(r.difference.z, c.z, "z");
      expectClose(r.difference.pValue, c.p, "p");
      expect(r.contrast).toBe(`${c.groups[1]} - ${c.groups[0]}`);
    });
  }

  it("names the reference arm: the contrast flips sign, se and p stay", () => {
    const c = fixture.rmst[0];
    const r = rmstDifference(dataOf(c), 12, { reference: c.groups[1] });
    expectClose(r.difference.estimate, -c.difference, "difference");
    expectClose(r.difference.stdErr, c.differenceSe, "se");
    expectClose(r.difference.pValue, c.p, "p");
    expect(r.arms[0].group).toBe(c.groups[1]);
  });

  it("per-arm and difference intervals follow confLevel", () => {
    const c = fixture.rmst[0];
    const r90 = rmstDifference(dataOf(c), 12, { confLevel: 0.9 });
    const half = 1.6448536269514722 * c.differenceSe; // qnorm(0.95)
    expectClose(r90.difference.lower, c.difference - half, "lower 90%");
    expectClose(r90.arms[0].upper, c.rmst[0] + 1.6448536269514722 * c.se[0], "arm upper 90%");
  });

  it("refuses tau <= 0, tau beyond the shorter follow-up, not two arms, and unknown options", () => {
    const c = fixture.rmst[0]; // recurrence: largest times 18 (group 1) and 16 (group 2)
    const data = dataOf(c);
    for (const bad of [0, -1, NaN, Infinity]) expect(inputError(() => rmstDifference(data, bad)).argument).toBe("tau");
    const beyond = inputError(() => rmstDifference(data, 16.5));
    expect(beyond.message).toContain("16.5");
    expect(beyond.message).toContain("group 2");
    expect(beyond.value).toBe(16.5);
    expect(rmstDifference(data, 16).tau).toBe(16); // the boundary itself is allowed
    const three = { ...data, group: data.group.map((g, i) => (i < 3 ? 3 : g)) };
    expect(inputError(() => rmstDifference(three, 12)).argument).toBe("group");
    expect(inputError(() => rmstDifference(data, 12, { reference: 7 })).argument).toBe("reference");
    expect(inputError(() => rmstDifference(data, 12, { level: 0.9 } as never)).value).toBe("level");
    const negative = { ...data, time: data.time.map((t, i) => (i === 4 ? -1 : t)) };
    const e = inputError(() => rmstDifference(negative, 12));
    expect([e.argument, e.index, e.value]).toEqual(["time", 4, -1]);
  });

  it("does not change the caller's arrays", () => {
    const data = dataOf(fixture.rmst[0]);
    const copy = JSON.stringify(data);
    rmstDifference(data);
    expect(JSON.stringify(data)).toBe(copy);
  });
});
