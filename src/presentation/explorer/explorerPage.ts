/**
 * The explorer as HTML: a section for the report (buildReport's `explorer` option) and a page of
 * its own (build/report/explore.html). The section is plain HTML (labelled form controls, the
 * "try this" tasks, empty places for the tables and the figure), the paper's rows and claims as
 * JSON, and the bundled script (explorerBundle) that fills it in and recomputes on every change;
 * plotly.js draws the figure. Everything is inline: the page loads nothing from the network.
 *
 * Links: `#explorer` (the section), `#explorer-try` (the tasks), `#explorer-try-cutoff`,
 * `#explorer-try-censor`, `#explorer-try-lung` (one task each), in the report (index.html) and in
 * explore.html alike.
 *
 * @example
 * writeFileSync("build/report/explore.html", explorerPage());
 * buildReport(notebooks, { explorer: explorerSection() });
 */
import { loadClaims } from "../../study/claims/claims.js";
import { ENDPOINTS, loadEndpoint } from "../../study/data/loadEndpoint.js";
import { CONF_TYPES } from "../../survival/km/confint.js";
import { plotlySource } from "../figures/plotlySource.js";
import { escapeHtml } from "../report/markdown.js";
import { explorerBundle } from "./explorerBundle.js";
import { CUTOFF, DEFAULT_CHOICES, LOG_RANK_CHOICES } from "./explorerResults.js";

/** The explorer for a page: its HTML (to place in the body), its CSS, and its script (to run after plotly.js). */
export interface ExplorerSection {
  readonly html: string;
  readonly style: string;
  readonly script: string;
}

/** What the page's script reads from `#explorer-data`. */
export interface ExplorerData {
  /** The paper's rows of each endpoint, as in data/*.csv. */
  readonly rows: Record<string, { readonly group: readonly number[]; readonly status: readonly number[]; readonly months: readonly number[] }>;
  /** The paper's claims with a check (data/claims.json). */
  readonly claims: readonly unknown[];
}

/** The paper's rows and claims, read from data/ (loadEndpoint, loadClaims). */
export function explorerData(): ExplorerData {
  const rows: ExplorerData["rows"] = {};
  for (const name of ENDPOINTS) {
    const e = loadEndpoint(name);
    rows[name] = { group: e.group, status: e.status, months: e.months };
  }
  return { rows, claims: loadClaims().filter((c) => c.check.kind !== "none") };
}

/** JSON inside a <script> element: "<" escaped so that no "</script" can end it early. */
const scriptJson = (x: unknown) => JSON.stringify(x).replace(/</g, "\\u003c");
/** A script's text may not contain "</script". */
const scriptSafe = (js: string) => js.replace(/<\/script/gi, "<\\/script");

const radio = (name: string, value: string, label: string, checked: boolean) =>
  `<label class="ex-choice"><input type="radio" name="${name}" value="${value}"${checked ? " checked" : ""}> ${label}</label>`;

function controlsHtml(): string {
  const weights = LOG_RANK_CHOICES.map(
    (w) => `<option value="${w.key}"${w.key === DEFAULT_CHOICES.weight ? " selected" : ""}>${escapeHtml(w.label)}</option>`,
  ).join("");
  const confTypes = CONF_TYPES.map((t) => `<option value="${t}"${t === DEFAULT_CHOICES.confType ? " selected" : ""}>${t}</option>`).join("");
  return `<form id="explorer-controls" class="ex-controls" novalidate>
<fieldset>
<legend>Data</legend>
${radio("endpoint", "recurrence", "Recurrence (Table 1)", true)}
${radio("endpoint", "lung_metastasis", "Lung metastasis (Table 2)", false)}
</fieldset>
<fieldset>
<legend>The 1-year table</legend>
${radio("cutoff", "inclusive", `An event at exactly ${CUTOFF} months counts within the year (months &le; ${CUTOFF})`, DEFAULT_CHOICES.inclusive)}
${radio("cutoff", "exclusive", `It does not (months &lt; ${CUTOFF})`, !DEFAULT_CHOICES.inclusive)}
${radio("correction", "pearson", "Pearson's &chi;&sup2; (no correction)", !DEFAULT_CHOICES.correction)}
${radio("correction", "yates", "Yates' continuity correction", DEFAULT_CHOICES.correction)}
</fieldset>
<fieldset>
<legend>The curves</legend>
<label class="ex-field">Test of equal curves <select name="weight">${weights}</select></label>
<label class="ex-field">CI transform <select name="confType">${confTypes}</select></label>
<label class="ex-field">CI level <input name="confLevel" type="text" inputmode="decimal" value="${DEFAULT_CHOICES.confLevel}" size="5" aria-describedby="explorer-error-confLevel"></label>
<span class="ex-error" id="explorer-error-confLevel"></span>
</fieldset>
</form>`;
}

