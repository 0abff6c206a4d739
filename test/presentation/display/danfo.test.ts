import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { toDataFrame } from "../../../src/presentation/display/danfo.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";

describe("toDataFrame (danfojs-node adapter)", () => {
  it("makes a DataFrame with the columns in order, typed arrays included", () => {
    const df = toDataFrame({ time: new Float64Array([1, 2.5, 4]), nRisk: [3, 2, 1], group: ["a", "b", "a"] });
    expect(df.columns).toEqual(["time", "nRisk", "group"]);
    expect(df.shape).toEqual([3, 3]);
    expect(df.values).toEqual([[1, 3, "a"], [2.5, 2, "b"], [4, 1, "a"]]);
  });
  it("takes an index", () => {
    expect(toDataFrame({ x: [1, 2] }, { index: ["g1", "g2"] }).index).toEqual(["g1", "g2"]);
  });
  it.each([
    [{ a: [1, 2], b: [1] }, /columns\.b has length 1 but columns\.a has length 2/],
    [{}, /columns is empty/],
    [{ a: 3 }, /columns\.a is 3: it must be an array/],
  ])("rejects %j", (cols, words) => {
    expect(() => toDataFrame(cols as never)).toThrow(SurvivalInputError);
    expect(() => toDataFrame(cols as never)).toThrow(words);
  });
});

describe("danfojs-node stays at the edge", () => {
  it("importing the adapter does not load danfojs-node (a fresh process; the tests above show the first call does)", () => {
    const script = `
      const { createRequire } = await import("node:module");
      const req = createRequire(process.cwd() + "/package.json");
      const loaded = () => Object.keys(req.cache).some((k) => k.includes("danfojs-node"));
      const m = await import("./src/presentation/display/danfo.ts");
      console.log(JSON.stringify([typeof m.toDataFrame, loaded()]));`;
    const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", script], { encoding: "utf8" });
    expect(JSON.parse(out.trim().split("\n").pop()!)).toEqual(["function", false]);
  });
});
