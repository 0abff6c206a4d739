// The explorer in a real browser: the system Chromium (apt-get install -y chromium) driven by
// playwright-core, the page loaded from disk with the network cut off. Every change a reader can
// make (edit a row, add and remove rows, reset, each control, the keyboard) is made, and after
// each the page's numbers must be the library's in Node: every table cell as displayed, and the
// results and the figure's traces as JSON, identical but for the last bits of what goes through
// Math.exp, Math.log and Math.pow, which differ between Node's and Chromium's engines (compareJson). Bad edits must show the library's message beside the cell
// and keep the last good results. The "try this" tasks must show what they say. Prints the time
// of each change (the target: under 100 ms) and saves screenshots at 1280 and 390 px under
// build/screenshots/; UPDATE_SCREENSHOT=1 also copies the 1280 px one over the README's
// (src/presentation/explorer/explorer.png).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium, type Browser } from "../../../src/presentation/images/chromium.js";
import { explorerPage, explorerSection } from "../../../src/presentation/explorer/explorerPage.js";
import { DEFAULT_CHOICES, LOG_RANK_CHOICES, explorerResults, type ExplorerChoices } from "../../../src/presentation/explorer/explorerResults.js";
import { explorerTables } from "../../../src/presentation/explorer/explorerTables.js";
import { explorerFigure } from "../../../src/presentation/explorer/explorerFigure.js";
import { explorerCsv, rowValues, type TextRows } from "../../../src/presentation/explorer/explorerCsv.js";
import { buildReport } from "../../../src/presentation/report/buildReport.js";
import { loadClaims } from "../../../src/study/claims/claims.js";
import { loadEndpoint, type EndpointName } from "../../../src/study/data/loadEndpoint.js";
import { parseSurvivalCsv } from "../../../src/teaching/survivalCsv.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";

type Page = Awaited<ReturnType<Browser["newPage"]>>;
type Cells = { group: string[]; status: string[]; months: string[] };

const claims = loadClaims();
const paper = (e: EndpointName): Cells => {
  const r = loadEndpoint(e);
  return { group: r.group.map(String), status: r.status.map(String), months: r.months.map(String) };
};

/** What a reader has done so far, replayed in Node. */
interface Model {
  endpoint: EndpointName;
  cells: Record<EndpointName, Cells>;
  choices: ExplorerChoices;
}
const fresh = (): Model => ({
  endpoint: "recurrence",
  cells: { recurrence: paper("recurrence"), lung_metastasis: paper("lung_metastasis") },
  choices: { ...DEFAULT_CHOICES },
});
const nodeResults = (m: Model) => explorerResults(m.endpoint, rowValues(m.cells[m.endpoint] as TextRows), m.choices, claims);

/** The result tables as the page shows them: caption, head and cell texts. */
const shownTables = (page: Page) =>
  page.$$eval("#explorer-results table", (tables: any[]) =>
    tables.map((t) => ({
      id: t.id.replace(/^explorer-table-/, ""),
      caption: (globalThis as any).document.getElementById(t.getAttribute("aria-labelledby")!)!.textContent,
      head: Array.from(t.querySelectorAll("thead th"), (th: any) => th.textContent as string),
      rows: Array.from(t.querySelectorAll("tbody tr"), (tr: any) => Array.from(tr.children, (td: any) => td.textContent as string)),
    })),
  );

/** The figure's traces as plotly holds them. */
const shownTraces = (page: Page) =>
  page.evaluate(() =>
    (((globalThis as any).document.getElementById("explorer-figure") as unknown as { data: { uid: string; x: unknown; y: unknown; text?: unknown }[] }).data).map((t) => ({
      uid: t.uid,
      x: t.x,
      y: t.y,
      text: t.text ?? null,
    })),
  );

/**
 * Two JSON values compared: the same structure, the same strings, booleans and nulls, and numbers
 * equal or, where not, how far apart in units in the last place. Node 20 (V8 11.3) and Chromium
 * (V8 of Chromium 156) compute Math.exp, Math.log and Math.pow differently in the last bit for
 * about 1 argument in 10 (Chromium's are correctly rounded far more often), so results that go
 * through them can differ by an ulp or a few; everything else must be identical.
 */
