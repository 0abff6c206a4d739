/**
 * A small Markdown renderer for notebook markdown cells in the HTML report: the CommonMark /
 * GitHub subset notebooks use (https://spec.commonmark.org, https://github.github.com/gfm/).
 *
 * Blocks: ATX headings (# to ######), paragraphs (a line ending in two spaces or "\" breaks),
 * fenced code (``` or ~~~), block quotes, bullet and ordered lists (nested by indentation,
 * tight or loose), GFM tables (with :--: alignment), horizontal rules and $$ display math
 * (kept as text). Inline: `code`, **strong**, *emphasis*, ~~strike~~, [links](url),
 * ![images](src), <https://autolinks>, backslash escapes, $math$ (kept as text).
 *
 * Differences from Jupyter, on purpose: raw HTML is shown as text, not interpreted (the report
 * runs no markup it did not write), and links are kept only for http(s), mailto, relative
 * paths and #anchors. Headings get ids (GitHub's slug rule) for the table of contents.
 */

import { checkOptions } from "../../survival/core/validate.js";

export interface MarkdownOptions {
  /** Prefix for heading ids (the report gives each notebook its own). */
  readonly idPrefix?: string;
  /** Called for every heading rendered: level, plain text, id. */
  readonly onHeading?: (level: number, text: string, id: string) => void;
  /** Ids already given; pass the same map to several calls to keep ids unique across them. */
  readonly ids?: Map<string, number>;
}

const escapeMap: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => escapeMap[c]);
}

export function renderMarkdown(source: string, options: MarkdownOptions = {}): string {
  checkOptions("renderMarkdown", options, ["idPrefix", "onHeading", "ids"]);
  const ctx: Context = { options, used: options.ids ?? new Map<string, number>() };
  const lines = source.replace(/\r\n?/g, "\n").replace(/\t/g, "    ").split("\n");
  return blocks(lines, ctx).join("\n");
}

interface Context {
  readonly options: MarkdownOptions;
  readonly used: Map<string, number>;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const ITEM = /^( *)([-*+]|\d{1,9}[.)])( +|$)(.*)$/;
const TABLE_SEPARATOR = /^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

function blocks(lines: string[], ctx: Context): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (/^\s*$/.test(line)) {
      i++;
      continue;
    }
    let m: RegExpMatchArray | null;
    if ((m = line.match(FENCE))) {
      const fence = m[1];
      const lang = m[2];
      const body: string[] = [];
      i++;
      while (i < lines.length && !new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(lines[i])) body.push(lines[i++]);
      i++; // the closing fence (or the end)
      const cls = lang ? ` class="language-${escapeHtml(lang)}"` : "";
      out.push(`<pre><code${cls}>${escapeHtml(body.join("\n"))}</code></pre>`);
      continue;
    }
    if (/^\s*\$\$/.test(line)) {
      // Display math, kept as written: $$ ... $$ on one line or over several.
      const body: string[] = [line];
      const oneLine = line.trim().length >= 4 && line.trim().endsWith("$$");
      i++;
      if (!oneLine) {
        while (i < lines.length && !/\$\$\s*$/.test(lines[i])) body.push(lines[i++]);
        if (i < lines.length) body.push(lines[i++]);
      }
      out.push(`<div class="math">${escapeHtml(body.join("\n").trim())}</div>`);
      continue;
    }
    if ((m = line.match(HEADING))) {
      const level = m[1].length;
      const text = (m[2] ?? "").trim();
      const id = headingId(text, ctx);
      ctx.options.onHeading?.(level, plainText(text), id);
      out.push(`<h${level} id="${id}">${inline(text)}</h${level}>`);
      i++;
      continue;
    }
    if (RULE.test(line)) {
      out.push("<hr>");
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && !/^\s*$/.test(lines[i])) {
        const q = lines[i].match(QUOTE);
        body.push(q ? q[1] : lines[i]);
        i++;
      }
      out.push(`<blockquote>\n${blocks(body, ctx).join("\n")}\n</blockquote>`);
      continue;
    }
    if (ITEM.test(line) && !(RULE.test(line))) {
      i = list(lines, i, ctx, out);
      continue;
    }
    if (line.includes("|") && i + 1 < lines.length && TABLE_SEPARATOR.test(lines[i + 1]) && lines[i + 1].includes("-")) {
      i = table(lines, i, out);
      continue;
    }
    // A paragraph: up to a blank line or the start of another block.
    const para: string[] = [];
    while (i < lines.length && !/^\s*$/.test(lines[i])) {
      const l = lines[i];
      if (para.length && (FENCE.test(l) || HEADING.test(l) || QUOTE.test(l) || RULE.test(l) || /^ {0,3}([-*+]|1[.)]) +\S/.test(l))) break;
      para.push(l);
      i++;
    }
    out.push(`<p>${paragraph(para)}</p>`);
  }
  return out;
}

