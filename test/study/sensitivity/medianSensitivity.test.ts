/**
 * medianSensitivity against R's print(survfit(..., conf.type)) medians and limits
 * (test/study/fixtures/r/beyond-notebook.R); null where R prints NA (not reached).
 */
import { describe, expect, it } from "vitest";
import { medianSensitivity } from "../../../src/study/sensitivity/medianSensitivity.js";
import { loadStudy } from "../../../src/study/data/loadEndpoint.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";
import { expectClose, loadFixture } from "../../helpers/fixtures.js";

const R = loadFixture("beyond-notebook");
const study = loadStudy();

describe.each(["recurrence", "lung_metastasis"] as const)("medianSensitivity: %s", (name) => {
  const m = medianSensitivity(study[name]);
  it("one row per arm and transform, as R", () => {
    expect(m.rows.map((r) => [r.group, r.confType])).toEqual(R.medians[name].map((r: { group: number; confType: string }) => [r.group, r.confType]));
    m.rows.forEach((r, i) => {
      const e = R.medians[name][i];
      for (const k of ["median", "lower", "upper"] as const) expectClose(r[k], e[k], `${r.group} ${r.confType} ${k}`);
    });
  });
  it("flags the rows whose limits differ from the log row of the same arm", () => {
    for (const r of m.rows) {
      const base = m.rows.find((x) => x.group === r.group && x.confType === "log")!;
      expect(r.changed).toBe(r.lower !== base.lower || r.upper !== base.upper);
    }
    expect(m.changed).toBe(m.rows.filter((r) => r.changed).length);
  });
});

it("recurrence: the upper limits not reached under log are reached under log-log and plain", () => {
  const rows = medianSensitivity(study.recurrence).rows;
  expect(rows.filter((r) => r.confType === "log").map((r) => r.upper)).toEqual([null, null]);
  expect(rows.filter((r) => r.confType !== "log").every((r) => r.upper !== null && r.changed)).toBe(true);
});

it("refuses columns of different lengths", () => {
  expect(() => medianSensitivity({ group: [1, 2], status: [1], months: [1, 2] })).toThrow(SurvivalInputError);
});
