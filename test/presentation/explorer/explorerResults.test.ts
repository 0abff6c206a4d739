// The explorer's numbers against R (test/presentation/fixtures/r/explorer.R) on the paper's two
// tables and on the edits of the page's "try this" tasks; bad cells and choices.
import { describe, expect, it } from "vitest";
import {
  DEFAULT_CHOICES,
  LOG_RANK_CHOICES,
  explorerResults,
  type ExplorerChoices,
  type ExplorerResults,
} from "../../../src/presentation/explorer/explorerResults.js";
import { loadClaims } from "../../../src/study/claims/claims.js";
import { loadEndpoint } from "../../../src/study/data/loadEndpoint.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";
import { expectAllClose, expectClose, loadFixture } from "../../helpers/fixtures.js";
import { inputError } from "../../helpers/errors.js";

const claims = loadClaims();
const rec = loadEndpoint("recurrence");

interface RArm {
  n: number;
  events: number;
  time: number[];
  nRisk: number[];
  nEvent: number[];
  nCensor: number[];
  survival: number[];
  stdErr: (number | null)[];
  lower: (number | null)[];
  upper: (number | null)[];
  median: number | null;
  medianLower: number | null;
  medianUpper: number | null;
  survivalAt12: number;
}
interface RTest {
  statistic: number;
  p: number;
  observed?: number[];
  expected?: number[];
}
interface RCase {
  rows: { group: number[]; status: number[]; months: number[] };
  choices: { inclusive: boolean; confType: ExplorerChoices["confType"]; confLevel: number };
  arms: RArm[];
  logrank: Record<string, RTest>;
  cox: { hazardRatio: number; lower: number; upper: number; pValue: number };
  one_year: {
    table: number[][];
    pearson: RTest;
    yates: RTest;
    g: RTest;
    fisher: { p: number; oddsRatio: number; lower: number; upper: number };
  };
}
const cases = loadFixture<Record<string, RCase>>("explorer");

/** NaN (R's NA) as null, for comparing with R's JSON. */
const na = (xs: readonly number[]) => xs.map((x) => (Number.isNaN(x) ? null : x));

describe("explorerResults against R", () => {
  for (const [name, c] of Object.entries(cases)) {
    const endpoint = name.startsWith("lung") ? "lung_metastasis" : "recurrence";
    const r = explorerResults(endpoint, c.rows, { ...DEFAULT_CHOICES, ...c.choices }, claims);

    it(`${name}: Kaplan-Meier per arm (${c.choices.confType}, ${c.choices.confLevel})`, () => {
      r.arms.forEach((a, i) => {
        const e = c.arms[i];
        const at = `${name} arm ${i + 1}`;
        expect([a.n, a.events]).toEqual([e.n, e.events]);
        for (const k of ["time", "nRisk", "nEvent", "nCensor", "survival"] as const) expectAllClose(a[k], e[k], `${at} ${k}`);
        expectAllClose(na(a.stdErr), e.stdErr, `${at} stdErr`);
        expectAllClose(na(a.lower), e.lower, `${at} lower`);
        expectAllClose(na(a.upper), e.upper, `${at} upper`);
        expectClose(a.median.estimate, e.median, `${at} median`);
        expectClose(a.median.lower, e.medianLower, `${at} median lower`);
        expectClose(a.median.upper, e.medianUpper, `${at} median upper`);
        expectClose(a.survivalAtCutoff, e.survivalAt12, `${at} S(12)`);
      });
    });

    it(`${name}: the log-rank family`, () => {
      expect(r.logRank.map((t) => t.key)).toEqual(LOG_RANK_CHOICES.map((w) => w.key));
      for (const t of r.logRank) {
        const e = c.logrank[t.key];
        expect(t.error).toBeNull();
        expectClose(t.statistic, e.statistic, `${name} ${t.key} statistic`);
        expectClose(t.pValue, e.p, `${name} ${t.key} p`);
        expect(t.df).toBe(1);
        if (e.observed) {
          expectAllClose(t.observed!, e.observed, `${name} ${t.key} observed`);
          expectAllClose(t.expected!, e.expected!, `${name} ${t.key} expected`);
        }
      }
      expect(r.logRank.filter((t) => t.chosen).map((t) => t.key)).toEqual(["logrank"]);
    });

    it(`${name}: the hazard ratio`, () => {
      expectClose(r.cox.hazardRatio, c.cox.hazardRatio, "hazard ratio");
      expectClose(r.cox.lower, c.cox.lower, "lower");
      expectClose(r.cox.upper, c.cox.upper, "upper");
      expectClose(r.cox.pValue, c.cox.pValue, "Wald p");
      expect(r.cox.error).toBeNull();
    });

    it(`${name}: the 1-year table and its tests (${c.choices.inclusive ? "inclusive" : "exclusive"})`, () => {
      const o = c.one_year;
      expect(r.oneYear.table).toEqual(o.table);
      const [pearson, yates, g] = r.oneYear.tests;
      for (const [ours, theirs, label] of [[pearson, o.pearson, "Pearson"], [yates, o.yates, "Yates"], [g, o.g, "G"]] as const) {
        expectClose(ours.statistic, theirs.statistic, `${label} statistic`);
        expectClose(ours.pValue, theirs.p, `${label} p`);
      }
      expectClose(r.oneYear.fisher.pValue, o.fisher.p, "Fisher p");
      // fisher.test stops its root search at uniroot's tolerance, so its odds ratio and limits are
      // right to 3-6 digits only (README, "Contingency tables"; the library's own tests take R's steps).
      expectClose(r.oneYear.fisher.oddsRatio, o.fisher.oddsRatio, "Fisher odds ratio", 1e-3);
      expectClose(r.oneYear.fisher.lower, o.fisher.lower, "Fisher lower", 1e-3);
      expectClose(r.oneYear.fisher.upper, o.fisher.upper, "Fisher upper", 1e-3);
    });
  }
});

