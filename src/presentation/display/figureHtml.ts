/**
 * A plotly figure as `text/html`, which every Jupyter front end draws without an extension:
 * classic Notebook 6, JupyterLab and Notebook 7 without Python's plotly extension, VS Code, and
 * nbconvert's HTML export. The figure's JSON and a short script that calls `Plotly.newPlot`
 * once plotly.js is in the page; plotly.js itself comes once per kernel session, inline from
 * the project's node_modules (plotlyLoaderHtml), as Python's plotly does with
 * `init_notebook_mode(connected=False)`: no network request.
 *
 * Until plotly draws (and for good where scripts do not run: a notebook that is not trusted,
 * GitHub), the figure's place holds its static PNG where one was rendered, else a line saying
 * what the figure is and how to draw it.
 *
 * @example
 * figureHtml(kmFigure(curves), { id: "plotly-figure-1" });               // live, no PNG yet
 * figureHtml(fig, { id: "plotly-figure-3", png, pngWidth: 900 });      // built copy, PNG inside
 */
import { SurvivalInputError, show } from "../../survival/errors.js";
import type { PlotlyFigure } from "../figures/figure.js";

export interface FigureHtmlOptions {
  /** The element id: unique in the page (the notebook). */
  readonly id: string;
  /** A static PNG of the figure, shown until plotly draws (and where scripts do not run). */
  readonly png?: Uint8Array | string;
  /** Width in CSS pixels of the PNG; default the figure's width, else 800. */
  readonly pngWidth?: number;
  /** What the figure is, in words (alt text of the PNG; the placeholder without one). */
  readonly description?: string;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ESCAPES[c]);

/** JSON that can sit inside a <script> element: no "</script", "<!--" or line separators. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** The figure's JSON as plotly wants it (typed arrays as arrays). */
export function plainFigure(fig: PlotlyFigure): { data: unknown[]; layout: Record<string, unknown>; config: Record<string, unknown> } {
  if (fig === null || typeof fig !== "object" || !Array.isArray(fig.data)) {
    throw new SurvivalInputError(`fig is ${show(fig)}: expected a plotly figure {data, layout, config}`, "fig", undefined, fig);
  }
  return JSON.parse(
    JSON.stringify({ data: fig.data, layout: fig.layout ?? {}, config: fig.config ?? {} }, (_, v) =>
      ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v,
    ),
  );
}

const base64 = (png: Uint8Array | string) =>
  typeof png === "string" ? png : Buffer.from(png.buffer, png.byteOffset, png.byteLength).toString("base64");

/** The figure as HTML: a placeholder (PNG or a line of text) that plotly replaces when it draws. */
export function figureHtml(fig: PlotlyFigure, options: FigureHtmlOptions): string {
  const plain = plainFigure(fig);
  if (typeof options.id !== "string" || !/^[A-Za-z][\w-]*$/.test(options.id)) {
    throw new SurvivalInputError(`id is ${show(options.id)}: it must be a letter followed by letters, digits, - or _`, "id", undefined, options.id);
  }
  const description = options.description ?? "Figure";
  const width = options.pngWidth ?? (plain.layout.width as number | undefined) ?? 800;
  const placeholder = options.png
    ? `<img src="data:image/png;base64,${base64(options.png)}" alt="${escapeHtml(description)}" style="width: ${width}px; max-width: 100%">`
    : `<p style="font-style: italic">${escapeHtml(description)} (drawn by plotly.js once the kernel has sent it: run the cell; if this stays, run <code>loadPlotly()</code> from the presentation layer in a cell above)</p>`;
  return [
    `<div class="plotly-figure" id="${options.id}">${placeholder}</div>`,
    `<script type="text/javascript">`,
    `(function () {`,
    `  var fig = ${scriptJson(plain)};`,
    `  function draw() {`,
    `    var el = document.getElementById(${JSON.stringify(options.id)});`,
    `    if (!el || !window.Plotly) return false;`,
    `    el.innerHTML = "";`,
    `    window.Plotly.newPlot(el, fig.data, fig.layout, fig.config);`,
    `    return true;`,
    `  }`,
    `  if (!draw()) { var tries = 0; var timer = setInterval(function () { if (draw() || ++tries > 100) clearInterval(timer); }, 50); }`,
    `})();`,
    `</script>`,
  ].join("\n");
}

/**
 * plotly.js as one `text/html` script, to be sent once per kernel session before the first
 * figure: it defines `window.Plotly` in the page (plotly.js 3 registers no AMD module, so it
 * loads alike with and without classic Notebook's require.js).
 */
export function plotlyLoaderHtml(plotlyJs: string): string {
  return `<script type="text/javascript">\n${plotlyJs.replace(/<\/script/gi, "<\\/script")}\n</script>`;
}
