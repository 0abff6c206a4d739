/**
 * p-values adjusted for multiple comparisons, as R's stats::p.adjust:
 * - "bonferroni": min(1, m p);
 * - "holm" (R's default): step-down, min(1, cummax((m - i + 1) p_(i))) over the sorted p;
 * - "BH" (Benjamini & Hochberg 1995, the false discovery rate): step-up,
 *   min(1, cummin(m / i p_(i))) from the largest p down;
 * - "none": the p-values as they are.
 *
 * Reference: Holm (1979), Scand J Stat 6:65; Benjamini & Hochberg (1995), JRSS B 57:289;
 * R's p.adjust (src/library/stats/R/p.adjust.R).
 */
export type PAdjustMethod = "holm" | "bonferroni" | "BH" | "none";

export const P_ADJUST_METHODS: readonly PAdjustMethod[] = ["holm", "bonferroni", "BH", "none"];

/**
 * @example
 * pAdjust([0.01, 0.04, 0.03], "holm") // [0.03, 0.06, 0.06]
 * pAdjust([0.01, 0.04, 0.03], "BH")   // [0.03, 0.04, 0.04]
 */
export function pAdjust(p: readonly number[], method: PAdjustMethod): number[] {
  const m = p.length;
  if (method === "none" || m <= 1) return p.slice();
  if (method === "bonferroni") return p.map((x) => Math.min(1, m * x));
  const out = new Array<number>(m);
  if (method === "holm") {
    const order = p.map((_, i) => i).sort((a, b) => p[a] - p[b] || a - b);
    let running = 0;
    order.forEach((idx, i) => {
      running = Math.max(running, (m - i) * p[idx]);
      out[idx] = Math.min(1, running);
    });
  } else {
    const order = p.map((_, i) => i).sort((a, b) => p[b] - p[a] || a - b);
    let running = Infinity;
    order.forEach((idx, k) => {
      running = Math.min(running, (m / (m - k)) * p[idx]);
      out[idx] = Math.min(1, running);
    });
  }
  return out;
}
