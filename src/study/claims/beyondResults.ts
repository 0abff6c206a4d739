/**
 * The results notebook 6 ("Beyond the paper") computes, each with a stable id that a claim of
 * data/claims.json can name in its `seeAlso` (seeAlsoOf refuses any other id), and the table of
 * those links: for each result, the claims whose verdicts point to it.
 */
import type { EndpointName } from "../data/loadEndpoint.js";
import type { StudyTable } from "../endpoint/labels.js";
import type { ClaimVerdict } from "./evaluateClaims.js";

/** The results of one endpoint, by what they are. */
export interface EndpointResults {
  /** Hazard ratios (Cox model). */
  readonly hr: string;
  /** Proportional-hazards tests. */
  readonly ph: string;
  /** Restricted mean survival time. */
  readonly rmst: string;
  /** Permutation p of the log-rank test. */
  readonly permutation: string;
  /** Sensitivity of the time-to-event comparison. */
  readonly time: string;
  /** Sensitivity of the 1-year comparison. */
  readonly oneYear: string;
}

const perEndpoint = (short: string): EndpointResults =>
  Object.freeze({
    hr: `beyond-hr-${short}`,
    ph: `beyond-ph-${short}`,
    rmst: `beyond-rmst-${short}`,
    permutation: `beyond-permutation-${short}`,
    time: `beyond-sensitivity-time-${short}`,
    oneYear: `beyond-sensitivity-1y-${short}`,
  });

export const BEYOND_RESULTS: Readonly<Record<EndpointName, EndpointResults>> & {
  /** The medians under each CI transform. */
  readonly medians: string;
  /** The forensics on the lung-metastasis 1-year chi-square. */
  readonly forensics: string;
  /** Power and the events a study would need. */
  readonly power: string;
} = Object.freeze({
  recurrence: perEndpoint("recurrence"),
  lung_metastasis: perEndpoint("lung"),
  medians: "beyond-sensitivity-medians",
  forensics: "beyond-forensics-lung-1y-chisq",
  power: "beyond-power",
});

/** Every result id, in the order notebook 6 computes them. */
export const BEYOND_RESULT_IDS: readonly string[] = Object.freeze(
  (Object.keys(BEYOND_RESULTS.recurrence) as (keyof EndpointResults)[]).flatMap((k) => [BEYOND_RESULTS.recurrence[k], BEYOND_RESULTS.lung_metastasis[k]])
    .concat([BEYOND_RESULTS.medians, BEYOND_RESULTS.forensics, BEYOND_RESULTS.power]),
);

export interface SeeAlsoLinks extends StudyTable {
  /** Results no claim links to. */
  readonly unlinked: readonly string[];
  readonly note: string;
}

/**
 * Every result of notebook 6 with the claims whose verdicts link to it.
 *
 * @param verdicts  the verdicts (evaluateClaims())
 * @returns         a frozen `{ caption, columns, unlinked, note }`: per result id, the claims that
 *                  point to it with their verdicts
 * @throws never (seeAlsoOf has refused unknown ids when the verdicts were made)
 *
 * @example
 * const links = seeAlsoLinks(evaluateClaims());
 * links.columns.result.length;   // => 15
 * links.unlinked;                // => ["beyond-sensitivity-medians"]
 */
export function seeAlsoLinks(verdicts: readonly ClaimVerdict[]): SeeAlsoLinks {
  const pointing = (id: string) => verdicts.filter((v) => v.seeAlso.includes(id));
  const unlinked = BEYOND_RESULT_IDS.filter((id) => pointing(id).length === 0);
  return Object.freeze({
    caption: "Results beyond the paper and the claims whose verdicts link to them",
    columns: Object.freeze({
      result: BEYOND_RESULT_IDS,
      "claims that point here (verdict)": Object.freeze(BEYOND_RESULT_IDS.map((id) => pointing(id).map((v) => `${v.id} (${v.verdict})`).join(", "))),
    }),
    unlinked: Object.freeze(unlinked),
    note: `Results no claim links to: ${unlinked.join(", ") || "none"}` + (unlinked.length > 0 ? " (the paper makes no claim they bear on)." : "."),
  });
}
