/** The exercises of notebooks/teaching/04-hazards: hazard, cumulative hazard, censoring assumptions, median and mean. */
import { kaplanMeier } from "../../survival/km/kaplanMeier.js";
import type { TaskSpec } from "../exercise.js";
import { arm, eventRowsUpTo, fix, informativeCohort, km, rowAt, veteran } from "./data.js";

const NOTEBOOK = "04-hazards";
const g2 = () => km("recurrence", 2);

/** Nelson-Aalen's H(t) of group 2 as a sum of d/n texts, and its value. */
function nelsonAalen(t: number) {
  const fit = g2();
  const rows = eventRowsUpTo(fit, t);
  return {
    text: rows.map((j) => `${fit.nEvent[j]}/${fit.nRisk[j]}`).join(" + "),
    value: rows.reduce((s, j) => s + fit.nEvent[j] / fit.nRisk[j], 0),
  };
}

/** exp(-H) against Kaplan-Meier at group 2's event times: "above", "equal" or "below" everywhere. */
function expAgainstKm(): string {
  const fit = g2();
  const rows = eventRowsUpTo(fit, Infinity);
  const diff = rows.map((j) => Math.exp(-fit.cumHazard[j]) - fit.survival[j]);
  if (diff.every((d) => d > 0)) return "above";
  if (diff.every((d) => d < 0)) return "below";
  if (diff.every((d) => d === 0)) return "equal";
  throw new Error("exercises: exp(-H) crosses the Kaplan-Meier curve");
}

/** Kaplan-Meier at 12 months on the informative version of the simulation, and the truth. */
function informativeAt12() {
  const sim = informativeCohort();
  return { km: kaplanMeier(sim.informative).survivalAt(12), truth: Math.exp(-12 / sim.meanEventTime) };
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The veteran trial's Kaplan-Meier median and its mean up to the last follow-up (R's rmean). */
function veteranSummary() {
  const v = veteran();
  const fit = kaplanMeier({ time: v.numbers("days"), event: v.numbers("status") });
  const last = fit.time[fit.time.length - 1];
  return { median: fit.median.estimate!, mean: fit.rmst(last).estimate, last, deaths: fit.events, n: fit.n };
}

