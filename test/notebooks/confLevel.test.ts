/**
 * Notebooks 3 and 4 print what their confidence level says. Each sets it once
 * (`const confLevel = 0.95;`); run again with 0.9 in its place (on the tslab kernel, as
 * `npm run reproduce` runs them), nothing their cells print speaks of 95% any more (tables'
 * text and HTML, notes, the figure's legend, titles and annotations), the intervals are the
 * library's 90% ones and narrower than at 95%, and the prose never states a level itself.
 */
import { describe, expect, it } from "vitest";
import { readNotebook, type CodeCell, type Notebook } from "../../src/runner/ipynb.js";
import { runNotebooks } from "../../src/runner/pool.js";
import { PLOTLY_LOADER, PLOTLY_MIME } from "../../src/presentation/display/show.js";
import { loadStudy } from "../../src/study/data/loadEndpoint.js";
import { armData } from "../../src/study/data/armData.js";
import { kaplanMeier } from "../../src/survival/km/kaplanMeier.js";

const NOTEBOOKS = { "03-recurrence": "recurrence", "04-lung-metastasis": "lung_metastasis" } as const;
const SETTING = "const confLevel = 0.95;";
/** A level written as a percentage or as R's "0.95 LCL": digits around it are another number (0.9565). */
const LEVEL_95 = /(?<![\d.])95(?!\d)|(?<![\d.])0\.95(?!\d)/;

const codeCells = (nb: Notebook) => nb.cells.filter((c): c is CodeCell => c.cell_type === "code");

/** The notebook with its confidence level set to `level` in the one line that sets it. */
function atLevel(nb: Notebook, level: number): Notebook {
  const copy = structuredClone(nb);
  const setting = codeCells(copy).filter((c) => c.source.includes(SETTING));
  expect(setting.length, `one cell sets ${SETTING}`).toBe(1);
  setting[0].source = setting[0].source.replace(SETTING, `const confLevel = ${level};`);
  return copy;
}

interface Figure {
  data: { name?: string; uid?: string; x: (number | null)[]; y: (number | null)[] }[];
  layout: { title?: { text: string }; xaxis?: { title?: { text: string } }; yaxis?: { title?: { text: string } }; annotations?: { text: string }[] };
}

/** What a run prints, as text to search: every table and note, and each figure's labels (not its data). */
function printed(nb: Notebook): { texts: string[]; figures: Figure[] } {
  const texts: string[] = [];
  const figures: Figure[] = [];
  for (const cell of codeCells(nb)) {
    for (const o of cell.outputs) {
      if (o.output_type === "stream") texts.push(o.text);
      if (o.output_type !== "display_data" && o.output_type !== "execute_result") continue;
      if (o.metadata[PLOTLY_LOADER] === true) continue; // plotly.js itself, loaded into the page
      const text = (mime: string) => (o.data[mime] === undefined ? [] : [String(o.data[mime])]);
      const figure = o.data[PLOTLY_MIME] as Figure | undefined;
      if (figure) {
        figures.push(figure);
        // The HTML of a figure carries its data (numbers such as 0.9565); its labels are read from the JSON.
        texts.push(...text("text/plain"), ...figure.data.map((t) => t.name ?? ""));
        const l = figure.layout;
        texts.push(l.title?.text ?? "", l.xaxis?.title?.text ?? "", l.yaxis?.title?.text ?? "", ...(l.annotations ?? []).map((a) => a.text));
      } else {
        texts.push(...text("text/plain"), ...text("text/html"), ...text("text/markdown"));
      }
    }
  }
  return { texts, figures };
}

/** Per confidence band of a figure, the sum over its steps of upper - lower. */
function bandWidths(fig: Figure): number[] {
  return fig.data
    .filter((t) => t.uid?.startsWith("band-") && t.uid !== "band-key")
    .map((t) => {
      const m = t.y.length / 2;
      const upper = t.y.slice(0, m) as number[];
      const lower = (t.y.slice(m) as number[]).reverse();
      return upper.reduce((s, u, i) => s + (u - lower[i]), 0);
    });
}

describe("notebooks 3 and 4 print the confidence level they are set to", { timeout: 240_000 }, () => {
  const names = Object.keys(NOTEBOOKS) as (keyof typeof NOTEBOOKS)[];
  const original = names.map((name) => readNotebook(`notebooks/${name}.ipynb`));
  const jobs = names.flatMap((name, i) => [
    { name: `${name} at 0.95`, nb: atLevel(original[i], 0.95) },
    { name: `${name} at 0.9`, nb: atLevel(original[i], 0.9) },
  ]);
  const runs = runNotebooks(jobs, { cwd: process.cwd(), jobs: 1, log: () => {} });
  const study = loadStudy();

  it("their prose states no level: the cells that print compute it", () => {
    for (const nb of original) {
      for (const cell of nb.cells.filter((c) => c.cell_type === "markdown")) {
        expect(cell.source, cell.id).not.toMatch(LEVEL_95);
        expect(cell.source, cell.id).not.toMatch(/1\.96/);
      }
    }
  });

  names.forEach((name, i) => {
    it(`${name}: at 0.9 nothing printed says 95%, and the labels say 90% where they said 95%`, async () => {
      const [at95, at90] = [(await runs)[2 * i], (await runs)[2 * i + 1]].map((r) => printed(r.nb));
      const offending = at90.texts.filter((t) => LEVEL_95.test(t)).map((t) => t.match(new RegExp(`.{0,40}${LEVEL_95.source}.{0,20}`))?.[0]);
      expect(offending).toEqual([]);
      // The same run at 0.95 does say so: the search finds what it looks for.
      expect(at95.texts.filter((t) => LEVEL_95.test(t)).length).toBeGreaterThan(5);
      const all = at90.texts.join("\n");
      for (const label of ["lower 90% CI", "upper 90% CI", "0.9 LCL", "0.9 UCL", "with 90% CI", "90% pointwise CI", "lower 90%", "90% Wald interval"]) {
        expect(all, label).toContain(label);
      }
    });

    it(`${name}: at 0.9 the bands are the library's 90% intervals, narrower than the 95% ones`, async () => {
      const [at95, at90] = [(await runs)[2 * i], (await runs)[2 * i + 1]].map((r) => printed(r.nb).figures);
      expect([at95.length, at90.length]).toEqual([1, 1]);
      const [w95, w90] = [bandWidths(at95[0]), bandWidths(at90[0])];
      expect(w90.length).toBe(2);
      w90.forEach((w, arm) => expect(w).toBeLessThan(w95[arm]));
      const rows = study[NOTEBOOKS[name]];
      [1, 2].forEach((group, arm) => {
        const fit = kaplanMeier(armData(rows, group), { confLevel: 0.9 });
        const band = new Set(at90[0].data.find((t) => t.uid === `band-${arm}`)!.y);
        for (const limit of [...Array.from(fit.upper), ...Array.from(fit.lower)]) if (Number.isFinite(limit)) expect(band.has(limit), `group ${group}: ${limit}`).toBe(true);
      });
    });
  });
});
