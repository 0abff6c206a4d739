/**
 * The transcription check: every count the paper states in words, recomputed from the patient
 * tables. A typo in data/*.csv that changes a group, a status or a month across the 12-month
 * cut-off shows up here as a mismatch.
 */
import { loadStudy, type EndpointName, type Study } from "./loadEndpoint.js";
import { oneYearTable } from "./oneYearTable.js";

export interface TranscriptionCheck {
  readonly endpoint: EndpointName;
  /** What is counted, e.g. "patients in group 1", "events within 12 months, group 2". */
  readonly count: string;
  /** The paper's sentence (Chinese as printed) that states it. */
  readonly source: string;
  /** The number the paper states. */
  readonly paper: number;
  /** The number in the file. */
  readonly file: number;
  readonly matches: boolean;
}

const N_SOURCE = "23例采用安罗替尼联合化疗方案治疗，16例采用单纯化疗方案，最终对39例患者的疗效进行随访 (摘要; 2.2)";
const RATE_SOURCE =
  "其中安罗替尼组肿瘤复发率 10 例(43.5%)，肺转移率 6 例(26%)，传统化疗组肿瘤复发率 12 例(75%)，肺转移率 10 例(62.5%) (3.1)";

/** The counts the paper states, per table: patients (all, group 1, group 2) and events within 12 months per group. */
const STATED: Record<EndpointName, { n: [number, number, number]; within12: [number, number] }> = {
  recurrence: { n: [39, 23, 16], within12: [10, 12] },
  lung_metastasis: { n: [39, 23, 16], within12: [6, 10] },
};

/**
 * Each count the paper states vs the count in the file (events within 12 months: inclusive
 * cut-off, see oneYearTable).
 *
 * @param study  the two tables; default loadStudy()
 * @returns      a frozen list of `{ endpoint, count, source, paper, file, matches }`, one per count
 * @throws DataFileError  when the default tables cannot be read (loadStudy)
 *
 * @example
 * const checks = checkTranscription();
 * checks.length;                              // => 10
 * checks.filter((c) => !c.matches).length;    // => 0 (every count the text states is in the files)
 */
export function checkTranscription(study: Study = loadStudy()): readonly TranscriptionCheck[] {
  const out: TranscriptionCheck[] = [];
  const add = (endpoint: EndpointName, count: string, source: string, paper: number, file: number) =>
    out.push(Object.freeze({ endpoint, count, source, paper, file, matches: paper === file }));
  for (const endpoint of ["recurrence", "lung_metastasis"] as const) {
    const ep = study[endpoint];
    const stated = STATED[endpoint];
    add(endpoint, "patients", N_SOURCE, stated.n[0], ep.n);
    for (const g of [1, 2] as const) {
      add(endpoint, `patients in group ${g}`, N_SOURCE, stated.n[g], ep.group.filter((x) => x === g).length);
    }
    const t = oneYearTable(ep, { cutoff: 12, inclusive: true });
    for (const g of [1, 2] as const) {
      add(endpoint, `events within 12 months, group ${g}`, RATE_SOURCE, stated.within12[g - 1], t.table[g - 1][0]);
    }
  }
  return Object.freeze(out);
}