export const hazards: TaskSpec[] = [
  {
    id: "hazard/interval-4",
    notebook: NOTEBOOK,
    question: "Group 2's hazard at 4 months, d / n: the share of the patients at risk at 4 months who recur at 4 months? (3 decimals)",
    answer: () => {
      const j = rowAt(g2(), 4);
      return g2().nEvent[j] / g2().nRisk[j];
    },
    tolerance: 5e-4,
    mistakes: () => {
      const j = rowAt(g2(), 4);
      return [{ answer: (g2().nRisk[j] - g2().nEvent[j]) / g2().nRisk[j], feedback: "That is (n - d) / n, the chance of getting past 4 months: one minus the hazard." }];
    },
    hint: "n = patients of group 2 at risk at 4 months (time >= 4), d = recurrences at exactly 4 months.",
    explanation: "{answer}: of the patients at risk at 4 months, that share recurred then.",
    solution: () => {
      const j = rowAt(g2(), 4);
      return `At 4 months n = ${g2().nRisk[j]} and d = ${g2().nEvent[j]}: d / n = **${fix(g2().nEvent[j] / g2().nRisk[j], 3)}**.`;
    },
  },
  {
    id: "hazard/cumulative-6",
    notebook: NOTEBOOK,
    question: "Group 2's Nelson-Aalen cumulative hazard at 6 months, the sum of d / n over the event times up to 6 months? (3 decimals)",
    answer: () => g2().cumHazard[rowAt(g2(), 6)],
    tolerance: 5e-4,
    mistakes: () => [
      { answer: -Math.log(g2().survivalAt(6)), feedback: "That is -log S(6) from Kaplan-Meier: close, but Nelson-Aalen adds up d / n directly." },
      { answer: 1 - g2().survivalAt(6), feedback: "That is 1 - S(6), the share recurred by 6 months, not the cumulative hazard." },
    ],
    hint: "Add d / n for every event time of group 2 from 4 to 6 months.",
    explanation: "H(6) = {answer}.",
    solution: () => {
      const { text, value } = nelsonAalen(6);
      return `H(6) = ${text} = **${fix(value, 3)}**.`;
    },
  },
  {
    id: "hazard/exp-vs-km",
    notebook: NOTEBOOK,
    question: 'At group 2\'s event times, is exp(-H(t)) (Nelson-Aalen) "above", "equal" to or "below" Kaplan-Meier\'s S(t)?',
    answer: () => expAgainstKm(),
    choices: ["above", "equal", "below"],
    mistakes: () => [{ answer: "equal", feedback: "They would be equal in continuous time; with d / n of a real size, exp(-d/n) and 1 - d/n differ." }],
    hint: "Kaplan-Meier multiplies (1 - d/n); exp(-H) multiplies exp(-d/n). Which is larger, exp(-x) or 1 - x?",
    explanation: '"{answer}": exp(-x) > 1 - x for every x > 0, so each factor of exp(-H) is larger than Kaplan-Meier\'s, and so is their product. The gap grows where d / n is large (few at risk).',
    solution: () => {
      const fit = g2();
      const j = rowAt(fit, 6);
      return `exp(-x) >= 1 - x, with equality only at x = 0. At 6 months: exp(-H(6)) = exp(-${fix(fit.cumHazard[j], 4)}) = ${fix(Math.exp(-fit.cumHazard[j]), 4)}, Kaplan-Meier S(6) = ${fix(fit.survival[j], 4)}: **"above"**.`;
    },
  },
  {
    id: "hazard/constant-shape",
    notebook: NOTEBOOK,
    question: 'If the hazard were constant over time, the cumulative hazard H(t) plotted against t would be: "straight", "bending up" or "bending down"?',
    answer: () => "straight",
    choices: ["straight", "bending up", "bending down"],
    mistakes: () => [
      { answer: "bending up", feedback: "A curve bending up has a growing slope: a hazard that increases with time." },
      { answer: "bending down", feedback: "A curve bending down has a falling slope: a hazard that decreases with time." },
    ],
    hint: "The slope of H(t) is the hazard.",
    explanation: "H(t) = λ t: a straight line through 0 with slope λ, the exponential model. Its survival is S(t) = exp(-λ t).",
    solution: () => '"straight". The hazard is the slope of the cumulative hazard: a constant hazard λ gives H(t) = λ t, a straight line through the origin (and S(t) = exp(-λ t)). A rising hazard bends H up, a falling one bends it down.',
  },
  {
    id: "hazard/ph-meaning",
    notebook: NOTEBOOK,
    question: '"Proportional hazards" means: "a": the two survival curves are the same distance apart at every time; "b": one group\'s hazard is the same multiple of the other\'s at every time; "c": the two survival curves do not cross.',
    answer: () => "b",
    choices: ["a", "b", "c"],
    mistakes: () => [
      { answer: "a", feedback: "Under proportional hazards the curves start together at 1 and part gradually: their distance changes over time. The *ratio of the hazards* is what stays fixed." },
      { answer: "c", feedback: "Under proportional hazards the curves do not cross, but curves that do not cross can still have hazards whose ratio changes (they can meet, or part late)." },
    ],
    hint: "The name says which quantity is in proportion.",
    explanation: "h1(t) = HR × h2(t) at every t, so also H1(t) = HR × H2(t): the cumulative hazards are in a fixed ratio, and their logs a fixed distance apart.",
    solution: () => '"b": h1(t) = HR × h2(t) for every t, with one number HR, the hazard ratio. Then H1(t) = HR × H2(t) too, so log H1 - log H2 = log HR: on a log scale the cumulative hazards are parallel (lesson 7 uses this). Curves that do not cross ("c") follow from it but do not imply it.',
  },
  {
    id: "censoring/informative-direction",
    notebook: NOTEBOOK,
    question: 'Predict: when the patients lost to follow-up are those about to have the event, Kaplan-Meier\'s estimate of S(12) is "too high", "about right" or "too low"?',
    answer: () => {
      const { km: k, truth } = informativeAt12();
      return Math.abs(k - truth) < 0.05 ? "about right" : k > truth ? "too high" : "too low";
    },
    choices: ["too high", "about right", "too low"],
    mistakes: () => [
      { answer: "about right", feedback: "Kaplan-Meier treats a censored patient as one who would have done as well as those still followed. Here they would have done worse." },
      { answer: "too low", feedback: "The events of the lost patients are never seen: which way does missing events push the curve?" },
    ],
    hint: "The lost patients would have recurred soon; Kaplan-Meier never sees those events.",
    explanation: '"{answer}": the events of the lost patients are never counted, and Kaplan-Meier assumes they would have done as well as the patients still followed.',
    solution: () => {
      const { km: k, truth } = informativeAt12();
      return `In the simulation the true S(12) = exp(-12/12) = ${fix(truth, 3)}; Kaplan-Meier on the informatively censored data gives ${fix(k, 3)}: **"too high"**. The same amount of independent loss to follow-up leaves it about right.`;
    },
  },
  {
    id: "mean/observed-average-g1",
    notebook: NOTEBOOK,
    question: "The plain average of group 1's months column (recurrence and censoring times alike)? (2 decimals)",
    answer: () => mean(arm("recurrence", 1).time),
    tolerance: 5e-3,
    mistakes: () => {
      const { time, event } = arm("recurrence", 1);
      return [{ answer: mean(time.filter((_, i) => event[i] === 1)), feedback: "That is the average of the recurrence times only. The question asks for all the times in the column." }];
    },
    hint: "Add up the 23 times of group 1 and divide by 23.",
    explanation: "{answer} months.",
    solution: () => {
      const { time } = arm("recurrence", 1);
      return `Sum of the ${time.length} times = ${time.reduce((a, b) => a + b, 0)}; divided by ${time.length}: **${fix(mean(time), 2)}** months.`;
    },
  },
  {
    id: "mean/true-mean-direction",
    notebook: NOTEBOOK,
    question: 'Is group 1\'s true mean recurrence-free time "longer", "shorter" or "the same" as that average?',
    answer: () => "longer",
    choices: ["longer", "shorter", "the same"],
    mistakes: () => [
      { answer: "shorter", feedback: "Every censored time is a lower bound: the true time is that or later." },
      { answer: "the same", feedback: "It would be the same only if nobody were censored." },
    ],
    hint: "What do the censored times in the column say about the patients' true recurrence times?",
    explanation: "Each censored time is shorter than the patient's true recurrence time (if any), so the plain average is too short. And since group 1's curve never reaches 0, even Kaplan-Meier cannot estimate the mean: only a restricted mean.",
    solution: () => '"longer". A censored time is a lower bound (lesson 1): replacing it by the true time can only make the average larger. Kaplan-Meier cannot fix it either, because its curve stops above 0: the area under the curve, the mean, is unknown beyond the end of follow-up. Hence medians, and restricted means up to a stated τ.',
  },
  {
    id: "mean/veteran-skew",
    notebook: NOTEBOOK,
    question: 'In the veteran trial (almost every patient died), is the mean survival time "above" or "below" the median?',
    answer: () => {
      const v = veteranSummary();
      return v.mean > v.median ? "above" : "below";
    },
    choices: ["above", "below"],
    mistakes: () => [{ answer: "below", feedback: "A few patients lived very long. Which of the two does a long tail pull?" }],
    hint: "Survival times are skewed: most patients die early, a few live very long.",
    explanation: '"{answer}": a few long survivors pull the mean up; the median, the time by which half have died, does not move.',
    solution: () => {
      const v = veteranSummary();
      return `Kaplan-Meier median ${v.median} days; mean (the area under the curve up to the last time, ${v.last} days) ${fix(v.mean, 1)} days: **"above"**. ${v.deaths} of the ${v.n} patients died; a handful survived far longer than the rest.`;
    },
  },
  {
    id: "mean/interpret",
    notebook: NOTEBOOK,
    prompt: "Explain to a clinician, in two or three sentences, why the paper should report a median (or a restricted mean up to a stated time), and not the average of the months column.",
    modelAnswer: () =>
      "> The months column mixes recurrence times with censoring times, and a censored time only says the recurrence had not happened *yet*: averaging them treats them as recurrences and makes the time look shorter than it is. " +
      "The Kaplan-Meier median uses the censored patients correctly and is not pulled by a few very long times; the mean needs the whole curve down to 0, which follow-up never reaches, so only a restricted mean up to a stated τ can be estimated.\n\n" +
      "Points to check: censored times are lower bounds; the median is robust to skew; the unrestricted mean is not estimable when the curve stops above 0.",
  },
];
