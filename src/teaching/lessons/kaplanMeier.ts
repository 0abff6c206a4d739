/** The exercises of notebooks/teaching/02-kaplan-meier-by-hand: the Kaplan-Meier table, Greenwood, confidence intervals. */
import { kaplanMeier } from "../../survival/km/kaplanMeier.js";
import type { TaskSpec } from "../exercise.js";
import { arm, eventRowsUpTo, fix, km, rowAt } from "./data.js";

const NOTEBOOK = "02-kaplan-meier-by-hand";
const g2 = () => km("recurrence", 2);

/** "(13/16) x (12/13) x ..." for group 2's event times up to t. */
function product(t: number): string {
  const fit = g2();
  return eventRowsUpTo(fit, t).map((j) => `(${fit.nRisk[j] - fit.nEvent[j]}/${fit.nRisk[j]})`).join(" × ");
}

/** Greenwood's terms of group 2 up to t, as "d/(n(n-d))" texts and their sum. */
function greenwood(t: number) {
  const fit = g2();
  const rows = eventRowsUpTo(fit, t);
  const terms = rows.map((j) => fit.nEvent[j] / (fit.nRisk[j] * (fit.nRisk[j] - fit.nEvent[j])));
  const text = rows.map((j) => `${fit.nEvent[j]}/(${fit.nRisk[j]}×${fit.nRisk[j] - fit.nEvent[j]})`).join(" + ");
  return { text, sum: terms.reduce((a, b) => a + b, 0) };
}

/** Whether a column of group 1's table never decreases from one event time to the next. */
function neverFalls(column: "se" | "seLog"): boolean {
  const fit = km("recurrence", 1);
  const rows = eventRowsUpTo(fit, Infinity);
  const values = rows.map((j) => (column === "se" ? fit.stdErr[j] : fit.stdErr[j] / fit.survival[j]));
  return values.every((x, k) => k === 0 || x >= values[k - 1] - 1e-15);
}

