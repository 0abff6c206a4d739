/**
 * Every number the explorer shows, from a patient table (as edited) and the choices the paper
 * leaves open: the Kaplan-Meier fit of each arm (kaplanMeier), the log-rank family
 * (logRankTest), the hazard ratio (coxPH, Efron ties, arm 1 against arm 2), the 1-year 2x2
 * table (the study's oneYearTable) with Pearson's and Yates' chi-square (chiSquareTest), the
 * likelihood-ratio G (gTest) and Fisher's exact test (fisherExactTest), and the verdict of each
 * of the paper's claims on this endpoint under the choices (claimUnderChoices).
 *
 * Nothing here reads a file or the DOM: the same function runs in Node and, bundled, in the
 * browser, so that the page's numbers are the library's. The result is plain JSON-ready data
 * (columns copied into arrays), frozen.
 *
 * The patient table is checked first, by oneYearTable (row by row: group 1 or 2, status 0 or
 * 1, months a finite number >= 0; both arms non-empty): a bad cell throws its
 * SurvivalInputError, naming the column and the 0-based row. So do a bad confLevel or confType
 * (kaplanMeier). A test that the table cannot support (a 2x2 table with an empty column, a
 * log-rank test with nothing to compare) is not an error of the table: it is reported in
 * place, as that test's `error`, and the rest is computed.
 *
 * @example
 * const rec = loadEndpoint("recurrence");
 * const r = explorerResults("recurrence", rec, DEFAULT_CHOICES, loadClaims());
 * r.logRank[0].statistic;                                      // => 8.627 (log-rank, as the paper prints)
 * r.oneYear.tests[0].statistic;                                // => 3.813 (Pearson)
 * r.claims.find((c) => c.id === "res-rec-1y-chisq")!.verdict;  // => "reproduced"
 */
import { SurvivalInputError, show } from "../../survival/errors.js";
import { checkOneOf, checkOptions } from "../../survival/core/validate.js";
import { kaplanMeier, type ConfType } from "../../survival/km/kaplanMeier.js";
import { CONF_TYPES } from "../../survival/km/confint.js";
import { logRankTest, type LogRankOptions } from "../../survival/logrank/logRankTest.js";
import { coxPH } from "../../survival/cox/coxPH.js";
import { chiSquareTest } from "../../survival/contingency/chiSquareTest.js";
import { gTest } from "../../survival/contingency/gTest.js";
import { fisherExactTest } from "../../survival/contingency/fisherExactTest.js";
import { oneYearTable } from "../../study/data/oneYearTable.js";
import type { Claim } from "../../study/claims/claims.js";
import type { EndpointName } from "../../study/data/loadEndpoint.js";
import { claimUnderChoices, type ClaimUnderChoices } from "./claimUnderChoices.js";

/** A patient table as the reader left it: numbers where a cell holds one, else the text typed. */
export interface ExplorerRows {
  readonly group: ArrayLike<unknown>;
  readonly status: ArrayLike<unknown>;
  readonly months: ArrayLike<unknown>;
}

/** The log-rank weights offered, keyed as the page's control names them. */
export const LOG_RANK_CHOICES = Object.freeze([
  Object.freeze({ key: "logrank", label: "Log-rank (Mantel-Cox)", short: "Log-rank", options: Object.freeze({ weight: "logrank" }) }),
  Object.freeze({ key: "gehan-breslow", label: 'Gehan-Breslow (SPSS "Breslow")', short: "Gehan-Breslow", options: Object.freeze({ weight: "gehan-breslow" }) }),
  Object.freeze({ key: "tarone-ware", label: "Tarone-Ware", short: "Tarone-Ware", options: Object.freeze({ weight: "tarone-ware" }) }),
  Object.freeze({ key: "fh-1-0", label: "Fleming-Harrington G(1, 0)", short: "G(1, 0)", options: Object.freeze({ weight: "fleming-harrington", p: 1, q: 0 }) }),
  Object.freeze({ key: "fh-0-1", label: "Fleming-Harrington G(0, 1)", short: "G(0, 1)", options: Object.freeze({ weight: "fleming-harrington", p: 0, q: 1 }) }),
] as const satisfies readonly { key: string; label: string; short: string; options: LogRankOptions }[]);

export type LogRankChoice = (typeof LOG_RANK_CHOICES)[number]["key"];

export interface ExplorerChoices {
  /** An event at exactly 12 months counts within the year (months <= 12), or not (< 12). */
  readonly inclusive: boolean;
  /** The 1-year chi-square with Yates' continuity correction, or Pearson's without. */
  readonly correction: boolean;
  /** The log-rank weight of the figure and the claims (LOG_RANK_CHOICES). */
  readonly weight: LogRankChoice;
  /** The Kaplan-Meier CI transform. */
  readonly confType: ConfType;
  /** The level of the Kaplan-Meier, median and hazard-ratio intervals. */
  readonly confLevel: number;
}

