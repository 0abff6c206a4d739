/**
 * The step of a cumulative hazard at one time and of its variance, as R's survfitkm.c
 * (survival 3.5) takes it, for n at risk and d events (both case-weighted when there are
 * weights) among `count` event rows:
 *
 * - "nelson-aalen" (R's ctype = 1): dH = d / n, dVar = d / n^2 (Aalen's variance, R's std.chaz);
 * - "fleming-harrington" (ctype = 2, Fleming & Harrington 1984's correction for ties): the
 *   count tied events leave one at a time, dH = sum_k (d / count) / (n - k d / count),
 *   dVar = sum_k (d / count) / (n - k d / count)^2, k = 0 .. count - 1.
 *
 * R's default is ctype = 1. A time with no event, or whose events all have weight 0, adds
 * nothing. Reference: Nelson (1972); Aalen (1978); Fleming & Harrington (1984), Comm Stat
 * 13:2469; Therneau's survival vignette "survfitkm".
 */
export type HazardType = "nelson-aalen" | "fleming-harrington";

export const HAZARD_TYPES: readonly HazardType[] = ["nelson-aalen", "fleming-harrington"];

/**
 * Adds the step at one time to acc[0] (the hazard) and acc[1] (its variance).
 *
 * @example
 * const acc = new Float64Array(2);
 * hazardStep("fleming-harrington", 4, 2, 2, acc); // acc = [1/4 + 1/3, 1/16 + 1/9]
 */
export function hazardStep(ctype: HazardType, n: number, d: number, count: number, acc: Float64Array): void {
  if (!(count > 0 && d > 0)) return;
  if (ctype === "nelson-aalen") {
    acc[0] += d / n;
    acc[1] += d / (n * n);
    return;
  }
  for (let k = 0; k < count; k++) {
    const atRisk = n - (k * d) / count;
    acc[0] += d / (count * atRisk);
    acc[1] += d / (count * atRisk * atRisk);
  }
}
