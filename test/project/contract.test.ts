/**
 * The library's contract (README, "The library's contract"), checked on every export of
 * src/index.ts:
 * - an options object refuses an option the function does not take, and a data object a field
 *   it does not read: SurvivalInputError naming it and listing the valid ones (exactly the
 *   properties of the parameter's declared type);
 * - results are frozen, deeply (Kaplan-Meier's typed-array columns excepted: a typed array
 *   cannot be frozen; figures and DataFrames are returned unfrozen on purpose).
 *
 * The exports and their parameters are read by the TypeScript compiler (test/helpers/exports.ts).
 * Every parameter whose type is a plain object must have an entry below: how to call the
 * function with valid arguments, and whether the object is options, data, or exempt (and why).
 * A new export with such a parameter fails the first test until it is added here.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";
import { SurvivalInputError } from "../../src/survival/errors.js";
import { exportedFunctions } from "../helpers/exports.js";

type Call = (x: Record<string, unknown>) => unknown;

interface Checked {
  readonly kind: "options" | "data";
  /** The object's valid value (the misspelt key is added to it). */
  readonly valid: Record<string, unknown>;
  /** Calls the function with valid arguments and `x` for this parameter. */
  readonly call: Call;
  /** The key added; default a transposition of the last two letters of valid's first key. */
  readonly typo?: string;
  /** Returns a promise (rejects rather than throws). */
  readonly async?: boolean;
}
interface Exempt {
  readonly kind: "exempt";
  readonly why: string;
}
type Entry = Checked | Exempt;

const rec = lib.loadEndpoint("recurrence");
const lung = lib.loadEndpoint("lung_metastasis");
const study = lib.loadStudy();
const claims = lib.loadClaims();
const chisqClaim = claims.find((c) => c.id === "res-lung-1y-chisq")!;
const logRankClaim = claims.find((c) => c.id === "res-rec-logrank")!;
const surv = { time: rec.months, event: rec.status, group: rec.group };
const arm1 = lib.armData(rec, 1) as unknown as Record<string, unknown>;
const arm2 = lib.armData(rec, 2);
const table = [[10, 13], [12, 4]];
const coxData = { time: rec.months, event: rec.status, covariates: { arm: rec.group.map((g) => (g === 1 ? 1 : 0)) } };
const coxFit = lib.coxPH(coxData);
const competing = { time: rec.months, cause: rec.status.map((s, i) => s * rec.group[i]), group: rec.group };
const kmFit = lib.kaplanMeier(arm1 as never);
const kmFigure = lib.kmFigure([{ label: "A", fit: kmFit }]);
const rows = { group: rec.group, status: rec.status, months: rec.months };
const csv = "time,event,arm\n1,1,a\n2,0,b\n";
const columns = { time: "time", event: "event", group: "arm" };
const noSink = { sink: () => {} };
const fig = lib.linesFigure([{ label: "S", x: [0, 1], y: [1, 0.5] }]);
const choices = lib.crossChoices({ test: ["a", "b"] });
const digitised = { time: [0, 2, 2, 5, 5, 9], survival: [1, 1, 0.9, 0.9, 0.7, 0.7] };
const atRisk = { time: [0, 4, 8], nRisk: [20, 17, 10] };
const figurePng = readFileSync("test/digitize/fixtures/plotly/figure-2-recurrence.png");
const figureAxes = {
  x: { pixels: [427.38, 1496.62] as [number, number], values: [0, 18] as [number, number] },
  y: { pixels: [874.28, 188.58] as [number, number], values: [0, 1] as [number, number] },
  colors: ["#0072B2", "#D55E00"],
};
const accuracyOptions = { ...figureAxes, groups: [1, 2], atRiskTimes: [0, 3, 6, 9, 12, 15, 18] };

const RESULT = "a result of the library passed back in, read for the fields it needs (any extra field is its own)";
const CLAIM = "a record of data/claims.json (checked by validateClaims), which carries fields this function does not read";
const NAMES = "its keys are the caller's names (columns, factors), not options";
const FIGURE = "a plotly figure, from a figure function";
const RUNNER = "the notebook runner imports no other layer (not even SurvivalInputError); it is outside the library's contract";

