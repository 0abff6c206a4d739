/**
 * Static images of plotly figures, rendered by plotly.js itself in headless Chromium
 * (`Plotly.toImage`): one browser launch and one page for all the figures, plotly.js loaded
 * once from node_modules into a blank page with every network request refused. The same
 * figure gives byte-identical PNG and SVG files from run to run: traces carry fixed `uid`s,
 * and Math.random, which plotly uses for the ids of a plot's clip paths, is reseeded before
 * each figure.
 *
 * @example
 * if (hasChromium()) {
 *   const [png] = await renderPngs([kmFigure(curves)]);
 *   writeFileSync("build/figures/recurrence.png", png);
 * }
 */
import { checkOptions } from "../../survival/core/validate.js";
import { launchChromium } from "./chromium.js";
import type { PlotlyFigure } from "../figures/figure.js";
import { plotlySource } from "../figures/plotlySource.js";

export interface RenderOptions {
  /** CSS pixels; default the figure's layout.width, else 800. */
  readonly width?: number;
  /** CSS pixels; default the figure's layout.height, else 600. */
  readonly height?: number;
  /** Device pixels per CSS pixel; default 2 (print quality). */
  readonly scale?: number;
}

/** PNG files (as Buffers), one a figure, in order. Throws if Chromium is missing (see hasChromium()). */
export const RENDER_OPTIONS = ["width", "height", "scale"];

export async function renderPngs(figs: readonly PlotlyFigure[], options: RenderOptions = {}): Promise<Buffer[]> {
  checkOptions("renderPngs", options, RENDER_OPTIONS);
  const urls = await renderImages(figs, "png", options);
  return urls.map((url) => Buffer.from(url.slice(url.indexOf(",") + 1), "base64"));
}

/** SVG documents, one a figure, in order. Throws if Chromium is missing. */
export async function renderSvgs(figs: readonly PlotlyFigure[], options: RenderOptions = {}): Promise<string[]> {
  checkOptions("renderSvgs", options, RENDER_OPTIONS);
  const urls = await renderImages(figs, "svg", options);
  return urls.map((url) => decodeURIComponent(url.slice(url.indexOf(",") + 1)));
}

async function renderImages(figs: readonly PlotlyFigure[], format: "png" | "svg", options: RenderOptions): Promise<string[]> {
  if (!Array.isArray(figs)) throw new TypeError("renderPngs/renderSvgs: figs must be an array of plotly figures");
  if (figs.length === 0) return [];
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.route("**/*", (route) => route.abort());
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ content: plotlySource() });
    const out: string[] = [];
    for (let i = 0; i < figs.length; i++) {
      const fig = figs[i];
      const layout = (fig?.layout ?? {}) as { width?: number; height?: number };
      const opts = {
        format,
        width: options.width ?? layout.width ?? 800,
        height: options.height ?? layout.height ?? 600,
        scale: options.scale ?? 2,
      };
      const figure = { data: fig?.data, layout: fig?.layout, config: { ...(fig?.config ?? {}), responsive: false } };
      try {
        const url = await page.evaluate(
          ({ figure, opts }) => {
            // mulberry32 (a small seeded generator): the same "random" ids for every run.
            let seed = 20200325;
            Math.random = () => {
              seed = (seed + 0x6d2b79f5) | 0;
              let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
              t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
              return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
            };
            return (globalThis as any).Plotly.toImage(figure, opts) as Promise<string>;
          },
          { figure, opts },
        );
        out.push(url);
      } catch (e) {
        throw new Error(`figure ${i} could not be rendered: ${(e as Error).message}`);
      }
      if (errors.length) throw new Error(`figure ${i}: page error while rendering: ${errors.join("; ")}`);
    }
    return out;
  } finally {
    await browser.close();
  }
}
