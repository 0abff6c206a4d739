/** The exercises of notebooks/teaching/01-censoring: what a censored row means, and what ignoring it does. */
import type { TaskSpec } from "../exercise.js";
import { arm, fix, km } from "./data.js";

const NOTEBOOK = "01-censoring";

/** The naive "recurrence-free" proportions of the lesson at time t, for group 1 of the recurrence table. */
function naive(t: number) {
  const { time, event } = arm("recurrence", 1);
  const n = time.length;
  const events = time.filter((_, i) => event[i] === 1);
  return {
    drop: events.filter((x) => x > t).length / events.length, // censored rows dropped
    asEvents: time.filter((x) => x > t).length / n, // censored rows counted as events at their time
    eventFree: 1 - events.filter((x) => x <= t).length / n, // censored rows counted as never having the event
  };
}

const sortedEventTimes = () => {
  const { time, event } = arm("recurrence", 1);
  return time.filter((_, i) => event[i] === 1).sort((a, b) => a - b);
};

const middle = (xs: readonly number[]) => (xs.length % 2 ? xs[(xs.length - 1) / 2] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2);

/** The simple proportion with an event by t, and Kaplan-Meier's 1 - S(t), in group 1. */
function atCutoff(t: number) {
  const { time, event } = arm("recurrence", 1);
  const crude = time.filter((x, i) => event[i] === 1 && x <= t).length / time.length;
  return { crude, km: 1 - km("recurrence", 1).survivalAt(t) };
}

