/** The exercises of notebooks/teaching/06-small-2x2-tables: expected counts, Pearson, Yates, Fisher, and their error rates. */
import { loadClaims } from "../../study/claims/claims.js";
import { atPrecision } from "../../study/claims/atPrecision.js";
import { chiSquareTest } from "../../survival/contingency/chiSquareTest.js";
import { fisherExactTest } from "../../survival/contingency/fisherExactTest.js";
import { gTest } from "../../survival/contingency/gTest.js";
import { logGamma } from "../../survival/core/distributions.js";
import type { TaskSpec } from "../exercise.js";
import { fix, lungTable, recurrenceTable } from "./data.js";

const NOTEBOOK = "06-small-2x2-tables";
const logChoose = (n: number, k: number) => logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
const pearson = () => chiSquareTest(lungTable(), { correction: false });
const yates = () => chiSquareTest(lungTable());

/** P(a) of the observed lung table with its margins fixed, and the numbers it is made of. */
function hypergeometric() {
  const t = lungTable();
  const a = t[0][0];
  const r1 = t[0][0] + t[0][1];
  const m = t[0][0] + t[1][0];
  const N = r1 + t[1][0] + t[1][1];
  return { a, r1, m, N, p: Math.exp(logChoose(m, a) + logChoose(N - m, r1 - a) - logChoose(N, r1)) };
}

/**
 * The largest rejection rate at 5% of each test when both groups (the paper's sizes) have the
 * same risk pi, over pi = 0.05, 0.10, ..., 0.95: exact sums over every table.
 */
let sizes: { pearson: number; yates: number; fisher: number } | undefined;
export function largestSizes(): { pearson: number; yates: number; fisher: number } {
  if (sizes) return sizes;
  const t = lungTable();
  const [r1, r2] = [t[0][0] + t[0][1], t[1][0] + t[1][1]];
  const binom = (n: number, k: number, pi: number) => Math.exp(logChoose(n, k) + k * Math.log(pi) + (n - k) * Math.log(1 - pi));
  // Which tables each test rejects (the same whatever pi is).
  const rejected: { a: number; c: number; pearson: boolean; yates: boolean; fisher: boolean }[] = [];
  for (let a = 0; a <= r1; a++) {
    for (let c = 0; c <= r2; c++) {
      if (a + c === 0 || a + c === r1 + r2) continue; // an empty column: no test
      const table = [[a, r1 - a], [c, r2 - c]];
      rejected.push({
        a,
        c,
        pearson: chiSquareTest(table, { correction: false }).pValue < 0.05,
        yates: chiSquareTest(table).pValue < 0.05,
        fisher: fisherExactTest(table).pValue < 0.05,
      });
    }
  }
  const out = { pearson: 0, yates: 0, fisher: 0 };
  for (let i = 1; i <= 19; i++) {
    const pi = 0.05 * i;
    for (const k of ["pearson", "yates", "fisher"] as const) {
      const size = rejected.filter((r) => r[k]).reduce((s, r) => s + binom(r1, r.a, pi) * binom(r2, r.c, pi), 0);
      out[k] = Math.max(out[k], size);
    }
  }
  return (sizes = Object.freeze(out));
}

