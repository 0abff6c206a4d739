/**
 * The executed notebooks as one offline HTML page: a table of contents, each notebook's
 * markdown rendered, code cells folded under "Code" (a button opens them all), and the
 * outputs: text and errors as escaped preformatted text, tables (text/html outputs), images,
 * and plotly figures drawn interactively. plotly.js-dist-min is inlined once (about 4.7 MB)
 * and only when some output is a figure; the page loads nothing from the network.
 *
 * Per output, the richest MIME type is shown, as JupyterLab does: plotly JSON, then HTML,
 * PNG, SVG, JPEG, Markdown, JSON, plain text. `text/html` outputs are inserted as they are
 * (the notebooks' own executed output, trusted as Jupyter trusts a notebook it ran); every
 * other text is escaped. The page is a pure function of its input: the same notebooks give
 * the same bytes.
 *
 * With the `explorer` option (explorerSection(), src/presentation/explorer/), the page ends
 * with the interactive explorer: its section after the notebooks (and in the contents), its CSS
 * in the head, its script after plotly.js.
 *
 * @example
 * writeFileSync("build/report/index.html", buildReport([{ name: "01-data", nb }]));
 */
import { checkOptions } from "../../survival/core/validate.js";
import { escapeHtml, renderMarkdown } from "./markdown.js";
import { PLOTLY_MIME } from "../display/show.js";
import { plotlySource } from "../figures/plotlySource.js";
import type { ExplorerSection } from "../explorer/explorerPage.js";

/** What the report reads of an nbformat 4 notebook (multi-line fields as a string or lines). */
export interface NotebookLike {
  readonly cells: readonly CellLike[];
  readonly metadata?: Record<string, unknown>;
}
export interface CellLike {
  readonly cell_type: string;
  readonly source: string | readonly string[];
  readonly execution_count?: number | null;
  readonly outputs?: readonly OutputLike[];
}
export interface OutputLike {
  readonly output_type: string;
  readonly name?: string;
  readonly text?: string | readonly string[];
  readonly data?: Record<string, unknown>;
  readonly metadata?: Record<string, unknown>;
  readonly ename?: string;
  readonly evalue?: string;
  readonly traceback?: readonly string[];
}

export interface ReportOptions {
  /** The page title; default "Reproduction report". */
  readonly title?: string;
  /** Replaces the inlined plotly.js (tests pass a stub); default plotly.js-dist-min. */
  readonly plotlyJs?: string;
  /** The explorer to end the page with (explorerSection()); default none. */
  readonly explorer?: ExplorerSection;
}

interface Heading {
  readonly level: number;
  readonly text: string;
  readonly id: string;
}

