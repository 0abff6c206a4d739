import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildAtomically } from "../../src/runner/buildDir.js";

function previousBuild(): { parent: string; target: string } {
  const parent = mkdtempSync(join(tmpdir(), "build-swap-"));
  const target = join(parent, "build");
  mkdirSync(join(target, "notebooks"), { recursive: true });
  writeFileSync(join(target, "claims.json"), "previous\n");
  return { parent, target };
}

describe("buildAtomically", () => {
  it("replaces the previous build only when the build succeeds", async () => {
    const { parent, target } = previousBuild();
    const result = await buildAtomically(target, async (dir) => {
      expect(dir).not.toBe(target);
      expect(readFileSync(join(target, "claims.json"), "utf8")).toBe("previous\n"); // still there while building
      writeFileSync(join(dir, "claims.json"), "new\n");
      return 42;
    });
    expect(result).toBe(42);
    expect(readFileSync(join(target, "claims.json"), "utf8")).toBe("new\n");
    expect(existsSync(join(target, "notebooks"))).toBe(false);
    expect(readdirSync(parent)).toEqual(["build"]); // no temporary folder left
  });

  it("leaves the previous build intact after a failure", async () => {
    const { parent, target } = previousBuild();
    await expect(
      buildAtomically(target, async (dir) => {
        writeFileSync(join(dir, "claims.json"), "half-written\n");
        throw new Error("cell 3 failed");
      }),
    ).rejects.toThrow("cell 3 failed");
    expect(readFileSync(join(target, "claims.json"), "utf8")).toBe("previous\n");
    expect(existsSync(join(target, "notebooks"))).toBe(true);
    expect(readdirSync(parent)).toEqual(["build"]);
  });

  it("creates the build when there was none", async () => {
    const parent = mkdtempSync(join(tmpdir(), "build-swap-"));
    await buildAtomically(join(parent, "out"), async (dir) => writeFileSync(join(dir, "x"), "1"));
    expect(readdirSync(join(parent, "out"))).toEqual(["x"]);
  });
});
