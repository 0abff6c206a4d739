// The teaching notebooks send students to the report's explorer at the point where they would
// want to try something: every such link names a task the explorer has, by its title.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { explorerSection } from "../../src/presentation/explorer/explorerPage.js";

const DIR = "notebooks/teaching";
const links = readdirSync(DIR)
  .filter((f) => f.endsWith(".ipynb"))
  .flatMap((file) =>
    (JSON.parse(readFileSync(join(DIR, file), "utf8")).cells as { cell_type: string; source: string[] }[])
      .filter((c) => c.cell_type === "markdown")
      .flatMap((c) => [...c.source.join("").matchAll(/task "([^"]+)" \(\[in the report\]\(#(explorer-try-[a-z]+)\)\)/g)])
      .map((m) => ({ file, title: m[1], fragment: m[2] })),
  );

describe("links from the teaching notebooks to the explorer", () => {
  const html = explorerSection({ standalone: true }).html;
  it("exist (in lessons 1 and 6 at least)", () => {
    expect(new Set(links.map((l) => l.file)).size).toBeGreaterThanOrEqual(2);
  });
  it.each(links)("$file: $fragment is a task of the explorer, titled as the lesson says", ({ title, fragment }) => {
    const item = new RegExp(`<li id="${fragment}">\\s*<p><strong>([^<]+)\\.</strong>`).exec(html);
    expect(item, `no task ${fragment} in the explorer`).not.toBeNull();
    expect(item![1]).toBe(title);
  });
});
