/**
 * The explorer in the browser: fills in the section explorerPage.ts writes (the patient table,
 * the result tables, the figure) and recomputes everything on every change, with the library
 * (explorerResults), the same tables as text (explorerTables) and the same figure (explorerFigure)
 * that the tests compute in Node. Plain DOM, no framework: one state object (the cells as typed,
 * per endpoint), one update() that recomputes and redraws, and event delegation on the form and
 * the table.
 *
 * A bad cell or choice throws the library's SurvivalInputError: its message is shown beside the
 * cell (or control) at fault, and the last good results stay on screen, dimmed. A test the table
 * cannot support is shown in place by the tables (explorerResults).
 *
 * For tests and the curious, `window.explorer` holds the last results, the timings of each change
 * and the CSV of the table. Bundled by explorerBundle.ts; type-checked with the DOM types by this
 * folder's tsconfig.json (the rest of src/ is checked without them).
 */
import { SurvivalInputError } from "../../../survival/errors.js";
import type { Claim } from "../../../study/claims/claims.js";
import type { EndpointName } from "../../../study/data/loadEndpoint.js";
import { explorerResults, type ExplorerChoices, type ExplorerResults, type LogRankChoice } from "../explorerResults.js";
import { explorerTables, type ExplorerTable } from "../explorerTables.js";
import { explorerFigure } from "../explorerFigure.js";
import { CSV_COLUMNS, explorerCsv, rowValues, cellValue, type CsvColumn } from "../explorerCsv.js";
import type { ExplorerData } from "../explorerPage.js";

declare const Plotly: {
  react(div: HTMLElement, data: unknown, layout: unknown, config: unknown): Promise<unknown>;
};

type Cells = { [K in CsvColumn]: string[] };

interface Timing {
  /** explorerResults + explorerTables + explorerFigure, ms. */
  readonly compute: number;
  /** Writing the tables and, when the figure changed, Plotly.react, ms. */
  readonly draw: number;
}

interface ExplorerHandle {
  /** The results on screen (of the last valid table and choices). */
  results(): ExplorerResults | null;
  /** One entry per recomputation, in order. */
  readonly timings: Timing[];
  /** The current table as CSV (throws for a table with a bad cell). */
  csv(): string;
}

declare global {
  interface Window {
    explorer: ExplorerHandle;
  }
}

const $ = <T extends HTMLElement>(id: string) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the explorer's page has no #${id}`);
  return el as T;
};

