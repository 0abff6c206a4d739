/** The exercises of the template notebooks/teaching/11-your-own-data: computed from the reader's own file. */
import { coxPH } from "../../survival/cox/coxPH.js";
import { coxZph } from "../../survival/cox/coxZph.js";
import { kaplanMeier } from "../../survival/km/kaplanMeier.js";
import type { Answer, TaskSpec } from "../exercise.js";
import { groupRows, type SurvivalCsv } from "../survivalCsv.js";

const NOTEBOOK = "11-your-own-data";
const notReached = (x: number | null): Answer => (x === null ? "not reached" : x);
const events = (data: SurvivalCsv) => data.event.reduce((s, e) => s + e, 0);

/** Whether the file has two or more groups and an event: a hazard ratio to estimate. */
const comparable = (data: SurvivalCsv) => data.groups.length >= 2 && events(data) > 0;

/** The Cox model of the template: one indicator per group after the first. */
export function ownCox(data: SurvivalCsv) {
  const covariates = Object.fromEntries(data.groups.slice(1).map((g) => [`group ${g}`, data.group.map((x) => (x === g ? 1 : 0))]));
  const d = { time: data.time, event: data.event, covariates };
  return { fit: coxPH(d), data: d };
}

export const ownData: TaskSpec<SurvivalCsv>[] = [
  {
    id: "own-data/events",
    notebook: NOTEBOOK,
    question: "How many events are there in your file (all groups)?",
    answer: (data) => events(data),
    mistakes: (data) => [{ answer: data.n - events(data), feedback: "That is the number of censored rows." }],
    hint: "Count the rows whose event column holds the event value.",
    explanation: "{answer} events.",
    solution: (data) => `Of the ${data.n} rows, **${events(data)}** have the event value in the column \`${data.columns.event}\` (the other ${data.n - events(data)} are censored).`,
  },
  {
    id: "own-data/median-first-group",
    notebook: NOTEBOOK,
    question: 'Read the median of the first group from its Kaplan-Meier table: a number, or "not reached".',
    answer: (data) => notReached(kaplanMeier(groupRows(data, data.groups[0])).median.estimate),
    tolerance: 1e-9,
    allowNotReached: true,
    hint: "The first time the survival column falls to 0.5 or below (the midpoint of a stretch where it is exactly 0.5); \"not reached\" if it never does.",
    explanation: "{answer}.",
    solution: (data) => {
      const fit = kaplanMeier(groupRows(data, data.groups[0]));
      const j = Array.from(fit.survival).findIndex((s) => s <= 0.5 + 1e-12);
      return j < 0
        ? `The survival column of the first group never falls to 0.5 (its lowest value is ${Math.min(...Array.from(fit.survival)).toFixed(4)}): **"not reached"**.`
        : `The survival column first reaches ${fit.survival[j].toFixed(4)} at ${fit.time[j]}; R's rule gives **${fit.median.estimate}** (the middle of a stretch at exactly 0.5, if there is one).`;
    },
  },
  {
    id: "own-data/ph",
    notebook: NOTEBOOK,
    question: 'Does cox.zph\'s global test give evidence against proportional hazards in your data at the 5% level: "yes" or "no"?',
    answer: (data) => {
      if (!comparable(data)) return "no";
      const { fit, data: d } = ownCox(data);
      return coxZph(fit, d).global.pValue < 0.05 ? "yes" : "no";
    },
    choices: ["yes", "no"],
    hint: "Compare the GLOBAL row's p-value in the proportional-hazards table with 0.05.",
    explanation: '"{answer}". Remember that with few events the test has little power: read the log-minus-log plot too.',
    solution: (data) => {
      if (!comparable(data)) return 'One group, or no event: there is no hazard ratio, so nothing to test: **"no"**.';
      const { fit, data: d } = ownCox(data);
      const z = coxZph(fit, d).global;
      return `GLOBAL: χ² = ${z.statistic.toFixed(2)} on ${z.df} df, p = ${z.pValue.toPrecision(2)}: **"${z.pValue < 0.05 ? "yes" : "no"}"**.`;
    },
  },
  {
    id: "own-data/report",
    notebook: NOTEBOOK,
    prompt: "Write the methods and results sentences of your analysis, as they would appear in a paper (three to five sentences).",
    modelAnswer: (data) => {
      const fits = data.groups.map((g) => ({ g, fit: kaplanMeier(groupRows(data, g)) }));
      const medians = fits.map(({ g, fit }) => `${g}: ${fit.median.estimate ?? "not reached"}`).join("; ");
      return "> *Methods.* Time to the event was estimated by the Kaplan-Meier method with 95% confidence intervals (log transform) and compared between the groups by the log-rank test, chosen in advance; the hazard ratio was estimated by a Cox model (Efron ties) and proportional hazards checked with scaled Schoenfeld residuals (cox.zph) and log-minus-log plots. " +
        `*Results.* ${data.n} subjects, ${events(data)} events; medians (${medians}), each with its CI; the log-rank χ², df and p; the hazard ratio with its CI, in words.\n\n` +
        "Points to check: the numbers at risk and how censoring arose, the test named with its options, a measure of size (HR or RMST difference) with its CI, and no claim of cause from a non-randomised comparison.";
    },
  },
];