const ENTRIES: Record<string, Entry> = {
  // survival
  "kaplanMeier.data": { kind: "data", valid: arm1, call: (x) => lib.kaplanMeier(x as never) },
  "kaplanMeier.options": { kind: "options", valid: { confType: "log" }, call: (x) => lib.kaplanMeier(arm1 as never, x) },
  "nelsonAalen.data": { kind: "data", valid: arm1, call: (x) => lib.nelsonAalen(x as never) },
  "nelsonAalen.options": { kind: "options", valid: { ctype: "nelson-aalen" }, call: (x) => lib.nelsonAalen(arm1 as never, x) },
  "logRankTest.data": { kind: "data", valid: surv, call: (x) => lib.logRankTest(x as never) },
  "logRankTest.options": { kind: "options", valid: { weight: "logrank" }, call: (x) => lib.logRankTest(surv, x) },
  "pairwiseLogRank.data": { kind: "data", valid: surv, call: (x) => lib.pairwiseLogRank(x as never) },
  "pairwiseLogRank.options": { kind: "options", valid: { adjust: "BH" }, call: (x) => lib.pairwiseLogRank(surv, x) },
  "cumulativeIncidence.data": { kind: "data", valid: competing, call: (x) => lib.cumulativeIncidence(x as never) },
  "cumulativeIncidence.options": { kind: "options", valid: { rho: 1 }, call: (x) => lib.cumulativeIncidence(competing, x) },
  "chiSquareTest.options": { kind: "options", valid: { correction: false }, call: (x) => lib.chiSquareTest(table, x) },
  "gTest.options": { kind: "options", valid: {}, typo: "correction", call: (x) => lib.gTest(table, x as never) },
  "fisherExactTest.options": { kind: "options", valid: { confLevel: 0.9 }, typo: "conflevel", call: (x) => lib.fisherExactTest(table, x) },
  "coxPH.data": { kind: "data", valid: coxData, call: (x) => lib.coxPH(x as never) },
  "coxPH.options": { kind: "options", valid: { ties: "breslow" }, typo: "tie", call: (x) => lib.coxPH(coxData, x) },
  "coxZph.fit": { kind: "exempt", why: RESULT },
  "coxResiduals.fit": { kind: "exempt", why: RESULT },
  "concordance.fit": { kind: "exempt", why: RESULT },
  "coxSurvival.fit": { kind: "exempt", why: RESULT },
  "coxSurvival.data": { kind: "data", valid: coxData, call: (x) => lib.coxSurvival(coxFit, x as never) },
  "coxSurvival.options": { kind: "options", valid: { confLevel: 0.9 }, call: (x) => lib.coxSurvival(coxFit, coxData, x) },
  "concordance.data": { kind: "data", valid: coxData, call: (x) => lib.concordance(coxFit, x as never) },
  "coxResiduals.data": { kind: "data", valid: coxData, call: (x) => lib.coxResiduals(coxFit, x as never) },
  "coxResiduals.options": { kind: "options", valid: { type: "score" }, call: (x) => lib.coxResiduals(coxFit, coxData, x) },
  "coxZph.data": { kind: "data", valid: coxData, call: (x) => lib.coxZph(coxFit, x as never) },
  "coxZph.options": { kind: "options", valid: { transform: "km" }, call: (x) => lib.coxZph(coxFit, coxData, x) },
  "logMinusLogData.fit": { kind: "exempt", why: RESULT },
  "rmstDifference.data": { kind: "data", valid: surv, call: (x) => lib.rmstDifference(x as never, 12) },
  "rmstDifference.options": { kind: "options", valid: { confLevel: 0.9 }, call: (x) => lib.rmstDifference(surv, 12, x) },
  "permutationLogRank.data": { kind: "data", valid: surv, call: (x) => lib.permutationLogRank(x as never, { draws: 50 }) },
  "permutationLogRank.options": { kind: "options", valid: { draws: 50 }, typo: "method", call: (x) => lib.permutationLogRank(surv, x) },
  "schoenfeldEvents.input": { kind: "options", valid: { hazardRatio: 0.5 }, call: (x) => lib.schoenfeldEvents(x as never) },
  "logRankPower.input": { kind: "options", valid: { hazardRatio: 0.5, events: 30 }, call: (x) => lib.logRankPower(x as never) },
  "detectableHazardRatio.input": { kind: "options", valid: { events: 30 }, call: (x) => lib.detectableHazardRatio(x as never) },
  "shuffle.rng": { kind: "exempt", why: "a generator from createRandom, not data" },
  "reconstructFromCurve.curve": { kind: "data", valid: digitised, call: (x) => lib.reconstructFromCurve(x as never, atRisk) },
  "reconstructFromCurve.atRisk": { kind: "data", valid: atRisk, call: (x) => lib.reconstructFromCurve(digitised, x as never) },
  "reconstructFromCurve.options": {
    kind: "options",
    valid: { totalEvents: 6 },
    typo: "totalevents",
    call: (x) => lib.reconstructFromCurve(digitised, atRisk, x as never),
  },
  // digitize
  "digitizeCurves.options": { kind: "options", valid: figureAxes, typo: "colours", call: (x) => lib.digitizeCurves(figurePng, x as never) },
  "figureAccuracy.truth": { kind: "data", valid: surv, call: (x) => lib.figureAccuracy(figurePng, x as never, accuracyOptions) },
  "figureAccuracy.options": { kind: "options", valid: accuracyOptions, typo: "colours", call: (x) => lib.figureAccuracy(figurePng, surv, x as never) },
  // study
  "loadEndpoint.options": { kind: "options", valid: { dataDir: "data" }, call: (x) => lib.loadEndpoint("recurrence", x) },
  "loadStudy.options": { kind: "options", valid: { dataDir: "data" }, call: (x) => lib.loadStudy(x) },
  "oneYearTable.endpoint": { kind: "data", valid: rec as never, call: (x) => lib.oneYearTable(x as never) },
  "oneYearTable.options": { kind: "options", valid: { cutoff: 12 }, typo: "cutOff", call: (x) => lib.oneYearTable(rec, x) },
  "armData.rows": { kind: "data", valid: rows, call: (x) => lib.armData(x as never, 1) },
  "groupData.rows": { kind: "data", valid: rows, call: (x) => lib.groupData(x as never) },
  "armCovariate.rows": { kind: "data", valid: rows, call: (x) => lib.armCovariate(x as never) },
  "checkTranscription.study": { kind: "exempt", why: RESULT },
  "evaluateClaims.options": { kind: "options", valid: { study }, call: (x) => lib.evaluateClaims({ claims: claims.slice(0, 3), ...x }) },
  "evaluateClaim.c": { kind: "exempt", why: CLAIM },
  "evaluateClaim.study": { kind: "exempt", why: RESULT },
  "seeAlsoOf.c": { kind: "exempt", why: CLAIM },
  "statcheck.statistic": { kind: "exempt", why: CLAIM },
  "statcheck.comparison": { kind: "exempt", why: CLAIM },
  "atPrecision.reported": { kind: "exempt", why: CLAIM },
  "crossChoices.factors": { kind: "exempt", why: NAMES },
  "sensitivitySweep.options": {
    kind: "options",
    valid: { reference: choices[0] },
    call: (x) => lib.sensitivitySweep(choices, () => ({ statistic: 1, pValue: 0.5 }), x as never),
  },
  "oneYearSweep.rows": { kind: "data", valid: rows, call: (x) => lib.oneYearSweep(x as never) },
  "oneYearSweep.options": { kind: "options", valid: { cutoff: 12 }, typo: "cutOff", call: (x) => lib.oneYearSweep(rec, x) },
  "timeToEventSweep.rows": { kind: "data", valid: rows, call: (x) => lib.timeToEventSweep(x as never) },
  "timeToEventSweep.options": { kind: "options", valid: { alpha: 0.05 }, call: (x) => lib.timeToEventSweep(rec, x) },
  "medianSensitivity.rows": { kind: "data", valid: rows, call: (x) => lib.medianSensitivity(x as never) },
  "medianSensitivity.options": { kind: "options", valid: { confLevel: 0.9 }, call: (x) => lib.medianSensitivity(rec, x) },
  "claimSensitivity.claim": { kind: "exempt", why: CLAIM },
  "claimSensitivity.study": { kind: "exempt", why: RESULT },
  "claimSensitivity.options": { kind: "options", valid: { alpha: 0.05 }, call: (x) => lib.claimSensitivity(chisqClaim, study, x) },
  "isTestClaim.c": { kind: "exempt", why: CLAIM },
  "twoByTwoFamily.claim": { kind: "exempt", why: CLAIM },
  "twoByTwoFamily.options": { kind: "options", valid: { alpha: 0.05 }, call: (x) => lib.twoByTwoFamily(chisqClaim, x) },
  "logRankFamily.claim": { kind: "exempt", why: CLAIM },
  "logRankFamily.options": { kind: "options", valid: { study }, call: (x) => lib.logRankFamily(logRankClaim, x) },
  "armFits.rows": { kind: "data", valid: rows, call: (x) => lib.armFits(x as never) },
  "armFits.options": { kind: "options", valid: { confLevel: 0.9 }, call: (x) => lib.armFits(rec, x) },
  "kmTable.arm": { kind: "exempt", why: RESULT },
  "medianTable.options": { kind: "options", valid: { at: 12 }, typo: "ta", call: (x) => lib.medianTable(lib.armFits(rec), x) },
  "coxByTies.rows": { kind: "data", valid: rows, call: (x) => lib.coxByTies(x as never) },
  "coxByTies.options": { kind: "options", valid: { confLevel: 0.9 }, call: (x) => lib.coxByTies(rec, x) },
  "nearbyTables.options": { kind: "options", valid: { rows: ["a", "b"] }, call: (x) => lib.nearbyTables(table, 1, x as never) },
  "kmRateTest.arm1": { kind: "data", valid: arm1, call: (x) => lib.kmRateTest(x as never, arm2, 12) },
  "kmRateTest.arm2": { kind: "data", valid: arm1, call: (x) => lib.kmRateTest(arm2, x as never, 12) },
  "chiSquareForensics.rows": {
    kind: "data",
    valid: rows,
    call: (x) => lib.chiSquareForensics(x as never, chisqClaim.values[0], { maxChanges: 1 }),
  },
  "chiSquareForensics.reported": { kind: "exempt", why: CLAIM },
  "chiSquareForensics.options": {
    kind: "options",
    valid: { maxChanges: 1, other: rec },
    call: (x) => lib.chiSquareForensics(lung, chisqClaim.values[0], x),
  },
  // presentation
  "toDataFrame.columns": { kind: "exempt", why: NAMES },
  "toDataFrame.options": { kind: "options", valid: { index: ["a", "b"] }, call: (x) => lib.toDataFrame({ a: [1, 2] }, x) },
  "kmFigure.options": { kind: "options", valid: { title: "T" }, call: (x) => lib.kmFigure([{ label: "A", fit: kmFit }], x) },
  "rateBarFigure.options": {
    kind: "options",
    valid: { title: "T" },
    call: (x) => lib.rateBarFigure([{ label: "R", arms: [{ label: "A", events: 1, total: 2 }] }], x),
  },
  "numbersAtRisk.fit": { kind: "exempt", why: RESULT },
  "formatTest.test": { kind: "exempt", why: RESULT },
  "testName.test": { kind: "exempt", why: RESULT },
  "logMinusLogFigure.options": { kind: "options", valid: { title: "T" }, call: (x) => lib.logMinusLogFigure([{ label: "A", fit: kmFit }], x) },
  "show.fig": { kind: "exempt", why: FIGURE },
  "show.options": { kind: "options", valid: { ...noSink }, typo: "png_width", call: (x) => lib.show(fig, x) },
  "displayBundle.fig": { kind: "exempt", why: FIGURE },
  "displayBundle.options": { kind: "options", valid: { text: "t" }, call: (x) => lib.displayBundle(fig, x) },
  "renderPngs.options": { kind: "options", valid: { scale: 1 }, async: true, call: (x) => lib.renderPngs([], x) },
  "renderSvgs.options": { kind: "options", valid: { scale: 1 }, async: true, call: (x) => lib.renderSvgs([], x) },
  "pngsOrFiles.options": {
    kind: "options",
    valid: { scale: 1 },
    async: true,
    call: (x) => lib.pngsOrFiles([], [], x),
  },
  "figureAxes.fig": { kind: "exempt", why: FIGURE },
  "figureAxes.options": { kind: "options", valid: { scale: 1 }, call: (x) => lib.figureAxes(kmFigure, x) },
  "withPngs.options": { kind: "options", valid: { scale: 1 }, async: true, call: (x) => lib.withPngs([], x) },
  "buildReport.options": { kind: "options", valid: { title: "T", plotlyJs: "" }, call: (x) => lib.buildReport([], x) },
  "renderMarkdown.options": { kind: "options", valid: { idPrefix: "a-" }, call: (x) => lib.renderMarkdown("# A", x) },
  "showTable.table": { kind: "exempt", why: NAMES },
  "showTable.options": { kind: "options", valid: { ...noSink }, typo: "digit", call: (x) => lib.showTable({ a: [1] }, x) },
  "tableText.table": { kind: "exempt", why: NAMES },
  "tableText.options": { kind: "options", valid: { digits: 3 }, call: (x) => lib.tableText({ a: [1] }, x) },
  "tableHtml.table": { kind: "exempt", why: NAMES },
  "tableHtml.options": { kind: "options", valid: { digits: 3 }, call: (x) => lib.tableHtml({ a: [1] }, x) },
  "tableBundle.table": { kind: "exempt", why: NAMES },
  "tableBundle.options": { kind: "options", valid: { caption: "C" }, call: (x) => lib.tableBundle({ a: [1] }, x) },
  "linesFigure.options": { kind: "options", valid: { yTitle: "S" }, call: (x) => lib.linesFigure([{ label: "S", x: [0], y: [1] }], x) },
  "withReferenceLines.fig": { kind: "exempt", why: FIGURE },
  "incidenceFigure.result": { kind: "exempt", why: RESULT },
  "incidenceFigure.options": { kind: "options", valid: { title: "T" }, call: (x) => lib.incidenceFigure(lib.cumulativeIncidence(competing), x) },
  // teaching
  "exercise.context": { kind: "exempt", why: RESULT },
  "judge.context": { kind: "exempt", why: RESULT },
  "checkAnswer.spec": { kind: "exempt", why: "an exercise's specification (src/teaching/exercises.ts), not a caller's data" },
  "showFeedback.feedback": { kind: "exempt", why: RESULT },
  "parseSurvivalCsv.columns": { kind: "options", valid: columns, typo: "evenValue", call: (x) => lib.parseSurvivalCsv(csv, "my.csv", x as never) },
  "loadSurvivalCsv.columns": {
    kind: "options",
    valid: { time: "months", event: "status", group: "group" },
    typo: "evenValue",
    call: (x) => lib.loadSurvivalCsv("data/recurrence.csv", x as never),
  },
  "groupRows.data": { kind: "exempt", why: RESULT },
  "checkAnswer.history": { kind: "exempt", why: RESULT },
  "judge.history": { kind: "exempt", why: RESULT },
  "simulateInformativeCensoring.options": { kind: "options", valid: { seed: 1, n: 20 }, call: (x) => lib.simulateInformativeCensoring(x) },
  "simulateImmortalTime.options": { kind: "options", valid: { seed: 1, n: 20 }, call: (x) => lib.simulateImmortalTime(x) },
  "simulateConfounding.options": { kind: "options", valid: { seed: 1, n: 20 }, call: (x) => lib.simulateConfounding(x) },
  // runner
  "Kernel.start.options": { kind: "exempt", why: RUNNER },
  "executeNotebook.nb": { kind: "exempt", why: RUNNER },
  "executeNotebook.options": { kind: "exempt", why: RUNNER },
  "runNotebooks.options": { kind: "exempt", why: RUNNER },
  "serializeNotebook.nb": { kind: "exempt", why: RUNNER },
  "clearOutputs.nb": { kind: "exempt", why: RUNNER },
};

