/**
 * The permutation log-rank p notebook 6 shows (permutationLogRank, Monte Carlo, 100,000 draws,
 * seed 2020) against an independent Monte Carlo in R with R's own generator and a log-rank
 * written there (test/study/fixtures/r/beyond-notebook.R). Different generators give different
 * draws, so the two p-values must agree within their Monte Carlo errors, not to the digit.
 */
import { describe, expect, it } from "vitest";
import { permutationLogRank } from "../../../src/survival/permutation/permutationLogRank.js";
import { loadStudy } from "../../../src/study/data/loadEndpoint.js";
import { expectClose, loadFixture } from "../../helpers/fixtures.js";

const R = loadFixture("beyond-notebook");
const study = loadStudy();

describe.each(["recurrence", "lung_metastasis"] as const)("Monte Carlo permutation log-rank: %s", (name) => {
  const rows = study[name];
  const r = permutationLogRank({ time: rows.months, event: rows.status, group: rows.group }, { distribution: "monte-carlo", draws: 100_000, seed: 2020 });
  const e = R.permutation[name];
  it("observed statistic, chi-square p and the number of assignments as R", () => {
    expectClose(r.statistic, e.statistic, "statistic");
    expectClose(r.chiSquarePValue, e.chisq_p, "chi-square p");
    expect(r.assignments).toBe(R.assignments); // choose(39, 16)
  });
  it("p within 4 combined Monte Carlo standard errors of R's", () => {
    const se = Math.hypot(r.mcError, e.se);
    expect(Math.abs(r.pValue - e.p)).toBeLessThan(4 * se);
    expectClose(r.mcError, Math.sqrt((r.pValue * (1 - r.pValue)) / 100_000), "mc error");
  });
});
