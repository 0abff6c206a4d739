import { describe, expect, it } from "vitest";
import { BEYOND_RESULTS, BEYOND_RESULT_IDS, seeAlsoLinks } from "../../../src/study/claims/beyondResults.js";
import { evaluateClaims } from "../../../src/study/claims/evaluateClaims.js";

describe("BEYOND_RESULTS", () => {
  it("names each result of notebook 6 once: six per endpoint, then the medians, the forensics and the power", () => {
    expect(BEYOND_RESULTS.recurrence.hr).toBe("beyond-hr-recurrence");
    expect(BEYOND_RESULTS.lung_metastasis.oneYear).toBe("beyond-sensitivity-1y-lung");
    expect(BEYOND_RESULT_IDS.length).toBe(15);
    expect(new Set(BEYOND_RESULT_IDS).size).toBe(15);
    expect(BEYOND_RESULT_IDS.every((id) => /^beyond-[a-z0-9]+(-[a-z0-9]+)*$/.test(id))).toBe(true);
    expect(Object.isFrozen(BEYOND_RESULTS) && Object.isFrozen(BEYOND_RESULTS.recurrence) && Object.isFrozen(BEYOND_RESULT_IDS)).toBe(true);
  });
});

describe("seeAlsoLinks", () => {
  const verdicts = evaluateClaims();
  const links = seeAlsoLinks(verdicts);
  it("lists every result with the claims whose verdicts point to it", () => {
    expect(links.columns.result).toEqual(BEYOND_RESULT_IDS);
    const at = (id: string) => links.columns["claims that point here (verdict)"][BEYOND_RESULT_IDS.indexOf(id)];
    expect(at("beyond-forensics-lung-1y-chisq")).toBe("res-lung-1y-chisq (not reproduced)");
    expect(at("beyond-power")).toBe("disc-n (reproduced), disc-rec-prolonged (reproduced), disc-lung-prolonged (reproduced)");
  });
  it("says which results no claim links to", () => {
    expect(links.unlinked).toEqual(["beyond-sensitivity-medians"]);
    expect(links.note).toBe("Results no claim links to: beyond-sensitivity-medians (the paper makes no claim they bear on).");
    expect(seeAlsoLinks([]).unlinked).toEqual(BEYOND_RESULT_IDS);
  });
});