/** Data objects inside arrays (a figure's curves, bars and lines): a misspelt field in the first one. */
const ELEMENTS: [string, string, () => unknown, string[]][] = [
  ["kmFigure", "curves[0]", () => lib.kmFigure([{ label: "A", fit: kmFit, lable: "B" } as never]), ["label", "fit"]],
  [
    "rateBarFigure",
    "outcomes[0]",
    () => lib.rateBarFigure([{ label: "R", arms: [{ label: "A", events: 1, total: 2 }], testLable: "P" } as never]),
    ["label", "arms", "test", "testLabel", "testText"],
  ],
  [
    "rateBarFigure",
    "outcomes[0].arms[0]",
    () => lib.rateBarFigure([{ label: "R", arms: [{ label: "A", events: 1, totl: 2, total: 2 } as never] }]),
    ["label", "events", "total"],
  ],
  [
    "linesFigure",
    "lines[0]",
    () => lib.linesFigure([{ label: "S", x: [0], y: [1], colour: 1, color: 1 } as never]),
    ["label", "x", "y", "shape", "dash", "fill", "markers", "colour", "width", "group"],
  ],
  ["logMinusLogFigure", "curves[0]", () => lib.logMinusLogFigure([{ label: "A", fit: kmFit, lable: "B" } as never]), ["label", "fit"]],
  ["withReferenceLines", "vLines[0]", () => lib.withReferenceLines(fig, [{ x: 1, lable: "a" } as never]), ["x", "label"]],
];

