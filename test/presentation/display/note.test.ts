import { describe, expect, it } from "vitest";
import { noteBundle, noteLines, showNote } from "../../../src/presentation/display/note.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";
import type { DisplayData } from "../../../src/presentation/display/show.js";

describe("showNote", () => {
  it("sends text/markdown and text/plain", () => {
    const sent: DisplayData[] = [];
    showNote("**Yes.**", (d) => sent.push(d));
    expect(sent).toEqual([{ data: { "text/markdown": "**Yes.**", "text/plain": "**Yes.**" }, metadata: {} }]);
  });
  it("rejects an empty note", () => {
    expect(() => noteBundle(" ")).toThrow(SurvivalInputError);
    expect(() => noteBundle(3 as never)).toThrow(/markdown is 3/);
  });
});

describe("noteLines", () => {
  it("splits at '; ' outside brackets only", () => {
    expect(noteLines("p = 0.05 (p < 0.05; no p printed); table [[1; 2]]; lower")).toEqual([
      "p = 0.05 (p < 0.05; no p printed)",
      "table [[1; 2]]",
      "lower",
    ]);
  });
  it("keeps a ';' not followed by a space, and drops empty clauses", () => {
    expect(noteLines("a;b; ; c")).toEqual(["a;b", "c"]);
  });
  it("a note without ';' is one line", () => {
    expect(noteLines("just this")).toEqual(["just this"]);
  });
});
