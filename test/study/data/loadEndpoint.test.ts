import { describe, expect, it } from "vitest";
import { checkTranscription } from "../../../src/study/data/checkTranscription.js";
import { loadEndpoint, loadStudy } from "../../../src/study/data/loadEndpoint.js";
import { dataset } from "../../helpers/fixtures.js";

describe("loadEndpoint / loadStudy on the paper's tables", () => {
  it("reads both tables by name, with the same rows R reads (datasets.json)", () => {
    const study = loadStudy();
    for (const name of ["recurrence", "lung_metastasis"] as const) {
      const ep = study[name];
      const r = dataset(name);
      expect(ep.name).toBe(name);
      expect(ep.file).toBe(`data/${name}.csv`);
      expect(ep.n).toBe(39);
      expect(ep.group).toEqual(r.group);
      expect(ep.status).toEqual(r.status);
      expect(ep.months).toEqual(r.months);
    }
  });

  it("takes a path as well as a name", () => {
    expect(loadEndpoint("data/recurrence.csv")).toEqual(loadEndpoint("recurrence"));
  });
});

// The counts the paper states in words (abstract, 2.2, 3.1), typed from the text.
describe("checkTranscription: every count the paper states agrees with the files", () => {
  const checks = checkTranscription();
  it("checks n (all, per group) and events within 12 months per group in both tables", () => {
    expect(checks.map((c) => [c.endpoint, c.count, c.paper])).toEqual([
      ["recurrence", "patients", 39],
      ["recurrence", "patients in group 1", 23],
      ["recurrence", "patients in group 2", 16],
      ["recurrence", "events within 12 months, group 1", 10],
      ["recurrence", "events within 12 months, group 2", 12],
      ["lung_metastasis", "patients", 39],
      ["lung_metastasis", "patients in group 1", 23],
      ["lung_metastasis", "patients in group 2", 16],
      ["lung_metastasis", "events within 12 months, group 1", 6],
      ["lung_metastasis", "events within 12 months, group 2", 10],
    ]);
  });
  it("finds every one in the files", () => {
    for (const c of checks) expect(c.file, `${c.endpoint}: ${c.count}`).toBe(c.paper);
    expect(checks.every((c) => c.matches)).toBe(true);
  });
  it("catches a transcription error (one recurrence moved past 12 months)", () => {
    const study = loadStudy();
    const months = [...study.recurrence.months];
    months[0] = 12.5; // the paper prints 5.5
    const bad = checkTranscription({ ...study, recurrence: { ...study.recurrence, months } });
    const wrong = bad.filter((c) => !c.matches);
    expect(wrong.map((c) => [c.endpoint, c.count, c.paper, c.file])).toEqual([["recurrence", "events within 12 months, group 1", 10, 9]]);
  });
});