const functions = exportedFunctions("src/index.ts");
const parameters = functions.flatMap((f) => f.parameters.filter((p) => p.isObject).map((p) => ({ fn: f.name, p })));
const key = (fn: string, param: string) => `${fn}.${param}`;

/** "confType" -> "confTyep": the last two letters swapped. */
const transpose = (s: string) => s.slice(0, -2) + s.slice(-1) + s.slice(-2, -1);

/** The names a message lists after "the options are", "the option is" or "the fields are". */
function listed(message: string): string[] {
  if (/ takes no options$/.test(message)) return [];
  const m = /; the (?:options are|option is|fields are) (.*?)(?: \(.*\))?$/.exec(message);
  return m ? m[1].split(", ") : ["<no list in the message>"];
}

async function thrown(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (e) {
    return e;
  }
  return undefined;
}

/** Paths under x that are not frozen (functions are skipped; typed arrays reported as such). */
function unfrozen(x: unknown, path = "result", seen = new Set<unknown>()): string[] {
  if (x === null || typeof x !== "object" || seen.has(x)) return [];
  seen.add(x);
  if (ArrayBuffer.isView(x)) return [`${path} (a typed array)`];
  const here = Object.isFrozen(x) ? [] : [path];
  return [...here, ...Object.entries(x).flatMap(([k, v]) => unfrozen(v, `${path}.${k}`, seen))];
}

