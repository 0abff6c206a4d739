import { describe, expect, it } from "vitest";
import { loadClaims } from "../../../src/study/claims/claims.js";
import { evaluateClaim, evaluateClaims, withOneMoreDigit } from "../../../src/study/claims/evaluateClaims.js";
import { BEYOND_RESULTS, BEYOND_RESULT_IDS } from "../../../src/study/claims/beyondResults.js";
import { DataFileError } from "../../../src/study/data/dataFileError.js";
import { readFileSync } from "node:fs";
import { loadStudy } from "../../../src/study/data/loadEndpoint.js";
import { expectClose, loadFixture } from "../../helpers/fixtures.js";

const R = loadFixture("paper-claims"); // Rscript test/study/fixtures/r/paper-claims.R
const claims = loadClaims();
const verdicts = evaluateClaims();
const v = (id: string) => {
  const x = verdicts.find((y) => y.id === id);
  if (!x) throw new Error(`no verdict for ${id}`);
  return x;
};

describe("evaluateClaims: shape", () => {
  it("one frozen verdict per claim, in order, with every field", () => {
    expect(verdicts.map((x) => x.id)).toEqual(claims.map((c) => c.id));
    for (const x of verdicts) {
      expect(Object.isFrozen(x)).toBe(true);
      expect(Object.keys(x).sort()).toEqual(
        ["difference", "id", "kind", "method", "note", "pValue", "recomputed", "recomputedRounded", "recomputedShown", "reported", "reportedValue", "section", "seeAlso", "verdict"].sort(),
      );
      expect(x.note, x.id).toMatch(/\S/);
    }
  });
  it("evaluates every checkable claim (a number recomputed from the data) and only those", () => {
    for (const c of claims) {
      const x = v(c.id);
      if (c.check.kind === "none") {
        expect(x.verdict).toBe("not checkable");
        expect(x.recomputed).toBeNull();
        expect(x.note).toBe(c.check.reason);
      } else {
        expect(x.verdict, c.id).toMatch(/^(reproduced|not reproduced)$/);
        expect(Number.isFinite(x.recomputed), c.id).toBe(true);
        if (c.values.length === 1) {
          expect(x.reportedValue).toBe(c.values[0].value);
          expect(x.recomputedRounded).toBe(x.recomputed!.toFixed(c.values[0].decimals));
          expect(x.difference).toBe(x.recomputed! - c.values[0].value);
          expect(x.note).toMatch(/judged at the \d decimals? printed/);
        }
      }
    }
  });
  it("is deterministic (same output twice)", () => {
    expect(JSON.stringify(evaluateClaims())).toBe(JSON.stringify(verdicts));
  });
});

