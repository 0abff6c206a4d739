import { describe, expect, it } from "vitest";
import { formatP, percent, signif } from "../../../src/survival/print/format.js";

describe("R's number formats", () => {
  it("signif: significant digits, R's exponent form below 1e-4, whole numbers as they are", () => {
    expect(signif(8.6273812165944)).toBe("8.627");
    expect(signif(0.0033110)).toBe("0.003311");
    expect(signif(1.2712459e-5)).toBe("1.271e-05");
    expect(signif(1.2e-7)).toBe("1.2e-07");
    expect(signif(37711260990)).toBe("37711260990");
    expect(signif(2.5)).toBe("2.5");
    expect([signif(NaN), signif(Infinity), signif(-Infinity)]).toEqual(["NA", "Inf", "-Inf"]);
  });
  it("formatP: format.pval's floor at the double epsilon", () => {
    expect(formatP(0.1042849)).toBe("0.1043");
    expect(formatP(1e-20)).toBe("< 2.2e-16");
    expect(formatP(1)).toBe("1");
  });
  it("percent: the level as R names interval columns", () => {
    expect([percent(0.95), percent(0.9), percent(0.999)]).toEqual(["95%", "90%", "99.9%"]);
  });
});