describe("the contract table", () => {
  it("finds the exports (the TypeScript reading works)", () => {
    expect(functions.map((f) => f.name)).toEqual(expect.arrayContaining(["kaplanMeier", "oneYearTable", "kmFigure", "parseSurvivalCsv"]));
    expect(parameters.length).toBeGreaterThan(50);
  });

  it("has an entry for every exported function's object parameter, and none for a parameter that does not exist", () => {
    const found = parameters.map(({ fn, p }) => key(fn, p.name)).sort();
    const missing = found.filter((k) => !(k in ENTRIES));
    const stale = Object.keys(ENTRIES).filter((k) => !found.includes(k));
    expect(missing, "exports with an options or data object missing from ENTRIES").toEqual([]);
    expect(stale, "ENTRIES for parameters that no longer exist").toEqual([]);
  });
});

describe("an unknown option or data field is refused, naming it and listing the valid ones", () => {
  for (const { fn, p } of parameters) {
    const entry = ENTRIES[key(fn, p.name)];
    if (!entry || entry.kind === "exempt") continue;
    it(`${fn}: ${entry.kind === "options" ? "an option" : "a field"} of ${p.name}`, async () => {
      expect(await thrown(() => entry.call(entry.valid)), "the valid call").toBeUndefined();
      const first = Object.keys(entry.valid)[0];
      const typo = entry.typo ?? transpose(first);
      expect(p.properties, "the typo is not a real name").not.toContain(typo);
      const bad = { ...entry.valid, [typo]: first === undefined ? true : entry.valid[first] };
      let e: unknown;
      if (entry.async) {
        const promise = entry.call(bad); // an async function rejects; it does not throw
        expect(promise).toBeInstanceOf(Promise);
        e = await thrown(() => promise);
      } else {
        e = await thrown(() => entry.call(bad));
      }
      expect(e).toBeInstanceOf(SurvivalInputError);
      const error = e as SurvivalInputError;
      expect(error.value).toBe(typo);
      const what = entry.kind === "options" ? "an option of" : "a field";
      expect(error.message).toContain(`${error.argument}.${typo} is not ${what} ${fn}`);
      expect(error.argument).toBe(p.name);
      expect(listed(error.message).sort()).toEqual([...p.properties].sort());
    });
  }

  for (const [fn, where, call, fields] of ELEMENTS) {
    it(`${fn}: a field of ${where}`, () => {
      const e = thrown(call);
      return e.then((error) => {
        expect(error).toBeInstanceOf(SurvivalInputError);
        expect((error as SurvivalInputError).argument).toBe(where);
        expect((error as SurvivalInputError).message).toContain(`${where}.`);
        expect(listed((error as SurvivalInputError).message).sort()).toEqual([...fields].sort());
      });
    });
  }

  it("the examples of the brief", () => {
    expect(() => lib.chiSquareTest(table, { corection: false } as never)).toThrow(
      "options.corection is not an option of chiSquareTest; the option is correction",
    );
    expect(() => lib.kaplanMeier({ ...arm1, weight: [1] } as never)).toThrow(
      "data.weight is not a field kaplanMeier reads; the fields are time, event, weights, entry",
    );
  });
});

