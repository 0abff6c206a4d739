import { describe, expect, it } from "vitest";
import { printedClaim } from "../../../src/study/claims/printedClaim.js";
import { loadClaims } from "../../../src/study/claims/claims.js";
import { DataFileError } from "../../../src/study/data/dataFileError.js";
import { dataFileError } from "../../helpers/errors.js";

const claims = loadClaims();

describe("printedClaim", () => {
  it("finds the one claim printing each statistic: Figure 1's chi-squares and the Kaplan-Meier ones", () => {
    expect(printedClaim("chisq-1y", "recurrence").id).toBe("res-rec-1y-chisq");
    expect(printedClaim("chisq-1y", "lung_metastasis").id).toBe("res-lung-1y-chisq");
    expect(printedClaim("logrank", "recurrence").id).toBe("res-rec-logrank");
    expect(printedClaim("logrank", "lung_metastasis").values[0]).toMatchObject({ text: "7.00", value: 7, decimals: 2 });
  });
  it("skips the claims of the same kind that print no statistic (the abstract's 'significant')", () => {
    const same = claims.filter((c) => c.check.kind === "logrank" && c.check.endpoint === "recurrence");
    expect(same.length).toBeGreaterThan(1);
    expect(printedClaim("logrank", "recurrence", claims)).toBe(claims.find((c) => c.id === "res-rec-logrank"));
  });
  it("throws DataFileError when there is none, or more than one, naming them", () => {
    expect(dataFileError(() => printedClaim("logrank", "recurrence", [])).message).toContain("0 claims print a logrank statistic for recurrence");
    const c = claims.find((x) => x.id === "res-rec-logrank")!;
    const e = dataFileError(() => printedClaim("logrank", "recurrence", [c, { ...c, id: "copy" }]));
    expect([e instanceof DataFileError, e.value]).toEqual([true, "res-rec-logrank, copy"]);
  });
});