const TASKS = [
  {
    id: "cutoff",
    title: "Count an event at exactly 12 months outside the year",
    todo: "With <em>Recurrence</em> shown, choose <em>It does not (months &lt; 12)</em> under <em>The 1-year table</em>.",
    see:
      "Patient 5 (group 1) recurred at exactly 12 months. Counted outside the year, group 1 has 9 recurrences within the " +
      "year, not 10: the paper's 10 (43.5%) and its &chi;&sup2; = 3.81 no longer reproduce (Pearson gives 4.885), and p " +
      "falls below 0.05, so the abstract's &ldquo;recurrence fell significantly within 1 year&rdquo;, which the paper's " +
      "own 3.81 (p &gt; 0.05) contradicts, now holds. One unstated rule decides both claims; the paper's counts say it " +
      "used &le; 12. Then try <em>Yates' continuity correction</em>: 2.639, not 3.81 either.",
  },
  {
    id: "censor",
    title: "Censor patient 7 and watch the curve",
    todo: "With <em>Recurrence</em> shown, change patient 7's status (group 1, 17 months) from 1 to 0 in the patient table.",
    see:
      "Group 1's curve drops less at 17 months (one recurrence there instead of two) and stays higher after it " +
      "(S = 0.325 instead of 0.271), a + marks the newly censored patient, and the numbers-at-risk table counts one more " +
      "censored. Yet the log-rank &chi;&sup2; stays exactly 8.627 and the hazard ratio does not move: at 17 months nobody " +
      "in group 2 is still at risk, so an event there says nothing about the difference between the arms (group 1's " +
      "observed and expected events both fall by one).",
  },
  {
    id: "lung",
    title: "Look for the paper's 4.62",
    todo: "Choose <em>Lung metastasis</em>, then try both cut-off rules, with and without Yates' correction.",
    see:
      "The paper's 1-year &chi;&sup2; = 4.62 for lung metastasis reproduces under no combination: Pearson gives 5.171 " +
      "(&le; 12) or 6.624 (&lt; 12), Yates 3.776 or 5.013, and the likelihood-ratio G and Fisher's test are in the table " +
      "below. And with Yates' correction on the paper's own counts p = 0.052: the abstract's &ldquo;lung metastasis fell " +
      "significantly within 1 year&rdquo; depends on the test.",
  },
];

function tasksHtml(): string {
  const items = TASKS.map(
    (t) => `<li id="explorer-try-${t.id}">
<p><strong>${t.title}.</strong> ${t.todo}</p>
<details><summary>What you should see</summary><p>${t.see}</p></details>
</li>`,
  ).join("\n");
  return `<h2 id="explorer-try">Try this</h2>\n<ol class="ex-tasks">\n${items}\n</ol>`;
}

/**
 * The explorer section: HTML, CSS and script (see the module comment).
 *
 * @param options  `data`: the rows and claims to start from (default explorerData(), from data/);
 *                 `standalone`: a link to the report instead of to explore.html
 * @returns        the section's html, style and script
 * @throws Error   when the script does not bundle (explorerBundle), DataFileError when data/ is bad
 */
