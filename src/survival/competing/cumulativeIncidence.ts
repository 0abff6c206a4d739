/**
 * Cumulative incidence under competing risks: the Aalen-Johansen estimate of each cause's
 * incidence, per group, with R's standard errors and limits, and Gray's test that a cause's
 * incidence is the same in every group:
 *   survfit(Surv(time, factor(cause)) ~ group)             (R survival 3.5, the curves)
 *   cmprsk::cuminc(time, cause, group, strata, rho)$Tests  (cmprsk 2.2, Gray's test)
 * With delayed entry (left truncation) the curves are survfit(Surv(entry, time, factor(cause))
 * ~ group, id = row); Gray's test is not defined for left-truncated data (cmprsk has no entry),
 * so `tests` is then empty.
 *
 * The checked entry point; the engines are aalenJohansen.ts (the curves) and grayTest.ts.
 * Where a cause competes, 1 - Kaplan-Meier of that cause (the others censored) overstates its
 * incidence; this is the estimate to report.
 *
 * Reference: Aalen & Johansen (1978); Gray (1988), Ann Stat 16:1141; Putter, Fiocco & Geskus
 * (2007), Stat Med 26:2389 (a tutorial).
 */
import { SurvivalInputError, show } from "../errors.js";
import { chiSquareUpper, normalQuantile } from "../core/distributions.js";
import { checkConfLevel, checkData, checkEntry, checkLabels, checkOneOf, checkOptions, checkTimes, type Coded } from "../core/validate.js";
import { CONF_TYPES, confidenceLimits, type ConfType } from "../km/confint.js";
import { quadraticForm } from "../logrank/quadraticForm.js";
import { sortOrder } from "../core/sortOrder.js";
import { onTimeGrid, tieGroups } from "../core/timefix.js";
import { aalenJohansen } from "./aalenJohansen.js";
import { grayScores } from "./grayTest.js";

type Label = string | number;

export interface CumulativeIncidenceData {
  time: ArrayLike<number>;
  /** The cause of each event; censored rows carry censorCode (default 0). */
  cause: ArrayLike<Label>;
  /** Optional group labels: a curve per group and cause, and Gray's test per cause. */
  group?: ArrayLike<Label>;
  /** Optional strata for Gray's test (cmprsk's strata); the curves are per group. */
  strata?: ArrayLike<Label>;
  /** Optional entry times (< time): at risk on (entry, time], R's Surv(entry, time, cause). */
  entry?: ArrayLike<number>;
}

export interface CumulativeIncidenceOptions {
  /** The cause label of a censored row; default 0 (cmprsk's cencode). */
  censorCode?: Label;
  /** CI transform, default "log" (R's default for survfit); as kaplanMeier's. */
  confType?: ConfType;
  /** Confidence level in (0, 1), default 0.95. */
  confLevel?: number;
  /** Exponent of Gray's weight (1 - F(t-))^rho; default 0 (cmprsk's). */
  rho?: number;
}

/** The cumulative incidence of one cause in one group. */
export interface IncidenceCurve {
  /** The group, or null without groups. */
  readonly group: Label | null;
  readonly cause: Label;
  /** Distinct times (events of any cause or censorings) of the group, ascending. */
  readonly time: readonly number[];
  /** Event-free (at risk) just before each time. */
  readonly nRisk: readonly number[];
  /** Events of this cause at each time. */
  readonly nEvent: readonly number[];
  /** The cumulative incidence F(t) (R's pstate for the cause). */
  readonly incidence: readonly number[];
  /** Its standard error (R's std.err: the infinitesimal jackknife). */
  readonly stdErr: readonly number[];
  readonly lower: readonly number[];
  readonly upper: readonly number[];
}

/** Gray's test for one cause. */
export interface GrayTest {
  readonly cause: Label;
  /** Chi-square statistic; null where the scores' covariance is singular (cmprsk reports -1). */
  readonly statistic: number | null;
  readonly df: number;
  readonly pValue: number | null;
}

export interface CumulativeIncidenceResult {
  /** The causes, sorted as R's factor() sorts them (the censor code left out). */
  readonly causes: readonly Label[];
  /** The groups, or null without groups. */
  readonly groups: readonly Label[] | null;
  /** One curve per group and cause, group by group, causes in order. */
  readonly curves: readonly IncidenceCurve[];
  /**
   * Gray's test per cause (with two or more groups), else null; empty with entry (Gray's test
   * is not defined for left-truncated data; `method` says so).
   */
  readonly tests: readonly GrayTest[] | null;
  readonly confType: ConfType;
  readonly confLevel: number;
  readonly rho: number;
  readonly method: string;
}

const DATA_FIELDS = ["time", "cause", "group", "strata", "entry"];
const OPTION_NAMES = ["censorCode", "confType", "confLevel", "rho"];

