import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CHECK_KINDS, loadClaims, validateClaims } from "../../../src/study/claims/claims.js";
import { DataFileError } from "../../../src/study/data/dataFileError.js";

const claims = loadClaims();
const raw = JSON.parse(readFileSync("data/claims.json", "utf8"));

describe("data/claims.json schema", () => {
  it("every claim has the fields, non-empty", () => {
    expect(claims.length).toBeGreaterThanOrEqual(40);
    for (const c of claims) {
      for (const f of ["id", "section", "where", "text", "gloss"] as const) expect(c[f], `${c.id}.${f}`).toMatch(/\S/);
      expect(Array.isArray(c.values), c.id).toBe(true);
      expect(CHECK_KINDS).toContain(c.check.kind);
    }
  });
  it("ids are unique and readable", () => {
    const ids = claims.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(abs|intro|meth|res|disc)-[a-z0-9-]+$/);
  });
  it("keeps each value as printed: text, number and decimals agree", () => {
    for (const c of claims) {
      for (const v of c.values) {
        expect(Number(v.text), `${c.id} ${v.name}`).toBe(v.value);
        expect(v.decimals, `${c.id} ${v.name}`).toBe(v.text.includes(".") ? v.text.split(".")[1].length : 0);
      }
    }
    const byId = (id: string) => claims.find((c) => c.id === id)!;
    expect(byId("res-lung-logrank").values[0]).toEqual({ name: "chi-square", text: "7.00", value: 7, decimals: 2 });
    expect(byId("res-rec-logrank").values[0]).toMatchObject({ text: "8.627", decimals: 3 });
    expect(byId("res-lung-1y-rate-g1").values[0]).toMatchObject({ text: "26", decimals: 0, unit: "%" });
  });
  it("quotes the paper: each printed value occurs in the Chinese sentence", () => {
    for (const c of claims) for (const v of c.values) expect(c.text, `${c.id}: ${v.text}`).toContain(v.text);
    for (const c of claims) if (c.comparison && !c.comparison.implied) expect(c.text, c.id).toContain(c.comparison.text);
  });
  it("covers the numbers of the abstract, results and discussion", () => {
    const printed = new Set(claims.flatMap((c) => c.values.map((v) => `${c.section}:${v.text}`)));
    for (const x of ["3.1:10", "3.1:43.5", "3.1:6", "3.1:26", "3.1:12", "3.1:75", "3.1:62.5", "3.1:3.81", "3.1:4.62", "3.2:8.627", "3.3:7.00"]) {
      expect(printed, x).toContain(x);
    }
    for (const x of ["6.27", "1.47", "0.33", "5.73", "1.43", "0.2", "5.83", "0.19", "18.23", "3", "0.14", "166", "12", "39"]) expect(printed, x).toContain(`4:${x}`);
    for (const x of ["39", "23", "16"]) expect(printed, x).toContain(`Abstract:${x}`);
  });
  it("checkable claims name a computation; the cited ones say why not", () => {
    const none = claims.filter((c) => c.check.kind === "none").map((c) => c.id);
    for (const id of ["disc-alter0203-pfs", "disc-alter0203-synovial", "disc-alter0203-leiomyosarcoma", "disc-alter0203-asps", "disc-166-patients", "disc-12mg", "meth-histology", "meth-sex", "meth-age"]) {
      expect(none).toContain(id);
    }
    expect(claims.find((c) => c.id === "res-rec-1y-chisq")!.check).toEqual({
      kind: "chisq-1y", endpoint: "recurrence", cutoff: 12, inclusive: true, df: 1,
    });
  });
  it("is frozen", () => {
    expect(Object.isFrozen(claims) && Object.isFrozen(claims[0]) && Object.isFrozen(claims[0].values)).toBe(true);
  });
});

describe("validateClaims rejects malformed claims, naming the claim and field", () => {
  const base = () => JSON.parse(JSON.stringify(raw));
  const cases: [string, (d: any) => void, RegExp][] = [
    ["duplicate id", (d) => (d.claims[1].id = d.claims[0].id), /claims\[1\]\.id \(abs-n-total\)".*used twice/],
    ["missing gloss", (d) => delete d.claims[2].gloss, /claims\[2\]\.gloss".*non-empty string/],
    ["value text and number disagree", (d) => (d.claims[0].values[0].value = 38), /values\[0\]\.value.*must equal the text 39/],
    ["wrong decimals", (d) => (claimById(d, "res-lung-logrank").values[0].decimals = 0), /decimals must be 2/],
    ["unknown kind", (d) => (d.claims[0].check.kind = "anova"), /check\.kind.*must be one of/],
    ["unknown endpoint", (d) => (d.claims[0].check.endpoint = "survival"), /check\.endpoint.*must be one of/],
    ["none without reason", (d) => (claimById(d, "disc-12mg").check = { kind: "none" }), /check\.reason/],
    ["two values on a checkable claim", (d) => d.claims[0].values.push(d.claims[0].values[0]), /at most one value/],
    ["bad comparison op", (d) => (claimById(d, "res-rec-logrank").comparison.op = "=="), /comparison\.op/],
    ["a chi-square with df 2", (d) => (claimById(d, "res-rec-logrank").check.df = 2), /check\.df/],
    ["a count with nothing to check", (d) => (d.claims[0].values = []), /needs a value, a comparison or a direction/],
  ];
  it.each(cases)("%s", (_, edit, words) => {
    const d = base();
    edit(d);
    expect(() => validateClaims(d, "data/claims.json")).toThrow(DataFileError);
    expect(() => validateClaims(d, "data/claims.json")).toThrow(words);
  });
  it("accepts the committed file unchanged", () => {
    expect(validateClaims(base(), "data/claims.json").length).toBe(claims.length);
  });
});

function claimById(d: any, id: string) {
  return d.claims.find((c: any) => c.id === id);
}