export function explorerSection(options: { data?: ExplorerData; standalone?: boolean } = {}): ExplorerSection {
  const data = options.data ?? explorerData();
  const other = options.standalone
    ? `It is also part of the <a href="index.html#explorer">reproduction report</a>, beside the notebooks.`
    : `It is also a <a href="explore.html">page of its own</a>.`;
  const html = `<section id="explorer" class="explorer" aria-labelledby="explorer-title">
<h1 id="explorer-title">Explore: change the analysis</h1>
<p>Every number in this section is computed in your browser by the project's own survival library, the code the
notebooks run, bundled into this page (nothing is sent anywhere). Edit the patients or change the choices the paper leaves
open, and see which of the paper's claims still reproduce: a claim is <em>reproduced</em> when the recomputed number rounds
to the digits the paper printed, its p satisfies the comparison the paper states, and the stated direction holds. ${other}</p>
<noscript><p class="ex-error">The explorer needs JavaScript.</p></noscript>
${tasksHtml()}
<h2 id="explorer-choices">The analysis</h2>
${controlsHtml()}
<p id="explorer-status" class="ex-status" role="status" aria-live="polite"></p>
<div class="ex-grid">
<div class="ex-editor">
<h3 id="explorer-patients-title">Patients</h3>
<p class="ex-help">One row per patient, in the paper's order: group (1 = anlotinib + chemotherapy, 2 = chemotherapy alone),
status (1 = event, 0 = censored) and months. Every change is recomputed at once.</p>
<div class="ex-buttons">
<button type="button" id="explorer-add">Add a row</button>
<button type="button" id="explorer-reset">Reset to the paper's rows</button>
<button type="button" id="explorer-download">Download as CSV</button>
</div>
<p id="explorer-error-table" class="ex-error" role="alert"></p>
<div class="ex-scroll" tabindex="0" role="group" aria-labelledby="explorer-patients-title">
<table id="explorer-patients" class="ex-patients">
<thead><tr><th scope="col">#</th><th scope="col">group</th><th scope="col">status</th><th scope="col">months</th><th scope="col"><span class="ex-hidden">Remove</span></th></tr></thead>
<tbody></tbody>
</table>
</div>
<p class="ex-help">The CSV has the paper's columns (group,status,months): save it in the project folder and set
<code>file</code> to its name in <code>notebooks/teaching/11-your-own-data.ipynb</code>, which reads it with
<code>loadSurvivalCsv</code> and runs the whole analysis on it.</p>
</div>
<div class="ex-results" id="explorer-results">
<div id="explorer-claims"></div>
<div id="explorer-figure" class="ex-figure" role="img" aria-label="Kaplan-Meier curves of the two arms, with confidence bands, censoring marks and the numbers at risk"></div>
<div id="explorer-tables"></div>
</div>
</div>
<script type="application/json" id="explorer-data">${scriptJson(data)}</script>
</section>`;
  return { html, style: STYLE, script: scriptSafe(explorerBundle()) };
}

/**
 * The explorer as a page of its own: the section, plotly.js and the script, offline.
 *
 * @param options  `plotlyJs` replaces the inlined plotly.js (tests pass a stub); `data` as explorerSection
 * @returns        the HTML document
 */
