/**
 * chiSquareForensics against R, family by family (test/study/fixtures/r/beyond-notebook.R recomputes
 * each with chisq.test, survdiff and summary(survfit, times) and searches the nearby tables by
 * brute force): the lung-metastasis 4.62, and the recurrence 3.81 as a positive control that
 * the search finds a statistic that is there.
 */
import { describe, expect, it } from "vitest";
import { chiSquareForensics, FORENSIC_FAMILIES, type ForensicCandidate } from "../../../src/study/forensics/chiSquareForensics.js";
import { loadStudy } from "../../../src/study/data/loadEndpoint.js";
import { loadClaims } from "../../../src/study/claims/claims.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";
import { expectAllClose, expectClose, loadFixture } from "../../helpers/fixtures.js";

const R = loadFixture("beyond-notebook");
const study = loadStudy();
const claims = loadClaims();
const other = { recurrence: "lung_metastasis", lung_metastasis: "recurrence" } as const;
const tableKey = (t: readonly (readonly number[])[]) => JSON.stringify(t);
interface Entry { table: number[][]; tests: string[]; statistic: number[]; p: number[] }

/** The test a candidate computed, as beyond-notebook.R names it ("N-1" for the N-1 (linear-by-linear) chi-square). */
const rTest = (c: ForensicCandidate) => c.computation.split(" on ")[0].replace(" (linear-by-linear)", "");
/** The candidates computed on a given table, in order. */
const onTable = (cs: readonly ForensicCandidate[], t: number[][]) => cs.filter((c) => c.table && tableKey(c.table) === tableKey(t));
function expectEntry(cs: readonly ForensicCandidate[], e: Entry, label: string) {
  const got = onTable(cs, e.table);
  expect(got.map(rTest), label).toEqual(e.tests);
  expectAllClose(got.map((c) => c.statistic), e.statistic, label);
  expectAllClose(got.map((c) => c.pValue), e.p, `${label} p`);
}

describe.each(["lung_metastasis", "recurrence"] as const)("chiSquareForensics: %s", (name) => {
  const claim = claims.find((c) => c.check.kind === "chisq-1y" && c.check.endpoint === name && c.values.length === 1)!;
  const f = chiSquareForensics(study[name], claim.values[0], { other: study[other[name]] });
  const e = R.forensics[name];
  const fam = (family: string) => f.candidates.filter((c) => c.family === family);

  it("the reported value is the claim's, the one R searched for", () => {
    expect(f.reported.text).toBe(e.reported.text);
    expect(f.table).toEqual(e.paper.table);
  });
  it("1. tests on the paper's table, with the unpooled Wald chi-square", () => {
    expectEntry(fam("test on the paper's table"), e.paper, "paper's table");
  });
  it("2. S(12) compared on three scales", () => {
    expectAllClose(fam("Kaplan-Meier at the cut-off").map((c) => c.statistic), e.km.statistic, "km");
  });
  it("3. every other cut-off rule's distinct table, in R's order", () => {
    const cs = fam("other cut-off");
    expect([...new Set(cs.map((c) => tableKey(c.table!)))]).toEqual(e.cutoffs.map((x: Entry) => tableKey(x.table)));
    for (const x of e.cutoffs) expectEntry(cs, x, `cut-off ${x.inclusive ? "<=" : "<"} ${x.cutoff}`);
  });
  it("4. other denominators", () => {
    const cs = fam("other denominator");
    expectEntry(cs, e.among, "patients with an event");
    expectEntry(cs, e.without_later, "later events left out");
    expectClose(cs[cs.length - 1].statistic, e.gof, "goodness of fit");
  });
  it("5. log-rank chi-squares and (O - E)² / E terms, whole follow-up and first 12 months", () => {
    const cs = fam("log-rank").map((c) => c.statistic);
    const w = e.logrank_whole;
    const y = e.logrank_first;
    expectAllClose(cs, [w.chisq, ...w.terms, w.sum, y.chisq, ...y.terms, y.sum, y.gehan_breslow, y.tarone_ware], "log-rank");
  });
  it("6. the other endpoint's table", () => {
    for (const rule of ["inclusive", "exclusive"]) expectEntry(fam("other table"), e.other[rule], `other ${rule}`);
  });
  it("7. nearby tables: the same hits as R's brute force", () => {
    const hits = fam("nearby table").filter((c) => c.matches);
    const key = (t: readonly (readonly number[])[], test: string) => `${tableKey(t)} ${test}`;
    expect(hits.map((c) => key(c.table!, rTest(c))).sort()).toEqual(
      e.nearby.hits.map((h: { table: number[][]; test: string }) => key(h.table, h.test)).sort(),
    );
    for (const h of e.nearby.hits) {
      const c = hits.find((x) => tableKey(x.table!) === tableKey(h.table) && x.computation.startsWith(h.test))!;
      expectClose(c.statistic, h.statistic, "hit");
      expect(c.changes).toBe(h.changes);
    }
    expect(fam("nearby table").length).toBe(4 * e.nearby.searched);
  });
  it("matches and the closest candidate of each family", () => {
    expect(f.matches).toEqual(f.candidates.filter((c) => c.matches));
    expect(f.byFamily.map((b) => b.family)).toEqual(FORENSIC_FAMILIES);
    for (const b of f.byFamily) {
      const of = fam(b.family);
      expect(b.candidates).toBe(of.length);
      for (const c of of) expect(Math.abs(b.closest.statistic - f.reported.value)).toBeLessThanOrEqual(Math.abs(c.statistic - f.reported.value));
    }
  });
  it("the matches and the nearest candidate computed from the paper's rows (the nearby tables left out)", () => {
    const fromRows = f.candidates.filter((c) => c.family !== "nearby table");
    expect(f.matchesFromRows).toEqual(fromRows.filter((c) => c.matches));
    const distance = (c: ForensicCandidate) => Math.abs(c.statistic - f.reported.value);
    expect(fromRows).toContain(f.nearestFromRows);
    for (const c of fromRows) expect(distance(f.nearestFromRows)).toBeLessThanOrEqual(distance(c));
  });
});

describe("the findings", () => {
  it("4.62: nothing on the paper's rows prints as it; only two tables three patients away do (G)", () => {
    const f = chiSquareForensics(study.lung_metastasis, { text: "4.62", value: 4.62, decimals: 2 }, { other: study.recurrence });
    expect(f.matches.map((c) => [c.family, c.changes])).toEqual([["nearby table", 3], ["nearby table", 3]]);
    expect(f.matchesFromRows).toEqual([]);
    expect(f.nearestFromRows.computation).toBe("(O - E)² / E of group 2, whole follow-up");
    expectClose(f.nearestFromRows.statistic, R.forensics.lung_metastasis.logrank_whole.terms[1], "(O - E)² / E of group 2 (R's survdiff)");
  });
  it("3.81 (positive control): found as Pearson on the paper's table", () => {
    const f = chiSquareForensics(study.recurrence, { text: "3.81", value: 3.81, decimals: 2 });
    expect(f.matches[0].family).toBe("test on the paper's table");
    expect(f.matches[0].computation).toMatch(/^Pearson on the 1-year table/);
    expect(f.byFamily.some((b) => b.family === "other table")).toBe(false); // no `other` given
  });
  it("refuses a reported value without its printed digits", () => {
    expect(() => chiSquareForensics(study.recurrence, { value: 3.81 } as never)).toThrow(SurvivalInputError);
  });
});
