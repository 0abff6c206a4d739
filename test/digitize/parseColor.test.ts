import { describe, expect, it } from "vitest";
import { parseColor } from "../../src/digitize/parseColor.js";
import { SurvivalInputError } from "../../src/survival/errors.js";

describe("parseColor", () => {
  it("reads hex, rgb() and CSS names (CSS's, not R's)", () => {
    expect(parseColor("#E69F00")).toEqual([230, 159, 0]);
    expect(parseColor("#e69f00")).toEqual([230, 159, 0]);
    expect(parseColor("#0af")).toEqual([0, 170, 255]);
    expect(parseColor("rgb(0,114,178)")).toEqual([0, 114, 178]);
    expect(parseColor(" RGB( 0 , 114 , 178 ) ")).toEqual([0, 114, 178]);
    expect(parseColor("rgb(100%, 50%, 0%)")).toEqual([255, 128, 0]);
    expect(parseColor("black")).toEqual([0, 0, 0]);
    expect(parseColor("Green")).toEqual([0, 128, 0]);
    expect(parseColor("grey")).toEqual(parseColor("gray"));
  });
  it("refuses anything else, naming the argument", () => {
    for (const bad of ["#E69F0", "E69F00", "rgb(0, 114)", "rgb(300, 0, 0)", "rgba(0, 114, 178, 0.5)", "orangered", "", 12, null]) {
      let error: unknown;
      try {
        parseColor(bad, "options.colors[0]");
      } catch (e) {
        error = e;
      }
      expect(error, String(bad)).toBeInstanceOf(SurvivalInputError);
      expect((error as SurvivalInputError).argument).toBe("options.colors[0]");
      expect((error as Error).message).toMatch(/^options\.colors\[0\] is /);
    }
  });
});
