/**
 * Static images of plotly figures, rendered by plotly.js itself in headless Chromium
 * (`Plotly.toImage`): one browser launch and one page for all the figures, plotly.js loaded
 * once from node_modules into a blank page with every network request refused. A
 * FigureRenderer keeps that page open, so that a caller can start it early (it takes 2-3 s) and
 * render figures as they come; renderPngs/renderSvgs open one for a single batch. The same
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
import { launchChromium, type Browser } from "./chromium.js";
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

/** The names of RenderOptions. */
export const RENDER_OPTIONS = ["width", "height", "scale"];

/** PNG files (as Buffers), one a figure, in order. Throws if Chromium is missing (see hasChromium()). */
export async function renderPngs(figs: readonly PlotlyFigure[], options: RenderOptions = {}): Promise<Buffer[]> {
  checkOptions("renderPngs", options, RENDER_OPTIONS);
  return withRenderer(figs, (r) => r.pngs(figs, options));
}

/** SVG documents, one a figure, in order. Throws if Chromium is missing. */
export async function renderSvgs(figs: readonly PlotlyFigure[], options: RenderOptions = {}): Promise<string[]> {
  checkOptions("renderSvgs", options, RENDER_OPTIONS);
  return withRenderer(figs, (r) => r.svgs(figs, options));
}

async function withRenderer<T>(figs: readonly PlotlyFigure[], use: (r: FigureRenderer) => Promise<T[]>): Promise<T[]> {
  if (!Array.isArray(figs)) throw new TypeError("renderPngs/renderSvgs: figs must be an array of plotly figures");
  if (figs.length === 0) return [];
  const renderer = await FigureRenderer.open();
  try {
    return await use(renderer);
  } finally {
    await renderer.close();
  }
}

type Page = Awaited<ReturnType<Browser["newPage"]>>;

/** One Chromium page with plotly.js loaded, rendering figures one at a time, in call order. */
export class FigureRenderer {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly errors: string[] = [];

  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {
    page.on("pageerror", (e) => this.errors.push(String(e)));
  }

  /** Launches Chromium and loads plotly.js into a blank page (2-3 s). Throws without Chromium. */
  static async open(): Promise<FigureRenderer> {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.route("**/*", (route) => route.abort());
      await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
      await page.addScriptTag({ content: plotlySource() });
      return new FigureRenderer(browser, page);
    } catch (e) {
      await browser.close();
      throw e;
    }
  }

  async pngs(figs: readonly PlotlyFigure[], options: RenderOptions = {}): Promise<Buffer[]> {
    const urls = await this.render(figs, "png", options);
    return urls.map((url) => Buffer.from(url.slice(url.indexOf(",") + 1), "base64"));
  }

  async svgs(figs: readonly PlotlyFigure[], options: RenderOptions = {}): Promise<string[]> {
    const urls = await this.render(figs, "svg", options);
    return urls.map((url) => decodeURIComponent(url.slice(url.indexOf(",") + 1)));
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  /** Data URLs, one a figure; calls are queued, so that concurrent callers never interleave. */
  private render(figs: readonly PlotlyFigure[], format: "png" | "svg", options: RenderOptions): Promise<string[]> {
    if (!Array.isArray(figs)) throw new TypeError("renderPngs/renderSvgs: figs must be an array of plotly figures");
    const done = this.queue.then(() => this.renderNow(figs, format, options));
    this.queue = done.catch(() => undefined);
    return done;
  }

  private async renderNow(figs: readonly PlotlyFigure[], format: "png" | "svg", options: RenderOptions): Promise<string[]> {
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
        const url = await this.page.evaluate(
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
      if (this.errors.length) throw new Error(`figure ${i}: page error while rendering: ${this.errors.join("; ")}`);
    }
    return out;
  }
}