const verdict = (r: ExplorerResults, id: string) => r.claims.find((c) => c.id === id)!.verdict;

describe("the claims under the choices", () => {
  it("with the default choices, every claim on the endpoint gets the study's own verdict (evaluateClaims)", async () => {
    const { evaluateClaims } = await import("../../../src/study/claims/evaluateClaims.js");
    const study = evaluateClaims();
    for (const endpoint of ["recurrence", "lung_metastasis"] as const) {
      const r = explorerResults(endpoint, loadEndpoint(endpoint), DEFAULT_CHOICES, claims);
      expect(r.claims.length).toBe(10);
      for (const c of r.claims) expect(`${c.id}: ${c.verdict}`).toBe(`${c.id}: ${study.find((v) => v.id === c.id)!.verdict}`);
    }
  });

  it("judges the claims only on the endpoint shown, and not the patient counts", () => {
    const r = explorerResults("lung_metastasis", loadEndpoint("lung_metastasis"), DEFAULT_CHOICES, claims);
    for (const c of r.claims) {
      const claim = claims.find((x) => x.id === c.id)!;
      expect(claim.check.kind !== "none" && claim.check.endpoint).toBe("lung_metastasis");
      expect(claim.check.kind === "count" && claim.check.of === "patients").toBe(false);
    }
  });

  it("an event at exactly 12 months counted outside the year: the 1-year chi-square 3.81 no longer reproduces, the abstract's 'significant' does (R: Pearson 4.885, p < 0.05)", () => {
    const r = explorerResults("recurrence", rec, { ...DEFAULT_CHOICES, inclusive: false }, claims);
    expectClose(r.claims.find((c) => c.id === "res-rec-1y-chisq")!.recomputed, cases.recurrence_exclusive.one_year.pearson.statistic, "Pearson");
    expect(verdict(r, "res-rec-1y-chisq")).toBe("not reproduced");
    expect(verdict(r, "res-rec-1y-count-g1")).toBe("not reproduced"); // 9, not 10
    expect(verdict(r, "abs-rec-1y")).toBe("reproduced");
    expect(verdict(explorerResults("recurrence", rec, DEFAULT_CHOICES, claims), "abs-rec-1y")).toBe("not reproduced");
  });

  it("Yates' correction: 3.81 does not reproduce (R: 2.639)", () => {
    const r = explorerResults("recurrence", rec, { ...DEFAULT_CHOICES, correction: true }, claims);
    const c = r.claims.find((x) => x.id === "res-rec-1y-chisq")!;
    expectClose(c.recomputed, cases.recurrence.one_year.yates.statistic, "Yates");
    expect(c.verdict).toBe("not reproduced");
    expect(c.rounded).toBe("2.64");
    expect(c.reasons.join("; ")).toContain("rounds to 2.64, not 3.81");
  });

  it("patient 7 censored: the curve changes, the log-rank 8.627 and the hazard ratio do not (nobody in group 2 is at risk at 17 months)", () => {
    const status = [...rec.status];
    status[6] = 0;
    const r = explorerResults("recurrence", { group: rec.group, status, months: rec.months }, DEFAULT_CHOICES, claims);
    const paper = explorerResults("recurrence", rec, DEFAULT_CHOICES, claims);
    expect(r.arms[0].events).toBe(paper.arms[0].events - 1);
    expect(r.arms[0].survival).not.toEqual(paper.arms[0].survival);
    expect(r.logRank[0].statistic).toBe(paper.logRank[0].statistic);
    expect(verdict(r, "res-rec-logrank")).toBe("reproduced");
    expectClose(r.logRank[0].statistic, cases.recurrence_censor7.logrank.logrank.statistic, "log-rank");
  });

  it("each log-rank weight but the plain one misses 8.627, and the significance stands with all but G(0, 1)", () => {
    for (const w of LOG_RANK_CHOICES) {
      const r = explorerResults("recurrence", rec, { ...DEFAULT_CHOICES, weight: w.key }, claims);
      expect(`${w.key}: ${verdict(r, "res-rec-logrank")}`).toBe(`${w.key}: ${w.key === "logrank" ? "reproduced" : "not reproduced"}`);
      expect(`${w.key}: ${verdict(r, "abs-rec-time")}`).toBe(`${w.key}: ${w.key === "fh-0-1" ? "not reproduced" : "reproduced"}`);
    }
  });

  it("the lung-metastasis chi-square 4.62 reproduces under no choice of cut-off and correction", () => {
    const lung = loadEndpoint("lung_metastasis");
    for (const inclusive of [true, false]) {
      for (const correction of [true, false]) {
        const r = explorerResults("lung_metastasis", lung, { ...DEFAULT_CHOICES, inclusive, correction }, claims);
        expect(verdict(r, "res-lung-1y-chisq")).toBe("not reproduced");
      }
    }
  });
});

