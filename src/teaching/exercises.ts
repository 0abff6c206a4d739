/**
 * Every exercise of the teaching notebooks (notebooks/teaching/), with its right answer computed
 * by the library from the paper's data (data/*.csv, data/claims.json), never typed in. The
 * notebooks ask the questions and call `exercise(id, answer)`; test/teaching/exercises.test.ts
 * checks each one against R for a right and a wrong answer, and that every id here is asked in
 * its notebook.
 *
 * Ids are "<topic>/<name>"; `notebook` names the notebook that asks it. The template notebook's
 * exercises (topic "own-data") take the reader's data as their context.
 */
import { loadStudy, type EndpointName, type Study } from "../study/data/loadEndpoint.js";
import { loadClaims } from "../study/claims/claims.js";
import { atPrecision } from "../study/claims/atPrecision.js";
import { kaplanMeier, type KaplanMeierResult } from "../survival/km/kaplanMeier.js";
import { logRankTest } from "../survival/logrank/logRankTest.js";
import { chiSquareTest } from "../survival/contingency/chiSquareTest.js";
import { gTest } from "../survival/contingency/gTest.js";
import { oneYearTable } from "../study/data/oneYearTable.js";
import { numbersAtRisk } from "../presentation/figures/numbersAtRisk.js";
import { armData, type ArmData } from "../study/data/armData.js";
import { logGamma } from "../survival/core/distributions.js";
import { checkAnswer, showFeedback, type Answer, type ExerciseSpec, type Feedback } from "./exercise.js";
import { groupRows, type SurvivalCsv } from "./survivalCsv.js";
import { ROWS_FROM_FIGURE_EXERCISES } from "./rowsFromFigureExercises.js";

let cached: Study | undefined;
const study = (): Study => (cached ??= loadStudy());

/** The rows of one arm of one table, as kaplanMeier takes them. */
const arm = (endpoint: EndpointName, group: number): ArmData => armData(study()[endpoint], group);
const km = (endpoint: EndpointName, group: number): KaplanMeierResult => kaplanMeier(arm(endpoint, group));

/** The row of a fitted curve at time t (t must be one of its times). */
function rowAt(fit: KaplanMeierResult, t: number): number {
  const j = Array.from(fit.time).indexOf(t);
  if (j < 0) throw new Error(`exercises: ${t} is not a time of the curve`);
  return j;
}
/** Survival just before t (1 before the first time). */
const survivalBefore = (fit: KaplanMeierResult, j: number): number => (j === 0 ? 1 : fit.survival[j - 1]);

const recurrenceData = () => {
  const e = study().recurrence;
  return { time: e.months, event: e.status, group: e.group };
};

/** The pooled 2 x (n at risk, events) counts of the recurrence table at time t, per group. */
function atTime(t: number): { n1: number; n2: number; d1: number; d2: number } {
  const e = study().recurrence;
  let n1 = 0;
  let n2 = 0;
  let d1 = 0;
  let d2 = 0;
  for (let i = 0; i < e.n; i++) {
    if (e.months[i] < t) continue;
    const g1 = e.group[i] === 1;
    if (g1) n1++;
    else n2++;
    if (e.months[i] === t && e.status[i] === 1) {
      if (g1) d1++;
      else d2++;
    }
  }
  return { n1, n2, d1, d2 };
}

/** The naive "recurrence-free" proportions of notebook 1 at time t, for one arm. */
function naive(endpoint: EndpointName, group: number, t: number) {
  const { time, event } = arm(endpoint, group);
  const n = time.length;
  let eventsAfter = 0;
  let events = 0;
  let allAfter = 0;
  let eventsUpTo = 0;
  for (let i = 0; i < n; i++) {
    if (event[i] === 1) {
      events++;
      if (time[i] > t) eventsAfter++;
      else eventsUpTo++;
    }
    if (time[i] > t) allAfter++;
  }
  return {
    drop: eventsAfter / events, // censored rows dropped
    asEvents: allAfter / n, // censored rows counted as events at their time
    eventFree: 1 - eventsUpTo / n, // censored rows counted as never having the event
  };
}

