import { describe, expect, it } from "vitest";
import { loadCohort } from "../../../src/study/data/loadCohort.js";
import { loadStudy } from "../../../src/study/data/loadEndpoint.js";

// The cohort as section 2.1 and 2.2 print it, typed from the paper's text.
describe("data/cohort.json", () => {
  const cohort = loadCohort();
  const study = loadStudy();
  it("holds the paper's cohort facts", () => {
    expect(cohort.n.value).toBe(39);
    expect(cohort.arms.map((a) => [a.group, a.n])).toEqual([[1, 23], [2, 16]]);
    expect(cohort.histology.map((h) => [h.type, h.n])).toEqual([
      ["liposarcoma", 14],
      ["fibrosarcoma", 6],
      ["leiomyosarcoma", 14],
      ["synovial sarcoma", 3],
      ["alveolar soft part sarcoma", 2],
    ]);
    expect(cohort.sex.map((s) => [s.sex, s.n])).toEqual([["male", 23], ["female", 16]]);
    expect([cohort.age.min, cohort.age.max, cohort.age.mean.text, cohort.age.sd.text]).toEqual([20, 57, "40.9", "8.9"]);
    expect(cohort.enrolment).toMatchObject({ from: "2018-06", to: "2019" });
  });
  it("gives each fact the Chinese phrase it comes from, and that phrase contains the number", () => {
    for (const h of cohort.histology) expect(h.source).toContain(`${h.n} 例`);
    for (const s of cohort.sex) expect(s.source).toContain(`${s.n} 例`);
    for (const a of cohort.arms) expect(a.source).toContain(`${a.n}`);
    expect(cohort.age.source).toContain("20~57");
    expect(cohort.age.source).toContain(`${cohort.age.mean.text} ± ${cohort.age.sd.text}`);
  });
  it("agrees with the tables: the histology and sex counts sum to the number of rows, and the arm sizes match", () => {
    const sum = (xs: readonly { n: number }[]) => xs.reduce((s, x) => s + x.n, 0);
    for (const ep of [study.recurrence, study.lung_metastasis]) {
      expect(sum(cohort.histology)).toBe(ep.n);
      expect(sum(cohort.sex)).toBe(ep.n);
      expect(cohort.n.value).toBe(ep.n);
      for (const a of cohort.arms) expect(ep.group.filter((g) => g === a.group).length).toBe(a.n);
    }
  });
  it("age summary is arithmetically possible: mean inside the range, SD below the largest possible for that range", () => {
    const { min, max, mean, sd } = cohort.age;
    expect(mean.value).toBeGreaterThan(min);
    expect(mean.value).toBeLessThan(max);
    // For values in [min, max] with this mean, the SD is at most sqrt((mean - min)(max - mean)) (Bhatia-Davis).
    expect(sd.value).toBeLessThanOrEqual(Math.sqrt((mean.value - min) * (max - mean.value)));
  });
});