export function explorerPage(options: { plotlyJs?: string; data?: ExplorerData } = {}): string {
  const s = explorerSection({ data: options.data, standalone: true });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Explore: change the analysis (Ge &amp; Yue 2020, anlotinib in soft-tissue sarcoma)</title>
<style>${PAGE_STYLE}${s.style}</style>
</head>
<body>
<main>
${s.html}
</main>
<script>${scriptSafe(options.plotlyJs ?? plotlySource())}</script>
<script>${s.script}</script>
</body>
</html>
`;
}

/** The standalone page's own base (the report has its own). */
const PAGE_STYLE = `
* { box-sizing: border-box; }
body { margin: 0; color: #1f2328; font: 16px/1.55 -apple-system, "Segoe UI", "Liberation Sans", Arial, sans-serif; }
main { max-width: 1240px; margin: 0 auto; padding: 0 1rem 2rem; }
a { color: #0072B2; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.86rem; background: #f6f8fa; padding: 0.1rem 0.3rem; border-radius: 4px; }
`;

/** The explorer's look, scoped to its section so that it reads the same in the report and alone. */
const STYLE = `
.explorer { padding: 1rem 0 2rem; }
.explorer h1 { font-size: 1.8rem; margin: 1.5rem 0 0.5rem; }
.explorer h2 { font-size: 1.3rem; margin: 1.4rem 0 0.5rem; border-bottom: 1px solid #d1d9e0; padding-bottom: 0.2rem; }
.explorer h3 { font-size: 1.1rem; margin: 0.2rem 0 0.4rem; }
.explorer .ex-tasks li { margin-bottom: 0.4rem; }
.explorer .ex-tasks p { margin: 0.2rem 0; }
.explorer details summary { cursor: pointer; color: #0072B2; }
.explorer .ex-controls { display: flex; flex-wrap: wrap; gap: 0.6rem; }
.explorer fieldset { flex: 1 1 16rem; border: 1px solid #d1d9e0; border-radius: 6px; margin: 0; padding: 0.3rem 0.8rem 0.6rem; }
.explorer legend { font-weight: 600; padding: 0 0.3rem; }
.explorer .ex-choice, .explorer .ex-field { display: block; margin: 0.25rem 0; }
.explorer select, .explorer input, .explorer button { font: inherit; font-size: 0.95rem; }
.explorer select, .explorer input[type="text"] { padding: 0.15rem 0.3rem; border: 1px solid #8c959f; border-radius: 4px; background: #fff; max-width: 100%; }
.explorer button { padding: 0.25rem 0.7rem; border: 1px solid #8c959f; border-radius: 6px; background: #f6f8fa; cursor: pointer; }
.explorer button:disabled { cursor: not-allowed; color: #8c959f; }
.explorer :focus-visible { outline: 3px solid #E69F00; outline-offset: 1px; }
.explorer .ex-status { margin: 0.6rem 0; min-height: 1.5em; color: #59636e; font-size: 0.9rem; }
.explorer .ex-status.ex-bad { color: #8a1f11; font-weight: 600; }
.explorer .ex-error { color: #8a1f11; font-size: 0.85rem; }
.explorer .ex-error:empty { display: none; }
.explorer [aria-invalid="true"] { border: 2px solid #c62828 !important; background: #fff0f0 !important; }
.explorer .ex-grid { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; }
@media (min-width: 1100px) {
  .explorer .ex-grid { grid-template-columns: 19rem minmax(0, 1fr); }
  .explorer .ex-editor { position: sticky; top: 3.5rem; align-self: start; }
  .explorer .ex-scroll { max-height: calc(100vh - 18rem); }
}
.explorer .ex-help { font-size: 0.85rem; color: #59636e; margin: 0.3rem 0; }
.explorer .ex-buttons { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0.4rem 0; }
.explorer .ex-scroll { max-height: 24rem; overflow: auto; border: 1px solid #d1d9e0; border-radius: 6px; }
.explorer table { display: table; border-collapse: collapse; font-size: 0.88rem; margin: 0; }
.explorer th, .explorer td { border: 1px solid #d1d9e0; padding: 0.2rem 0.45rem; text-align: left; vertical-align: top; }
.explorer th { background: #f6f8fa; font-weight: 600; }
.explorer .ex-patients { width: 100%; display: table; }
.explorer .ex-patients thead th { position: sticky; top: 0; z-index: 1; }
.explorer .ex-patients td { padding: 0.1rem 0.2rem; }
.explorer .ex-patients input { width: 4.2rem; }
.explorer .ex-patients td.ex-cell-error { padding: 0.2rem 0.4rem; background: #fff0f0; }
.explorer .ex-results { min-width: 0; }
.explorer .ex-results.ex-stale { opacity: 0.55; }
.explorer .ex-table-wrap { overflow-x: auto; margin: 0 0 1rem; }
.explorer .ex-table-wrap table { width: 100%; }
.explorer .ex-caption { font-size: 0.9rem; color: #59636e; margin: 0 0 0.2rem; }
.explorer td.ex-num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.explorer tr.ex-chosen td, .explorer tr.ex-chosen th { background: #e8f1f8; font-weight: 600; }
.explorer .ex-verdict { font-weight: 600; white-space: nowrap; }
.explorer .ex-verdict-yes { color: #006b4f; }
.explorer .ex-verdict-no { color: #a13a00; }
.explorer .ex-figure { width: 100%; min-height: 420px; margin: 0 0 1rem; }
.explorer .ex-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 700px) {
  .explorer th, .explorer td { padding: 0.15rem 0.3rem; }
  .explorer table { font-size: 0.8rem; }
  /* The claims as cards: each row a block, each cell labelled with its column. */
  .explorer #explorer-table-claims thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .explorer #explorer-table-claims, .explorer #explorer-table-claims tbody, .explorer #explorer-table-claims tr,
  .explorer #explorer-table-claims td { display: block; width: 100%; }
  .explorer #explorer-table-claims tr { border: 1px solid #d1d9e0; border-radius: 6px; margin: 0 0 0.5rem; padding: 0.2rem 0; }
  .explorer #explorer-table-claims td { border: none; text-align: left; white-space: normal; padding: 0.1rem 0.5rem; }
  .explorer #explorer-table-claims td::before { content: attr(data-label) ": "; font-weight: 600; color: #59636e; }
}
`;