const lungTable = () => oneYearTable(study().lung_metastasis).table;
const recurrenceTable = () => oneYearTable(study().recurrence).table;
const logChoose = (n: number, k: number) => logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
const notReached = (x: number | null): Answer => (x === null ? "not reached" : x);

type Spec = ExerciseSpec<undefined>;

const censoring: Spec[] = [
  {
    id: "censoring/count-censored",
    notebook: "01-censoring",
    question: "How many of the patients in group 1 of Table 1 (recurrence) are censored?",
    answer: () => arm("recurrence", 1).event.filter((e) => e === 0).length,
    mistakes: () => [
      { answer: arm("recurrence", 1).event.filter((e) => e === 1).length, feedback: "That is the number of patients whose tumour recurred (status 1). Censored rows have status 0." },
      { answer: arm("recurrence", 1).event.length, feedback: "That is every patient of group 1. Count only the rows with status 0." },
    ],
    hint: "Censored rows are the ones with status 0. Filter group 1's rows and count them.",
    explanation: "{answer} patients of group 1 were last seen without a recurrence.",
  },
  {
    id: "censoring/what-censored-means",
    notebook: "01-censoring",
    question: 'A patient is censored at 13 months. Which is true? "a": the tumour recurred at 13 months; "b": it had not recurred by 13 months, and what happened later is unknown; "c": it never recurred.',
    answer: () => "b",
    choices: ["a", "b", "c"],
    mistakes: () => [
      { answer: "a", feedback: "Status 0 means no recurrence was seen: 13 months is when follow-up ended, not when the tumour came back." },
      { answer: "c", feedback: "We only know about the first 13 months. The tumour may recur later; the data cannot say." },
    ],
    hint: "Censored means follow-up stopped before the event was seen. What do we know, and what do we not know?",
    explanation: "A censored time is a lower bound: the event time is later than 13 months, or the event never happens.",
  },
  {
    id: "censoring/drop-median",
    notebook: "01-censoring",
    question: "If the censored patients of group 1 are dropped, what is the median recurrence time of the patients left (the middle of their sorted times)?",
    answer: () => {
      const { time, event } = arm("recurrence", 1);
      const t = time.filter((_, i) => event[i] === 1).sort((a, b) => a - b);
      const m = t.length;
      return m % 2 === 1 ? t[(m - 1) / 2] : (t[m / 2 - 1] + t[m / 2]) / 2;
    },
    mistakes: () => [{ answer: km("recurrence", 1).median.estimate!, feedback: "That is the Kaplan-Meier median, which keeps the censored patients. Drop them first." }],
    hint: "Keep only the rows of group 1 with status 1, sort their months, and take the middle one (an odd number of rows has one middle value).",
    explanation: "{answer} months: the censored patients, followed the longest without a recurrence, are gone, so the median is pulled down.",
  },
  {
    id: "censoring/as-events-at-16",
    notebook: "01-censoring",
    question: "If every censored patient of group 1 is (wrongly) counted as a recurrence at their censoring time, what proportion of group 1 is still recurrence-free after 16 months? (3 decimals)",
    answer: () => naive("recurrence", 1, 16).asEvents,
    tolerance: 5e-4,
    mistakes: () => [
      { answer: naive("recurrence", 1, 16).drop, feedback: "That is the proportion with the censored patients dropped. Here they stay, as events." },
      { answer: km("recurrence", 1).survivalAt(16), feedback: "That is the Kaplan-Meier estimate. Here every time counts as an event time." },
    ],
    hint: "Every patient now has an event at their time: count the patients of group 1 whose time is greater than 16 months and divide by all patients of group 1.",
    explanation: "{answer}: lower than the Kaplan-Meier estimate, because patients who were recurrence-free when last seen are counted as failures.",
  },
  {
    id: "censoring/biased-up",
    notebook: "01-censoring",
    question: 'Which naive curve lies on or above the Kaplan-Meier curve at every time: "drop", "as-events" or "event-free"?',
    answer: () => {
      const fit = km("recurrence", 1);
      const times = [0, ...Array.from(fit.time)];
      const above = (["drop", "asEvents", "eventFree"] as const).filter((k) =>
        times.every((t) => naive("recurrence", 1, t)[k] >= fit.survivalAt(t) - 1e-12),
      );
      if (above.length !== 1) throw new Error(`exercises: ${above.length} naive curves lie above the Kaplan-Meier curve`);
      return { drop: "drop", asEvents: "as-events", eventFree: "event-free" }[above[0]];
    },
    choices: ["drop", "as-events", "event-free"],
    hint: "Look at the figure: which dashed line is never below the solid Kaplan-Meier line? Think about what it assumes about censored patients.",
    explanation: '"{answer}": it assumes every censored patient stays free of the event for ever, which is the most optimistic guess possible.',
  },
];

