// survdiffTable against R (test/study/fixtures/r/endpoint.R: survdiff's n, obs and exp).
import { describe, expect, it } from "vitest";
import { survdiffTable } from "../../../src/study/endpoint/survdiffTable.js";
import { groupData } from "../../../src/study/data/armData.js";
import { loadStudy } from "../../../src/study/data/loadEndpoint.js";
import { logRankTest } from "../../../src/survival/logrank/logRankTest.js";
import { expectAllClose } from "../../helpers/fixtures.js";
import { R } from "./fixture.js";

const study = loadStudy();

describe.each(["recurrence", "lung_metastasis"] as const)("survdiffTable: %s", (endpoint) => {
  const data = groupData(study[endpoint]);
  it("N, Observed and Expected per group as survdiff prints them", () => {
    const t = survdiffTable(logRankTest(data));
    const r = R[endpoint].survdiff;
    expect(t.columns.group).toEqual([1, 2]);
    expect(t.columns.N).toEqual(r.n);
    expectAllClose(t.columns.Observed as number[], r.obs, "observed");
    expectAllClose(t.columns.Expected as number[], r.exp, "expected");
  });
  it("names the test by its weight", () => {
    expect(survdiffTable(logRankTest(data)).caption).toMatch(/^Log-rank: observed and expected events per group/);
    expect(survdiffTable(logRankTest(data, { weight: "tarone-ware" })).caption).toMatch(/^Tarone-Ware: /);
    expect(survdiffTable(logRankTest(data, { weight: "fleming-harrington", p: 2 })).caption).toMatch(/^Fleming-Harrington G\(2, 0\) test/);
  });
});