/** A list starting at lines[start]; appends its HTML to out and returns the next line index. */
function list(lines: string[], start: number, ctx: Context, out: string[]): number {
  const first = lines[start].match(ITEM) as RegExpMatchArray;
  const indent = first[1].length;
  const ordered = /\d/.test(first[2]);
  const startNumber = ordered ? parseInt(first[2], 10) : 1;
  const items: string[][] = [];
  let loose = false;
  let i = start;
  while (i < lines.length) {
    const m = lines[i].match(ITEM);
    if (!m || m[1].length !== indent || /\d/.test(m[2]) !== ordered) break;
    const contentIndent = m[1].length + m[2].length + Math.max(1, Math.min(m[3].length, 4));
    const item: string[] = [m[4]];
    i++;
    while (i < lines.length) {
      const l = lines[i];
      if (/^\s*$/.test(l)) {
        // A blank line: the item goes on only if the next non-blank line is indented into it.
        let j = i;
        while (j < lines.length && /^\s*$/.test(lines[j])) j++;
        if (j < lines.length && leading(lines[j]) >= contentIndent) {
          loose = true;
          for (; i < j; i++) item.push("");
          continue;
        }
        break;
      }
      const sub = l.match(ITEM);
      if (sub && sub[1].length <= indent) break;
      if (leading(l) >= contentIndent) item.push(l.slice(contentIndent));
      else if (sub) item.push(l.trimStart());
      else if (HEADING.test(l) || FENCE.test(l) || RULE.test(l)) break;
      else item.push(l.trimStart()); // lazy continuation of the item's paragraph
      i++;
    }
    items.push(item);
    // A blank line between items makes the list loose.
    let j = i;
    while (j < lines.length && /^\s*$/.test(lines[j])) j++;
    const next = j < lines.length ? lines[j].match(ITEM) : null;
    if (j > i && next && next[1].length === indent && /\d/.test(next[2]) === ordered) {
      loose = true;
      i = j;
    }
  }
  const tag = ordered ? "ol" : "ul";
  const startAttr = ordered && startNumber !== 1 ? ` start="${startNumber}"` : "";
  const html = items.map((item) => {
    let inner = blocks(item, ctx);
    if (!loose) inner = inner.map((b) => (b.startsWith("<p>") ? b.slice(3, -4) : b));
    return `<li>${inner.join("\n")}</li>`;
  });
  out.push(`<${tag}${startAttr}>\n${html.join("\n")}\n</${tag}>`);
  return i;
}

/** A GFM table whose header is lines[start]; appends it to out and returns the next index. */
function table(lines: string[], start: number, out: string[]): number {
  const header = cells(lines[start]);
  const align = cells(lines[start + 1]).map((c) =>
    c.startsWith(":") && c.endsWith(":") ? "center" : c.endsWith(":") ? "right" : c.startsWith(":") ? "left" : "",
  );
  const row = (cs: string[], tag: string): string =>
    `<tr>${header
      .map((_, k) => {
        const style = align[k] ? ` style="text-align:${align[k]}"` : "";
        return `<${tag}${style}>${inline(cs[k] ?? "")}</${tag}>`;
      })
      .join("")}</tr>`;
  const body: string[] = [];
  let i = start + 2;
  while (i < lines.length && !/^\s*$/.test(lines[i]) && lines[i].includes("|")) body.push(row(cells(lines[i++]), "td"));
  out.push(
    `<table>\n<thead>${row(header, "th")}</thead>\n<tbody>\n${body.join("\n")}\n</tbody>\n</table>`,
  );
  return i;
}

