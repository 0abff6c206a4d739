/**
 * The project's Figures 2 and 3 as notebooks 03 and 04 draw them (and as
 * test/digitize/fixtures/figures.ts rendered the committed PNGs of
 * test/digitize/fixtures/plotly/), with the fixtures' record of each: its file, the pixel
 * positions of two ticks per axis that plotly reported in Chromium, the arms' colours.
 */
import { readFileSync } from "node:fs";
import { loadStudy } from "../../src/study/data/loadEndpoint.js";
import { loadCohort } from "../../src/study/data/loadCohort.js";
import { armData } from "../../src/study/data/armData.js";
import { kaplanMeier } from "../../src/survival/km/kaplanMeier.js";
import { logRankTest } from "../../src/survival/logrank/logRankTest.js";
import { kmFigure } from "../../src/presentation/figures/kmFigure.js";
import type { PlotlyFigure } from "../../src/presentation/figures/figure.js";

export const PLOTLY_FIXTURES = "test/digitize/fixtures/plotly/";

export interface PaperFigure {
  readonly fig: PlotlyFigure;
  readonly file: string;
  readonly x: { pixels: [number, number]; values: [number, number] };
  readonly y: { pixels: [number, number]; values: [number, number] };
  readonly colors: string[];
}

export function paperFigures(): PaperFigure[] {
  const study = loadStudy();
  const arms = loadCohort().arms;
  const recorded = JSON.parse(readFileSync(`${PLOTLY_FIXTURES}figures.json`, "utf8")).figures;
  const figure = (endpoint: "recurrence" | "lung_metastasis", title: string, yTitle: string, filename: string) => {
    const rows = study[endpoint];
    const fits = arms.map((arm) => ({ arm, fit: kaplanMeier(armData(rows, arm.group), { confType: "log", confLevel: 0.95 }) }));
    const test = logRankTest({ time: rows.months, event: rows.status, group: rows.group }, { weight: "logrank" });
    return kmFigure(fits.map(({ arm, fit }) => ({ label: arm.name, fit })), { title, yTitle, test, testLabel: "Log-rank", filename });
  };
  const figs = [
    figure("recurrence", "Figure 2. Recurrence-free proportion by arm (Kaplan-Meier)", "Recurrence-free proportion", "figure-2-recurrence"),
    figure("lung_metastasis", "Figure 3. Lung-metastasis-free proportion by arm (Kaplan-Meier)", "Lung-metastasis-free proportion", "figure-3-lung-metastasis"),
  ];
  return figs.map((fig, k) => ({ fig, file: `${PLOTLY_FIXTURES}${recorded[k].file}`, x: recorded[k].x, y: recorded[k].y, colors: recorded[k].colors }));
}