function compareJson(page: unknown, node: unknown, path = "", out = { numbers: 0, differing: 0, maxUlps: 0, maxRelative: 0, mismatches: [] as string[], where: [] as string[] }) {
  if (typeof node === "number" && typeof page === "number") {
    out.numbers++;
    if (!Object.is(page, node)) {
      const bits = (x: number) => new BigInt64Array(new Float64Array([x]).buffer)[0];
      const ulps = Number(bits(page) > bits(node) ? bits(page) - bits(node) : bits(node) - bits(page));
      out.differing++;
      out.maxUlps = Math.max(out.maxUlps, Math.sign(page) === Math.sign(node) ? ulps : Infinity);
      out.maxRelative = Math.max(out.maxRelative, Math.abs(page - node) / Math.abs(node));
      out.where.push(path);
    }
  } else if (Array.isArray(node) && Array.isArray(page) && node.length === page.length) {
    node.forEach((x, i) => compareJson(page[i], x, `${path}[${i}]`, out));
  } else if (node !== null && page !== null && typeof node === "object" && typeof page === "object" && !Array.isArray(node) && !Array.isArray(page)) {
    const keys = Object.keys(node as object);
    if (keys.join() !== Object.keys(page as object).join()) out.mismatches.push(`${path}: keys ${Object.keys(page as object)} vs ${keys}`);
    else for (const k of keys) compareJson((page as Record<string, unknown>)[k], (node as Record<string, unknown>)[k], `${path}.${k}`, out);
  } else if (!Object.is(page, node)) {
    out.mismatches.push(`${path}: ${JSON.stringify(page)} in Chromium, ${JSON.stringify(node)} in Node`);
  }
  return out;
}

/** Over the whole run: how many numbers were compared, and how many differed in the last bits. */
const tally = { numbers: 0, differing: 0, maxUlps: 0, maxRelative: 0, comparisons: 0, examples: new Set<string>() };

/** The page shows what the library computes in Node for the same table and choices. */
async function expectSame(page: Page, m: Model, what: string): Promise<void> {
  const r = nodeResults(m);
  const shown = JSON.parse(await page.evaluate(() => JSON.stringify((globalThis as any).explorer.results())));
  const compact = await page.evaluate(() => (globalThis as any).document.getElementById("explorer-figure")!.clientWidth < 600);
  const fig = explorerFigure(r, { compact });
  const traces = fig.data.map((t) => ({ uid: t.uid, x: t.x, y: t.y, text: t.text ?? null }));
  const c = compareJson([shown, await shownTraces(page)], JSON.parse(JSON.stringify([r, traces])));
  expect(c.mismatches, `${what}: results and figure, Chromium vs Node`).toEqual([]);
  expect(c.maxRelative, `${what}: the largest relative difference (at ${c.where.slice(0, 5).join(", ")})`).toBeLessThanOrEqual(1e-13);
  tally.numbers += c.numbers;
  tally.differing += c.differing;
  tally.maxUlps = Math.max(tally.maxUlps, c.maxUlps);
  tally.maxRelative = Math.max(tally.maxRelative, c.maxRelative);
  tally.comparisons++;
  for (const w of c.where) tally.examples.add(w.replace(/\[\d+\]/g, "[]"));
  // What the reader sees is identical, cell by cell.
  const tables = explorerTables(r).map((t) => ({ id: t.id, caption: t.caption, head: t.head, rows: t.rows }));
  expect(await shownTables(page), `${what}: the tables as displayed`).toEqual(JSON.parse(JSON.stringify(tables)));
  expect(await page.locator("#explorer-results").getAttribute("class"), `${what}: not stale`).not.toContain("ex-stale");
}

const cell = (page: Page, row: number, column: string) => page.locator(`#explorer-patients input[data-row="${row}"][data-column="${column}"]`);
const verdictOf = async (page: Page, label: RegExp) => {
  const rows = (await shownTables(page)).find((t) => t.id === "claims")!.rows;
  return rows.filter((r) => label.test(r[0]!)).map((r) => r[3]);
};

