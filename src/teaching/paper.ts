/**
 * The paper's own words where a lesson refers to them, so that no student needs the PDF: a
 * sentence of Ge & Yue (2020) as data/claims.json records it (the Chinese original and its
 * English gloss), or a fact of data/cohort.json (allocation, enrolment, analysis, eligibility).
 *
 * @example
 * showPaper("res-rec-1y-chisq");     // the 1-year chi-square sentence of section 3.1
 * showPaper("cohort.allocation");    // how the regimens were chosen
 */
import { loadClaims } from "../study/claims/claims.js";
import { loadCohort } from "../study/data/loadCohort.js";
import { showNote } from "../presentation/display/note.js";
import { SurvivalInputError, show } from "../survival/errors.js";

const COHORT_FACTS = ["allocation", "enrolment", "analysis", "eligibility"] as const;

/** The quotation as Markdown: the original in a block quote, then the English. */
function quoteOne(id: string): { text: string; gloss: string } {
  if (typeof id === "string" && id.startsWith("cohort.")) {
    const key = id.slice("cohort.".length) as (typeof COHORT_FACTS)[number];
    const fact = COHORT_FACTS.includes(key) ? (loadCohort()[key] as { source?: unknown; gloss?: unknown } | undefined) : undefined;
    if (typeof fact?.source !== "string" || typeof fact.gloss !== "string") throw new SurvivalInputError(`id is ${show(id)}: the cohort facts are ${COHORT_FACTS.map((k) => `cohort.${k}`).join(", ")}`, "id", undefined, id);
    return { text: fact.source, gloss: `${fact.gloss} (section 2)` };
  }
  const claim = loadClaims().find((c) => c.id === id);
  if (!claim) throw new SurvivalInputError(`id is ${show(id)}: not a claim of data/claims.json`, "id", undefined, id);
  const where = /^\d/.test(claim.section) ? `section ${claim.section}` : claim.section;
  return { text: claim.text, gloss: `${claim.gloss} (${where})` };
}

/**
 * The paper's words as Markdown: each original sentence once, in a block quote, then the
 * English of every id (several claims can come from one sentence).
 */
export function paperQuote(ids: string | readonly string[]): string {
  const quotes = (typeof ids === "string" ? [ids] : [...ids]).map(quoteOne);
  const texts = [...new Set(quotes.map((q) => q.text))];
  return [...texts.map((t) => `> ${t}`), ...quotes.map((q) => `> *${q.gloss}*`), "> (Ge & Yue 2020)"].join("\n>\n");
}

/** Shows the paper's words in the notebook (one Markdown output). */
export function showPaper(ids: string | readonly string[]): void {
  showNote(paperQuote(ids));
}
