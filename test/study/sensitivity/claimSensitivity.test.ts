/**
 * claimSensitivity: the paper's test claims against their sweeps. The counts follow from the
 * R-checked sweeps (oneYearSweep.test.ts, timeToEventSweep.test.ts) and each claim's printed
 * comparison.
 */
import { describe, expect, it } from "vitest";
import { claimSensitivity, isTestClaim } from "../../../src/study/sensitivity/claimSensitivity.js";
import { loadClaims } from "../../../src/study/claims/claims.js";
import { loadStudy } from "../../../src/study/data/loadEndpoint.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";
import { loadFixture } from "../../helpers/fixtures.js";

const R = loadFixture("beyond-notebook");
const claims = loadClaims();
const study = loadStudy();
const claim = (id: string) => claims.find((c) => c.id === id)!;

describe("claimSensitivity", () => {
  it("applies to the chi-square and log-rank claims with a comparison, and only those", () => {
    expect(claims.filter(isTestClaim).map((c) => c.id)).toEqual([
      "abs-rec-time", "abs-lung-time", "abs-rec-1y", "abs-lung-1y", "res-rec-1y-chisq", "res-lung-1y-chisq",
      "res-rec-logrank", "res-lung-logrank", "disc-rec-prolonged", "disc-lung-prolonged",
    ]);
    expect(() => claimSensitivity(claim("abs-n-total"), study)).toThrow(SurvivalInputError);
  });
  it("res-rec-1y-chisq (p > 0.05) holds with the R p-values above 0.05, abs-rec-1y (p < 0.05) with the others", () => {
    const ps = [...R.one_year.recurrence.inclusive.p, R.one_year.recurrence.inclusive.fisher_p,
      ...R.one_year.recurrence.exclusive.p, R.one_year.recurrence.exclusive.fisher_p] as number[];
    const res = claimSensitivity(claim("res-rec-1y-chisq"), study);
    const abs = claimSensitivity(claim("abs-rec-1y"), study);
    // Choice order: inclusive Pearson, Yates, G, N-1, Fisher; then exclusive.
    const order = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(res.satisfied).toEqual(order.map((i) => ps[i] > 0.05));
    expect(abs.satisfied).toEqual(order.map((i) => ps[i] < 0.05));
    expect([res.holds, abs.holds, res.of]).toEqual([5, 5, 10]);
    expect([res.holdsAtReference, abs.holdsAtReference]).toEqual([true, false]);
  });
  it("res-lung-1y-chisq (p < 0.05) fails only with Yates' correction on the inclusive table", () => {
    const s = claimSensitivity(claim("res-lung-1y-chisq"), study);
    expect(s.sweep.rows.filter((r, i) => !s.satisfied[i]).map((r) => `${r.choice["cut-off"]} ${r.choice.test}`)).toEqual(["<= 12 (inclusive) Yates"]);
    expect(R.one_year.lung_metastasis.inclusive.p[1]).toBeGreaterThan(0.05);
  });
  it("the log-rank claims hold under all nine choices", () => {
    for (const id of ["res-rec-logrank", "res-lung-logrank", "abs-rec-time", "disc-lung-prolonged"]) {
      const s = claimSensitivity(claim(id), study);
      expect([s.holds, s.of, s.holdsAtReference], id).toEqual([9, 9, true]);
    }
  });
});
