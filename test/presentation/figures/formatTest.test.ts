import { describe, expect, it } from "vitest";
import { formatPValue, formatTest } from "../../../src/presentation/figures/formatTest.js";
import { logRankTest } from "../../../src/survival/logrank/logRankTest.js";

describe("formatTest", () => {
  it("prints p to 3 significant digits and p < 0.001 below 0.001", () => {
    expect(formatPValue(0.0326)).toBe("p = 0.0326");
    expect(formatPValue(0.24349)).toBe("p = 0.243");
    expect(formatPValue(0.001)).toBe("p = 0.00100");
    expect(formatPValue(0.000999)).toBe("p < 0.001");
    expect(formatPValue(1)).toBe("p = 1.00");
  });

  it("prints the label, chi-square(df) to 3 decimals and p", () => {
    expect(formatTest({ statistic: 4.5671, df: 1, pValue: 0.0326 }, "Log-rank")).toBe("Log-rank: χ²(1) = 4.567, p = 0.0326");
    expect(formatTest({ statistic: 12, df: 2, pValue: 0.00248 })).toBe("χ²(2) = 12.000, p = 0.00248");
  });

  it("takes a whole test result and ignores its method sentence", () => {
    const result = { statistic: 8.6271, df: 1, pValue: 0.003311, method: "Log-rank test (R survdiff, rho = 0)" };
    expect(formatTest(result, "Log-rank")).toBe("Log-rank: χ²(1) = 8.627, p = 0.00331");
    expect(formatTest(result)).toBe("χ²(1) = 8.627, p = 0.00331");
  });

  it("names a logRankTest result by its weight (LOG_RANK_TESTS); another label wins", () => {
    const d = { time: [1, 2, 3, 4, 5, 6], event: [1, 1, 0, 1, 1, 0], group: ["a", "a", "a", "b", "b", "b"] };
    expect(formatTest(logRankTest(d))).toBe("Log-rank: χ²(1) = 2.469, p = 0.116");
    expect(formatTest(logRankTest(d, { weight: "tarone-ware" }))).toMatch(/^Tarone-Ware: /);
    expect(formatTest(logRankTest(d, { weight: "fleming-harrington" }))).toMatch(/^Fleming-Harrington G\(1, 0\): /);
    expect(formatTest(logRankTest(d, { weight: "fleming-harrington", p: 2 }))).toMatch(/^χ²\(1\)/); // outside the family: no name
    expect(formatTest(logRankTest(d), "Mine")).toMatch(/^Mine: /);
  });

  it("rejects a p-value outside [0, 1] or a non-finite statistic", () => {
    expect(() => formatPValue(NaN)).toThrow(/pValue is NaN/);
    expect(() => formatPValue(1.5)).toThrow(/pValue is 1.5/);
    expect(() => formatTest({ statistic: Infinity, df: 1, pValue: 0 })).toThrow(/statistic is Infinity/);
  });
});
