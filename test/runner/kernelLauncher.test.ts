// The project's kernel (jupyter/kernels/tslab/launch.cjs) as a reader meets it: a cell ending
// with a result of the library shows its R-like printout (text/html and text/plain), an error
// thrown in the library names the src/*.ts line, and the compiled library imports quickly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Kernel } from "../../src/runner/kernel.js";
import type { Output } from "../../src/runner/ipynb.js";

const text = (x: unknown) => (Array.isArray(x) ? x.join("") : String(x));

describe("the project's tslab kernel", { timeout: 120_000 }, () => {
  let kernel: Kernel;
  beforeAll(async () => {
    kernel = await Kernel.start({ cwd: process.cwd() });
    const imported = await kernel.execute('import { kaplanMeier, logRankTest } from "./lib/survival";', 60_000);
    expect(imported.status).toBe("ok");
  }, 120_000);
  afterAll(() => kernel?.kill());

  it("shows a result that ends a cell as its printout: one display_data with text/html and text/plain", async () => {
    const r = await kernel.execute("kaplanMeier({ time: [1, 2, 2, 3, 4, 5], event: [1, 1, 1, 0, 1, 1] })", 60_000);
    expect(r.status).toBe("ok");
    expect(r.outputs).toHaveLength(1);
    const out = r.outputs[0] as Extract<Output, { output_type: "display_data" }>;
    expect(out.output_type).toBe("display_data");
    expect(Object.keys(out.data).sort()).toEqual(["text/html", "text/plain"]);
    expect(text(out.data["text/plain"])).toMatch(/^Kaplan-Meier estimate: 6 patients, 5 events/);
    expect(text(out.data["text/html"])).toContain("<th");
  });

  it("prints any other value as tslab does (console.log)", async () => {
    const r = await kernel.execute("({ a: 1 })", 60_000);
    expect(r.outputs.map((o) => o.output_type)).toEqual(["stream"]);
    expect(text((r.outputs[0] as { text: unknown }).text)).toContain("a: 1");
  });

  it("takes a shorthand property that names an earlier cell's variable (tslab alone throws ReferenceError)", async () => {
    expect((await kernel.execute("const confLevel = 0.9;", 60_000)).status).toBe("ok");
    const r = await kernel.execute("const options = { confLevel, a: { confLevel } };\noptions.a.confLevel + options.confLevel", 60_000);
    expect(r.status, JSON.stringify(r.outputs)).toBe("ok");
    expect(text((r.outputs[0] as { text: unknown }).text)).toContain("1.8");
  });

  it("names the src/*.ts line where the library refused the input (source maps)", async () => {
    const r = await kernel.execute("kaplanMeier({ time: [1, -2], event: [1, 0] })", 60_000);
    expect(r.status).toBe("error");
    const stderr = r.outputs.filter((o) => o.output_type === "stream").map((o) => text((o as { text: unknown }).text)).join("");
    expect(stderr).toContain("time[1] is -2");
    expect(stderr).toMatch(/src\/survival\/core\/validate\.ts:\d+/);
    expect(stderr).not.toMatch(/lib\/survival\/core\/validate\.js/);
  });
});
