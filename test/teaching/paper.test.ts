import { describe, expect, it } from "vitest";
import { paperQuote } from "../../src/teaching/paper.js";
import { loadClaims } from "../../src/study/claims/claims.js";
import { loadCohort } from "../../src/study/data/loadCohort.js";
import { SurvivalInputError } from "../../src/survival/errors.js";

describe("paperQuote", () => {
  it("quotes a claim's sentence and its gloss, with the section", () => {
    const claim = loadClaims().find((c) => c.id === "res-rec-logrank")!;
    const q = paperQuote("res-rec-logrank");
    expect(q).toContain(`> ${claim.text}`);
    expect(q).toContain(claim.gloss);
    expect(q).toContain(`(section ${claim.section})`);
  });

  it("quotes a sentence shared by several claims once, with every gloss", () => {
    const q = paperQuote(["res-rec-1y-count-g1", "res-rec-1y-count-g2"]);
    const text = loadClaims().find((c) => c.id === "res-rec-1y-count-g1")!.text;
    expect(q.split(text).length - 1).toBe(1);
    expect(q).toMatch(/Anlotinib group.*\n>\n> \*Chemotherapy group/s);
  });

  it("quotes the cohort's facts", () => {
    expect(paperQuote("cohort.allocation")).toContain((loadCohort().allocation as { source: string }).source);
  });

  it("refuses an id that is not a claim or a cohort fact", () => {
    expect(() => paperQuote("res-nope")).toThrow(SurvivalInputError);
    expect(() => paperQuote("cohort.n")).toThrow(/the cohort facts are cohort.allocation/);
  });
});
