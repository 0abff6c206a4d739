import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/presentation/report/buildReport.js";
import { displayBundle } from "../../../src/presentation/display/show.js";
import { rateBarFigure } from "../../../src/presentation/figures/rateBarFigure.js";

const STUB = "/* plotly stub */ window.Plotly = {};";
const bars = rateBarFigure([{ label: "R", arms: [{ label: "A", events: 1, total: 3 }] }], { title: "Bars" });
// A trace name that would end the figure's <script> if written raw.
const fig = { ...bars, data: [...bars.data, { type: "scatter", uid: "raw", name: "</script><b>x" }] };

// A small executed notebook as nbformat stores it (multi-line fields as lists of lines).
const nb = {
  cells: [
    { cell_type: "markdown", source: ["# Recurrence\n", "\n", "Rates of **recurrence**.\n"] },
    {
      cell_type: "code",
      source: "const a = 1 < 2 && true;",
      execution_count: 1,
      outputs: [
        { output_type: "stream", name: "stdout", text: ["<b>not bold</b> & co\n", "line 2\n"] },
        { output_type: "stream", name: "stderr", text: "warning <x>\n" },
      ],
    },
    { cell_type: "markdown", source: "## Table\n\nA table follows." },
    {
      cell_type: "code",
      source: "df",
      execution_count: 2,
      outputs: [
        {
          output_type: "execute_result",
          execution_count: 2,
          data: { "text/html": "<table><tr><th>group</th></tr><tr><td>1</td></tr></table>", "text/plain": "group\n1" },
          metadata: {},
        },
      ],
    },
    { cell_type: "code", source: "show(fig)", execution_count: 3, outputs: [{ output_type: "display_data", ...displayBundle(fig) }] },
    {
      cell_type: "code",
      source: "png",
      execution_count: 4,
      outputs: [{ output_type: "display_data", data: { "image/png": "iVBORw0KGgo=\n", "text/plain": "a <png>" }, metadata: { "image/png": { width: 400 } } }],
    },
    {
      cell_type: "code",
      source: "oops()",
      execution_count: 5,
      outputs: [{ output_type: "error", ename: "TypeError", evalue: "oops <is> not a function", traceback: ["\u001b[31mTypeError: oops <is> not a function\u001b[0m", "    at <cell>"] }],
    },
    { cell_type: "code", source: "", execution_count: null, outputs: [] },
  ],
};

describe("buildReport", () => {
  const html = buildReport(
    [
      { name: "03-recurrence", nb },
      { name: "04 lung", nb: { cells: [{ cell_type: "markdown", source: "## Table\n" }] } },
    ],
    { plotlyJs: STUB, title: "Report <1>" },
  );

  it("is one HTML page with a title and a table of contents linking every notebook and section", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("<title>Report &lt;1&gt;</title>");
    expect(html).toContain('<li><a href="#03-recurrence--recurrence">Recurrence</a>');
    expect(html).toContain('<li><a href="#03-recurrence--table">Table</a></li>');
    // A notebook without a level-1 heading is titled by its name; its heading ids get its own prefix.
    expect(html).toContain('<h1 id="04-lung">04 lung</h1>');
    expect(html).toContain('<h2 id="04-lung--table">Table</h2>');
    expect(html).toContain('<li><a href="#04-lung">04 lung</a>');
  });

  it("escapes code, streams, errors and plain text, and strips terminal colours", () => {
    expect(html).toContain("<pre><code>const a = 1 &lt; 2 &amp;&amp; true;</code></pre>");
    expect(html).toContain('<pre class="stream stdout">&lt;b&gt;not bold&lt;/b&gt; &amp; co\nline 2\n</pre>');
    expect(html).toContain('<pre class="stream stderr">warning &lt;x&gt;\n</pre>');
    expect(html).toContain('<pre class="error">TypeError: oops &lt;is&gt; not a function\n    at &lt;cell&gt;</pre>');
    expect(html).not.toContain("<b>not bold</b>");
    expect(html).not.toContain("\u001b");
  });

  it("folds code cells, skips empty ones, and renders markdown", () => {
    expect(html).toContain("<details class=\"code\"><summary>Code [1]</summary>");
    expect(html.match(/<details class="code">/g)).toHaveLength(5);
    expect(html).toContain("<p>Rates of <strong>recurrence</strong>.</p>");
  });

  it("inserts text/html outputs as tables and PNGs as images", () => {
    expect(html).toContain('<div class="html-output"><table><tr><th>group</th></tr><tr><td>1</td></tr></table></div>');
    expect(html).toContain('<img class="figure" src="data:image/png;base64,iVBORw0KGgo=" width="400" alt="a &lt;png&gt;">');
  });

  it("inlines plotly.js once and embeds each figure's JSON so that it cannot close its script", () => {
    expect(html.split(STUB)).toHaveLength(2);
    expect(html).toContain('<div class="figure plotly-figure" id="figure-0"');
    const json = html.match(/<script type="application\/json" id="figure-0-data">([\s\S]*?)<\/script>/);
    expect(json).not.toBeNull();
    expect(json![1]).not.toContain("</script>");
    expect(html).not.toContain("</script><b>x");
    expect(JSON.parse(json![1])).toEqual(JSON.parse(JSON.stringify(fig)));
    expect(html).toContain("Plotly.newPlot(");
  });

  it("leaves plotly.js out when no output is a figure, and gives the same bytes twice", () => {
    const small = [{ name: "a", nb: { cells: [{ cell_type: "markdown", source: "# A" }] } }];
    const page = buildReport(small, { plotlyJs: STUB });
    expect(page).not.toContain(STUB);
    expect(buildReport(small, { plotlyJs: STUB })).toBe(page);
    expect(buildReport([{ name: "03-recurrence", nb }], { plotlyJs: STUB })).toBe(buildReport([{ name: "03-recurrence", nb }], { plotlyJs: STUB }));
  });

  it("rejects what is not a list of notebooks, and a plotly output that is not a figure", () => {
    expect(() => buildReport({} as any)).toThrow(/notebooks must be an array/);
    expect(() => buildReport([{ name: "x", nb: {} as any }])).toThrow(/notebooks\[0\]/);
    const broken = { cells: [{ cell_type: "code", source: "x", outputs: [{ output_type: "display_data", data: { "application/vnd.plotly.v1+json": { layout: {} } } }] }] };
    expect(() => buildReport([{ name: "nb", nb: broken }], { plotlyJs: STUB })).toThrow(/nb cell 0/);
  });
});