// Verdicts known by hand from the paper's own numbers, and the recomputed values from R.
describe("evaluateClaims: verdicts", () => {
  it("counts: n per group and 1-year events reproduce", () => {
    for (const id of ["abs-n-total", "abs-n-g1", "abs-n-g2", "meth-n-g1", "meth-n-g2", "res-rec-1y-count-g1", "res-rec-1y-count-g2", "res-lung-1y-count-g1", "res-lung-1y-count-g2"]) {
      expect(v(id).verdict, id).toBe("reproduced");
    }
    expect([v("res-rec-1y-count-g1").recomputed, v("res-rec-1y-count-g2").recomputed]).toEqual(R.recurrence.within12);
    expect([v("res-lung-1y-count-g1").recomputed, v("res-lung-1y-count-g2").recomputed]).toEqual(R.lung_metastasis.within12);
    expect(v("res-rec-1y-count-g1").note).toMatch(/exclusive cut-off the count would be 9/);
  });
  it("1-year rates: 43.5%, 26%, 75%, 62.5% reproduce at the precision printed", () => {
    const rates = [["res-rec-1y-rate-g1", R.recurrence.rate_percent[0], "43.5"], ["res-rec-1y-rate-g2", R.recurrence.rate_percent[1], "75"],
      ["res-lung-1y-rate-g1", R.lung_metastasis.rate_percent[0], "26"], ["res-lung-1y-rate-g2", R.lung_metastasis.rate_percent[1], "62.5"]] as const;
    for (const [id, r, rounded] of rates) {
      expect(v(id).verdict, id).toBe("reproduced");
      expectClose(v(id).recomputed, r, id);
      expect(v(id).recomputedRounded).toBe(rounded);
    }
    expect(v("res-rec-1y-rate-g1").note).toContain("10/23 = 43.48%");
    expect(v("res-rec-1y-rate-g1").note).toContain(`Kaplan-Meier 1 - S(12) = ${Number(R.recurrence.km_percent_at_12[0].toPrecision(4))}%`);
  });
  it("recurrence 1-year chi-square 3.81 is Pearson's without continuity correction", () => {
    const x = v("res-rec-1y-chisq");
    expect(x.verdict).toBe("reproduced");
    expectClose(x.recomputed, R.recurrence.inclusive.pearson, "Pearson");
    expectClose(x.pValue, R.recurrence.inclusive.pearson_p, "Pearson p");
    expect(x.method).toMatch(/^Pearson chi-square without continuity correction/);
    expect(x.note).toContain("the printed 3.81 is the Pearson statistic");
    expect(x.note).toContain(`Yates ${Number(R.recurrence.inclusive.yates.toPrecision(4))}`);
    expect(x.note).toContain(`Fisher exact p = ${Number(R.recurrence.inclusive.fisher_p.toPrecision(4))}`);
  });
  it("lung 1-year chi-square 4.62 matches no variant, no cut-off and no 2x2 table with arms of 23 and 16", () => {
    const x = v("res-lung-1y-chisq");
    expect(x.verdict).toBe("not reproduced");
    expectClose(x.recomputed, R.lung_metastasis.inclusive.pearson, "Pearson");
    expect(x.recomputedRounded).toBe("5.17");
    for (const k of ["pearson", "yates", "g"] as const) {
      expect(R.lung_metastasis.inclusive[k].toFixed(2)).not.toBe("4.62");
      expect(R.lung_metastasis.exclusive[k].toFixed(2)).not.toBe("4.62");
    }
    expect(x.note).toContain("no variant prints as 4.62");
    expect(x.note).toContain("with an exclusive cut-off the table is [[5, 18], [10, 6]]");
    expect(x.note).toContain("no 2x2 table with arms of 23 and 16 gives a Pearson, Yates or G statistic that prints as 4.62");
    expect(x.note).toMatch(/holds with .* but not with Yates/); // Yates p = 0.052
  });
  it("log-rank chi-squares 8.627 and 7.00 reproduce (R survdiff)", () => {
    for (const [id, name, printed] of [["res-rec-logrank", "recurrence", "8.627"], ["res-lung-logrank", "lung_metastasis", "7.00"]] as const) {
      const x = v(id);
      expect(x.verdict, id).toBe("reproduced");
      expectClose(x.recomputed, R[name].logrank.statistic, id);
      expectClose(x.pValue, R[name].logrank.p, `${id} p`);
      expect(x.recomputedRounded).toBe(printed);
      expect(x.note).toContain(`Kaplan-Meier medians: group 1 ${R[name].median[0]}, group 2 ${R[name].median[1]} months`);
    }
  });
  it("the abstract's 'recurrence fell significantly within 1 year' does not reproduce (p = 0.051); lung does", () => {
    expect(v("abs-rec-1y").verdict).toBe("not reproduced");
    expectClose(v("abs-rec-1y").pValue, R.recurrence.inclusive.pearson_p, "p");
    expect(v("abs-rec-1y").note).toMatch(/does NOT satisfy/);
    expect(v("abs-lung-1y").verdict).toBe("reproduced");
  });
  it("the direction claims hold: lower 1-year rates and longer times in group 1", () => {
    for (const id of ["res-rec-1y-trend", "res-lung-1y-trend", "abs-rec-time", "abs-lung-time", "disc-rec-prolonged", "disc-lung-prolonged"]) {
      expect(v(id).verdict, id).toBe("reproduced");
    }
    expectClose(v("res-rec-1y-trend").recomputed, R.recurrence.rate_percent[0] - R.recurrence.rate_percent[1], "difference");
  });
  it("the verdict table as a whole", () => {
    const count = (w: string) => verdicts.filter((x) => x.verdict === w).length;
    expect(verdicts.filter((x) => x.verdict === "not reproduced").map((x) => x.id)).toEqual(["abs-rec-1y", "res-lung-1y-chisq"]);
    expect(count("reproduced") + count("not reproduced") + count("not checkable")).toBe(claims.length);
  });
});

describe("evaluateClaims: it recomputes from the data, so a changed row changes a verdict", () => {
  it("a recurrence moved past 12 months breaks the count, the rate and the chi-square", () => {
    const study = loadStudy();
    const months = [...study.recurrence.months];
    months[0] = 12.5;
    const changed = evaluateClaims({ claims, study: { ...study, recurrence: { ...study.recurrence, months } } });
    const w = (id: string) => changed.find((x) => x.id === id)!.verdict;
    expect([w("res-rec-1y-count-g1"), w("res-rec-1y-rate-g1"), w("res-rec-1y-chisq")]).toEqual(["not reproduced", "not reproduced", "not reproduced"]);
  });
});