export const tables: TaskSpec[] = [
  {
    id: "tables/expected-lung",
    notebook: NOTEBOOK,
    question: "In the lung-metastasis 1-year table, how many metastases would group 1 be expected to have if the arms had the same risk: row total x column total / N? (2 decimals)",
    answer: () => pearson().expected[0][0],
    tolerance: 5e-3,
    mistakes: () => [{ answer: pearson().expected[1][0], feedback: "That is group 2's expected count. Use group 1's row total." }],
    hint: "Group 1's row total times the total number with a metastasis within 1 year, divided by all patients.",
    explanation: "{answer}.",
    solution: () => {
      const t = lungTable();
      const [row, col, N] = [t[0][0] + t[0][1], t[0][0] + t[1][0], t.flat().reduce((a, b) => a + b, 0)];
      return `Row total (group 1) ${row}, column total (metastasis within 1 year) ${col}, N = ${N}: E = ${row} × ${col} / ${N} = **${fix((row * col) / N, 2)}**.`;
    },
  },
  {
    id: "tables/pearson-lung",
    notebook: NOTEBOOK,
    question: "Pearson's chi-square of the lung-metastasis table, the sum over the 4 cells of (O - E)^2 / E? (2 decimals)",
    answer: () => pearson().statistic,
    tolerance: 5e-3,
    mistakes: () => [{ answer: yates().statistic, feedback: "That is with Yates' correction. Pearson's statistic subtracts nothing from |O - E|." }],
    hint: "Four cells; in a 2 x 2 table every |O - E| is the same.",
    explanation: "{answer}.",
    solution: () => {
      const t = lungTable();
      const e = pearson().expected;
      const u = Math.abs(t[0][0] - e[0][0]);
      const terms = e.flat().map((x) => `${fix(u, 3)}²/${fix(x, 3)}`).join(" + ");
      return `|O - E| = ${fix(u, 3)} in every cell; χ² = ${terms} = **${fix(pearson().statistic, 2)}**.`;
    },
  },
  {
    id: "tables/yates-lung",
    notebook: NOTEBOOK,
    question: "With Yates' correction, (|O - E| - 0.5)^2 / E summed over the cells? (2 decimals)",
    answer: () => yates().statistic,
    tolerance: 5e-3,
    mistakes: () => [{ answer: pearson().statistic, feedback: "That is Pearson's statistic without the correction." }],
    hint: "Take 0.5 off every |O - E| before squaring.",
    explanation: "{answer}.",
    solution: () => {
      const t = lungTable();
      const e = pearson().expected;
      const u = Math.abs(t[0][0] - e[0][0]) - 0.5;
      const terms = e.flat().map((x) => `${fix(u, 3)}²/${fix(x, 3)}`).join(" + ");
      return `|O - E| - 0.5 = ${fix(u, 3)} in every cell; χ² = ${terms} = **${fix(yates().statistic, 2)}**.`;
    },
  },
  {
    id: "tables/yates-flips",
    notebook: NOTEBOOK,
    question: "For the lung-metastasis table, does the choice between Pearson and Yates change the call at the 5% level? (true or false)",
    answer: () => pearson().pValue < 0.05 !== yates().pValue < 0.05,
    hint: "Compare the two p-values printed above with 0.05.",
    explanation: "{answer}.",
    solution: () => `Pearson p = ${pearson().pValue.toPrecision(3)}, Yates p = ${yates().pValue.toPrecision(3)}: one is below 0.05 and the other above, so **true**: the conclusion depends on the test.`,
  },
  {
    id: "tables/hypergeometric-lung",
    notebook: NOTEBOOK,
    question: "With the margins fixed, what is the probability of exactly the observed lung-metastasis table, C(m, a) C(N - m, r1 - a) / C(N, r1)? (4 significant digits)",
    answer: () => hypergeometric().p,
    tolerance: 5e-6,
    hint: "a = metastases in group 1, m = all metastases within 1 year, r1 = patients in group 1, N = all patients.",
    explanation: "{answer}. Fisher's p adds up the probabilities of every table with these margins that is at most this likely.",
    solution: () => {
      const { a, r1, m, N, p } = hypergeometric();
      return `a = ${a}, m = ${m}, r1 = ${r1}, N = ${N}: C(${m}, ${a}) C(${N - m}, ${r1 - a}) / C(${N}, ${r1}) = **${p.toPrecision(4)}**.`;
    },
  },
  {
    id: "tables/paper-test",
    notebook: NOTEBOOK,
    question: 'Which test prints the paper\'s 1-year recurrence chi-square: "pearson", "yates" or "likelihood-ratio"?',
    answer: () => {
      const printed = loadClaims().find((c) => c.id === "res-rec-1y-chisq")!.values[0];
      const t = recurrenceTable();
      const hits = (
        [
          ["pearson", chiSquareTest(t, { correction: false }).statistic],
          ["yates", chiSquareTest(t).statistic],
          ["likelihood-ratio", gTest(t).statistic],
        ] as const
      ).filter(([, x]) => atPrecision(x, printed).matches);
      if (hits.length !== 1) throw new Error(`exercises: ${hits.length} tests print the paper's recurrence chi-square`);
      return hits[0][0];
    },
    choices: ["pearson", "yates", "likelihood-ratio"],
    hint: "Compare each statistic in the table above with the paper's, rounded to the digits the paper prints.",
    explanation: '"{answer}": the uncorrected Pearson chi-square, the first line of SPSS\'s Crosstabs output.',
    solution: () => {
      const t = recurrenceTable();
      const printed = loadClaims().find((c) => c.id === "res-rec-1y-chisq")!.values[0];
      return `On the 1-year recurrence table: Pearson ${fix(chiSquareTest(t, { correction: false }).statistic, 3)}, Yates ${fix(chiSquareTest(t).statistic, 3)}, likelihood ratio ${fix(gTest(t).statistic, 3)}. ` +
        `Only Pearson's rounds to the printed ${printed.text}: **"pearson"**.`;
    },
  },
  {
    id: "tables/conservative",
    notebook: NOTEBOOK,
    question: 'Predict: when both groups (of the paper\'s sizes) have the same risk, which tests reject *less* often than the 5% they claim, whatever the common risk: "pearson", "yates and fisher" or "all three"?',
    answer: () => {
      const s = largestSizes();
      const below = (x: number) => x < 0.05;
      if (below(s.pearson) && below(s.yates) && below(s.fisher)) return "all three";
      if (!below(s.pearson) && below(s.yates) && below(s.fisher)) return "yates and fisher";
      if (below(s.pearson) && !below(s.yates) && !below(s.fisher)) return "pearson";
      throw new Error("exercises: no choice fits the rejection rates");
    },
    choices: ["pearson", "yates and fisher", "all three"],
    mistakes: () => [
      { answer: "all three", feedback: "Pearson's test can reject slightly more often than 5% at these sizes, for some common risks." },
      { answer: "pearson", feedback: "Yates' correction makes every p-value larger, and Fisher's p-value adds whole tables: which tests does that make cautious?" },
    ],
    hint: "Yates' correction makes the p-value larger; Fisher's test counts the observed table's own probability in the p-value.",
    explanation: '"{answer}": both are conservative (they reject less often than they claim, and so also miss real differences more often); Pearson\'s test stays near 5%.',
    solution: () => {
      const s = largestSizes();
      return `The largest rejection rates under "no difference", over the common risks 0.05 to 0.95: Pearson ${fix(s.pearson, 3)}, Yates ${fix(s.yates, 3)}, Fisher ${fix(s.fisher, 3)}. **"yates and fisher"** stay below 5%.`;
    },
  },
  {
    id: "tables/interpret",
    notebook: NOTEBOOK,
    prompt: "Which test would you report for the lung-metastasis 1-year table, and how would you word the result in one or two sentences?",
    modelAnswer: () => {
      const t = lungTable();
      const pct = (a: number, b: number) => `${a}/${a + b} (${Math.round((100 * a) / (a + b))}%)`;
      return `> Lung metastasis within 1 year: ${pct(t[0][0], t[0][1])} with anlotinib and chemotherapy against ${pct(t[1][0], t[1][1])} with chemotherapy alone ` +
        `(Pearson χ² = ${fix(pearson().statistic, 2)}, 1 df, p = ${pearson().pValue.toPrecision(2)}; with Yates' correction p = ${yates().pValue.toPrecision(2)}, Fisher's exact p = ${fisherExactTest(t).pValue.toPrecision(2)}). ` +
        "The evidence for a difference is weak and depends on the test; the time-to-metastasis analysis (log-rank) uses the data better.\n\n" +
        "A defensible choice: Pearson's test, named and chosen in advance (every expected count is above 1, and it keeps close to its 5% error rate), reported with the counts and the percentages; or Fisher's, named. What is not defensible: choosing the test after seeing which one gives p < 0.05.";
    },
  },
];
