/**
 * The explorer's result tables as text, cell by cell: what the page shows is exactly this, so a
 * test can compute the same tables in Node and compare them with the page's. Numbers are
 * rounded for reading only (statistics to 3 decimals, p-values and estimates to 4 significant
 * digits); "not reached" where a median or its limit is not estimable (null), "-" where a test
 * has no such number.
 *
 * @example
 * const tables = explorerTables(explorerResults("recurrence", loadEndpoint("recurrence"), DEFAULT_CHOICES, loadClaims()));
 * tables.find((t) => t.id === "logrank")!.rows[0].slice(0, 4);   // => ["Log-rank (Mantel-Cox) (chosen)", "8.627", "1", "0.003311"]
 */
import { CUTOFF, type ExplorerResults, type ExplorerTest } from "./explorerResults.js";

export interface ExplorerTable {
  /** The table's id within the explorer: claims, arms, logrank, cox, oneyear, oneyear-tests. */
  readonly id: string;
  readonly caption: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Rows of the chosen test (marked "(chosen)" in their first cell too). */
  readonly chosen: readonly number[];
  /** Columns of numbers (aligned right). */
  readonly numeric: readonly number[];
}

const DASH = "-";

/** 4 significant digits (exponent notation below 1e-4); "-" for null. */
export function sig4(x: number | null): string {
  if (x === null || Number.isNaN(x)) return DASH;
  if (x === 0 || !Number.isFinite(x)) return String(x);
  return Math.abs(x) < 1e-4 ? x.toExponential(2) : String(Number(x.toPrecision(4)));
}

/** A statistic to 3 decimals, as the paper and the figures print them; "-" for null. */
export function fixed3(x: number | null): string {
  return x === null ? DASH : x.toFixed(3);
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
const notReached = (x: number | null) => (x === null ? "not reached" : sig4(x));
const level = (r: ExplorerResults) => `${Number((100 * r.choices.confLevel).toPrecision(6))}%`;
const named = (t: { label: string; error: string | null }, chosen: boolean) =>
  `${t.label}${chosen ? " (chosen)" : ""}${t.error === null ? "" : `: not computed (${t.error})`}`;

function testRow(t: ExplorerTest, chosen: boolean): string[] {
  return [named(t, chosen), fixed3(t.statistic), t.df === null ? DASH : String(t.df), sig4(t.pValue)];
}

function freeze(t: ExplorerTable): ExplorerTable {
  return Object.freeze({ ...t, head: Object.freeze([...t.head]), rows: Object.freeze(t.rows.map((r) => Object.freeze([...r]))), chosen: Object.freeze([...t.chosen]), numeric: Object.freeze([...t.numeric]) });
}

/**
 * @param r  the explorer's results
 * @returns  the tables, frozen, in the order the page shows them
 */
export function explorerTables(r: ExplorerResults): readonly ExplorerTable[] {
  const within = r.oneYear.inclusive ? `<= ${CUTOFF}` : `< ${CUTOFF}`;
  const claims: ExplorerTable = {
    id: "claims",
    caption: "The paper's claims on this endpoint, judged under the choices above (its printed digits, its p comparison, its direction)",
    head: ["Claim", "The paper prints", "This page computes", "Verdict", "Why"],
    rows: r.claims.map((c) => [
      c.label,
      c.printed,
      [c.shown, c.pValue === null ? null : `p = ${sig4(c.pValue)}`].filter((s) => s !== null).join("; ") || DASH,
      c.verdict,
      c.reasons.join("; "),
    ]),
    chosen: [],
    numeric: [],
  };
  const arms: ExplorerTable = {
    id: "arms",
    caption: `Kaplan-Meier per arm: median months with its ${level(r)} CI (${r.choices.confType} transform), and S(${CUTOFF})`,
    head: ["Arm", "Patients", "Events", "Median", `Lower ${level(r)}`, `Upper ${level(r)}`, `S(${CUTOFF})`],
    rows: r.arms.map((a) => [
      `group ${a.group}: ${a.label}`,
      String(a.n),
      String(a.events),
      notReached(a.median.estimate),
      notReached(a.median.lower),
      notReached(a.median.upper),
      sig4(a.survivalAtCutoff),
    ]),
    chosen: [],
    numeric: [1, 2, 3, 4, 5, 6],
  };
  const logRank: ExplorerTable = {
    id: "logrank",
    caption: "Tests of equal curves: the log-rank family (the chosen weight is drawn on the figure and judged against the paper)",
    head: ["Test", "χ²", "df", "p", "Observed (group 1, 2)", "Expected (group 1, 2)"],
    rows: r.logRank.map((t) => [
      ...testRow(t, t.chosen),
      t.observed ? t.observed.map(sig4).join(", ") : DASH,
      t.expected ? t.expected.map(sig4).join(", ") : DASH,
    ]),
    chosen: r.logRank.flatMap((t, i) => (t.chosen ? [i] : [])),
    numeric: [1, 2, 3, 4, 5],
  };
  const cox: ExplorerTable = {
    id: "cox",
    caption: `Hazard ratio of ${r.arms[0].label.toLowerCase()} against ${r.arms[1].label.toLowerCase()} (Cox model, Efron ties), ${level(r)} CI`,
    head: ["Hazard ratio", `Lower ${level(r)}`, `Upper ${level(r)}`, "Wald p", "Note"],
    rows: [
      [
        sig4(r.cox.hazardRatio),
        sig4(r.cox.lower),
        sig4(r.cox.upper),
        sig4(r.cox.pValue),
        r.cox.error !== null ? `not computed (${r.cox.error})` : r.cox.warnings.join("; ") || DASH,
      ],
    ],
    chosen: [],
    numeric: [0, 1, 2, 3],
  };
  const oneYear: ExplorerTable = {
    id: "oneyear",
    caption: `Events within ${CUTOFF} months (${r.oneYear.inclusive ? "inclusive" : "exclusive"}: an event counts when months ${within}; censored patients count as no event)`,
    head: ["Arm", "Event within", "No event within", "Rate", `Kaplan-Meier 1 - S(${CUTOFF})`, `Censored before ${CUTOFF}`],
    rows: r.arms.map((a, i) => [
      `group ${a.group}: ${a.label}`,
      String(r.oneYear.table[i][0]),
      String(r.oneYear.table[i][1]),
      percent(r.oneYear.rate[i]),
      percent(1 - a.survivalAtCutoff),
      String(r.oneYear.censoredBefore[i]),
    ]),
    chosen: [],
    numeric: [1, 2, 3, 4, 5],
  };
  const f = r.oneYear.fisher;
  const oneYearTests: ExplorerTable = {
    id: "oneyear-tests",
    caption: "Tests on the 1-year table (the chosen chi-square is judged against the paper)",
    head: ["Test", "χ²", "df", "p", "Odds ratio (95% CI)"],
    rows: [
      ...r.oneYear.tests.map((t) => [...testRow(t, t.chosen), DASH]),
      [
        named({ label: "Fisher's exact test (two-sided)", error: f.error }, false),
        DASH,
        DASH,
        sig4(f.pValue),
        f.error === null ? `${sig4(f.oddsRatio)} (${sig4(f.lower)} to ${sig4(f.upper)})` : DASH,
      ],
    ],
    chosen: r.oneYear.tests.flatMap((t, i) => (t.chosen ? [i] : [])),
    numeric: [1, 2, 3, 4],
  };
  return Object.freeze([claims, arms, logRank, cox, oneYear, oneYearTests].map(freeze));
}
