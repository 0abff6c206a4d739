// pAdjust against R's stats::p.adjust (test/survival/fixtures/r/pairwise.R, padjust).
import { describe, expect, it } from "vitest";
import { pAdjust, P_ADJUST_METHODS } from "../../../src/survival/core/pAdjust.js";
import { expectAllClose, loadFixture } from "../../helpers/fixtures.js";

const { padjust } = loadFixture<{ padjust: Record<string, number[]>[] }>("pairwise");

describe("pAdjust = p.adjust", () => {
  padjust.forEach((r, i) => {
    for (const method of P_ADJUST_METHODS) {
      it(`vector ${i + 1}, ${method}`, () => expectAllClose(pAdjust(r.p, method), r[method], method));
    }
  });
  it("one p-value is left as it is; the input is not changed", () => {
    const p = [0.3, 0.01];
    for (const method of P_ADJUST_METHODS) expect(pAdjust([0.2], method)).toEqual([0.2]);
    pAdjust(p, "holm");
    expect(p).toEqual([0.3, 0.01]);
  });
});