/** Results returned unfrozen on purpose, and why. */
const UNFROZEN: Record<string, string> = {
  kmFigure: "a plotly figure: readers restyle it and Plotly.newPlot writes into it (src/presentation/figures/figure.ts)",
  rateBarFigure: "a plotly figure (as kmFigure)",
  linesFigure: "a plotly figure (as kmFigure)",
  logMinusLogFigure: "a plotly figure (as kmFigure)",
  withReferenceLines: "a plotly figure (as kmFigure)",
  incidenceFigure: "a plotly figure (as kmFigure)",
  stepBand: "the coordinates of a figure's trace (as kmFigure)",
  toDataFrame: "a danfo DataFrame, a mutable table by design",
  loadDanfo: "the danfojs-node module",
  displayBundle: "a Jupyter message body, handed to the kernel",
  tableBundle: "a Jupyter message body, handed to the kernel",
  noteBundle: "a Jupyter message body, handed to the kernel",
  tslabSink: "the kernel's writer function (or null)",
  launchChromium: "a browser",
  renderPngs: "PNG files (Buffers)",
  renderSvgs: "SVG documents (strings)",
  pngsOrFiles: "PNG files (Buffers), as renderPngs",
  withPngs: "copies of the caller's notebooks, for the caller to write",
  decodePng: "the image's pixels (a Uint8Array), which JavaScript cannot freeze",
};