const kmByHand: Spec[] = [
  {
    id: "km/at-risk-9",
    notebook: "02-kaplan-meier-by-hand",
    question: "In group 2, how many patients are at risk at 9 months?",
    answer: () => {
      const fit = km("recurrence", 2);
      return fit.nRisk[rowAt(fit, 9)];
    },
    mistakes: () => {
      const fit = km("recurrence", 2);
      const j = rowAt(fit, 9);
      return [{ answer: fit.nRisk[j] - fit.nEvent[j], feedback: "That leaves out the patients whose tumour recurred at 9 months. They were still at risk at 9 months: at risk means time >= t." }];
    },
    hint: "At risk at t = every patient whose time (event or censoring) is 9 months or more.",
    explanation: "{answer} patients have a time of 9 months or more.",
  },
  {
    id: "km/conditional-9",
    notebook: "02-kaplan-meier-by-hand",
    question: "In group 2, what is the conditional probability of getting past 9 months without a recurrence, for a patient still at risk at 9 months? (3 decimals)",
    answer: () => {
      const fit = km("recurrence", 2);
      const j = rowAt(fit, 9);
      return (fit.nRisk[j] - fit.nEvent[j]) / fit.nRisk[j];
    },
    tolerance: 5e-4,
    mistakes: () => {
      const fit = km("recurrence", 2);
      const j = rowAt(fit, 9);
      return [
        { answer: fit.nEvent[j] / fit.nRisk[j], feedback: "That is the probability of a recurrence at 9 months, d/n. The question asks for getting past it." },
        { answer: fit.survival[j], feedback: "That is S(9), the running product. The conditional probability is the factor for 9 months alone." },
      ];
    },
    hint: "(n - d) / n with n at risk and d recurrences at 9 months.",
    explanation: "{answer} = (n - d) / n at 9 months.",
  },
  {
    id: "km/survival-6",
    notebook: "02-kaplan-meier-by-hand",
    question: "Multiply the conditional probabilities of group 2 up to and including 6 months: what is S(6)? (3 decimals)",
    answer: () => km("recurrence", 2).survivalAt(6),
    tolerance: 5e-4,
    mistakes: () => {
      const fit = km("recurrence", 2);
      const j = rowAt(fit, 6);
      return [{ answer: (fit.nRisk[j] - fit.nEvent[j]) / fit.nRisk[j], feedback: "That is only the factor for 6 months. Multiply it by the factors of all earlier event times." }];
    },
    hint: "Build the table for group 2: at each event time up to 6 months, (n - d) / n; multiply them all.",
    explanation: "S(6) = {answer}. With nobody censored before 6 months, it also equals the plain share of group 2 still free of recurrence.",
  },
  {
    id: "km/greenwood-term-4",
    notebook: "02-kaplan-meier-by-hand",
    question: "Greenwood's term for the first event time of group 2 (4 months), d / (n (n - d)): what is it? (5 decimals)",
    answer: () => {
      const fit = km("recurrence", 2);
      const j = rowAt(fit, 4);
      const n = fit.nRisk[j];
      const d = fit.nEvent[j];
      return d / (n * (n - d));
    },
    tolerance: 5e-6,
    mistakes: () => {
      const fit = km("recurrence", 2);
      const j = rowAt(fit, 4);
      return [{ answer: fit.nEvent[j] / fit.nRisk[j], feedback: "That is d / n. Greenwood's term divides d by n times (n - d)." }];
    },
    hint: "Three recurrences among the patients at risk at 4 months: d / (n (n - d)).",
    explanation: "{answer}.",
  },
  {
    id: "km/se-6",
    notebook: "02-kaplan-meier-by-hand",
    question: "Sum the Greenwood terms of group 2 up to 6 months. What is the standard error of S(6) = S(6) x sqrt(sum)? (3 decimals)",
    answer: () => {
      const fit = km("recurrence", 2);
      return fit.stdErr[rowAt(fit, 6)];
    },
    tolerance: 5e-4,
    mistakes: () => {
      const fit = km("recurrence", 2);
      const j = rowAt(fit, 6);
      return [{ answer: fit.stdErr[j] / fit.survival[j], feedback: "That is sqrt(sum), the standard error of log S. Multiply by S(6) for the standard error of S." }];
    },
    hint: "Add d / (n (n - d)) over the event times 4 to 6 months, take the square root, multiply by S(6).",
    explanation: "{answer}.",
  },
  {
    id: "km/log-lower-6",
    notebook: "02-kaplan-meier-by-hand",
    question: "With the log transform, what is the lower 95% limit of S(6) in group 2: exp(log S - 1.96 se(log S))? (3 decimals)",
    answer: () => {
      const fit = km("recurrence", 2);
      return fit.lower[rowAt(fit, 6)];
    },
    tolerance: 5e-4,
    mistakes: () => {
      const fit = kaplanMeier(arm("recurrence", 2), { confType: "plain" });
      return [{ answer: fit.lower[rowAt(fit, 6)], feedback: "That is the plain interval, S - 1.96 se(S). The log transform works on log S with se(log S) = sqrt(sum)." }];
    },
    hint: "se(log S) is the square root of the Greenwood sum (no multiplication by S). Use 1.96 as the normal quantile, or normalQuantile(0.975).",
    explanation: "{answer}.",
  },
  {
    id: "km/below-zero",
    notebook: "02-kaplan-meier-by-hand",
    question: 'Which transform can give a lower confidence limit below 0 (before it is clipped): "plain", "log" or "log-log"?',
    answer: () => "plain",
    choices: ["plain", "log", "log-log"],
    mistakes: () => [
      { answer: "log", feedback: "exp() of any number is positive, so S exp(-1.96 se) is always above 0." },
      { answer: "log-log", feedback: "exp(-exp(anything)) is always strictly between 0 and 1." },
    ],
    hint: "Which formula subtracts a multiple of the standard error from S directly?",
    explanation: "Only the plain interval S - 1.96 se(S) can go below 0; R and this library clip it at 0.",
  },
];