/** The reproduction's reading of the paper: inclusive cut-off, Pearson, log-rank, R's log CI at 95%. */
export const DEFAULT_CHOICES: ExplorerChoices = Object.freeze({
  inclusive: true,
  correction: false,
  weight: "logrank",
  confType: "log",
  confLevel: 0.95,
});

/** The months of the paper's 1-year comparison (its claims' cut-off). */
export const CUTOFF = 12;

/** The arms, in the order of every per-arm array. */
export const ARMS = Object.freeze([
  Object.freeze({ group: 1, label: "Anlotinib + chemotherapy" }),
  Object.freeze({ group: 2, label: "Chemotherapy alone" }),
]);

export interface ArmFit {
  readonly group: number;
  readonly label: string;
  readonly n: number;
  readonly events: number;
  readonly time: readonly number[];
  readonly nRisk: readonly number[];
  readonly nEvent: readonly number[];
  readonly nCensor: readonly number[];
  readonly survival: readonly number[];
  readonly stdErr: readonly number[];
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  readonly median: { readonly estimate: number | null; readonly lower: number | null; readonly upper: number | null };
  /** S(12): the Kaplan-Meier share event-free at the cut-off. */
  readonly survivalAtCutoff: number;
}

/** A test of the family; numbers null and `error` the library's message where it cannot be computed. */
export interface ExplorerTest {
  readonly key: string;
  readonly label: string;
  readonly statistic: number | null;
  readonly df: number | null;
  readonly pValue: number | null;
  readonly error: string | null;
}

export interface LogRankRow extends ExplorerTest {
  readonly chosen: boolean;
  /** Per arm (ARMS order): observed and expected (weighted) events. */
  readonly observed: readonly number[] | null;
  readonly expected: readonly number[] | null;
}

export interface ExplorerResults {
  readonly endpoint: EndpointName;
  readonly choices: ExplorerChoices;
  readonly arms: readonly ArmFit[];
  readonly logRank: readonly LogRankRow[];
  readonly cox: {
    readonly hazardRatio: number | null;
    readonly lower: number | null;
    readonly upper: number | null;
    readonly pValue: number | null;
    readonly confLevel: number;
    readonly warnings: readonly string[];
    readonly error: string | null;
  };
  readonly oneYear: {
    readonly cutoff: number;
    readonly inclusive: boolean;
    /** [[events within, not] group 1, [events within, not] group 2]. */
    readonly table: readonly (readonly number[])[];
    readonly rate: readonly number[];
    readonly censoredBefore: readonly number[];
    readonly eventsAt: readonly number[];
    /** Pearson, Yates, likelihood-ratio G; `chosen` marks the one the claims use. */
    readonly tests: readonly (ExplorerTest & { readonly chosen: boolean })[];
    readonly fisher: {
      readonly pValue: number | null;
      readonly oddsRatio: number | null;
      readonly lower: number | null;
      readonly upper: number | null;
      readonly error: string | null;
    };
  };
  readonly claims: readonly ClaimUnderChoices[];
}

const CHOICE_NAMES = ["inclusive", "correction", "weight", "confType", "confLevel"];

/** Runs f; a SurvivalInputError becomes its message (anything else is a bug and is thrown). */
function attempt<T>(f: () => T): { value: T; error: null } | { value: null; error: string } {
  try {
    return { value: f(), error: null };
  } catch (e) {
    if (e instanceof SurvivalInputError) return { value: null, error: e.message };
    throw e;
  }
}

/** Checks the choices, naming a bad one as the library does. */
function checkChoices(choices: ExplorerChoices): ExplorerChoices {
  const c = checkOptions("explorerResults", choices, CHOICE_NAMES, "choices");
  for (const name of ["inclusive", "correction"] as const) {
    if (typeof c[name] !== "boolean") throw new SurvivalInputError(`${name} is ${show(c[name])}: it must be true or false`, name, undefined, c[name]);
  }
  checkOneOf("weight", c.weight, LOG_RANK_CHOICES.map((w) => w.key));
  checkOneOf("confType", c.confType, CONF_TYPES);
  return choices;
}

const frozenArray = <T>(x: ArrayLike<T>): readonly T[] => Object.freeze(Array.from(x));

/**
 * @param endpoint  "recurrence" or "lung_metastasis": which of the paper's claims apply
 * @param rows      the patient table `{ group, status, months }`, as edited
 * @param choices   the analysis choices (DEFAULT_CHOICES is the reproduction's reading)
 * @param claims    the paper's claims (loadClaims()); those on this endpoint are judged
 * @returns         a frozen, JSON-ready ExplorerResults
 * @throws SurvivalInputError  for a bad cell (naming its column and 0-based row), an empty arm,
 *                  or a bad choice
 */