/** How to call the functions that return an object but take no options or data object. */
const RESULT_CALLS: Record<string, () => unknown> = {
  createRandom: () => lib.createRandom(1),
  logMinusLogData: () => lib.logMinusLogData(kmFit),
  parseEndpointCsv: () => lib.parseEndpointCsv("group,status,months\n1,1,5\n2,0,12\n", "x.csv"),
  checkTranscription: () => lib.checkTranscription(study),
  loadCohort: () => lib.loadCohort(),
  loadClaims: () => lib.loadClaims(),
  validateClaims: () => lib.validateClaims(JSON.parse(JSON.stringify({ claims })), "claims.json"),
  evaluateClaim: () => lib.evaluateClaim(chisqClaim, study),
  seeAlsoOf: () => lib.seeAlsoOf(chisqClaim),
  statcheck: () => lib.statcheck(chisqClaim.values[0], 1, chisqClaim.comparison!),
  statcheckClaims: () => lib.statcheckClaims(claims),
  atPrecision: () => lib.atPrecision(3.81, chisqClaim.values[0]),
  crossChoices: () => lib.crossChoices({ a: ["x", "y"], b: ["z"] }),
  cutoffOptions: () => lib.cutoffOptions(12),
  twoByTwoStatistics: () => lib.twoByTwoStatistics(table),
  numbersAtRisk: () => lib.numbersAtRisk(kmFit, [0, 6, 12]),
  timeBreaks: () => lib.timeBreaks(18),
  noteLines: () => lib.noteLines("a; b"),
  judge: () => lib.judge("km/at-risk-9", 3),
  checkAnswer: () => lib.checkAnswer(lib.EXERCISES.get("km/at-risk-9")!, 3, undefined),
  groupRows: () => lib.groupRows(lib.parseSurvivalCsv(csv, "my.csv", columns), "a"),
  printedClaim: () => lib.printedClaim("logrank", "recurrence"),
  seeAlsoLinks: () => lib.seeAlsoLinks(lib.evaluateClaims({ claims: claims.slice(0, 8) })),
  kmTable: () => lib.kmTable(lib.armFits(rec)[0]),
  parseCsvTable: () => lib.parseCsvTable(csv, "my.csv"),
  loadCsvTable: () => lib.loadCsvTable("data/teaching/veteran.csv"),
  parseColor: () => lib.parseColor("#0072B2"),
  accuracyTable: () => lib.accuracyTable([{ figure: "Figure 2", accuracy: lib.figureAccuracy(figurePng, surv, accuracyOptions) }]),
};

