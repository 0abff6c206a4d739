// ename/evalue from what tslab 1.0.22 prints on stderr for a failed cell (texts as seen from it).
import { describe, expect, it } from "vitest";
import { parseErrorText } from "../../src/runner/kernel.js";

describe("parseErrorText", () => {
  it("takes the exception line of a runtime error, after tslab's source excerpt", () => {
    const text = "evalmachine.<anonymous>:5\nthrow new RangeError(`value ${limit + 1}`);\n^\n\nRangeError: value 4 is out of range\n    at evalmachine.<anonymous>:5:7\n";
    expect(parseErrorText(text)).toEqual({ ename: "RangeError", evalue: "value 4 is out of range" });
  });

  it("keeps the error's own name and drops a Node error code", () => {
    expect(parseErrorText("SurvivalInputError: time[1] is -2: a time must be >= 0\n    at x\n")).toEqual({
      ename: "SurvivalInputError",
      evalue: "time[1] is -2: a time must be >= 0",
    });
    expect(parseErrorText("Error [ERR_REQUIRE_ESM]: require() of ES Module x not supported.\n")).toEqual({
      ename: "Error",
      evalue: "require() of ES Module x not supported.",
    });
  });

  it("names a TypeScript diagnostic TypeScriptError, with its position", () => {
    expect(parseErrorText("1:7 - Type 'string' is not assignable to type 'number'.\n")).toEqual({
      ename: "TypeScriptError",
      evalue: "1:7 - Type 'string' is not assignable to type 'number'.",
    });
  });

  it("falls back to the first line for a thrown non-Error value, and says when nothing was printed", () => {
    expect(parseErrorText("not an Error object\n")).toEqual({ ename: "Error", evalue: "not an Error object" });
    expect(parseErrorText("")).toEqual({ ename: "Error", evalue: "(no message)" });
  });
});
