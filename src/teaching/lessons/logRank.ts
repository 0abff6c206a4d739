/** The exercises of notebooks/teaching/05-log-rank-by-hand: expected counts, the hypergeometric variance, the statistic, weights. */
import { chiSquareTest } from "../../survival/contingency/chiSquareTest.js";
import { logRankTest } from "../../survival/logrank/logRankTest.js";
import type { TaskSpec } from "../exercise.js";
import { fix, recurrenceData, recurrenceTable, study } from "./data.js";

const NOTEBOOK = "05-log-rank-by-hand";

/** The pooled counts of the recurrence table at time t: at risk and events, per group. */
function atTime(t: number): { n1: number; n2: number; d1: number; d2: number } {
  const e = study().recurrence;
  const out = { n1: 0, n2: 0, d1: 0, d2: 0 };
  for (let i = 0; i < e.n; i++) {
    if (e.months[i] < t) continue;
    const g1 = e.group[i] === 1;
    out[g1 ? "n1" : "n2"]++;
    if (e.months[i] === t && e.status[i] === 1) out[g1 ? "d1" : "d2"]++;
  }
  return out;
}

const logRank = () => logRankTest(recurrenceData());

export const logRankLesson: TaskSpec[] = [
  {
    id: "logrank/expected-4",
    notebook: NOTEBOOK,
    question: "At 4 months (the first recurrences), how many recurrences would group 1 be expected to have if the two arms had the same risk? (3 decimals)",
    answer: () => {
      const { n1, n2, d1, d2 } = atTime(4);
      return ((d1 + d2) * n1) / (n1 + n2);
    },
    tolerance: 5e-4,
    mistakes: () => {
      const { n1, n2, d1, d2 } = atTime(4);
      return [
        { answer: ((d1 + d2) * n2) / (n1 + n2), feedback: "That is the expected number in group 2. Group 1 has the larger share of the patients at risk." },
        { answer: d1 + d2, feedback: "That is the total observed. Share it out in proportion to the numbers at risk." },
      ];
    },
    hint: "E1 = d n1 / n: the recurrences at 4 months shared out in proportion to the numbers at risk.",
    explanation: "{answer}, where group 1 observed none.",
    solution: () => {
      const { n1, n2, d1, d2 } = atTime(4);
      return `At 4 months n1 = ${n1}, n2 = ${n2}, n = ${n1 + n2}, d = ${d1 + d2}: E1 = d n1 / n = ${d1 + d2} × ${n1} / ${n1 + n2} = **${fix(((d1 + d2) * n1) / (n1 + n2), 3)}**.`;
    },
  },
  {
    id: "logrank/variance-4",
    notebook: NOTEBOOK,
    question: "The hypergeometric variance of group 1's count at 4 months, d (n - d) n1 n2 / (n^2 (n - 1))? (4 decimals)",
    answer: () => {
      const { n1, n2, d1, d2 } = atTime(4);
      const [n, d] = [n1 + n2, d1 + d2];
      return (d * (n - d) * n1 * n2) / (n * n * (n - 1));
    },
    tolerance: 5e-5,
    mistakes: () => {
      const { n1, n2, d1, d2 } = atTime(4);
      const n = n1 + n2;
      return [{ answer: ((d1 + d2) * n1 * n2) / (n * n), feedback: "That is d (n1/n)(n2/n), the binomial variance. The hypergeometric variance has the extra factor (n - d) / (n - 1): draws without replacement." }];
    },
    hint: "n = n1 + n2 at risk, d = all recurrences at 4 months.",
    explanation: "{answer}.",
    solution: () => {
      const { n1, n2, d1, d2 } = atTime(4);
      const [n, d] = [n1 + n2, d1 + d2];
      return `d (n - d) n1 n2 / (n² (n - 1)) = ${d} × ${n - d} × ${n1} × ${n2} / (${n}² × ${n - 1}) = ${d * (n - d) * n1 * n2} / ${n * n * (n - 1)} = **${fix((d * (n - d) * n1 * n2) / (n * n * (n - 1)), 4)}**.`;
    },
  },
  {
    id: "logrank/o-against-e",
    notebook: NOTEBOOK,
    question: 'Summed over all event times, group 1 observed fewer recurrences than expected (O1 < E1). So its recurrences came: "later or less often" or "sooner or more often" than group 2\'s?',
    answer: () => (logRank().observed[0] < logRank().expected[0] ? "later or less often" : "sooner or more often"),
    choices: ["later or less often", "sooner or more often"],
    mistakes: () => [{ answer: "sooner or more often", feedback: "E1 is what group 1 would have if it recurred like everyone at risk. Fewer than that means it recurred less than its share." }],
    hint: "E1 is group 1's fair share of the recurrences, given how many of its patients were at risk at each time.",
    explanation: '"{answer}": at the event times group 1 had fewer recurrences than its share of the patients at risk.',
    solution: () => `O1 = ${logRank().observed[0]} recurrences against E1 = ${fix(logRank().expected[0], 2)} expected: group 1 had less than its share at the times recurrences happened, so its recurrences came **later or less often**.`,
  },
  {
    id: "logrank/statistic",
    notebook: NOTEBOOK,
    question: "From the sums printed above (O1 - E1 and V), compute the log-rank chi-square. (2 decimals)",
    answer: () => logRank().statistic,
    tolerance: 5e-3,
    mistakes: () => [{ answer: Math.sqrt(logRank().statistic), feedback: "That is |O - E| / sqrt(V), the z statistic. The chi-square is its square." }],
    hint: "chi-square = (O1 - E1)^2 / V.",
    explanation: "{answer}, on 1 degree of freedom.",
    solution: () => {
      const r = logRank();
      const u = r.observed[0] - r.expected[0];
      return `(O1 - E1)² / V = (${fix(u, 4)})² / ${fix(r.variance[0][0], 4)} = **${fix(r.statistic, 2)}**.`;
    },
  },
  {
    id: "logrank/which-significant",
    notebook: NOTEBOOK,
    question: 'At the 5% level, which test calls the difference between the arms significant: "log-rank", "1-year" (Pearson chi-square at 12 months), "both" or "neither"?',
    answer: () => {
      const lr = logRank().pValue < 0.05;
      const oneYear = chiSquareTest(recurrenceTable(), { correction: false }).pValue < 0.05;
      return lr && oneYear ? "both" : lr ? "log-rank" : oneYear ? "1-year" : "neither";
    },
    choices: ["log-rank", "1-year", "both", "neither"],
    hint: "Compare each p-value printed above with 0.05.",
    explanation: '"{answer}": the same patients, two questions, two answers.',
    solution: () => {
      const p1 = chiSquareTest(recurrenceTable(), { correction: false }).pValue;
      return `Log-rank p = ${logRank().pValue.toPrecision(3)} (< 0.05); 1-year Pearson p = ${p1.toPrecision(3)} (> 0.05): **"log-rank"**.`;
    },
  },
  {
    id: "logrank/tarone-ware-4",
    notebook: NOTEBOOK,
    question: "What is the Tarone-Ware weight at 4 months? (2 decimals)",
    answer: () => {
      const { n1, n2 } = atTime(4);
      return Math.sqrt(n1 + n2);
    },
    tolerance: 5e-3,
    mistakes: () => {
      const { n1, n2 } = atTime(4);
      return [{ answer: n1 + n2, feedback: "That is the Gehan-Breslow weight, n. Tarone-Ware uses the square root of n." }];
    },
    hint: "Tarone-Ware weighs each event time by the square root of the number at risk (both arms).",
    explanation: "{answer}.",
    solution: () => {
      const { n1, n2 } = atTime(4);
      return `All ${n1 + n2} patients are at risk at 4 months: √${n1 + n2} = **${fix(Math.sqrt(n1 + n2), 2)}**.`;
    },
  },
  {
    id: "logrank/smallest",
    notebook: NOTEBOOK,
    question: 'Predict: which of these tests gives the smallest chi-square on the recurrence data: "logrank", "gehan-breslow", "tarone-ware" or "FH(0,1)" (Fleming-Harrington with the weight 1 - S(t-), which favours late times)?',
    answer: () => {
      const d = recurrenceData();
      const stats: [string, number][] = [
        ["logrank", logRankTest(d).statistic],
        ["gehan-breslow", logRankTest(d, { weight: "gehan-breslow" }).statistic],
        ["tarone-ware", logRankTest(d, { weight: "tarone-ware" }).statistic],
        ["FH(0,1)", logRankTest(d, { weight: "fleming-harrington", p: 0, q: 1 }).statistic],
      ];
      return stats.reduce((a, b) => (b[1] < a[1] ? b : a))[0];
    },
    choices: ["logrank", "gehan-breslow", "tarone-ware", "FH(0,1)"],
    hint: "Where in time do the two arms differ most? A test that gives little weight to those times sees little difference.",
    explanation: '"{answer}": the arms differ most early on, and this weight is near 0 early.',
    solution: () => {
      const d = recurrenceData();
      const fh = logRankTest(d, { weight: "fleming-harrington", p: 0, q: 1 }).statistic;
      return `The running sum of O1 - E1 showed the arms parting in the first year. FH(0,1)'s weight 1 - S(t-) is 0 at the start and grows only as the pooled curve falls, so it barely counts the early months: its χ² is ${fix(fh, 2)}, against ${fix(logRank().statistic, 2)} for the log-rank test. **"FH(0,1)"**.`;
    },
  },
  {
    id: "logrank/interpret",
    notebook: NOTEBOOK,
    prompt: 'The paper\'s 1-year chi-square is not significant and its log-rank test is, on the same patients. Write two or three sentences to the authors: which result answers "does anlotinib delay recurrence?", and why.',
    modelAnswer: () => {
      const p1 = chiSquareTest(recurrenceTable(), { correction: false }).pValue;
      return `> The log-rank test (p = ${logRank().pValue.toPrecision(2)}) answers it: it compares the risk of recurrence at every event time over the whole follow-up, using when each recurrence happened and keeping censored patients for as long as they were followed. ` +
        `The 1-year chi-square (p = ${p1.toPrecision(2)}) asks a narrower question, whether the share recurred by an arbitrary 12 months differs; it ignores when within the year the recurrences came and everything after, so it has less power. ` +
        "Both should be reported as what they are, with the test chosen before looking at the data; and neither can say that anlotinib *caused* the difference in a non-randomised comparison (lesson 8).\n\n" +
        "Points to check: different questions (timing vs a share at one time), power, the arbitrary cut-off, no picking of the smaller p.";
    },
  },
];
