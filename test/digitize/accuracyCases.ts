/**
 * The figures of the accuracy table (README, "Verifying a paper from its figures"): the
 * project's Figures 2 and 3 rendered by Chromium (test/digitize/fixtures/plotly), the same two
 * endpoints drawn by R's base graphics, lung by sex and veteran by treatment
 * (test/digitize/fixtures/r), each with its PNG, the pixel positions of two ticks per axis, the
 * arms' colours and groups, the true rows, and the times of the numbers at risk: the x ticks the
 * figure prints (Chromium's figures print their numbers at risk there; R's ticks are
 * axTicks(1)). figureAccuracy is run on each, and the table is written into the README.
 *
 * Run from the project root to rewrite the README's table: npx tsx test/digitize/accuracyCases.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { figureAccuracy, type FigureAccuracy, type TrueRows } from "../../src/digitize/figureAccuracy.js";
import { accuracyTable, type AccuracyColumns } from "../../src/digitize/accuracyTable.js";
import { loadStudy } from "../../src/study/data/loadEndpoint.js";
import { timeBreaks } from "../../src/presentation/figures/timeBreaks.js";
import { dataset, numbers } from "../helpers/fixtures.js";

const PLOTLY = "test/digitize/fixtures/plotly/";
const R = "test/digitize/fixtures/r/";

interface Axes {
  x: { pixels: [number, number]; values: [number, number] };
  y: { pixels: [number, number]; values: [number, number] };
}

export interface AccuracyCase {
  readonly figure: string;
  readonly png: Uint8Array;
  readonly axes: Axes;
  readonly colors: string[];
  readonly groups: number[];
  readonly truth: TrueRows;
  readonly atRiskTimes: readonly number[];
}

const range = (to: number, step: number) => Array.from({ length: to / step + 1 }, (_, i) => i * step);

export function accuracyCases(): AccuracyCase[] {
  const study = loadStudy();
  const paper = (endpoint: "recurrence" | "lung_metastasis"): TrueRows => ({
    time: study[endpoint].months,
    event: study[endpoint].status,
    group: study[endpoint].group,
  });
  const rData = (name: string, group: string): TrueRows => {
    const d = dataset(name);
    return { time: numbers(d.time), event: numbers(d.status), group: numbers(d[group]) };
  };
  const plotly = JSON.parse(readFileSync(`${PLOTLY}figures.json`, "utf8")).figures as (Axes & { file: string; endpoint: string; colors: string[]; groups: number[] })[];
  const rFigures = JSON.parse(readFileSync(`${R}km-figures.json`, "utf8"));

  const fromPlotly = (figure: string, k: number): AccuracyCase => {
    const f = plotly[k];
    const truth = paper(f.endpoint as "recurrence" | "lung_metastasis");
    return {
      figure,
      png: readFileSync(`${PLOTLY}${f.file}`),
      axes: { x: f.x, y: f.y },
      colors: f.colors,
      groups: f.groups,
      truth,
      atRiskTimes: timeBreaks(Math.max(...Array.from(truth.time))), // the figure's x ticks and at-risk columns
    };
  };
  const fromR = (figure: string, key: string, truth: TrueRows, atRiskTimes: number[]): AccuracyCase => {
    const f = rFigures[key];
    return {
      figure,
      png: readFileSync(`${R}${f.file}`),
      axes: { x: f.x, y: f.y },
      colors: f.arms.map((a: { color: string }) => a.color),
      groups: [1, 2],
      truth,
      atRiskTimes,
    };
  };
  return [
    fromPlotly("Figure 2, recurrence (Chromium)", 0),
    fromPlotly("Figure 3, lung metastasis (Chromium)", 1),
    fromR("Recurrence (R)", "recurrence", paper("recurrence"), range(15, 5)),
    fromR("Lung metastasis (R)", "lung_metastasis", paper("lung_metastasis"), range(15, 5)),
    fromR("lung by sex (R)", "lung_sex", rData("lung", "sex"), range(1000, 200)),
    fromR("veteran by treatment (R)", "veteran_trt", rData("veteran", "trt"), range(1000, 200)),
  ];
}

export function accuracyOf(c: AccuracyCase): FigureAccuracy {
  return figureAccuracy(c.png, c.truth, { ...c.axes, colors: c.colors, groups: c.groups, atRiskTimes: c.atRiskTimes });
}

/** A Markdown table of accuracyTable's columns ("|" in a cell escaped). */
export function markdownTable(columns: AccuracyColumns): string {
  const headers = Object.keys(columns);
  const n = columns[headers[0]].length;
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
  const out = [line(headers), line(headers.map(() => "---"))];
  for (let i = 0; i < n; i++) out.push(line(headers.map((h) => columns[h][i])));
  return out.join("\n");
}

export const BEGIN = "<!-- accuracy table: written by test/digitize/accuracyCases.ts -->";
export const END = "<!-- end of the accuracy table -->";

/** The README's table as the code computes it now, between its markers. */
export function readmeTable(): string {
  const table = accuracyTable(accuracyCases().map((c) => ({ figure: c.figure, accuracy: accuracyOf(c) })));
  return `${BEGIN}\n${markdownTable(table)}\n${END}`;
}

/** The table between the markers in a README's text (null if the markers are missing). */
export function tableIn(readme: string): string | null {
  const a = readme.indexOf(BEGIN);
  const b = readme.indexOf(END);
  return a < 0 || b < a ? null : readme.slice(a, b + END.length);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const readme = readFileSync("README.md", "utf8");
  const old = tableIn(readme);
  if (old === null) throw new Error(`README.md has no ${BEGIN} ... ${END} markers`);
  writeFileSync("README.md", readme.replace(old, readmeTable()));
  console.log("wrote the accuracy table into README.md");
}