export function explorerResults(
  endpoint: EndpointName,
  rows: ExplorerRows,
  choices: ExplorerChoices,
  claims: readonly Claim[],
): ExplorerResults {
  checkOneOf("endpoint", endpoint, ["recurrence", "lung_metastasis"]);
  const { inclusive, correction, weight, confType, confLevel } = checkChoices(choices);
  const rowsChecked = { group: rows.group, status: rows.status, months: rows.months } as { group: number[]; status: number[]; months: number[] };
  // The table first: it checks every cell, row by row, and that both arms have patients.
  const one = oneYearTable(rowsChecked, { cutoff: CUTOFF, inclusive });
  const { group, status, months } = rowsChecked;

  const arms = ARMS.map(({ group: g, label }) => {
    const time: number[] = [];
    const event: number[] = [];
    for (let i = 0; i < group.length; i++) {
      if (group[i] === g) {
        time.push(months[i]);
        event.push(status[i]);
      }
    }
    const fit = kaplanMeier({ time, event }, { confType, confLevel });
    return Object.freeze({
      group: g,
      label,
      n: fit.n,
      events: fit.events,
      time: frozenArray(fit.time),
      nRisk: frozenArray(fit.nRisk),
      nEvent: frozenArray(fit.nEvent),
      nCensor: frozenArray(fit.nCensor),
      survival: frozenArray(fit.survival),
      stdErr: frozenArray(fit.stdErr),
      lower: frozenArray(fit.lower),
      upper: frozenArray(fit.upper),
      median: Object.freeze({ ...fit.median }),
      survivalAtCutoff: fit.survivalAt(CUTOFF),
    });
  });

  const data = { time: months, event: status, group };
  const logRank = LOG_RANK_CHOICES.map(({ key, label, options }) => {
    const r = attempt(() => logRankTest(data, options));
    const at = (x: readonly number[]) => Object.freeze(ARMS.map((a) => x[r.value!.groups.indexOf(a.group)]));
    return Object.freeze({
      key,
      label,
      chosen: key === weight,
      statistic: r.value?.statistic ?? null,
      df: r.value?.df ?? null,
      pValue: r.value?.pValue ?? null,
      observed: r.value ? at(r.value.observed) : null,
      expected: r.value ? at(r.value.expected) : null,
      error: r.error,
    });
  });

  const cox = attempt(() =>
    coxPH({ time: months, event: status, covariates: { anlotinib: group.map((g) => (g === 1 ? 1 : 0)) } }, { confLevel }),
  );

  const table = one.table;
  const twoByTwo = [
    { key: "pearson", label: "Pearson χ² (no correction)", run: () => chiSquareTest(table, { correction: false }) },
    { key: "yates", label: "Pearson χ² with Yates' correction", run: () => chiSquareTest(table, { correction: true }) },
    { key: "g", label: "Likelihood-ratio G", run: () => gTest(table) },
  ].map(({ key, label, run }) => {
    const r = attempt(run);
    return Object.freeze({
      key,
      label,
      chosen: key === (correction ? "yates" : "pearson"),
      statistic: r.value?.statistic ?? null,
      df: r.value?.df ?? null,
      pValue: r.value?.pValue ?? null,
      error: r.error,
    });
  });
  const fisher = attempt(() => fisherExactTest(table));

  const oneYear = Object.freeze({
    cutoff: CUTOFF,
    inclusive,
    table,
    rate: one.rate,
    censoredBefore: one.censoredBefore,
    eventsAt: one.eventsAt,
    tests: Object.freeze(twoByTwo),
    fisher: Object.freeze({
      pValue: fisher.value?.pValue ?? null,
      oddsRatio: fisher.value?.oddsRatio ?? null,
      lower: fisher.value?.lower ?? null,
      upper: fisher.value?.upper ?? null,
      error: fisher.error,
    }),
  });

  const chosenLogRank = logRank.find((r) => r.chosen)!;
  const chosenTwoByTwo = twoByTwo.find((t) => t.chosen)!;
  const judged = claims
    .filter((c) => c.check.kind !== "none" && c.check.endpoint === endpoint && !(c.check.kind === "count" && c.check.of === "patients"))
    .map((c) => claimUnderChoices(c, { oneYear, twoByTwo: chosenTwoByTwo, logRank: chosenLogRank }));

  return Object.freeze({
    endpoint,
    choices: Object.freeze({ inclusive, correction, weight, confType, confLevel }),
    arms: Object.freeze(arms),
    logRank: Object.freeze(logRank),
    cox: Object.freeze({
      hazardRatio: cox.value?.hazardRatio[0] ?? null,
      lower: cox.value?.lower[0] ?? null,
      upper: cox.value?.upper[0] ?? null,
      pValue: cox.value?.pValue[0] ?? null,
      confLevel,
      warnings: Object.freeze([...(cox.value?.warnings ?? [])]),
      error: cox.error,
    }),
    oneYear,
    claims: Object.freeze(judged),
  });
}