function start(): void {
  const data = JSON.parse($("explorer-data").textContent ?? "") as ExplorerData;
  const claims = data.claims as Claim[];
  const paper = (e: EndpointName): Cells => {
    const r = data.rows[e];
    return { group: r.group.map(String), status: r.status.map(String), months: r.months.map(String) };
  };
  const cells: Record<EndpointName, Cells> = { recurrence: paper("recurrence"), lung_metastasis: paper("lung_metastasis") };
  const form = $<HTMLFormElement>("explorer-controls");
  const body = $<HTMLTableElement>("explorer-patients").tBodies[0];
  const status = $("explorer-status");
  const results = $("explorer-results");
  const figure = $("explorer-figure");
  const tableError = $("explorer-error-table");
  const controlError = $("explorer-error-confLevel");
  const download = $<HTMLButtonElement>("explorer-download");
  let last: ExplorerResults | null = null;
  let drawn = ""; // the figure on screen, as JSON: redrawn only when it changes
  let valid = false;
  const timings: Timing[] = [];

  const endpoint = (): EndpointName => (form.elements.namedItem("endpoint") as RadioNodeList).value as EndpointName;
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
  const choices = (): ExplorerChoices => ({
    inclusive: (form.elements.namedItem("cutoff") as RadioNodeList).value === "inclusive",
    correction: (form.elements.namedItem("correction") as RadioNodeList).value === "yates",
    weight: field("weight").value as LogRankChoice,
    confType: field("confType").value as ExplorerChoices["confType"],
    confLevel: cellValue(field("confLevel").value) as number, // the library refuses anything but a number in (0, 1)
  });

  function input(row: number, column: CsvColumn, value: string): HTMLInputElement {
    const el = document.createElement("input");
    el.type = "text";
    el.value = value;
    el.inputMode = column === "months" ? "decimal" : "numeric";
    el.autocomplete = "off";
    el.spellcheck = false;
    el.dataset.row = String(row);
    el.dataset.column = column;
    el.setAttribute("aria-label", `Patient ${row + 1}, ${column}`);
    return el;
  }

  /** The patient table of the endpoint shown, from the state. */
  function drawPatients(): void {
    const c = cells[endpoint()];
    const rows = c.group.map((_, i) => {
      const tr = document.createElement("tr");
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = String(i + 1);
      tr.append(th);
      for (const column of CSV_COLUMNS) {
        const td = document.createElement("td");
        td.append(input(i, column, c[column][i]));
        tr.append(td);
      }
      const td = document.createElement("td");
      const remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = "✕";
      remove.dataset.remove = String(i);
      remove.setAttribute("aria-label", `Remove patient ${i + 1}`);
      td.append(remove);
      tr.append(td);
      return tr;
    });
    body.replaceChildren(...rows);
  }

  function clearErrors(): void {
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('#explorer [aria-invalid="true"]'))) {
      el.removeAttribute("aria-invalid");
      el.removeAttribute("aria-describedby");
    }
    field("confLevel").setAttribute("aria-describedby", "explorer-error-confLevel");
    for (const tr of Array.from(body.querySelectorAll("tr.ex-error-row"))) tr.remove();
    tableError.textContent = "";
    controlError.textContent = "";
  }

  /** The library's message beside what it names: a cell, the CI level, or the table. */
  function showError(e: SurvivalInputError): void {
    const column = CSV_COLUMNS.find((c) => c === e.argument);
    let where: string;
    if (column !== undefined && e.index !== undefined) {
      const cell = body.querySelector<HTMLInputElement>(`input[data-row="${e.index}"][data-column="${column}"]`);
      const tr = document.createElement("tr");
      tr.className = "ex-error-row";
      const td = document.createElement("td");
      td.colSpan = 5;
      td.className = "ex-cell-error ex-error";
      td.id = "explorer-error-cell";
      td.textContent = `Patient ${e.index + 1}: ${e.message}`;
      tr.append(td);
      cell?.closest("tr")?.after(tr);
      cell?.setAttribute("aria-invalid", "true");
      cell?.setAttribute("aria-describedby", td.id);
      where = `patient ${e.index + 1}'s ${column}`;
    } else if (e.argument === "confLevel") {
      controlError.textContent = e.message;
      field("confLevel").setAttribute("aria-invalid", "true");
      where = "the CI level";
    } else {
      tableError.textContent = e.message;
      where = "the table";
    }
    status.textContent = `Not recomputed: ${where} (${e.message}). The results below are those of the last valid table.`;
    status.classList.add("ex-bad");
    results.classList.add("ex-stale");
  }

  /** A result table: its caption above a scrolling box (so that it stays in view on a phone), cells as text. */
  function drawTable(t: ExplorerTable): HTMLElement {
    const block = document.createElement("div");
    const caption = document.createElement("p");
    caption.className = "ex-caption";
    caption.id = `explorer-caption-${t.id}`;
    caption.textContent = t.caption;
    const wrap = document.createElement("div");
    wrap.className = "ex-table-wrap";
    const table = document.createElement("table");
    table.id = `explorer-table-${t.id}`;
    table.setAttribute("aria-labelledby", caption.id);
    const head = table.createTHead().insertRow();
    for (const h of t.head) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = h;
      head.append(th);
    }
    const tbody = table.createTBody();
    t.rows.forEach((row, i) => {
      const tr = tbody.insertRow();
      if (t.chosen.includes(i)) tr.className = "ex-chosen";
      row.forEach((text, j) => {
        const td = tr.insertCell();
        td.textContent = text;
        td.dataset.label = t.head[j];
        if (t.numeric.includes(j)) td.className = "ex-num";
        if (t.id === "claims" && j === 3) td.className = `ex-verdict ${text === "reproduced" ? "ex-verdict-yes" : "ex-verdict-no"}`;
      });
    });
    wrap.append(table);
    block.append(caption, wrap);
    return block;
  }

  /** A phone's width: the figure's compact layout. */
  const compact = () => figure.clientWidth < 600;

  function update(): void {
    clearErrors();
    const e = endpoint();
    const t0 = performance.now();
    let r: ExplorerResults;
    try {
      r = explorerResults(e, rowValues(cells[e]), choices(), claims);
    } catch (error) {
      if (!(error instanceof SurvivalInputError)) throw error;
      valid = false;
      download.disabled = true;
      showError(error);
      return;
    }
    const tables = explorerTables(r);
    const fig = explorerFigure(r, { compact: compact() });
    const t1 = performance.now();
    $("explorer-claims").replaceChildren(drawTable(tables[0]));
    $("explorer-tables").replaceChildren(...tables.slice(1).map(drawTable));
    const json = JSON.stringify(fig);
    if (json !== drawn) {
      void Plotly.react(figure, fig.data, fig.layout, fig.config);
      drawn = json;
    }
    const t2 = performance.now();
    last = r;
    valid = true;
    download.disabled = false;
    timings.push({ compute: t1 - t0, draw: t2 - t1 });
    results.classList.remove("ex-stale");
    status.classList.remove("ex-bad");
    const reproduced = r.claims.filter((c) => c.verdict === "reproduced").length;
    // The times go to window.explorer.timings, not on screen: the page (and its screenshot) stays the same run to run.
    status.textContent = `${reproduced} of the ${r.claims.length} claims on this endpoint reproduce under these choices.`;
  }

  form.addEventListener("input", (event) => {
    if ((event.target as HTMLInputElement).name === "endpoint") drawPatients();
    update();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  body.addEventListener("input", (event) => {
    const el = event.target as HTMLInputElement;
    const row = Number(el.dataset.row);
    const column = el.dataset.column as CsvColumn;
    cells[endpoint()][column][row] = el.value;
    update();
  });
  body.addEventListener("click", (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>("button[data-remove]");
    if (!button) return;
    const i = Number(button.dataset.remove);
    const c = cells[endpoint()];
    for (const column of CSV_COLUMNS) c[column].splice(i, 1);
    drawPatients();
    update();
    const next = body.querySelectorAll<HTMLButtonElement>("button[data-remove]");
    (next[Math.min(i, next.length - 1)] ?? $("explorer-add")).focus();
  });
  $("explorer-add").addEventListener("click", () => {
    const c = cells[endpoint()];
    c.group.push("1");
    c.status.push("0");
    c.months.push("");
    drawPatients();
    update();
    body.querySelector<HTMLInputElement>(`input[data-row="${c.group.length - 1}"][data-column="months"]`)?.focus();
  });
  $("explorer-reset").addEventListener("click", () => {
    cells[endpoint()] = paper(endpoint());
    drawPatients();
    update();
  });
  download.addEventListener("click", () => {
    if (!valid) return;
    const blob = new Blob([explorerCsv(cells[endpoint()])], { type: "text/csv" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `${endpoint()}-edited.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 0);
  });

  let wasCompact = compact();
  window.addEventListener("resize", () => {
    if (compact() !== wasCompact && valid) update();
    wasCompact = compact();
  });

  window.explorer = { results: () => last, timings, csv: () => explorerCsv(cells[endpoint()]) };
  drawPatients();
  update();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
