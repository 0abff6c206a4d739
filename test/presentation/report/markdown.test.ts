import { describe, expect, it } from "vitest";
import { escapeHtml, inline, renderMarkdown } from "../../../src/presentation/report/markdown.js";

// Expected HTML written by hand from the CommonMark / GFM specs (spec.commonmark.org, github.github.com/gfm).
describe("renderMarkdown", () => {
  it("renders headings with GitHub-style ids, unique within a document", () => {
    const seen: [number, string, string][] = [];
    const html = renderMarkdown("# Recurrence (Table 1)\n\n## 1-year rates: *Fisher*\n\n## Recurrence (Table 1)", {
      idPrefix: "nb--",
      onHeading: (l, t, id) => seen.push([l, t, id]),
    });
    expect(html).toBe(
      '<h1 id="nb--recurrence-table-1">Recurrence (Table 1)</h1>\n' +
        '<h2 id="nb--1-year-rates-fisher">1-year rates: <em>Fisher</em></h2>\n' +
        '<h2 id="nb--recurrence-table-1-1">Recurrence (Table 1)</h2>',
    );
    expect(seen).toEqual([
      [1, "Recurrence (Table 1)", "nb--recurrence-table-1"],
      [2, "1-year rates: Fisher", "nb--1-year-rates-fisher"],
      [2, "Recurrence (Table 1)", "nb--recurrence-table-1-1"],
    ]);
  });

  it("keeps ids unique across calls that share a map", () => {
    const ids = new Map<string, number>();
    expect(renderMarkdown("## A", { ids })).toBe('<h2 id="a">A</h2>');
    expect(renderMarkdown("## A", { ids })).toBe('<h2 id="a-1">A</h2>');
  });

  it("renders paragraphs with soft and hard line breaks", () => {
    expect(renderMarkdown("one\ntwo  \nthree\\\nfour\n\nnext")).toBe("<p>one\ntwo<br>\nthree<br>\nfour</p>\n<p>next</p>");
  });

  it("renders inline code, strong, emphasis, strike, links and images", () => {
    expect(inline("**10 of 23** *within* ~~a~~ `a < b` [R](https://r-project.org) ![fig](img/a.png)")).toBe(
      '<strong>10 of 23</strong> <em>within</em> <del>a</del> <code>a &lt; b</code> <a href="https://r-project.org">R</a> <img src="img/a.png" alt="fig">',
    );
    expect(inline("snake_case_name and 2 * 3 * 4")).toBe("snake_case_name and 2 * 3 * 4");
    expect(inline("\\*not emphasis\\*")).toBe("*not emphasis*");
    expect(inline("`**not bold**`")).toBe("<code>**not bold**</code>");
    expect(inline("<https://example.org/a?b=1&c=2>")).toBe('<a href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a>');
  });

  it("shows raw HTML as text and drops links with other schemes", () => {
    expect(renderMarkdown("<script>alert(1)</script> & <b>x</b>")).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;x&lt;/b&gt;</p>");
    expect(inline("[x](javascript:alert(1))")).toBe("[x](javascript:alert(1))");
    expect(inline('[x](https://a.org/"onmouseover=")')).not.toContain('"onmouseover');
  });

  it("keeps math as written", () => {
    expect(inline("$\\chi^2 < 3$")).toBe('<span class="math">$\\chi^2 &lt; 3$</span>');
    expect(renderMarkdown("$$\nS(t) = \\prod\n$$")).toBe('<div class="math">$$\nS(t) = \\prod\n$$</div>');
    expect(inline("costs $5 and $10")).toBe("costs $5 and $10");
  });

  it("renders tight, loose, nested and numbered lists", () => {
    expect(renderMarkdown("- one\n- two\n  - a *b*\n  - c\n- three\n  continued")).toBe(
      "<ul>\n<li>one</li>\n<li>two\n<ul>\n<li>a <em>b</em></li>\n<li>c</li>\n</ul></li>\n<li>three\ncontinued</li>\n</ul>",
    );
    expect(renderMarkdown("1. first\n\n2. second")).toBe("<ol>\n<li><p>first</p></li>\n<li><p>second</p></li>\n</ol>");
    expect(renderMarkdown("3. c\n4. d")).toBe('<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>');
    expect(renderMarkdown("Text\n- item")).toBe("<p>Text</p>\n<ul>\n<li>item</li>\n</ul>");
  });

  it("renders GFM tables with alignment and escaped bars", () => {
    expect(renderMarkdown("| claim | value |\n|:--|--:|\n| C1 \\| a | **0.04** |\n| C2 |")).toBe(
      "<table>\n<thead><tr><th style=\"text-align:left\">claim</th><th style=\"text-align:right\">value</th></tr></thead>\n<tbody>\n" +
        '<tr><td style="text-align:left">C1 | a</td><td style="text-align:right"><strong>0.04</strong></td></tr>\n' +
        '<tr><td style="text-align:left">C2</td><td style="text-align:right"></td></tr>\n</tbody>\n</table>',
    );
  });

  it("renders fenced code, quotes and rules, escaping code", () => {
    expect(renderMarkdown("```ts\nconst x = a < b && c;\n```")).toBe('<pre><code class="language-ts">const x = a &lt; b &amp;&amp; c;</code></pre>');
    expect(renderMarkdown("~~~\n# not a heading\n~~~")).toBe("<pre><code># not a heading</code></pre>");
    expect(renderMarkdown("> quoted **text**\n> more")).toBe("<blockquote>\n<p>quoted <strong>text</strong>\nmore</p>\n</blockquote>");
    expect(renderMarkdown("a\n\n---\n\nb")).toBe("<p>a</p>\n<hr>\n<p>b</p>");
  });

  it("escapes the five HTML specials", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