export function buildReport(
  notebooks: readonly { readonly name: string; readonly nb: NotebookLike }[],
  options: ReportOptions = {},
): string {
  if (!Array.isArray(notebooks as unknown)) throw new TypeError("buildReport: notebooks must be an array of {name, nb}");
  checkOptions("buildReport", options, ["title", "plotlyJs", "explorer"]);
  const title = options.title ?? "Reproduction report";
  const figures: string[] = [];
  const usedSlugs = new Map<string, number>();
  const toc: string[] = [];
  const sections: string[] = [];

  notebooks.forEach(({ name, nb }, n) => {
    if (typeof name !== "string" || !nb || !Array.isArray(nb.cells as unknown)) {
      throw new TypeError(`buildReport: notebooks[${n}] must be {name: string, nb: {cells: [...]}}`);
    }
    const slug = uniqueSlug(name, usedSlugs);
    const headings: Heading[] = [];
    const body: string[] = [];
    // Heading ids are unique within the notebook (one map over its cells) and across notebooks (the prefix).
    const markdown = {
      idPrefix: `${slug}--`,
      ids: new Map<string, number>(),
      onHeading: (level: number, text: string, id: string) => void headings.push({ level, text, id }),
    };
    nb.cells.forEach((cell, c) => {
      const source = joinText(cell.source);
      if (cell.cell_type === "markdown") {
        body.push(`<div class="markdown">${renderMarkdown(source, markdown)}</div>`);
      } else if (cell.cell_type === "code") {
        if (source.trim()) {
          const label = typeof cell.execution_count === "number" ? `Code [${cell.execution_count}]` : "Code";
          body.push(`<details class="code"><summary>${label}</summary><pre><code>${escapeHtml(source)}</code></pre></details>`);
        }
        const outputs = (cell.outputs ?? []).map((o) => renderOutput(o, figures, `${name} cell ${c}`)).filter((s) => s !== "");
        if (outputs.length) body.push(`<div class="outputs">\n${outputs.join("\n")}\n</div>`);
      } else if (cell.cell_type === "raw") {
        if (source.trim()) body.push(`<pre class="raw">${escapeHtml(source)}</pre>`);
      }
    });
    const top = headings.find((h) => h.level === 1);
    const heading = top ? "" : `<h1 id="${slug}">${escapeHtml(name)}</h1>\n`;
    const entries = headings.filter((h) => h.level === 2).map((h) => `<li><a href="#${h.id}">${escapeHtml(h.text)}</a></li>`);
    toc.push(
      `<li><a href="#${top ? top.id : slug}">${escapeHtml(top ? top.text : name)}</a>` +
        `${entries.length ? `\n<ul>\n${entries.join("\n")}\n</ul>\n` : ""}</li>`,
    );
    sections.push(`<section class="notebook" id="nb-${slug}" data-notebook="${escapeHtml(name)}">\n${heading}${body.join("\n")}\n</section>`);
  });

  const explorer = options.explorer;
  if (explorer) {
    toc.push(`<li><a href="#explorer">Explore: change the analysis</a></li>`);
    sections.push(explorer.html);
  }
  const plotly = figures.length || explorer ? `<script>${scriptSafe(options.plotlyJs ?? plotlySource())}</script>\n` : "";
  const figureData = figures
    .map((json, k) => `<script type="application/json" id="figure-${k}-data">${json}</script>`)
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}${explorer ? explorer.style : ""}</style>
</head>
<body>
<header>
<p class="report-title">${escapeHtml(title)}</p>
<button type="button" id="toggle-code">Show all code</button>
</header>
<nav id="toc" aria-label="Contents">
<h2>Contents</h2>
<ol>
${toc.join("\n")}
</ol>
</nav>
<main>
${sections.join("\n")}
</main>
${figureData}
${plotly}<script>${PAGE_SCRIPT}</script>
${explorer ? `<script>${explorer.script}</script>\n` : ""}</body>
</html>
`;
}

/** One output as HTML ("" for outputs with nothing to show); figures are queued in `figures`. */
function renderOutput(o: OutputLike, figures: string[], where: string): string {
  switch (o.output_type) {
    case "stream": {
      const text = joinText(o.text);
      return text ? `<pre class="stream ${o.name === "stderr" ? "stderr" : "stdout"}">${escapeHtml(text)}</pre>` : "";
    }
    case "error": {
      const trace = (o.traceback ?? []).map(stripAnsi).join("\n");
      const head = `${o.ename ?? "Error"}: ${o.evalue ?? ""}`;
      return `<pre class="error">${escapeHtml(trace.includes(o.evalue ?? "\u0000") ? trace : `${head}\n${trace}`.trim())}</pre>`;
    }
    case "display_data":
    case "execute_result":
      return renderBundle(o.data ?? {}, o.metadata ?? {}, figures, where);
    default:
      return "";
  }
}

function renderBundle(data: Record<string, unknown>, metadata: Record<string, unknown>, figures: string[], where: string): string {
  if (data[PLOTLY_MIME] !== undefined) {
    const fig = data[PLOTLY_MIME];
    if (fig === null || typeof fig !== "object" || !Array.isArray((fig as { data?: unknown }).data)) {
      throw new TypeError(`buildReport: ${where}: ${PLOTLY_MIME} output is not a plotly figure {data, layout}`);
    }
    const k = figures.push(JSON.stringify(fig).replace(/</g, "\\u003c")) - 1;
    const alt = joinText(data["text/plain"] as string | string[] | undefined);
    return `<div class="figure plotly-figure" id="figure-${k}" role="img" aria-label="${escapeHtml(alt)}"></div>`;
  }
  if (data["text/html"] !== undefined) return `<div class="html-output">${joinText(data["text/html"] as string | string[])}</div>`;
  for (const mime of ["image/png", "image/jpeg", "image/gif"]) {
    if (data[mime] !== undefined) {
      const b64 = joinText(data[mime] as string | string[]).replace(/\s/g, "");
      const meta = (metadata[mime] ?? {}) as { width?: unknown; height?: unknown };
      const width = typeof meta.width === "number" ? ` width="${meta.width}"` : "";
      const alt = escapeHtml(joinText(data["text/plain"] as string | string[] | undefined));
      return `<img class="figure" src="data:${mime};base64,${escapeHtml(b64)}"${width} alt="${alt}">`;
    }
  }
  if (data["image/svg+xml"] !== undefined) {
    const svg = joinText(data["image/svg+xml"] as string | string[]);
    return `<img class="figure" src="data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}" alt="">`;
  }
  if (data["text/markdown"] !== undefined) {
    return `<div class="markdown">${renderMarkdown(joinText(data["text/markdown"] as string | string[]))}</div>`;
  }
  if (data["application/json"] !== undefined) {
    return `<pre class="json">${escapeHtml(JSON.stringify(data["application/json"], null, 2))}</pre>`;
  }
  if (data["text/plain"] !== undefined) {
    return `<pre class="text">${escapeHtml(joinText(data["text/plain"] as string | string[]))}</pre>`;
  }
  return "";
}

/** nbformat stores multi-line text as a string or a list of lines. */
function joinText(x: string | readonly string[] | undefined): string {
  if (x === undefined || x === null) return "";
  return typeof x === "string" ? x : x.join("");
}

/** Terminal colour codes, which tracebacks carry. */
function stripAnsi(s: string): string {
  return s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "");
}

/** A script's text may not contain "</script". */
function scriptSafe(js: string): string {
  return js.replace(/<\/script/gi, "<\\/script");
}

function uniqueSlug(name: string, used: Map<string, number>): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "notebook";
  return dedupe(base, used);
}

function dedupe(id: string, used: Map<string, number>): string {
  const seen = used.get(id) ?? 0;
  used.set(id, seen + 1);
  return seen ? `${id}-${seen}` : id;
}

const STYLE = `
:root { --text: #1f2328; --muted: #59636e; --rule: #d1d9e0; --code: #f6f8fa; --accent: #0072B2; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--text); font: 16px/1.55 -apple-system, "Segoe UI", "Liberation Sans", Arial, sans-serif; }
header { position: sticky; top: 0; z-index: 10; display: flex; justify-content: space-between; align-items: center;
  padding: 0.4rem 1.5rem; background: #ffffffee; border-bottom: 1px solid var(--rule); }
.report-title { margin: 0; font-weight: 600; }
header button { font: inherit; font-size: 0.9rem; padding: 0.2rem 0.7rem; border: 1px solid var(--rule); border-radius: 6px; background: var(--code); cursor: pointer; }
nav#toc, main { max-width: 980px; margin: 0 auto; padding: 0 1.5rem; }
nav#toc { padding-top: 1rem; border-bottom: 1px solid var(--rule); padding-bottom: 1rem; }
nav#toc ol, nav#toc ul { margin: 0.2rem 0; }
section.notebook { padding: 1rem 0 2rem; border-bottom: 1px solid var(--rule); }
h1, h2, h3 { line-height: 1.25; scroll-margin-top: 3.5rem; }
h1 { font-size: 1.8rem; margin-top: 1.5rem; }
h2 { font-size: 1.35rem; margin-top: 1.6rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.2rem; }
a { color: var(--accent); }
code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.86rem; }
:not(pre) > code { background: var(--code); padding: 0.1rem 0.3rem; border-radius: 4px; }
pre { background: var(--code); padding: 0.6rem 0.8rem; border-radius: 6px; overflow-x: auto; line-height: 1.4; }
details.code { margin: 0.6rem 0 0.2rem; }
details.code > summary { cursor: pointer; color: var(--muted); font-size: 0.85rem; }
details.code > pre { border-left: 3px solid var(--accent); }
.outputs { margin: 0.3rem 0 1rem; }
.outputs pre { background: #fff; border: 1px solid var(--rule); }
pre.stderr { background: #fff8e6 !important; }
pre.error { background: #fff0f0 !important; border-color: #e5a0a0 !important; color: #8a1f11; }
table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.9rem; display: block; overflow-x: auto; }
th, td { border: 1px solid var(--rule); padding: 0.25rem 0.6rem; text-align: right; }
th { background: var(--code); }
.markdown td, .markdown th { text-align: left; }
blockquote { margin: 0.8rem 0; padding: 0 1rem; color: var(--muted); border-left: 4px solid var(--rule); }
.math { font-family: "DejaVu Serif", Georgia, serif; }
div.math { margin: 0.8rem 0; text-align: center; white-space: pre-wrap; }
img.figure { max-width: 100%; height: auto; display: block; margin: 0.5rem 0; }
.plotly-figure { width: 100%; margin: 0.5rem 0; }
.figure-error { color: #8a1f11; }
`;

/** Draws every figure; a figure that fails shows its error in place (and the page goes on). */
const PAGE_SCRIPT = `
(function () {
  var figures = document.querySelectorAll(".plotly-figure");
  for (var i = 0; i < figures.length; i++) {
    var div = figures[i];
    try {
      var fig = JSON.parse(document.getElementById(div.id + "-data").textContent);
      var config = Object.assign({}, fig.config || {}, { responsive: true });
      Plotly.newPlot(div, fig.data, fig.layout || {}, config);
    } catch (e) {
      div.className += " figure-error";
      div.textContent = "This figure could not be drawn: " + e;
    }
  }
  var button = document.getElementById("toggle-code");
  button.addEventListener("click", function () {
    var open = button.textContent.indexOf("Show") === 0;
    var blocks = document.querySelectorAll("details.code");
    for (var j = 0; j < blocks.length; j++) blocks[j].open = open;
    button.textContent = open ? "Hide all code" : "Show all code";
  });
})();
`;