export const censoring: TaskSpec[] = [
  {
    id: "censoring/count-censored",
    notebook: NOTEBOOK,
    question: "How many of the patients in group 1 of Table 1 (recurrence) are censored?",
    answer: () => arm("recurrence", 1).event.filter((e) => e === 0).length,
    mistakes: () => [
      { answer: arm("recurrence", 1).event.filter((e) => e === 1).length, feedback: "That is the number of patients whose tumour recurred (status 1). Censored rows have status 0." },
      { answer: arm("recurrence", 1).event.length, feedback: "That is every patient of group 1. Count only the rows with status 0." },
    ],
    hint: "Censored rows are the ones with status 0. Filter group 1's rows and count them.",
    explanation: "{answer} patients of group 1 were last seen without a recurrence.",
    solution: () => {
      const { time, event } = arm("recurrence", 1);
      const censored = time.filter((_, i) => event[i] === 0).sort((a, b) => a - b);
      return `The rows of group 1 with status 0 are those at ${censored.join(", ")} months: **${censored.length}** patients. ` +
        `In code: \`group1.filter((p) => p.status === 0).length\`.`;
    },
  },
  {
    id: "censoring/what-censored-means",
    notebook: NOTEBOOK,
    question: 'A patient is censored at 13 months. Which is true? "a": the tumour recurred at 13 months; "b": it had not recurred by 13 months, and what happened later is unknown; "c": it never recurred.',
    answer: () => "b",
    choices: ["a", "b", "c"],
    mistakes: () => [
      { answer: "a", feedback: "Status 0 means no recurrence was seen: 13 months is when follow-up ended, not when the tumour came back." },
      { answer: "c", feedback: "We only know it had not recurred by 13 months, when follow-up ended. It may recur later." },
    ],
    hint: "Status 0 says what was seen up to the last follow-up, and nothing about afterwards.",
    explanation: "A censored time is a lower bound: the recurrence, if it comes, comes later.",
    solution: () => '"b". Censored (status 0) means the patient was followed until 13 months and the tumour had not recurred by then; the follow-up ended there. "a" describes status 1, and "c" claims to know the future.',
  },
  {
    id: "censoring/biased-up",
    notebook: NOTEBOOK,
    question: 'Predict before you look: which naive curve will lie on or above the Kaplan-Meier curve at every time: "drop", "as-events" or "event-free"?',
    answer: () => {
      const fit = km("recurrence", 1);
      const times = [0, ...Array.from(fit.time)];
      const above = (["drop", "asEvents", "eventFree"] as const).filter((k) => times.every((t) => naive(t)[k] >= fit.survivalAt(t) - 1e-12));
      if (above.length !== 1) throw new Error(`exercises: ${above.length} naive curves lie above the Kaplan-Meier curve`);
      return { drop: "drop", asEvents: "as-events", eventFree: "event-free" }[above[0]];
    },
    choices: ["drop", "as-events", "event-free"],
    mistakes: () => [
      { answer: "drop", feedback: "Dropping the censored patients throws away the ones who were doing well (still free of recurrence when last seen): the curve falls too fast." },
      { answer: "as-events", feedback: "Counting censored patients as recurrences invents events: the curve falls too fast." },
    ],
    hint: "Which way of handling the censored patients assumes the best possible future for them?",
    explanation: '"{answer}": it assumes every censored patient stays free of the event for ever, the most optimistic guess possible.',
    solution: () =>
      '"event-free". (a) drops exactly the patients who were doing well and (b) invents recurrences, so both fall too fast. ' +
      "(c) assumes that a patient last seen free of recurrence never recurs: no estimate can be more optimistic, so it lies on or above Kaplan-Meier everywhere " +
      "(equal to it before the first censoring).",
  },
  {
    id: "censoring/drop-median",
    notebook: NOTEBOOK,
    question: "Drop the censored patients of group 1. What is the median recurrence time of the patients left, the middle value of their sorted times?",
    answer: () => middle(sortedEventTimes()),
    tolerance: 1e-9,
    mistakes: () => [{ answer: middle([...arm("recurrence", 1).time].sort((a, b) => a - b)), feedback: "That is the middle of all the times, censored ones included. Keep only the rows with status 1." }],
    hint: "Keep the rows of group 1 with status 1, sort their months, and take the middle one.",
    explanation: "{answer} months: an estimate that ignores the patients still recurrence-free at the end.",
    solution: () => {
      const xs = sortedEventTimes();
      return `The ${xs.length} recurrence times of group 1, sorted: ${xs.join(", ")}. ` +
        (xs.length % 2 ? `The middle one (number ${(xs.length + 1) / 2}) is **${middle(xs)}** months.` : `The middle two average to **${middle(xs)}** months.`);
    },
  },
  {
    id: "censoring/as-events-at-16",
    notebook: NOTEBOOK,
    question: "Count every censored patient of group 1 as a recurrence at their censoring time. What share of group 1 is then still recurrence-free after 16 months? (3 decimals)",
    answer: () => naive(16).asEvents,
    tolerance: 5e-4,
    mistakes: () => [
      { answer: naive(16).eventFree, feedback: "That counts the censored patients as recurrence-free for ever. Here they count as recurrences at their time." },
      { answer: km("recurrence", 1).survivalAt(16), feedback: "That is the Kaplan-Meier estimate. The question asks for the naive share with censored patients counted as events." },
    ],
    hint: "Still recurrence-free after 16 months means a time greater than 16 (with status either way, since censored rows now count as events at their time). Divide by all of group 1.",
    explanation: "{answer}.",
    solution: () => {
      const { time } = arm("recurrence", 1);
      const after = time.filter((x) => x > 16).length;
      return `Every patient now "recurs" at their time, so the share still free after 16 months is the share with a time above 16: ${after} of ${time.length} = **${fix(after / time.length, 3)}**.`;
    },
  },
  {
    id: "censoring/non-informative",
    notebook: NOTEBOOK,
    prompt: "Kaplan-Meier assumes that censoring is non-informative: a patient censored at t has the same chance of recurring later as the patients still followed at t. Is that plausible in this study? Say why, in two or three sentences.",
    modelAnswer: () => {
      const t = [1, 2].map((g) => {
        const { time, event } = arm("recurrence", g);
        return time.filter((_, i) => event[i] === 0).sort((a, b) => a - b);
      });
      return `> Probably, but the paper does not let us check it. Every censored time is late (group 1: ${t[0].join(", ")}; group 2: ${t[1].join(", ")} months), ` +
        "which is what the end of the study produces: patients enrolled from June 2018 into 2019 and all followed until one analysis date, so the last to join have the shortest follow-up. " +
        "That kind of censoring has nothing to do with a patient's prognosis. It would be informative if patients stopped coming because they were unwell (their recurrences would be missed, and the curve would be too high) " +
        "or because they felt well. The paper gives no reason for any censoring; a report should say why follow-up ended.";
    },
  },
  {
    id: "censoring/crude-at-17",
    notebook: NOTEBOOK,
    question: 'Set the cut-off to 17 months. Compared with Kaplan-Meier\'s 1 - S(17), the simple proportion of group 1 with a recurrence by 17 months is: "lower", "equal" or "higher"?',
    answer: () => {
      const { crude, km: k } = atCutoff(17);
      return Math.abs(crude - k) < 1e-12 ? "equal" : crude < k ? "lower" : "higher";
    },
    choices: ["lower", "equal", "higher"],
    mistakes: () => [{ answer: "equal", feedback: "They are equal only while nobody has been censored before the cut-off. Look at the censored times of group 1." }],
    hint: "Some patients of group 1 were censored before 17 months. How does the simple proportion count them?",
    explanation: '"{answer}": the simple proportion counts the patients censored before 17 months as recurrence-free, though some of them would have recurred by 17 months.',
    solution: () => {
      const { crude, km: k } = atCutoff(17);
      return `At 17 months the simple proportion is ${fix(crude, 3)} and Kaplan-Meier's 1 - S(17) is ${fix(k, 3)}: **"lower"**. ` +
        "The simple proportion puts the patients censored before 17 months in the denominator as if they were known to be recurrence-free at 17 months; Kaplan-Meier lets them count only while they were followed.";
    },
  },
];
