/**
 * The exercises of the lesson "Rows from a figure" (notebooks/teaching/10-rows-from-a-figure):
 * reading events and censorings off a Kaplan-Meier figure and its numbers at risk, as the method
 * of Guyot et al. (2012) does, and seeing where that fails. Each right answer is computed from the
 * paper's tables (the truth the figure was drawn from), never typed in; the lesson's students
 * reach it from the figure, and test/teaching/exercises.test.ts checks it against R
 * (test/teaching/fixtures/r/rows-from-figure.R).
 */
import { loadStudy, type Study } from "../../study/data/loadEndpoint.js";
import { armData } from "../../study/data/armData.js";
import { kaplanMeier } from "../../survival/km/kaplanMeier.js";
import { logRankTest } from "../../survival/logrank/logRankTest.js";
import { numbersAtRisk } from "../../presentation/figures/numbersAtRisk.js";
import type { TaskSpec } from "../exercise.js";

const NOTEBOOK = "10-rows-from-a-figure";

let cached: Study | undefined;
const study = (): Study => (cached ??= loadStudy());
const chemoRecurrence = () => kaplanMeier(armData(study().recurrence, 2));
const atRisk = (t: number) => numbersAtRisk(chemoRecurrence(), [t]).nRisk[0];

/** Events (e = 1) or censorings (e = 0) of chemotherapy alone in Table 1 with from <= time < to. */
function inInterval(from: number, to: number, e: number): number {
  const { time, event } = armData(study().recurrence, 2);
  return time.filter((t, i) => t >= from && t < to && event[i] === e).length;
}

/** Events at time t in chemotherapy alone, Table 1. */
function eventsAt(t: number): number {
  const fit = chemoRecurrence();
  const j = Array.from(fit.time).indexOf(t);
  if (j < 0) throw new Error(`rowsFromFigure: ${t} is not a time of the curve`);
  return fit.nEvent[j];
}

/** Table 1 with the patient(s) of chemotherapy alone censored at 12 months made recurrences at 12. */
function oneMoreRecurrence(): number {
  const r = study().recurrence;
  const event = Array.from(r.status, (s, i) => (r.group[i] === 2 && r.months[i] === 12 && s === 0 ? 1 : s));
  return logRankTest({ time: r.months, event, group: r.group }).statistic;
}

/**
 * Without numbers at risk or total events, Guyot's method censors nobody before the end of the
 * curve: n patients reach its last level S with n S of them left, so n - round(n S) have the event.
 */
function eventsWithoutTable(): { rebuilt: number; truth: number } {
  const fit = kaplanMeier(armData(study().lung_metastasis, 1));
  const n = fit.n;
  const last = fit.survival[fit.survival.length - 1];
  return { rebuilt: n - Math.round(n * last), truth: fit.events };
}

/** The levels of chemotherapy alone's curve just before and after time t, and n at risk there. */
function drop(t: number) {
  const fit = chemoRecurrence();
  const j = Array.from(fit.time).indexOf(t);
  return { n: fit.nRisk[j], before: j === 0 ? 1 : fit.survival[j - 1], after: fit.survival[j] };
}

