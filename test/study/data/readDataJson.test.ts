import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDataJson } from "../../../src/study/data/readDataJson.js";
import { dataFileError } from "../../helpers/errors.js";

describe("readDataJson", () => {
  const dir = mkdtempSync(join(tmpdir(), "read-data-json-"));

  it("reads a file in the project under its relative name", () => {
    const { doc, label } = readDataJson("data/cohort.json");
    expect(label).toBe("data/cohort.json");
    expect(doc).toHaveProperty("arms");
  });

  it("refuses a file that is missing or not JSON, naming it", () => {
    const missing = join(dir, "none.json");
    const e1 = dataFileError(() => readDataJson(missing));
    expect(e1.file).toBe(missing);
    expect(e1.message).toMatch(/cannot be read as JSON \(ENOENT/);
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{ claims: [");
    const e2 = dataFileError(() => readDataJson(bad));
    expect(e2.message).toMatch(/^.*bad\.json: cannot be read as JSON \(/);
  });
});