const why = hasChromium() ? "" : " (skipped: no Chromium at /usr/bin/chromium or $CHROMIUM_PATH; apt-get install -y chromium)";
describe.skipIf(!hasChromium())(`the explorer in Chromium${why}`, () => {
  let browser: Browser;
  let dir: string;
  const timings: { compute: number; draw: number }[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "explorer-"));
    writeFileSync(join(dir, "explore.html"), explorerPage());
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
    if (tally.comparisons) {
      process.stdout.write(
        `explorer, Chromium vs Node: ${tally.comparisons} states compared, ${tally.numbers} numbers, ${tally.numbers - tally.differing} identical to the bit, ` +
          `${tally.differing} differing by at most ${tally.maxUlps} ulp (relative ${tally.maxRelative.toExponential(1)}), at ${[...tally.examples].sort().join(", ")}\n`,
      );
    }
    if (timings.length) {
      const total = timings.map((t) => t.compute + t.draw).sort((a, b) => a - b);
      const at = (q: number) => total[Math.min(total.length - 1, Math.floor(q * total.length))].toFixed(1);
      const compute = timings.map((t) => t.compute).sort((a, b) => a - b);
      process.stdout.write(
        `explorer, ${timings.length} changes in Chromium: recompute + redraw median ${at(0.5)} ms, 90th percentile ${at(0.9)} ms, ` +
          `max ${at(1)} ms (of which the library's computation: median ${compute[Math.floor(compute.length / 2)].toFixed(1)} ms, ` +
          `max ${compute[compute.length - 1].toFixed(1)} ms)\n`,
      );
      // A sanity bound only (the aim is under 100 ms; the machine is shared, so no tighter assertion).
      expect(total[Math.floor(total.length / 2)], "median time of a change, ms").toBeLessThan(1000);
    }
  });

  /** A page on explore.html with every network request blocked, and its errors and requests recorded. */
  async function open(width: number, file = join(dir, "explore.html")) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
    const remote: string[] = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (/^(file|data|blob):/.test(url)) return route.continue();
      remote.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
    page.on("request", (r) => void (/^(file|data|blob):/.test(r.url()) || remote.push(r.url())));
    await page.goto(`file://${file}`);
    await page.waitForFunction(() => (globalThis as any).explorer?.timings.length > 0);
    const done = async () => {
      timings.push(...(await page.evaluate(() => (globalThis as any).explorer.timings)).slice(1)); // the first draw loads plotly's fonts and caches
      await context.close();
      expect(errors).toEqual([]);
      expect(remote).toEqual([]);
    };
    return { page, done };
  }

  it("edits rows and flips every control: each time the page shows the library's numbers, as Node computes them", { timeout: 120_000 }, async () => {
    const { page, done } = await open(1280);
    const m = fresh();
    await expectSame(page, m, "the paper's recurrence table");

    await cell(page, 6, "status").fill("0");
    m.cells.recurrence.status[6] = "0";
    await expectSame(page, m, "patient 7 censored");
    await cell(page, 0, "months").fill("6.25");
    m.cells.recurrence.months[0] = "6.25";
    await expectSame(page, m, "patient 1 at 6.25 months");
    await cell(page, 20, "group").fill("2");
    m.cells.recurrence.group[20] = "2";
    await expectSame(page, m, "patient 21 moved to group 2");

    await page.check('input[name="cutoff"][value="exclusive"]');
    m.choices = { ...m.choices, inclusive: false };
    await expectSame(page, m, "exclusive cut-off");
    await page.check('input[name="correction"][value="yates"]');
    m.choices = { ...m.choices, correction: true };
    await expectSame(page, m, "Yates");
    for (const w of LOG_RANK_CHOICES) {
      await page.selectOption('select[name="weight"]', w.key);
      m.choices = { ...m.choices, weight: w.key };
      await expectSame(page, m, `weight ${w.key}`);
    }
    for (const confType of ["log-log", "plain", "log"] as const) {
      await page.selectOption('select[name="confType"]', confType);
      m.choices = { ...m.choices, confType };
      await expectSame(page, m, `CI ${confType}`);
    }
    await page.fill('input[name="confLevel"]', "0.9");
    m.choices = { ...m.choices, confLevel: 0.9 };
    await expectSame(page, m, "CI level 0.9");

    await page.check('input[name="endpoint"][value="lung_metastasis"]');
    m.endpoint = "lung_metastasis";
    await expectSame(page, m, "lung metastasis");
    await page.click("#explorer-add");
    await cell(page, 39, "months").fill("10.5");
    m.cells.lung_metastasis = { group: [...m.cells.lung_metastasis.group, "1"], status: [...m.cells.lung_metastasis.status, "0"], months: [...m.cells.lung_metastasis.months, "10.5"] };
    await expectSame(page, m, "a row added");
    await page.click('#explorer-patients button[aria-label="Remove patient 1"]');
    for (const c of ["group", "status", "months"] as const) m.cells.lung_metastasis[c].shift();
    await expectSame(page, m, "patient 1 removed");
    expect(await page.locator("#explorer-patients tbody tr").count()).toBe(39);

    await page.check('input[name="endpoint"][value="recurrence"]');
    m.endpoint = "recurrence";
    await expectSame(page, m, "back to recurrence: its edits kept");
    await page.click("#explorer-reset");
    m.cells.recurrence = paper("recurrence");
    await expectSame(page, m, "reset to the paper's rows");
    await done();
  });

  it("a bad edit shows the library's message beside the cell, and the last good results stay on screen", { timeout: 60_000 }, async () => {
    const { page, done } = await open(1280);
    const m = fresh();
    const good = await page.evaluate(() => JSON.stringify((globalThis as any).explorer.results())); // in Chromium: compared with itself
    const tablesBefore = await shownTables(page);
    const bad: [number, "months" | "status" | "group", string][] = [
      [4, "months", "-3"],
      [6, "status", "2"],
      [2, "group", ""],
      [9, "months", "12 months"],
    ];
    for (const [row, column, text] of bad) {
      await cell(page, row, column).fill(text);
      const cells = structuredClone(m.cells.recurrence);
      cells[column][row] = text;
      let message = "";
      try {
        explorerResults("recurrence", rowValues(cells), m.choices, claims);
      } catch (e) {
        expect(e).toBeInstanceOf(SurvivalInputError);
        message = (e as Error).message;
      }
      expect(message).toMatch(new RegExp(`^${column}\\[${row}\\] is `));
      const input = cell(page, row, column);
      expect(await input.getAttribute("aria-invalid")).toBe("true");
      const note = page.locator(`#${await input.getAttribute("aria-describedby")}`);
      expect(await note.textContent()).toBe(`Patient ${row + 1}: ${message}`);
      // The message sits in the row right under the cell's.
      expect(await page.evaluate(([r, c]) => {
        const tr = (globalThis as any).document.querySelector(`#explorer-patients input[data-row="${r}"][data-column="${c}"]`)!.closest("tr")!;
        return tr.nextElementSibling?.className;
      }, [row, column] as const)).toBe("ex-error-row");
      expect(await page.locator("#explorer-status").textContent()).toContain(`Not recomputed: patient ${row + 1}'s ${column} (${message})`);
      expect(await page.locator("#explorer-results").getAttribute("class")).toContain("ex-stale");
      expect(await page.evaluate(() => JSON.stringify((globalThis as any).explorer.results()))).toBe(good);
      expect(await shownTables(page)).toEqual(tablesBefore);
      expect(await page.locator("#explorer-download").isDisabled()).toBe(true);
      await cell(page, row, column).fill(m.cells.recurrence[column][row]);
      await expectSame(page, m, `${column}[${row}] put back`);
      expect(await page.locator('#explorer [aria-invalid="true"]').count()).toBe(0);
    }
    await page.fill('input[name="confLevel"]', "1.5");
    expect(await page.locator("#explorer-error-confLevel").textContent()).toBe("confLevel is 1.5: it must be a number strictly between 0 and 1");
    expect(await page.locator('input[name="confLevel"]').getAttribute("aria-invalid")).toBe("true");
    expect(await page.evaluate(() => JSON.stringify((globalThis as any).explorer.results()))).toBe(good);
    await page.fill('input[name="confLevel"]', "0.95");
    await expectSame(page, m, "CI level put back");
    await done();
  });

  it("the three 'try this' tasks show what they say", { timeout: 60_000 }, async () => {
    const { page, done } = await open(1280);
    const text = (id: string) => page.locator(`#explorer-try-${id}`).textContent();
    const chisq = /^Section 3\.1: 1-year χ²$/;

    // 1. The event at exactly 12 months counted outside the year.
    expect(await text("cutoff")).toContain("Pearson gives 4.885");
    expect(await verdictOf(page, chisq)).toEqual(["reproduced"]);
    expect(await verdictOf(page, /^Abstract: 1-year rate significantly lower/)).toEqual(["not reproduced"]);
    await page.check('input[name="cutoff"][value="exclusive"]');
    expect(await verdictOf(page, chisq)).toEqual(["not reproduced"]);
    expect(await verdictOf(page, /^Abstract: 1-year rate significantly lower/)).toEqual(["reproduced"]);
    expect(await verdictOf(page, /^Section 3\.1: events within 12 months, group 1$/)).toEqual(["not reproduced"]);
    expect((await shownTables(page)).find((t) => t.id === "oneyear-tests")!.rows[0].slice(1, 2)).toEqual(["4.885"]);
    await page.check('input[name="cutoff"][value="inclusive"]');
    await page.check('input[name="correction"][value="yates"]');
    expect((await shownTables(page)).find((t) => t.id === "oneyear-tests")!.rows[1][1]).toBe("2.639");
    expect(await verdictOf(page, chisq)).toEqual(["not reproduced"]);
    await page.check('input[name="correction"][value="pearson"]');

    // 2. Patient 7 censored: the curve moves, the log-rank and the hazard ratio do not.
    expect(await text("censor")).toContain("stays exactly 8.627");
    const before = await shownTables(page);
    const curveBefore = (await shownTraces(page)).find((t) => t.uid === "curve-0")!;
    await cell(page, 6, "status").fill("0");
    const after = await shownTables(page);
    const curveAfter = (await shownTraces(page)).find((t) => t.uid === "curve-0")!;
    expect(curveAfter.y).not.toEqual(curveBefore.y);
    const s17 = (c: typeof curveAfter) => (c.y as number[])[(c.x as number[]).indexOf(17)].toFixed(3);
    expect([s17(curveBefore), s17(curveAfter)]).toEqual(["0.271", "0.325"]);
    expect((await shownTraces(page)).find((t) => t.uid === "censored-0")!.x).toContain(17);
    const row = (tables: typeof before, id: string) => tables.find((t) => t.id === id)!.rows;
    expect(row(after, "logrank")[0].slice(0, 4)).toEqual(row(before, "logrank")[0].slice(0, 4));
    expect(row(after, "logrank")[0].slice(1, 6)).toEqual(["8.627", "1", "0.003311", "16, 14", "22.57, 7.433"]); // O and E of group 1 both one less
    expect(row(after, "cox")).toEqual(row(before, "cox"));
    await page.click("#explorer-reset");

    // 3. The lung-metastasis 4.62, under every cut-off and correction.
    expect(await text("lung")).toContain("no combination");
    await page.check('input[name="endpoint"][value="lung_metastasis"]');
    const seen: string[] = [];
    for (const cutoff of ["inclusive", "exclusive"]) {
      for (const correction of ["pearson", "yates"]) {
        await page.check(`input[name="cutoff"][value="${cutoff}"]`);
        await page.check(`input[name="correction"][value="${correction}"]`);
        expect(await verdictOf(page, chisq)).toEqual(["not reproduced"]);
        seen.push((await shownTables(page)).find((t) => t.id === "oneyear-tests")!.rows[correction === "yates" ? 1 : 0][1]!);
      }
    }
    expect(seen).toEqual(["5.171", "3.776", "6.624", "5.013"]);
    await page.check('input[name="cutoff"][value="inclusive"]');
    expect((await shownTables(page)).find((t) => t.id === "oneyear-tests")!.rows[1][3]).toBe("0.05201");
    expect(await verdictOf(page, /^Abstract: 1-year rate significantly lower/)).toEqual(["not reproduced"]);
    await done();
  });

  it("downloads the edited table as a CSV the teaching notebook's reader loads", { timeout: 60_000 }, async () => {
    const { page, done } = await open(1280);
    await cell(page, 6, "status").fill("0");
    await page.click("#explorer-add");
    await cell(page, 39, "months").fill("20.5");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#explorer-download")]);
    expect(download.suggestedFilename()).toBe("recurrence-edited.csv");
    const text = readFileSync((await download.path())!, "utf8");
    const cells = paper("recurrence");
    cells.status[6] = "0";
    cells.group.push("1");
    cells.status.push("0");
    cells.months.push("20.5");
    expect(text).toBe(explorerCsv(cells));
    const own = parseSurvivalCsv(text, "recurrence-edited.csv", { time: "months", event: "status", group: "group" });
    expect([own.n, own.event[6], own.time[39]]).toEqual([40, 0, 20.5]);
    await done();
  });

  it("works from the keyboard, and labels every control", { timeout: 60_000 }, async () => {
    const { page, done } = await open(1280);
    const m = fresh();
    await page.focus('input[name="cutoff"][value="inclusive"]');
    await page.keyboard.press("ArrowDown");
    m.choices = { ...m.choices, inclusive: false };
    await expectSame(page, m, "cut-off changed with the arrow key");
    await page.focus('select[name="weight"]');
    await page.keyboard.press("ArrowDown");
    m.choices = { ...m.choices, weight: "gehan-breslow" };
    await expectSame(page, m, "weight changed with the arrow key");
    await cell(page, 6, "status").focus();
    await page.keyboard.press("Backspace");
    await page.keyboard.type("0");
    m.cells.recurrence.status[6] = "0";
    await expectSame(page, m, "a cell typed into");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => ((globalThis as any).document.activeElement as any).dataset.column)).toBe("months");
    await page.focus('#explorer-patients button[aria-label="Remove patient 39"]');
    await page.keyboard.press("Enter");
    for (const c of ["group", "status", "months"] as const) m.cells.recurrence[c].pop();
    await expectSame(page, m, "a row removed with Enter");
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute("aria-label"))).toBe("Remove patient 38");
    const unlabelled = await page.$$eval("#explorer input, #explorer select, #explorer button", (els) =>
      els
        .filter((el) => {
          const e = el as any;
          const name = (e.labels?.length ? e.labels[0].textContent : "") || e.getAttribute("aria-label") || (e.tagName === "BUTTON" ? e.textContent : "");
          return !name?.trim();
        })
        .map((el) => el.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    await done();
  });

  it("reads at 1280 and 390 px (no sideways scrolling of the page); screenshots", { timeout: 60_000 }, async () => {
    mkdirSync("build/screenshots", { recursive: true });
    for (const [width, file] of [[1280, "explorer.png"], [390, "explorer-390.png"]] as const) {
      const { page, done } = await open(width);
      expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth), `${width} px`).toBeLessThanOrEqual(width);
      const compact = await page.evaluate(() => (globalThis as any).document.getElementById("explorer-figure")!.clientWidth < 600);
      expect(compact).toBe(width < 600);
      await expectSame(page, fresh(), `${width} px`);
      // One change there and back, so that the status line shows a change's time, not the first draw's.
      await page.check('input[name="cutoff"][value="exclusive"]');
      await page.check('input[name="cutoff"][value="inclusive"]');
      await expectSame(page, fresh(), `${width} px, after a change and back`);
      // From the choices to the figure: what the README shows.
      const top = (await page.locator("#explorer-choices").boundingBox())!.y - 8;
      const figure = (await page.locator("#explorer-figure").boundingBox())!;
      await page.screenshot({ path: join("build/screenshots", file), fullPage: true, clip: { x: 0, y: top, width, height: figure.y + figure.height - top + 8 } });
      await done();
    }
    if (process.env.UPDATE_SCREENSHOT === "1") copyFileSync("build/screenshots/explorer.png", "src/presentation/explorer/explorer.png");
  });

  it("in the report, the same explorer runs beside the notebooks' figures", { timeout: 60_000 }, async () => {
    const nb = { cells: [{ cell_type: "markdown", source: "# A notebook\n\nText." }] };
    const file = join(dir, "index.html");
    writeFileSync(file, buildReport([{ name: "01-a", nb }], { explorer: explorerSection() }));
    const { page, done } = await open(1280, file);
    const m = fresh();
    await expectSame(page, m, "the report's explorer");
    await page.check('input[name="correction"][value="yates"]');
    m.choices = { ...m.choices, correction: true };
    await expectSame(page, m, "the report's explorer, Yates");
    expect(await page.locator('nav#toc a[href="#explorer"]').count()).toBe(1);
    await done();
  });
});
