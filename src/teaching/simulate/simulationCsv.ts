/**
 * The seeded simulations of the teaching unit as the CSV files R reads
 * (data/teaching/<name>.csv, written by scripts/teaching-files.ts, checked by
 * test/teaching/generated.test.ts): the fixtures of test/teaching/fixtures/r/teaching.R are
 * computed by R from exactly the numbers the notebooks simulate. NA marks a missing value.
 *
 * @example
 * simulationCsvs().map((f) => f.path);   // => ["data/teaching/informative-censoring.csv", ...]
 */
import { simulateConfounding } from "./confounding.js";
import { simulateImmortalTime } from "./immortalTime.js";
import { simulateInformativeCensoring } from "./informativeCensoring.js";

const csv = (header: string[], rows: (string | number | null)[][]) =>
  [header.join(","), ...rows.map((r) => r.map((x) => (x === null ? "NA" : String(x))).join(","))].join("\n") + "\n";

export function simulationCsvs(): { readonly path: string; readonly text: string }[] {
  const ic = simulateInformativeCensoring();
  const im = simulateImmortalTime();
  const cf = simulateConfounding();
  return [
    {
      path: "data/teaching/informative-censoring.csv",
      text: csv(
        ["censoring", "months", "status"],
        (["independent", "informative"] as const).flatMap((k) => ic[k].time.map((t, i) => [k, t, ic[k].event[i]])),
      ),
    },
    {
      path: "data/teaching/immortal-time.csv",
      text: csv(["months", "status", "treatment_months"], im.time.map((t, i) => [t, im.event[i], im.treatmentTime[i]])),
    },
    {
      path: "data/teaching/confounding.csv",
      text: csv(["months", "status", "treated", "good"], cf.time.map((t, i) => [t, cf.event[i], cf.treated[i], cf.good[i]])),
    },
  ];
}