describe("results", () => {
  it("are frozen, JSON-ready and the same for the same input", () => {
    const a = explorerResults("recurrence", rec, DEFAULT_CHOICES, claims);
    const b = explorerResults("recurrence", { group: [...rec.group], status: [...rec.status], months: [...rec.months] }, DEFAULT_CHOICES, claims);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    const unfrozen: string[] = [];
    const walk = (x: unknown, path: string) => {
      if (x === null || typeof x !== "object") return;
      if (!Object.isFrozen(x)) unfrozen.push(path);
      for (const [k, v] of Object.entries(x)) walk(v, `${path}.${k}`);
    };
    walk(a, "results");
    expect(unfrozen).toEqual([]);
  });

  it("a test the table cannot support is reported in place, the rest is computed", () => {
    // Nobody has an event within 12 months: the 1-year table has an empty column.
    const r = explorerResults("recurrence", { group: [1, 1, 2, 2], status: [1, 0, 1, 0], months: [13, 20, 15, 30] }, DEFAULT_CHOICES, claims);
    expect(r.oneYear.table).toEqual([[0, 2], [0, 2]]);
    expect(r.oneYear.tests[0].error).toMatch(/column/);
    expect(r.oneYear.tests[0].statistic).toBeNull();
    expect(r.oneYear.fisher.pValue).toBe(1); // fisher.test's answer for a table with one possible arrangement
    expect(r.logRank[0].error).toBeNull();
    const chisq = r.claims.find((c) => c.id === "res-rec-1y-chisq")!;
    expect(chisq.verdict).toBe("not reproduced");
    expect(chisq.reasons[0]).toMatch(/^Pearson χ² \(no correction\) cannot be computed: /);
  });
});

describe("bad input", () => {
  const withCell = (column: "group" | "status" | "months", i: number, value: unknown) => ({
    group: rec.group as readonly unknown[],
    status: rec.status as readonly unknown[],
    months: rec.months as readonly unknown[],
    [column]: (rec[column] as readonly unknown[]).map((v, j) => (j === i ? value : v)),
  });

  it("names the column, the 0-based row and the value of a bad cell (the study's row check)", () => {
    const cases: [string, unknown, RegExp][] = [
      ["months", -3, /^months\[4\] is -3: it must be a finite number >= 0$/],
      ["status", 2, /^status\[4\] is 2: it must be 0 or 1$/],
      ["group", "", /^group\[4\] is "": it must be 1 or 2$/],
      ["months", "1e3", /^months\[4\] is "1e3"/],
    ];
    for (const [column, value, message] of cases) {
      const e = inputError(() => explorerResults("recurrence", withCell(column as "months", 4, value), DEFAULT_CHOICES, claims));
      expect(e.message).toMatch(message);
      expect([e.argument, e.index]).toEqual([column, 4]);
    }
  });

  it("an empty arm, a bad choice, an unknown choice", () => {
    const oneArm = { group: [1, 1], status: [1, 0], months: [3, 5] };
    expect(inputError(() => explorerResults("recurrence", oneArm, DEFAULT_CHOICES, claims)).message).toBe("group has no patient in group 2");
    const e = inputError(() => explorerResults("recurrence", rec, { ...DEFAULT_CHOICES, confLevel: 1.5 }, claims));
    expect([e.argument, e.message]).toEqual(["confLevel", "confLevel is 1.5: it must be a number strictly between 0 and 1"]);
    expect(inputError(() => explorerResults("recurrence", rec, { ...DEFAULT_CHOICES, weight: "wilcoxon" as never }, claims)).argument).toBe("weight");
    expect(inputError(() => explorerResults("recurrence", rec, { ...DEFAULT_CHOICES, yates: true } as never, claims)).message).toMatch(
      /^choices\.yates is not an option of explorerResults/,
    );
    expect(() => explorerResults("recurrence", rec, { ...DEFAULT_CHOICES, inclusive: "yes" as never }, claims)).toThrow(SurvivalInputError);
  });
});
