import { describe, expect, it } from "vitest";
import { checkData, checkOptionNames, checkOptions } from "../../../src/survival/core/validate.js";
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

describe("checkOptions", () => {
  it("takes undefined as no options and returns the object", () => {
    expect(checkOptions("f", undefined, ["a"])).toEqual({});
    const o = { a: 1 };
    expect(checkOptions("f", o, ["a"])).toBe(o);
  });

  it("refuses a non-object, an unknown key, and any key of a function without options", () => {
    expect(inputError(() => checkOptions("f", 0.9, ["a"])).argument).toBe("options");
    expect(inputError(() => checkOptions("f", [1], ["a"])).argument).toBe("options");
    expect(inputError(() => checkOptions("chiSquareTest", { corection: false }, ["correction"])).message).toBe(
      "options.corection is not an option of chiSquareTest; the option is correction",
    );
    const e = inputError(() => checkOptions("gTest", { correction: false }, []));
    expect(e.message).toBe("options.correction is not an option of gTest; gTest takes no options");
    expect([e.argument, e.value]).toEqual(["options", "correction"]);
  });
});

describe("checkData", () => {
  it("passes the fields a function reads and returns the object", () => {
    const d = { time: [1], event: [1] };
    expect(checkData("kaplanMeier", d, ["time", "event"])).toBe(d);
  });

  it("names the unknown field and lists the fields", () => {
    const e = inputError(() => checkData("kaplanMeier", { time: [1], event: [1], weights: [2] }, ["time", "event"]));
    expect(e.message).toBe("data.weights is not a field kaplanMeier reads; the fields are time, event");
    expect([e.argument, e.value]).toEqual(["data", "weights"]);
    expect(inputError(() => checkData("f", null, ["time"])).argument).toBe("data");
    expect(inputError(() => checkData("f", { x: 1 }, ["y"], "rows")).message).toBe("rows.x is not a field f reads; the fields are y");
  });
});