export const kaplanMeierByHand: TaskSpec[] = [
  {
    id: "km/at-risk-9",
    notebook: NOTEBOOK,
    question: "In group 2, how many patients are at risk at 9 months?",
    answer: () => g2().nRisk[rowAt(g2(), 9)],
    mistakes: () => {
      const j = rowAt(g2(), 9);
      return [{ answer: g2().nRisk[j] - g2().nEvent[j], feedback: "That leaves out the patients whose tumour recurred at 9 months. They were still at risk at 9 months: at risk means time >= t." }];
    },
    hint: "At risk at t = every patient whose time (event or censoring) is 9 months or more.",
    explanation: "{answer} patients have a time of 9 months or more.",
    solution: () => {
      const { time } = arm("recurrence", 2);
      const xs = time.filter((x) => x >= 9).sort((a, b) => a - b);
      return `The times of group 2 that are 9 or more: ${xs.join(", ")}. That is **${xs.length}** patients at risk at 9 months.`;
    },
  },
  {
    id: "km/censored-at-risk",
    notebook: NOTEBOOK,
    question: 'A patient of group 2 is censored at exactly 12 months. Is she counted among the n at risk at 12 months: "yes" or "no"?',
    answer: () => "yes",
    choices: ["yes", "no"],
    mistakes: () => [{ answer: "no", feedback: "She was seen free of recurrence at 12 months, so she was at risk then. She leaves the risk set after 12 months." }],
    hint: "At risk at t means a time of t or more, whatever the status.",
    explanation: "Events at a time come before censorings at that time: she counts at 12 months and leaves after.",
    solution: () => {
      const j = rowAt(g2(), 12);
      return `"yes": n at 12 months is ${g2().nRisk[j]}, the patients with a time of 12 or more, and she is one of them. She leaves the risk set after 12 months, so n at the next time is ${g2().nRisk[j + 1]}.`;
    },
  },
  {
    id: "km/conditional-9",
    notebook: NOTEBOOK,
    question: "In group 2, what is the conditional probability of getting past 9 months without a recurrence, for a patient still at risk at 9 months? (3 decimals)",
    answer: () => {
      const j = rowAt(g2(), 9);
      return (g2().nRisk[j] - g2().nEvent[j]) / g2().nRisk[j];
    },
    tolerance: 5e-4,
    mistakes: () => {
      const j = rowAt(g2(), 9);
      return [
        { answer: g2().nEvent[j] / g2().nRisk[j], feedback: "That is the probability of a recurrence at 9 months, d/n. The question asks for getting past it." },
        { answer: g2().survival[j], feedback: "That is S(9), the running product. The conditional probability is the factor for 9 months alone." },
      ];
    },
    hint: "(n - d) / n with n at risk and d recurrences at 9 months.",
    explanation: "{answer} = (n - d) / n at 9 months.",
    solution: () => {
      const j = rowAt(g2(), 9);
      const [n, d] = [g2().nRisk[j], g2().nEvent[j]];
      return `At 9 months n = ${n} and d = ${d}: (n - d) / n = ${n - d}/${n} = **${fix((n - d) / n, 3)}**.`;
    },
  },
  {
    id: "km/survival-6",
    notebook: NOTEBOOK,
    question: "Multiply the conditional probabilities of group 2 up to and including 6 months: what is S(6)? (3 decimals)",
    answer: () => g2().survivalAt(6),
    tolerance: 5e-4,
    mistakes: () => {
      const j = rowAt(g2(), 6);
      return [{ answer: (g2().nRisk[j] - g2().nEvent[j]) / g2().nRisk[j], feedback: "That is only the factor for 6 months. Multiply it by the factors of all earlier event times." }];
    },
    hint: "Build the table for group 2: at each event time up to 6 months, (n - d) / n; multiply them all.",
    explanation: "S(6) = {answer}. With nobody censored before 6 months, it also equals the plain share of group 2 still free of recurrence.",
    solution: () => `S(6) = ${product(6)} = **${fix(g2().survivalAt(6), 3)}**.`,
  },
  {
    id: "km/which-se-grows",
    notebook: NOTEBOOK,
    question: 'Predict: in group 1\'s Greenwood table (next cell), which column never falls from one event time to the next: "se(S)", "se(log S)" or "both"?',
    answer: () => {
      const [se, seLog] = [neverFalls("se"), neverFalls("seLog")];
      if (!seLog) throw new Error("exercises: se(log S) fell: not Greenwood's variance");
      return se ? "both" : "se(log S)";
    },
    choices: ["se(S)", "se(log S)", "both"],
    mistakes: () => [
      { answer: "both", feedback: "se(S) = S × se(log S): the first factor falls at every event time. Near the end of group 1's curve it falls faster than se(log S) grows." },
      { answer: "se(S)", feedback: "se(log S) is the square root of a running sum of positive terms: it can only grow. se(S) multiplies it by S, which falls." },
    ],
    hint: "se(log S) is the square root of a running sum of terms >= 0. se(S) is S times that.",
    explanation: '"{answer}": each event time adds a term to the sum under the square root, so se(log S) only grows; se(S) = S × se(log S) falls again once S shrinks faster than se(log S) grows.',
    solution: () => {
      const fit = km("recurrence", 1);
      const rows = eventRowsUpTo(fit, Infinity);
      const se = rows.map((j) => fit.stdErr[j]);
      const top = se.indexOf(Math.max(...se));
      const last = rows[rows.length - 1];
      return `se(log S) = √(Σ d/(n(n-d))) adds a term >= 0 at every event time, so it never falls (group 1: from ${fix(fit.stdErr[rows[0]] / fit.survival[rows[0]], 4)} to ${fix(fit.stdErr[last] / fit.survival[last], 4)}). ` +
        `se(S) = S × se(log S) rises to ${fix(se[top], 4)} at ${fit.time[rows[top]]} months and then falls to ${fix(fit.stdErr[last], 4)} at ${fit.time[last]} months, because S itself shrinks. So: **"se(log S)"**.`;
    },
  },
  {
    id: "km/greenwood-term-4",
    notebook: NOTEBOOK,
    question: "Greenwood's term for the first event time of group 2 (4 months), d / (n (n - d)): what is it? (5 decimals)",
    answer: () => {
      const j = rowAt(g2(), 4);
      const [n, d] = [g2().nRisk[j], g2().nEvent[j]];
      return d / (n * (n - d));
    },
    tolerance: 5e-6,
    mistakes: () => {
      const j = rowAt(g2(), 4);
      return [{ answer: g2().nEvent[j] / g2().nRisk[j], feedback: "That is d / n. Greenwood's term divides d by n times (n - d)." }];
    },
    hint: "Three recurrences among the patients at risk at 4 months: d / (n (n - d)).",
    explanation: "{answer}.",
    solution: () => {
      const j = rowAt(g2(), 4);
      const [n, d] = [g2().nRisk[j], g2().nEvent[j]];
      return `At 4 months n = ${n}, d = ${d}: ${d} / (${n} × ${n - d}) = ${d}/${n * (n - d)} = **${fix(d / (n * (n - d)), 5)}**.`;
    },
  },
  {
    id: "km/se-6",
    notebook: NOTEBOOK,
    question: "Sum the Greenwood terms of group 2 up to 6 months. What is the standard error of S(6) = S(6) x sqrt(sum)? (3 decimals)",
    answer: () => g2().stdErr[rowAt(g2(), 6)],
    tolerance: 5e-4,
    mistakes: () => {
      const j = rowAt(g2(), 6);
      return [{ answer: g2().stdErr[j] / g2().survival[j], feedback: "That is sqrt(sum), the standard error of log S. Multiply by S(6) for the standard error of S." }];
    },
    hint: "Add d / (n (n - d)) over the event times 4 to 6 months, take the square root, multiply by S(6).",
    explanation: "{answer}.",
    solution: () => {
      const { text, sum } = greenwood(6);
      const s = g2().survivalAt(6);
      return `Sum = ${text} = ${fix(sum, 5)}; √sum = ${fix(Math.sqrt(sum), 4)} (that is se(log S)); se(S(6)) = S(6) × √sum = ${fix(s, 4)} × ${fix(Math.sqrt(sum), 4)} = **${fix(s * Math.sqrt(sum), 3)}**.`;
    },
  },
  {
    id: "km/log-lower-6",
    notebook: NOTEBOOK,
    question: "With the log transform, what is the lower 95% limit of S(6) in group 2: exp(log S - 1.96 se(log S))? (3 decimals)",
    answer: () => g2().lower[rowAt(g2(), 6)],
    tolerance: 5e-4,
    mistakes: () => {
      const fit = kaplanMeier(arm("recurrence", 2), { confType: "plain" });
      return [{ answer: fit.lower[rowAt(fit, 6)], feedback: "That is the plain interval, S - 1.96 se(S). The log transform works on log S with se(log S) = sqrt(sum)." }];
    },
    hint: "se(log S) is the square root of the Greenwood sum (no multiplication by S). Use 1.96 as the normal quantile, or normalQuantile(0.975).",
    explanation: "{answer}.",
    solution: () => {
      const { sum } = greenwood(6);
      const s = g2().survivalAt(6);
      const seLog = Math.sqrt(sum);
      return `log S(6) = log ${fix(s, 4)} = ${fix(Math.log(s), 4)}; se(log S) = √${fix(sum, 5)} = ${fix(seLog, 4)}; ` +
        `exp(${fix(Math.log(s), 4)} - 1.96 × ${fix(seLog, 4)}) = **${fix(g2().lower[rowAt(g2(), 6)], 3)}** (the notebook uses z = 1.959964).`;
    },
  },
  {
    id: "km/below-zero",
    notebook: NOTEBOOK,
    question: 'Which transform can give a lower confidence limit below 0 (before it is clipped): "plain", "log" or "log-log"?',
    answer: () => "plain",
    choices: ["plain", "log", "log-log"],
    mistakes: () => [
      { answer: "log", feedback: "exp() of any number is positive, so S exp(-1.96 se) is always above 0." },
      { answer: "log-log", feedback: "exp(-exp(anything)) is always strictly between 0 and 1." },
    ],
    hint: "Which formula subtracts a multiple of the standard error from S directly?",
    explanation: "Only the plain interval S - 1.96 se(S) can go below 0; R and this library clip it at 0.",
    solution: () => '"plain": S - z se(S) subtracts from S, and when se(S) is large compared with S the result is negative. The log limit S exp(-z se(log S)) is a positive number times a positive number; the log-log limits exp(-exp(.)) are always inside (0, 1).',
  },
  {
    id: "km/interpret-s12",
    notebook: NOTEBOOK,
    prompt: "Write for a patient what S(12) of group 1 and its 95% confidence interval (log transform) say, in one or two plain sentences.",
    modelAnswer: () => {
      const fit = km("recurrence", 1);
      const j = rowAt(fit, 12);
      const pct = (x: number) => `${Math.round(100 * x)}%`;
      return `> Of patients treated like group 1 (anlotinib with chemotherapy), an estimated ${pct(fit.survival[j])} are still free of recurrence 12 months after surgery. ` +
        `With only ${fit.n} patients this is uncertain: the data are compatible with anything from about ${pct(fit.lower[j])} to ${pct(fit.upper[j])}.\n\n` +
        "Points to check in your answer: it says *free of recurrence* (not alive), *at 12 months*, gives the interval as a range of plausible values for the true share, and does not promise an individual patient anything.";
    },
  },
];