describe("evaluateClaims: links to the results beyond the paper (notebook 6)", () => {
  const notebook = readFileSync("notebooks/06-beyond-the-paper.ipynb", "utf8");
  const nb = JSON.parse(notebook) as { cells: { cell_type: string; source: string | string[] }[] };
  const code = nb.cells.filter((c) => c.cell_type === "code").map((c) => (Array.isArray(c.source) ? c.source.join("") : c.source)).join("\n");
  it("every verdict carries its claim's seeAlso (or none), frozen", () => {
    for (const c of claims) {
      const x = v(c.id);
      expect(x.seeAlso, c.id).toEqual((c as { seeAlso?: string[] }).seeAlso ?? []);
      expect(Object.isFrozen(x.seeAlso)).toBe(true);
    }
  });
  it("every linked id is a result of BEYOND_RESULTS, and notebook 6 shows each of those results (so a link never dangles)", () => {
    const ids = new Set(verdicts.flatMap((x) => x.seeAlso));
    expect(ids.size).toBeGreaterThan(0);
    for (const id of ids) expect(BEYOND_RESULT_IDS, id).toContain(id);
    // Notebook 6 puts each id in the first column of the table of its result: per endpoint by kind, the others by name.
    for (const kind of Object.keys(BEYOND_RESULTS.recurrence)) expect(code, kind).toContain(`e.ids.${kind}`);
    for (const name of ["medians", "forensics", "power"]) expect(code, name).toContain(`BEYOND_RESULTS.${name}`);
    expect(BEYOND_RESULT_IDS.length).toBe(2 * Object.keys(BEYOND_RESULTS.recurrence).length + 3);
  });
  it("an id that is no result of notebook 6 is refused, naming the claim", () => {
    const c = claims.find((x) => x.id === "res-rec-logrank")!;
    const broken = { ...c, seeAlso: ["beyond-hr-recurrence", "beyond-nothing-here"] } as typeof c;
    expect(() => evaluateClaim(broken, loadStudy())).toThrow(/res-rec-logrank\)\.seeAlso.*seeAlso\[1\] must be the id of a result of notebook 6/);
  });
  it("every test claim with a p comparison links its sensitivity sweep; the lung 4.62 its forensics; the sample-size caveat the power", () => {
    for (const c of claims) {
      const k = c.check;
      if ((k.kind !== "chisq-1y" && k.kind !== "logrank") || c.comparison === null) continue;
      const kind = k.kind === "logrank" ? "time" : "1y";
      const endpoint = k.endpoint === "recurrence" ? "recurrence" : "lung";
      expect(v(c.id).seeAlso, c.id).toContain(`beyond-sensitivity-${kind}-${endpoint}`);
    }
    expect(v("res-lung-1y-chisq").seeAlso).toContain("beyond-forensics-lung-1y-chisq");
    expect(v("disc-n").seeAlso).toContain("beyond-power");
    expect(v("abs-n-total").seeAlso).toEqual([]);
  });
  it("a malformed seeAlso stops the verdict with the claim and the field named", () => {
    const study = loadStudy();
    const c = claims.find((x) => x.id === "res-rec-logrank")!;
    for (const bad of ["beyond-hr", ["hr-recurrence"], ["beyond-hr", "beyond-hr"], [3]]) {
      const broken = { ...c, seeAlso: bad } as typeof c;
      expect(() => evaluateClaim(broken, study)).toThrow(DataFileError);
      expect(() => evaluateClaim(broken, study)).toThrow(/res-rec-logrank\)\.seeAlso/);
    }
  });
});

describe("recomputedShown: one digit more than the paper printed", () => {
  it("rounds to the printed decimals plus one, keeps whole numbers, and gives 4 significant digits otherwise", () => {
    expect(withOneMoreDigit(8.6273812165944, 3)).toBe("8.6274");
    expect(withOneMoreDigit(7.000077394484254, 2)).toBe("7.000");
    expect(withOneMoreDigit(43.47826086956522, 1)).toBe("43.48");
    expect(withOneMoreDigit(10, 0)).toBe("10");
    expect(withOneMoreDigit(-31.521739130434785)).toBe("-31.52");
  });
  it("is what the verdicts carry", () => {
    const v = evaluateClaims().find((x) => x.id === "res-rec-logrank")!;
    expect(v.recomputedShown).toBe("8.6274");
    expect(evaluateClaims().every((x) => (x.verdict === "not checkable") === (x.recomputedShown === null))).toBe(true);
  });
});