/**
 * Estimates the cumulative incidence of each cause, per group, and compares the groups.
 *
 * @param data     `{ time, cause, group?, strata?, entry? }`: follow-up times (finite, >= 0), the
 *                 cause of each event (a number or string; censored rows carry `censorCode`),
 *                 optional group and stratum labels (strata enter Gray's test only) and optional
 *                 entry times (delayed entry: at risk on (entry, time], as Surv(entry, time,
 *                 cause); then `tests` is empty: Gray's test is not defined for left-truncated
 *                 data), of one length
 * @param options  `censorCode` (default 0), `confType` ("log", R's default, "log-log", "plain",
 *                 "logit", "arcsin"), `confLevel` (default 0.95), `rho` (Gray's weight exponent,
 *                 default 0)
 * @returns        a frozen result: `causes`, `groups`, `curves` (per group and cause: `time`,
 *                 `nRisk`, `nEvent`, `incidence`, `stdErr`, `lower`, `upper`), `tests` (Gray's,
 *                 per cause: `statistic`, `df`, `pValue`; null without groups, empty with entry),
 *                 the settings and `method`
 * @throws SurvivalInputError  for a bad time, entry or label (naming its index and value), an
 *                 entry not below its time, columns of different lengths, no event of any cause,
 *                 strata without groups or with entry, a field other than time, cause, group,
 *                 strata and entry, or an unknown or bad option
 *
 * @example
 * const ci = cumulativeIncidence({
 *   time: [1, 1, 2, 2, 2, 3, 4, 4, 5, 6],
 *   cause: [1, 2, 1, 0, 2, 1, 0, 2, 1, 0],   // 0 = censored
 * });
 * ci.causes;                      // => [1, 2]
 * ci.curves[0].incidence;         // => [0.1, 0.2, 0.32, 0.32, 0.5, 0.5] (cause 1; curves[1] is cause 2)
 * ci.curves[0].stdErr[2];         // => 0.1539 (survfit's, the infinitesimal jackknife)
 * ci.curves[1].incidence[5];      // => 0.32
 */
export function cumulativeIncidence(data: CumulativeIncidenceData, options?: CumulativeIncidenceOptions): CumulativeIncidenceResult {
  const d = checkData("cumulativeIncidence", data, DATA_FIELDS);
  const opts = checkOptions("cumulativeIncidence", options, OPTION_NAMES);
  const censorCode = opts.censorCode === undefined ? 0 : checkLabel("censorCode", opts.censorCode);
  const confType = opts.confType === undefined ? "log" : checkOneOf("confType", opts.confType, CONF_TYPES);
  const confLevel = opts.confLevel === undefined ? 0.95 : checkConfLevel(opts.confLevel);
  const rho = opts.rho === undefined ? 0 : checkRho(opts.rho);

  let time = checkTimes("time", d.time);
  const n = time.length;
  let entry: Float64Array | null = null;
  if (d.entry !== undefined) ({ entry, time } = onTimeGrid(checkEntry("entry", d.entry, time), time));
  const causeLabels = checkLabels("cause", d.cause, n);
  const group = d.group === undefined ? null : checkLabels("group", d.group, n);
  const strata = d.strata === undefined ? null : checkLabels("strata", d.strata, n);
  if (strata && !group) {
    throw new SurvivalInputError(
      "strata are given without group: strata enter Gray's test, which compares groups; give group too",
      "strata",
    );
  }
  if (strata && entry) {
    throw new SurvivalInputError(
      "strata are given with entry: strata enter Gray's test only, which is not defined for left-truncated data (delayed entry)",
      "strata",
    );
  }

  // Cause codes: 0 = censored, 1..K the causes in level order.
  const causes = causeLabels.levels.filter((c) => c !== censorCode);
  const K = causes.length;
  if (K === 0) {
    throw new SurvivalInputError(
      `cause has no events (every row carries the censor code ${show(censorCode)}): there is no incidence to estimate`,
      "cause",
      undefined,
      censorCode,
    );
  }
  const codeOf = causeLabels.levels.map((c) => (c === censorCode ? 0 : causes.indexOf(c) + 1));
  const cause = new Int32Array(n);
  for (let i = 0; i < n; i++) cause[i] = codeOf[causeLabels.codes[i]];

  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const groups = group ? group.levels : [null];
  const curves: IncidenceCurve[] = [];
  groups.forEach((g, gi) => {
    const rows = group ? rowsOf(group, gi) : null;
    const t = rows ? pick(time, rows, new Float64Array(rows.length)) : time;
    const c = rows ? pick(cause, rows, new Int32Array(rows.length)) : cause;
    const e = entry && rows ? pick(entry, rows, new Float64Array(rows.length)) : entry;
    const fit = aalenJohansen(t, c, K, e);
    const m = fit.time.length;
    for (let k = 0; k < K; k++) {
      const lower = new Float64Array(m);
      const upper = new Float64Array(m);
      for (let j = 0; j < m; j++) {
        const p = fit.incidence[k][j];
        const se = fit.stdErr[k][j];
        confidenceLimits(confType, p, se === 0 ? 0 : se / p, z, lower, upper, j); // survfit_confint(logse = FALSE)
      }
      curves.push(
        Object.freeze({
          group: g,
          cause: causes[k],
          time: frozen(fit.time),
          nRisk: frozen(fit.nRisk),
          nEvent: frozen(fit.nEvent[k]),
          incidence: frozen(fit.incidence[k]),
          stdErr: frozen(fit.stdErr[k]),
          lower: frozen(lower),
          upper: frozen(upper),
        }),
      );
    }
  });

  const compared = group !== null && group.levels.length > 1;
  const tests = !compared ? null : entry ? Object.freeze([]) : grayTests(time, cause, K, causes, group, strata, rho);
  const grayText = !compared
    ? ""
    : entry
      ? "; delayed entry: Gray's test not computed (it is not defined for left-truncated data)"
      : `; Gray's test per cause (cmprsk cuminc, rho = ${rho}${strata ? ", stratified" : ""})`;
  return Object.freeze({
    causes: Object.freeze(causes.slice()),
    groups: group ? Object.freeze(group.levels.slice()) : null,
    curves: Object.freeze(curves),
    tests,
    confType,
    confLevel,
    rho,
    method:
      `Aalen-Johansen cumulative incidence (R survfit, multi-state${entry ? ", delayed entry" : ""}), infinitesimal-jackknife standard errors, ` +
      `${confType} ${Number((confLevel * 100).toPrecision(12))}% limits${grayText}`,
  });
}

