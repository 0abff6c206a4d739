/** The exercises of notebooks/teaching/03-reading-a-km-curve: medians, "not reached", numbers at risk, RMST. */
import { numbersAtRisk } from "../../presentation/figures/numbersAtRisk.js";
import type { Answer, TaskSpec } from "../exercise.js";
import { eventRowsUpTo, fix, km, rowAt } from "./data.js";

const NOTEBOOK = "03-reading-a-km-curve";
const notReached = (x: number | null): Answer => (x === null ? "not reached" : x);

/** The last row of group 2's curve with an event. */
function lastEventRow() {
  const fit = km("recurrence", 2);
  let j = fit.time.length - 1;
  while (fit.nEvent[j] === 0) j--;
  return j;
}

/** The share of each group still at risk at t. */
const shareAtRisk = (t: number) => [1, 2].map((g) => numbersAtRisk(km("recurrence", g), [t]).nRisk[0] / km("recurrence", g).n);

/** The τ candidates of exercise 3.7. */
export const TAU_CHOICES = ["6", "12", "18"] as const;

export const reading: TaskSpec[] = [
  {
    id: "reading/median-g1",
    notebook: NOTEBOOK,
    question: "Read the median recurrence-free time of group 1 from its table: the first time S(t) falls to 0.5 or below.",
    answer: () => km("recurrence", 1).median.estimate!,
    mistakes: () => {
      const fit = km("recurrence", 1);
      const last = Array.from(fit.time).filter((_, j) => fit.survival[j] > 0.5);
      return [{ answer: last[last.length - 1], feedback: "At that time the curve is still above 0.5. The median is the first time it is at or below 0.5." }];
    },
    hint: "Go down the survival column of group 1 until the first value at or below 0.5; read its time.",
    explanation: "{answer} months.",
    solution: () => {
      const fit = km("recurrence", 1);
      const j = Array.from(fit.survival).findIndex((s) => s <= 0.5);
      return `Group 1's S(t) is ${fix(fit.survival[j - 1], 4)} at ${fit.time[j - 1]} months (above 0.5) and ${fix(fit.survival[j], 4)} at ${fit.time[j]} months: the first value at or below 0.5. The median is **${fit.time[j]}** months.`;
    },
  },
  {
    id: "reading/median-g2",
    notebook: NOTEBOOK,
    question: "And the median of group 2? (Look closely at the value of S at 6 months.)",
    answer: () => km("recurrence", 2).median.estimate!,
    tolerance: 1e-9,
    alsoRight: () => {
      const fit = km("recurrence", 2);
      const j = Array.from(fit.survival).findIndex((s) => s <= 0.5 + 1e-12);
      return [{
        answer: fit.time[j],
        feedback: `By the rule of this lesson, the first time S(t) is at or below 0.5, the median is ${fit.time[j]} months, as most textbooks define it. ` +
          `But S is *exactly* 0.5 from ${fit.time[j]} until ${fit.time[j + 1]} months, so any time in that stretch splits the patients in half: R (and this library) report its middle, ${formatMid()}. Both are conventions; a report says which it uses.`,
      }];
    },
    mistakes: () => [{ answer: 7, feedback: "At 7 months the curve is already below 0.5. Where does it first reach 0.5?" }],
    hint: "S(t) is exactly 0.5 from 6 months until the next event time. The first time at or below 0.5, or the middle of that flat stretch?",
    explanation: "{answer} months by R's rule, the middle of the stretch where S is exactly 0.5 (from 6 to 7 months). The first-time rule gives 6 months: both conventions are in use, so a report says which it uses.",
    solution: () => {
      const fit = km("recurrence", 2);
      const j = Array.from(fit.survival).findIndex((s) => s <= 0.5 + 1e-12);
      return `S(${fit.time[j]}) = ${fit.nRisk[j] - fit.nEvent[j]}/${fit.nRisk[j]} × S(${fit.time[j - 1]}) = exactly 0.5, and it stays 0.5 until the next recurrence at ${fit.time[j + 1]} months. ` +
        `The textbook rule (first time S <= 0.5) gives **${fit.time[j]}**; R's rule (middle of the flat stretch at 0.5) gives **${formatMid()}**. Both are accepted here.`;
    },
  },
  {
    id: "reading/median-upper-g1",
    notebook: NOTEBOOK,
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
    solution: () => {
      const fit = km("recurrence", 1);
      const lowest = Math.min(...Array.from(fit.upper));
      return `The upper band of group 1 never comes down to 0.5: its lowest value is ${fix(lowest, 4)}, at the last follow-up time. So the upper limit is **"not reached"**.`;
    },
  },
  {
    id: "reading/not-reached-meaning",
    notebook: NOTEBOOK,
    question: '"Not reached" for that upper limit means: "a": the median is infinite; "b": the data are compatible with medians beyond the end of follow-up; "c": the upper limit is the last follow-up time.',
    answer: () => "b",
    choices: ["a", "b", "c"],
    mistakes: () => [
      { answer: "a", feedback: "Not reached is about what the data can show, not about the true median: most patients may well recur later." },
      { answer: "c", feedback: "The last follow-up time is where the data stop, not a limit they support. Writing it would claim a precision the data do not have." },
    ],
    hint: "What would the upper band have to do for the limit to be a number?",
    explanation: "The band never reaches 0.5 during follow-up, so the data cannot rule out medians beyond it.",
    solution: () => '"b". The upper limit is where the upper band reaches 0.5. It never does during follow-up, so no value the data can see is excluded as too large: report "not reached" (R prints NA), never the last follow-up time.',
  },
  {
    id: "reading/at-risk-12-g2",
    notebook: NOTEBOOK,
    question: "How many patients of group 2 are at risk at 12 months (the number printed under the curve at 12)?",
    answer: () => numbersAtRisk(km("recurrence", 2), [12]).nRisk[0],
    mistakes: () => {
      const fit = km("recurrence", 2);
      const j = rowAt(fit, 12);
      return [{ answer: fit.nRisk[j] - fit.nCensor[j], feedback: "The patient censored at exactly 12 months was still followed at 12 months, so they are at risk at 12." }];
    },
    hint: "At risk at 12 months: time >= 12, whatever the status.",
    explanation: "{answer} patients: everything the curve says after 12 months rests on them.",
    solution: () => `Under the figure, at 12 months, group 2's row reads **${numbersAtRisk(km("recurrence", 2), [12]).nRisk[0]}**: the patients of group 2 with a time of 12 months or more.`,
  },
  {
    id: "reading/last-drop-g2",
    notebook: NOTEBOOK,
    question: "At group 2's last event time, by what factor is S multiplied, (n - d) / n? (3 decimals)",
    answer: () => {
      const fit = km("recurrence", 2);
      const j = lastEventRow();
      return (fit.nRisk[j] - fit.nEvent[j]) / fit.nRisk[j];
    },
    tolerance: 5e-4,
    mistakes: () => [{ answer: km("recurrence", 2).survival[lastEventRow()], feedback: "That is S itself after the drop. The question asks for the factor (n - d) / n." }],
    hint: "Find the last row of group 2's table with an event; how many were at risk there, and how many had the event?",
    explanation: "{answer}: one patient's recurrence changes the curve by that factor, which is why the tail of a curve is shaky.",
    solution: () => {
      const fit = km("recurrence", 2);
      const j = lastEventRow();
      const [n, d] = [fit.nRisk[j], fit.nEvent[j]];
      return `Group 2's last recurrence is at ${fit.time[j]} months, with n = ${n} at risk and d = ${d}: (n - d)/n = ${n - d}/${n} = **${fix((n - d) / n, 3)}**. One patient halves the curve there.`;
    },
  },
  {
    id: "reading/choose-tau",
    notebook: NOTEBOOK,
    question: `To compare restricted means, which is the largest horizon τ among ${TAU_CHOICES.map((c) => `"${c}"`).join(", ")} months at which each group still has at least a quarter of its patients at risk?`,
    answer: () => {
      const ok = TAU_CHOICES.filter((c) => shareAtRisk(Number(c)).every((s) => s >= 0.25));
      return ok[ok.length - 1];
    },
    choices: TAU_CHOICES,
    mistakes: () => [
      { answer: "18", feedback: "Group 2's follow-up ends before 18 months: nobody of group 2 is at risk there." },
      { answer: "6", feedback: "Both groups are well followed at 6 months, but so they are later: a τ that short throws away most of the follow-up." },
    ],
    hint: "Read the numbers at risk under the figure at 6, 12 and 18 months, for both groups, and divide by the group sizes.",
    explanation: '"{answer}" months, which is also the paper\'s own horizon (its 1-year rates), so it is chosen for a clinical reason and not after looking at the curves.',
    solution: () => {
      const rows = TAU_CHOICES.map((c) => {
        const [a, b] = shareAtRisk(Number(c));
        return `${c} months: ${Math.round(100 * a)}% of group 1 and ${Math.round(100 * b)}% of group 2 at risk`;
      });
      return `${rows.join("; ")}. The largest τ with at least a quarter of each group at risk is **12** months.`;
    },
  },
  {
    id: "reading/rmst-g2-6",
    notebook: NOTEBOOK,
    question: "By hand, the restricted mean recurrence-free time of group 2 up to 6 months: the area under its curve from 0 to 6 (2 decimals).",
    answer: () => km("recurrence", 2).rmst(6).estimate,
    tolerance: 5e-3,
    mistakes: () => [{ answer: 6, feedback: "That would be the area if nobody had a recurrence before 6 months (S = 1 throughout). Add up the rectangles under the steps." }],
    hint: "Add rectangles: from 0 to the first event time the height is 1; after each event time the height is the new S; stop at 6 months.",
    explanation: "{answer} months: on average, a patient of group 2 spent that much of the first 6 months recurrence-free.",
    solution: () => {
      const fit = km("recurrence", 2);
      const rows = eventRowsUpTo(fit, 6);
      let from = 0;
      let height = 1;
      const parts: string[] = [];
      for (const j of rows) {
        parts.push(`(${fit.time[j]} - ${from}) × ${fix(height, 4)}`);
        from = fit.time[j];
        height = fit.survival[j];
      }
      if (from < 6) parts.push(`(6 - ${from}) × ${fix(height, 4)}`);
      return `Area = ${parts.join(" + ")} = **${fix(fit.rmst(6).estimate, 2)}** months.`;
    },
  },
  {
    id: "reading/interpret-median",
    notebook: NOTEBOOK,
    prompt: "Write two sentences for a clinician: group 2's median recurrence-free time with its 95% CI, and what the numbers at risk say about the end of the curve.",
    modelAnswer: () => {
      const fit = km("recurrence", 2);
      const m = fit.median;
      const late = numbersAtRisk(fit, [12]).nRisk[0];
      return `> With chemotherapy alone, half of the patients had a recurrence by about ${m.estimate} months after surgery ` +
        `(95% CI ${m.lower} months to ${m.upper === null ? "not reached: the data allow a much longer median" : `${m.upper} months`}). ` +
        `After 12 months only ${late} of the ${fit.n} patients were still followed, so the end of the curve rests on a handful of patients and each late recurrence moves it a lot.\n\n` +
        'Points to check: the median is a time (not a share), the interval is given with it, "not reached" is not replaced by a number, and the tail is read with its numbers at risk.';
    },
  },
];

function formatMid(): string {
  return String(km("recurrence", 2).median.estimate);
}