const reading: Spec[] = [
  {
    id: "reading/median-g1",
    notebook: "03-reading-a-km-curve",
    question: "Read the median recurrence-free time of group 1 from its table: the first time S(t) falls to 0.5 or below.",
    answer: () => km("recurrence", 1).median.estimate!,
    mistakes: () => {
      const fit = km("recurrence", 1);
      const last = Array.from(fit.time).filter((_, j) => fit.survival[j] > 0.5);
      return [{ answer: last[last.length - 1], feedback: "At that time the curve is still above 0.5. The median is the first time it is at or below 0.5." }];
    },
    hint: "Go down the survival column of group 1 until the first value at or below 0.5; read its time.",
    explanation: "{answer} months.",
  },
  {
    id: "reading/median-g2",
    notebook: "03-reading-a-km-curve",
    question: "And the median of group 2? (Look closely at the value of S at 6 months.)",
    answer: () => km("recurrence", 2).median.estimate!,
    tolerance: 1e-9,
    mistakes: () => {
      const fit = km("recurrence", 2);
      const first = Array.from(fit.time).find((_, j) => fit.survival[j] <= 0.5 + 1e-12)!;
      return [{ answer: first, feedback: "There S is exactly 0.5, and it stays there until the next recurrence. Where the curve is flat at exactly 0.5, R (and this library) take the middle of that flat stretch." }];
    },
    hint: "S(t) is exactly 0.5 from 6 months until the next event time. What is the middle of that stretch?",
    explanation: "{answer} months: the midpoint of the stretch where S is exactly 0.5, R's rule. Some programs report the start of the stretch instead.",
  },
  {
    id: "reading/median-upper-g1",
    notebook: "03-reading-a-km-curve",
    question: 'What is the upper limit of the 95% CI of group 1\'s median? Give a number, or "not reached".',
    answer: () => notReached(km("recurrence", 1).median.upper),
    tolerance: 1e-9,
    allowNotReached: true,
    mistakes: () => {
      const fit = km("recurrence", 1);
      return [{ answer: fit.time[fit.time.length - 1], feedback: "That is the last follow-up time. Did the upper band come down to 0.5 by then?" }];
    },
    hint: "The upper limit of the median is the first time the upper band falls to 0.5 or below. Check the smallest value of the upper band.",
    explanation: "{answer}: the upper band stays above 0.5 until the last follow-up, so the data give no upper bound for the median.",
  },
  {
    id: "reading/at-risk-12-g2",
    notebook: "03-reading-a-km-curve",
    question: "How many patients of group 2 are at risk at 12 months (the number printed under the curve at 12)?",
    answer: () => numbersAtRisk(km("recurrence", 2), [12]).nRisk[0],
    mistakes: () => {
      const fit = km("recurrence", 2);
      const j = rowAt(fit, 12);
      return [{ answer: fit.nRisk[j] - fit.nCensor[j], feedback: "The patient censored at exactly 12 months was still followed at 12 months, so they are at risk at 12." }];
    },
    hint: "At risk at 12 months: time >= 12, whatever the status.",
    explanation: "{answer} patients: everything the curve says after 12 months rests on them.",
  },
  {
    id: "reading/last-drop-g2",
    notebook: "03-reading-a-km-curve",
    question: "At group 2's last event time, by what factor is S multiplied, (n - d) / n? (3 decimals)",
    answer: () => {
      const fit = km("recurrence", 2);
      let j = fit.time.length - 1;
      while (fit.nEvent[j] === 0) j--;
      return (fit.nRisk[j] - fit.nEvent[j]) / fit.nRisk[j];
    },
    tolerance: 5e-4,
    mistakes: () => {
      const fit = km("recurrence", 2);
      let j = fit.time.length - 1;
      while (fit.nEvent[j] === 0) j--;
      return [{ answer: fit.survival[j], feedback: "That is S itself after the drop. The question asks for the factor (n - d) / n." }];
    },
    hint: "Find the last row of group 2's table with an event; how many were at risk there, and how many had the event?",
    explanation: "{answer}: one patient's recurrence changes the curve by that factor, which is why the tail of a curve is shaky.",
  },
  {
    id: "reading/rmst-g2-6",
    notebook: "03-reading-a-km-curve",
    question: "By hand, the restricted mean recurrence-free time of group 2 up to 6 months: the area under its curve from 0 to 6 (2 decimals).",
    answer: () => km("recurrence", 2).rmst(6).estimate,
    tolerance: 5e-3,
    mistakes: () => [{ answer: 6, feedback: "That would be the area if nobody had a recurrence before 6 months (S = 1 throughout). Add up the rectangles under the steps." }],
    hint: "Add rectangles: from 0 to the first event time the height is 1; after each event time the height is the new S; stop at 6 months.",
    explanation: "{answer} months: on average, a patient of group 2 spent that much of the first 6 months recurrence-free.",
  },
];

