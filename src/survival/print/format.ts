/**
 * Numbers and blocks of a printout, as R prints them: significant digits (R's default 7 in
 * print, 4 in the tables of summary.survfit), p-values as format.pval does, and a titled block
 * of text and HTML.
 */
import { escapeHtml } from "./table.js";

/** x to `digits` significant digits, trailing zeros dropped (R's signif, then print). */
export function signif(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "NA" : x > 0 ? "Inf" : "-Inf";
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e15)) return rExponent(x.toExponential(digits - 1));
  return String(Number(x.toPrecision(digits)));
}

/** "1.271e-5" -> "1.271e-05", as R writes exponents (two digits at least). */
function rExponent(text: string): string {
  return text.replace(/e([+-])(\d)$/, "e$10$2").replace(/\.?0+e/, "e");
}

/** A p-value as R's format.pval(p, digits): "< 2.2e-16" below the double epsilon. */
export function formatP(p: number, digits = 4): string {
  if (Number.isNaN(p)) return "NA";
  if (p < 2.220446049250313e-16) return "< 2.2e-16";
  return signif(p, digits);
}

/** The confidence level as R writes it in column names: 0.95 -> "95%", 0.9 -> "90%". */
export function percent(level: number): string {
  return `${String(Number((level * 100).toPrecision(6)))}%`;
}

/** A block: a heading line, then paragraphs of text; the HTML keeps the parts given as HTML. */
export function block(heading: string, parts: readonly { text: string; html?: string }[]): { text: string; html: string } {
  const text = [heading, ...parts.map((p) => p.text)].join("\n\n");
  const html =
    `<div class="survival-printout"><p><strong>${escapeHtml(heading)}</strong></p>` +
    parts.map((p) => p.html ?? `<pre>${escapeHtml(p.text)}</pre>`).join("") +
    "</div>";
  return { text, html };
}
