import { describe, expect, it } from "vitest";
import { checkOptionNames } from "../../../src/survival/core/validate.js";
import { inputError } from "../../helpers/errors.js";

describe("checkOptionNames", () => {
  it("passes known keys and an empty object", () => {
    expect(() => checkOptionNames("f", { a: 1, b: undefined }, ["a", "b"])).not.toThrow();
    expect(() => checkOptionNames("f", {}, ["a"])).not.toThrow();
  });

  it("names the object, the unknown key and the options", () => {
    const e = inputError(() => checkOptionNames("rmstDifference", { confLevel: 0.9, level: 0.9 }, ["confLevel", "reference"]));
    expect(e.message).toBe("options.level is not an option of rmstDifference; the options are confLevel, reference");
    expect([e.argument, e.index, e.value]).toEqual(["options", undefined, "level"]);
  });

  it("says 'the option is' for a single option, and takes another object name and a hint", () => {
    expect(inputError(() => checkOptionNames("coxZph", { tr: "km" }, ["transform"])).message).toBe(
      "options.tr is not an option of coxZph; the option is transform",
    );
    const e = inputError(() => checkOptionNames("g", { x: 1 }, ["y", "z"], "input", " (see y)"));
    expect(e.message).toBe("input.x is not an option of g; the options are y, z (see y)");
    expect([e.argument, e.value]).toEqual(["input", "x"]);
  });
});
