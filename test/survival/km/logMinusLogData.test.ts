/**
 * logMinusLogData against R 4.2 + survival 3.5: test/survival/fixtures/r/beyond.json, written by
 * `Rscript test/survival/fixtures/r/beyond.R` (log(-log S) of survfit).
 */
import { describe, expect, it } from "vitest";
import { kaplanMeier } from "../../../src/survival/km/kaplanMeier.js";
import { logMinusLogData } from "../../../src/survival/km/logMinusLogData.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";
import { dataset, expectAllClose, loadFixture } from "../../helpers/fixtures.js";

interface LogLog {
  group: number;
  x: number[];
  y: number[];
}

const fixture = loadFixture<{ loglog: Record<string, LogLog[]> }>("beyond");
const list = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

describe("logMinusLogData matches log(-log(S)) of R's survfit", () => {
  for (const [name, groups] of Object.entries(fixture.loglog)) {
    for (const g of groups) {
      it(`${name}, group ${g.group}`, () => {
        const d = dataset(name);
        const rows = d.group.map((v, i) => i).filter((i) => d.group[i] === g.group);
        const km = kaplanMeier({ time: rows.map((i) => d.months[i] as number), event: rows.map((i) => d.status[i] as number) });
        const ll = logMinusLogData(km);
        expectAllClose(ll.x, list(g.x), "log(time)");
        expectAllClose(ll.y, list(g.y), "log(-log S)");
      });
    }
  }

  it("drops the rows where S is 1 or 0 (infinite on this scale)", () => {
    const ll = logMinusLogData(kaplanMeier({ time: [1, 2, 3, 4], event: [0, 1, 1, 1] }));
    expect(ll.time).toEqual([2, 3]);
    expect(ll.y.every(Number.isFinite)).toBe(true);
    expect(() => logMinusLogData({ time: [1, 2], survival: [0.5] })).toThrow(SurvivalInputError);
  });
});
