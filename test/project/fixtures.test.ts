/** Every reference fixture records what wrote it: R (or Python) and each package's version. */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixtureVersions } from "../helpers/fixtures.js";

const LAYERS = ["survival", "study", "presentation", "teaching", "digitize"];
const fixtures = LAYERS.flatMap((layer) =>
  (["r", "python"] as const).flatMap((dir) => {
    let names: string[] = [];
    try {
      names = readdirSync(`test/${layer}/fixtures/${dir}`).filter((f) => f.endsWith(".json"));
    } catch {
      return [];
    }
    return names.map((f) => ({ layer, dir, name: f.replace(/\.json$/, "") }));
  }),
);

describe("reference fixtures", () => {
  it("are found in every layer that has them", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
  });
  it.each(fixtures)("$layer/fixtures/$dir/$name.json records its versions", ({ dir, name }) => {
    const v = fixtureVersions(name, dir);
    if (dir === "r") {
      expect(v.R).toMatch(/^R version 4\.\d+\.\d+/);
      expect(v.survival).toMatch(/^\d+\.\d+/);
    } else {
      expect(v.Python).toMatch(/^3\.\d+/);
      expect(v.statsmodels).toMatch(/^\d+\.\d+/);
    }
  });
});