/** The cells of a table row; "\|" is a literal bar. */
function cells(line: string): string[] {
  let s = line.trim();
  if (s.startsWith("|")) s = s.slice(1);
  if (s.endsWith("|") && !s.endsWith("\\|")) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, "|"));
}

function leading(line: string): number {
  return line.length - line.trimStart().length;
}

/** Paragraph lines joined; a line ending in two spaces or a backslash breaks. */
function paragraph(lines: string[]): string {
  return lines
    .map((l, k) => {
      const last = k === lines.length - 1;
      const hard = !last && (/ {2,}$/.test(l) || /\\$/.test(l));
      const text = inline(hard && l.endsWith("\\") ? l.slice(0, -1) : l.trim());
      return hard ? `${text}<br>` : text;
    })
    .join("\n");
}

/** Inline markup. Code spans and escapes are set aside first, so nothing inside them is parsed. */
export function inline(text: string): string {
  const held: string[] = [];
  const hold = (html: string): string => `\u0000${held.push(html) - 1}\u0000`;
  let s = text.replace(/\u0000/g, "");
  s = s.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (_, __, code: string) => hold(`<code>${escapeHtml(code.replace(/^ (.*) $/, "$1"))}</code>`));
  s = s.replace(/\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])/g, (_, c: string) => hold(escapeHtml(c)));
  // Math is kept as written (no renderer in an offline page).
  s = s.replace(/\$([^$\s](?:[^$]*[^$\s])?)\$/g, (m: string) => hold(`<span class="math">${escapeHtml(m)}</span>`));
  s = s.replace(/<((?:https?:\/\/|mailto:)[^\s<>]+)>/g, (_, url: string) => hold(`<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`));
  s = escapeHtml(s);
  s = s.replace(/!\[([^\]]*)\]\(([^()\s]+)(?:\s+&quot;([^"]*?)&quot;)?\)/g, (m: string, alt: string, url: string, title?: string) => {
    const href = safeUrl(url);
    if (href === null) return m;
    return hold(`<img src="${href}" alt="${alt}"${title ? ` title="${title}"` : ""}>`);
  });
  s = s.replace(/\[([^\]]+)\]\(([^()\s]+)(?:\s+&quot;([^"]*?)&quot;)?\)/g, (m: string, label: string, url: string, title?: string) => {
    const href = safeUrl(url);
    if (href === null) return m;
    return `<a href="${href}"${title ? ` title="${title}"` : ""}>${label}</a>`;
  });
  s = s.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, (m: string, mark: string, body: string, at: number, all: string) =>
    mark === "__" && /\w/.test(all[at - 1] ?? "") ? m : `<strong>${body}</strong>`,
  );
  s = s.replace(/(^|[^\w*])\*(?=[^\s*])([\s\S]*?[^\s*])\*(?!\*)/g, "$1<em>$2</em>");
  s = s.replace(/(^|[^\w_])_(?=[^\s_])([\s\S]*?[^\s_])_(?![\w_])/g, "$1<em>$2</em>");
  s = s.replace(/~~(?=\S)([\s\S]*?\S)~~/g, "<del>$1</del>");
  return s.replace(/\u0000(\d+)\u0000/g, (_, k: string) => held[Number(k)]);
}

/** The URL as an attribute value if its scheme is allowed (already HTML-escaped), else null. */
function safeUrl(escapedUrl: string): string | null {
  const url = escapedUrl.replace(/&amp;/g, "&");
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^(https?|mailto):/i.test(url)) return null;
  return escapeHtml(url);
}

/** Heading text without markup, for ids and the table of contents. */
function plainText(md: string): string {
  return md
    .replace(/`([^`]*)`/g, "$1")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_~]/g, "")
    .replace(/\\(.)/g, "$1")
    .trim();
}

/** GitHub's anchor rule: lower case, punctuation dropped, spaces to "-", "-1", "-2" for repeats. */
function headingId(md: string, ctx: Context): string {
  const base =
    (ctx.options.idPrefix ?? "") +
    plainText(md)
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s-]/gu, "")
      .trim()
      .replace(/\s/g, "-");
  const seen = ctx.used.get(base) ?? 0;
  ctx.used.set(base, seen + 1);
  return escapeHtml(seen ? `${base}-${seen}` : base);
}