function grayTests(
  time: Float64Array,
  cause: Int32Array,
  K: number,
  causes: Label[],
  group: Coded,
  strata: Coded | null,
  rho: number,
): readonly GrayTest[] {
  const n = time.length;
  const k = group.levels.length;
  const order = sortOrder(time);
  const sorted = pick(time, order, new Float64Array(n));
  const tieSorted = tieGroups(sorted, true);
  const tie = new Int32Array(n);
  for (let r = 0; r < n; r++) tie[order[r]] = tieSorted[r];
  const nStrata = strata ? strata.levels.length : 1;
  const byStratum: number[][] = Array.from({ length: nStrata }, () => []);
  for (const i of order) byStratum[strata ? strata.codes[i] : 0].push(i);
  const strataRows = byStratum.map((rows) => Int32Array.from(rows));
  const status = new Int32Array(n);
  const out: GrayTest[] = [];
  for (let c = 1; c <= K; c++) {
    for (let i = 0; i < n; i++) status[i] = cause[i] === 0 ? 0 : cause[i] === c ? 1 : 2;
    const { score, variance } = grayScores(status, group.codes, k, strataRows, tie, rho);
    const v = Array.from({ length: k - 1 }, (_, i) => Array.from(variance.subarray(i * (k - 1), (i + 1) * (k - 1))));
    const { value, rank } = quadraticForm(score, v);
    const full = rank === k - 1;
    out.push(
      Object.freeze({
        cause: causes[c - 1],
        statistic: full ? value : null,
        df: k - 1,
        pValue: full ? chiSquareUpper(value, k - 1) : null,
      }),
    );
  }
  return Object.freeze(out);
}

function rowsOf(coded: Coded, level: number): number[] {
  const rows: number[] = [];
  for (let i = 0; i < coded.codes.length; i++) if (coded.codes[i] === level) rows.push(i);
  return rows;
}

const frozen = (x: ArrayLike<number>) => Object.freeze(Array.from(x));

/** out[r] = x[rows[r]] (a loop: typed-array from() with a map function boxes every value). */
function pick<T extends Float64Array | Int32Array>(x: ArrayLike<number>, rows: ArrayLike<number>, out: T): T {
  for (let r = 0; r < rows.length; r++) out[r] = x[rows[r]];
  return out;
}

function checkLabel(name: string, x: unknown): Label {
  if ((typeof x === "number" && !Number.isNaN(x)) || typeof x === "string") return x;
  throw new SurvivalInputError(`${name} is ${show(x)}: it must be a number or a string (a cause label)`, name, undefined, x);
}

function checkRho(x: unknown): number {
  if (typeof x !== "number" || !Number.isFinite(x) || x < 0) {
    throw new SurvivalInputError(`rho is ${show(x)}: it must be a finite number >= 0`, "rho", undefined, x);
  }
  return x;
}