export const rowsFromFigure: TaskSpec[] = [
  {
    id: "figure/events-first-drop",
    notebook: NOTEBOOK,
    question:
      "Chemotherapy alone's curve in Figure 2 drops at 4 months from 1 to the level read above, with 16 patients at risk. How many recurrences is that drop? (n (1 - S after / S before), rounded)",
    answer: () => eventsAt(4),
    mistakes: () => [
      { answer: atRisk(4) - eventsAt(4), feedback: "That is the number still at risk after the drop. The events are the patients the drop takes away." },
    ],
    hint: "The drop takes the share 1 - S after / S before of the patients at risk: multiply by 16 and round to a whole patient.",
    explanation: "{answer} recurrences at 4 months: a level read within a pixel gives the whole number back exactly.",
    solution: () => {
      const { n, before, after } = drop(4);
      return `The curve falls from ${before} to ${after.toFixed(4)} (as read, within a pixel): d = n (1 - S after / S before) = ${n} × (1 - ${after.toFixed(4)} / ${before}) = ${(n * (1 - after / before)).toFixed(2)}, a whole **${eventsAt(4)}** recurrences.`;
    },
  },
  {
    id: "figure/left-between-6-and-9",
    notebook: NOTEBOOK,
    question:
      "Under Figure 2, chemotherapy alone has 10 patients at risk at 6 months and 6 at 9 months. How many patients left the risk set in between (times from 6 up to, not including, 9)?",
    answer: () => atRisk(6) - atRisk(9),
    mistakes: () => [{ answer: atRisk(9), feedback: "That is the number still at risk at 9 months. The question asks how many left." }],
    hint: "Everyone at risk at 6 months is either still at risk at 9, or had the event, or was censored in between.",
    explanation: "{answer} patients left: events and censorings together. The curve's drops say how many of them were events.",
    solution: () => `At risk at 6 months: ${atRisk(6)}; at 9 months: ${atRisk(9)}. So **${atRisk(6) - atRisk(9)}** left in between (Table 1: ${inInterval(6, 9, 1)} recurrences and ${inInterval(6, 9, 0)} censored).`,
  },
  {
    id: "figure/censored-12-to-15",
    notebook: NOTEBOOK,
    question:
      "Between 12 and 15 months the table under Figure 2 prints 4 then 1 patients of chemotherapy alone at risk, and the curve drops twice (levels read above). How many of the 4 were censored in that interval?",
    answer: () => inInterval(12, 15, 0),
    mistakes: () => [
      {
        answer: inInterval(12, 15, 0) - 1,
        feedback:
          "That is what Guyot's method finds here: it spreads censorings evenly over the interval and so reads both drops with too many patients at risk. Look at the size of each drop: a fall to (n - 1)/n of the level before is one event among n at risk.",
      },
    ],
    hint: "Work out n at each drop from its size (S after / S before = (n - 1) / n for one event): the first drop says how many were still at risk then. 4 - 1 = 3 left the risk set in all.",
    explanation:
      "{answer}: the first drop is one event among 3, not among 4, so one patient was censored before it, at the very start of the interval (Table 1: at exactly 12 months).",
    solution: () => {
      const [a, b] = [drop(13), drop(14)];
      return `The drop at 13 months multiplies S by ${(a.after / a.before).toFixed(4)} = (${a.n} - 1)/${a.n}: ${a.n} at risk, not 4. The drop at 14 months multiplies it by ${(b.after / b.before).toFixed(4)} = (${b.n} - 1)/${b.n}. ` +
        `So one patient left before 13 months without a step (censored), two had recurrences, and one is left at 15: **${inInterval(12, 15, 0)}** censored.`;
    },
  },
  {
    id: "figure/one-patient-logrank",
    notebook: NOTEBOOK,
    question:
      "In Table 1, make the patient of chemotherapy alone censored at 12 months a recurrence at 12 months instead, as the rebuilt rows nearly do. What is the log-rank χ² then? (2 decimals)",
    answer: () => oneMoreRecurrence(),
    tolerance: 5e-3,
    mistakes: () => {
      const r = study().recurrence;
      return [{ answer: logRankTest({ time: r.months, event: r.status, group: r.group }).statistic, feedback: "That is the statistic of Table 1 unchanged. Change that one patient's status to 1 first." }];
    },
    hint: "Copy the status column, set it to 1 for the row with group 2, 12 months and status 0, and run logRankTest on { time, event, group }.",
    explanation: "{answer}: one patient of 39 moves the statistic by about 2. A figure is read far more exactly than that, except where one patient is a whole step.",
    solution: () => {
      const r = study().recurrence;
      const before = logRankTest({ time: r.months, event: r.status, group: r.group }).statistic;
      return `\`const event = r.status.map((s, i) => (r.group[i] === 2 && r.months[i] === 12 && s === 0 ? 1 : s));\` then \`logRankTest({ time: r.months, event, group: r.group })\`: χ² = **${oneMoreRecurrence().toFixed(2)}**, against ${before.toFixed(2)} for Table 1 as printed.`;
    },
  },
  {
    id: "figure/no-table-events",
    notebook: NOTEBOOK,
    question:
      'Rebuilt from its curve and its 23 patients only (no numbers at risk, no total events), does Figure 3\'s anlotinib arm get "more", "fewer" or "the same" number of events as the 12 it had?',
    answer: () => {
      const { rebuilt, truth } = eventsWithoutTable();
      return rebuilt > truth ? "more" : rebuilt < truth ? "fewer" : "the same";
    },
    choices: ["more", "fewer", "the same"],
    hint: "Without the numbers at risk, the method cannot know that anyone was censored before the end of the curve. Who does it think is still at risk at each drop?",
    explanation:
      '"{answer}": with nobody censored until the end, every patient who is not left at the last level must have had the event; the censored patients who left earlier are counted as events.',
    solution: () => {
      const { rebuilt, truth } = eventsWithoutTable();
      return `The curve ends at a level S; with 23 patients and nobody censored before the end, 23 - round(23 S) = ${rebuilt} must have had the event, against ${truth} in Table 2: **"${rebuilt > truth ? "more" : rebuilt < truth ? "fewer" : "the same"}"**.`;
    },
  },
  {
    id: "figure/good-enough",
    notebook: NOTEBOOK,
    question: 'Predict: rows rebuilt from this paper\'s Figure 2 (with its numbers at risk) are good enough for: "a": the curves, the medians and the direction of the difference; "b": the log-rank χ² to the digits the paper prints; "c": neither.',
    answer: () => "a",
    choices: ["a", "b", "c"],
    mistakes: () => [
      { answer: "b", feedback: "One patient in the tail moves the log-rank χ² by about 2 (exercise 10.4), and the method misplaced one patient here." },
      { answer: "c", feedback: "The steps come back within a pixel and the events almost exactly: the curves and medians are close to the truth." },
    ],
    hint: "Compare what one misplaced patient does to a median with what it does to the log-rank statistic (exercise 10.4).",
    explanation: "The curves, medians and the direction come back; the test statistics do not, to their printed digits, with 39 patients.",
    solution: () => `"a". The drops give the events almost exactly and the numbers at risk place the censorings within each interval, so curves and medians come back; but one misread patient moves the log-rank χ² from ${logRankTest({ time: study().recurrence.months, event: study().recurrence.status, group: study().recurrence.group }).statistic.toFixed(2)} to ${oneMoreRecurrence().toFixed(2)}, so the statistic cannot be checked to its printed digits.`,
  },
  {
    id: "figure/meta-analysis",
    notebook: NOTEBOOK,
    prompt: "A meta-analyst has only this paper's Figure 2 and its numbers at risk, and wants a hazard ratio. In two or three sentences: what can the rebuilt rows give, how far can it be trusted, and how should it be reported?",
    modelAnswer: () =>
      "> Rows rebuilt with Guyot's method give back the curves and the events closely, so a hazard ratio (with its CI) from them is a fair approximation, better with the numbers at risk and the total events than without. " +
      "With only 39 patients, one misplaced patient (here, the one censored at 12 months) shifts the statistics noticeably, so the estimate should be reported as reconstructed from the published figure, with the method named, and checked against any numbers the paper prints (here: the log-rank χ²).\n\n" +
      "Points to check: what the figure gives (events, censorings by interval), the loss with few patients and without a table, and labelling the result as reconstructed.",
  },
];