/** The functions whose results hold Kaplan-Meier fits, and so typed arrays. */
const KM_RESULTS = new Set(["kaplanMeier", "armFits"]);

describe("results are frozen, deeply", () => {
  const calls = new Map<string, () => unknown>(Object.entries(RESULT_CALLS));
  for (const [k, entry] of Object.entries(ENTRIES)) {
    const fn = k.slice(0, k.lastIndexOf("."));
    if (entry.kind !== "exempt" && !calls.has(fn)) calls.set(fn, () => entry.call(entry.valid));
  }

  it("covers every exported function that returns an object (runner aside)", () => {
    const returning = functions.filter((f) => f.returnsObject && !f.file.includes("/src/runner/")).map((f) => f.name);
    const uncovered = returning.filter((fn) => !calls.has(fn) && !(fn in UNFROZEN));
    expect(uncovered, "add a call to RESULT_CALLS, or a reason to UNFROZEN").toEqual([]);
    expect(returning.length).toBeGreaterThan(50);
  });

  for (const [fn, call] of calls) {
    if (fn in UNFROZEN) continue;
    it(fn, async () => {
      const result = await call();
      const paths = unfrozen(result);
      // A typed array cannot be frozen: only Kaplan-Meier's columns are typed arrays (in armFits, its fits').
      const allowed = paths.filter((p) => !(KM_RESULTS.has(fn) && / \(a typed array\)$/.test(p)));
      expect(allowed).toEqual([]);
    });
  }

  it("Kaplan-Meier's typed-array columns are the only unfrozen part of any result checked above", () => {
    const paths = unfrozen(lib.kaplanMeier(arm1 as never));
    expect(paths.length).toBe(10); // time, nRisk, nEvent, nCensor, survival, stdErr, lower, upper, cumHazard(StdErr)
    expect(paths.every((p) => p.endsWith(" (a typed array)"))).toBe(true);
  });
});