const logRank: Spec[] = [
  {
    id: "logrank/expected-4",
    notebook: "04-log-rank-by-hand",
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
  },
  {
    id: "logrank/variance-4",
    notebook: "04-log-rank-by-hand",
    question: "The hypergeometric variance of group 1's count at 4 months, d (n - d) n1 n2 / (n^2 (n - 1))? (4 decimals)",
    answer: () => {
      const { n1, n2, d1, d2 } = atTime(4);
      const n = n1 + n2;
      const d = d1 + d2;
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
  },
  {
    id: "logrank/statistic",
    notebook: "04-log-rank-by-hand",
    question: "From the sums printed above (O1 - E1 and V), compute the log-rank chi-square. (2 decimals)",
    answer: () => logRankTest(recurrenceData()).statistic,
    tolerance: 5e-3,
    mistakes: () => {
      const r = logRankTest(recurrenceData());
      return [{ answer: Math.sqrt(r.statistic), feedback: "That is |O - E| / sqrt(V), the z statistic. The chi-square is its square." }];
    },
    hint: "chi-square = (O1 - E1)^2 / V.",
    explanation: "{answer}, on 1 degree of freedom.",
  },
  {
    id: "logrank/which-significant",
    notebook: "04-log-rank-by-hand",
    question: 'At the 5% level, which test calls the difference between the arms significant: "log-rank", "1-year" (Pearson chi-square at 12 months), "both" or "neither"?',
    answer: () => {
      const lr = logRankTest(recurrenceData()).pValue < 0.05;
      const oneYear = chiSquareTest(recurrenceTable(), { correction: false }).pValue < 0.05;
      return lr && oneYear ? "both" : lr ? "log-rank" : oneYear ? "1-year" : "neither";
    },
    choices: ["log-rank", "1-year", "both", "neither"],
    hint: "Compare each p-value printed above with 0.05.",
    explanation: '"{answer}": the same patients, two questions, two answers.',
  },
  {
    id: "logrank/tarone-ware-4",
    notebook: "04-log-rank-by-hand",
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
  },
  {
    id: "logrank/smallest",
    notebook: "04-log-rank-by-hand",
    question: 'Which of these tests gives the smallest chi-square on the recurrence data: "logrank", "gehan-breslow", "tarone-ware" or "FH(0,1)" (Fleming-Harrington with the weight 1 - S(t-), which favours late times)?',
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
  },
];

const tables: Spec[] = [
  {
    id: "tables/expected-lung",
    notebook: "05-small-2x2-tables",
    question: "In the lung-metastasis 1-year table, how many metastases would group 1 be expected to have if the arms had the same risk: row total x column total / N? (2 decimals)",
    answer: () => chiSquareTest(lungTable(), { correction: false }).expected[0][0],
    tolerance: 5e-3,
    mistakes: () => [{ answer: chiSquareTest(lungTable(), { correction: false }).expected[1][0], feedback: "That is group 2's expected count. Use group 1's row total." }],
    hint: "Group 1's row total times the total number with a metastasis within 1 year, divided by all patients.",
    explanation: "{answer}.",
  },
  {
    id: "tables/pearson-lung",
    notebook: "05-small-2x2-tables",
    question: "Pearson's chi-square of the lung-metastasis table, the sum over the 4 cells of (O - E)^2 / E? (2 decimals)",
    answer: () => chiSquareTest(lungTable(), { correction: false }).statistic,
    tolerance: 5e-3,
    mistakes: () => [{ answer: chiSquareTest(lungTable()).statistic, feedback: "That is with Yates' correction. Pearson's statistic subtracts nothing from |O - E|." }],
    hint: "Four cells; in a 2 x 2 table every |O - E| is the same.",
    explanation: "{answer}.",
  },
  {
    id: "tables/yates-lung",
    notebook: "05-small-2x2-tables",
    question: "With Yates' correction, (|O - E| - 0.5)^2 / E summed over the cells? (2 decimals)",
    answer: () => chiSquareTest(lungTable()).statistic,
    tolerance: 5e-3,
    mistakes: () => [{ answer: chiSquareTest(lungTable(), { correction: false }).statistic, feedback: "That is Pearson's statistic without the correction." }],
    hint: "Take 0.5 off every |O - E| before squaring.",
    explanation: "{answer}.",
  },
  {
    id: "tables/paper-test",
    notebook: "05-small-2x2-tables",
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
  },
  {
    id: "tables/hypergeometric-lung",
    notebook: "05-small-2x2-tables",
    question: "With the margins fixed, what is the probability of exactly the observed lung-metastasis table, C(m, a) C(N - m, n1 - a) / C(N, n1)? (4 significant digits)",
    answer: () => {
      const t = lungTable();
      const a = t[0][0];
      const n1 = t[0][0] + t[0][1];
      const m = t[0][0] + t[1][0];
      const N = n1 + t[1][0] + t[1][1];
      return Math.exp(logChoose(m, a) + logChoose(N - m, n1 - a) - logChoose(N, n1));
    },
    tolerance: 5e-6,
    hint: "a = metastases in group 1, m = all metastases within 1 year, n1 = patients in group 1, N = all patients.",
    explanation: "{answer}. Fisher's p adds up the probabilities of every table with these margins that is at most this likely.",
  },
  {
    id: "tables/yates-flips",
    notebook: "05-small-2x2-tables",
    question: "For the lung-metastasis table, does the choice between Pearson and Yates change the call at the 5% level? (true or false)",
    answer: () =>
      chiSquareTest(lungTable(), { correction: false }).pValue < 0.05 !== chiSquareTest(lungTable()).pValue < 0.05,
    hint: "Compare the two p-values printed above with 0.05.",
    explanation: "{answer}.",
  },
  {
    id: "tables/tables-giving-paper",
    notebook: "05-small-2x2-tables",
    question: "How many 2 x 2 tables with the paper's arm sizes give a Pearson chi-square that rounds to the paper's lung-metastasis value?",
    answer: () => {
      const printed = loadClaims().find((c) => c.id === "res-lung-1y-chisq")!.values[0];
      const t = lungTable();
      const r1 = t[0][0] + t[0][1]; // the arm sizes
      const r2 = t[1][0] + t[1][1];
      let count = 0;
      for (let a = 0; a <= r1; a++) {
        for (let c = 0; c <= r2; c++) {
          if (a + c === 0 || a + c === r1 + r2) continue; // a column total of 0: no test
          if (atPrecision(chiSquareTest([[a, r1 - a], [c, r2 - c]], { correction: false }).statistic, printed).matches) count++;
        }
      }
      return count;
    },
    hint: "Loop over a = 0 to r1 and c = 0 to r2, compute the Pearson statistic of [[a, r1 - a], [c, r2 - c]] (skip tables with an empty column) and count those that round to the printed value.",
    explanation: "{answer}.",
  },
];

type OwnSpec = ExerciseSpec<SurvivalCsv>;

const ownData: OwnSpec[] = [
  {
    id: "own-data/events",
    notebook: "06-your-own-data",
    question: "How many events are there in your file (all groups)?",
    answer: (data) => data.event.reduce((s, e) => s + e, 0),
    mistakes: (data) => [{ answer: data.n - data.event.reduce((s, e) => s + e, 0), feedback: "That is the number of censored rows." }],
    hint: "Count the rows whose event column holds the event value.",
    explanation: "{answer} events.",
  },
  {
    id: "own-data/median-first-group",
    notebook: "06-your-own-data",
    question: 'Read the median of the first group from its Kaplan-Meier table: a number, or "not reached".',
    answer: (data) => notReached(kaplanMeier(groupRows(data, data.groups[0])).median.estimate),
    tolerance: 1e-9,
    allowNotReached: true,
    hint: "The first time the survival column falls to 0.5 or below (the midpoint of a stretch where it is exactly 0.5); \"not reached\" if it never does.",
    explanation: "{answer}.",
  },
];

/** All exercises, by id. */
export const EXERCISES: ReadonlyMap<string, ExerciseSpec<any>> = new Map(
  [...censoring, ...kmByHand, ...reading, ...logRank, ...tables, ...ownData, ...ROWS_FROM_FIGURE_EXERCISES].map((s) => [s.id, Object.freeze(s)]),
);

function spec(id: string): ExerciseSpec<any> {
  const s = EXERCISES.get(id);
  if (!s) throw new Error(`There is no exercise ${JSON.stringify(id)}; the exercises are ${[...EXERCISES.keys()].join(", ")}`);
  return s;
}

/** The verdict on an answer (the pure part of `exercise`). */
export function judge(id: string, given: unknown, context?: SurvivalCsv): Feedback {
  const s = spec(id);
  if (s.id.startsWith("own-data/") && context === undefined) {
    throw new Error(`exercise ${JSON.stringify(id)} needs your data: call exercise(${JSON.stringify(id)}, answer, data)`);
  }
  return checkAnswer(s, given, context);
}

/**
 * In a notebook cell: shows whether `given` answers exercise `id` ("not answered yet" for null),
 * with a hint when it does not. `context` is the reader's data for the template's exercises.
 */
export function exercise(id: string, given: unknown, context?: SurvivalCsv): void {
  showFeedback(judge(id, given, context));
}
