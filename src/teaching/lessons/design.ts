/** The exercises of notebooks/teaching/08-study-design: immortal time and landmarks, confounding, sample size and power. */
import { coxPH } from "../../survival/cox/coxPH.js";
import { detectableHazardRatio } from "../../survival/power/detectableHazardRatio.js";
import { logRankPower } from "../../survival/power/logRankPower.js";
import { schoenfeldEvents } from "../../survival/power/schoenfeldEvents.js";
import type { TaskSpec } from "../exercise.js";
import { confoundedCohort, fix, immortalCohort, study } from "./data.js";

const NOTEBOOK = "08-study-design";

/** The landmark of the immortal-time example, in months. */
export const LANDMARK = 3;

/** Ever treated (1) or never (0), from surgery: the naive grouping. */
export const everTreated = () => immortalCohort().treatmentTime.map((w) => (w === null ? 0 : 1));
const naiveFit = () => coxPH({ time: immortalCohort().time, event: immortalCohort().event, covariates: { treated: everTreated() } });

/** The landmark analysis: patients event-free and followed at LANDMARK, grouped by treatment by then, timed from then. */
export function landmarkRows() {
  const c = immortalCohort();
  const keep = c.time.map((_, i) => i).filter((i) => c.time[i] > LANDMARK);
  return {
    time: keep.map((i) => c.time[i] - LANDMARK),
    event: keep.map((i) => c.event[i]),
    treated: keep.map((i) => (c.treatmentTime[i] !== null && c.treatmentTime[i]! <= LANDMARK ? 1 : 0)),
  };
}

const crudeFit = () => coxPH({ time: confoundedCohort().time, event: confoundedCohort().event, covariates: { treated: confoundedCohort().treated } });
export const adjustedFit = () => {
  const c = confoundedCohort();
  return coxPH({ time: c.time, event: c.event, covariates: { treated: c.treated, good: c.good } });
};

/** The paper's recurrences and the share of its patients in group 1. */
export const paperDesign = () => {
  const e = study().recurrence;
  return { events: e.status.reduce((a, b) => a + b, 0), allocation: e.group.filter((g) => g === 1).length / e.n };
};

export const design: TaskSpec[] = [
  {
    id: "design/immortal-predict",
    notebook: NOTEBOOK,
    question: 'Predict: the drug does nothing. Compared from surgery, ever-treated against never-treated patients, it will look "protective", like "no effect", or "harmful"?',
    answer: () => (naiveFit().upper[0] < 1 ? "protective" : naiveFit().lower[0] > 1 ? "harmful" : "no effect"),
    choices: ["protective", "no effect", "harmful"],
    mistakes: () => [{ answer: "no effect", feedback: "True for the drug, but not for this comparison: what must a patient do before she can join the treated group?" }],
    hint: "To be in the treated group a patient must still be event-free and followed when the drug starts.",
    explanation: '"{answer}": the treated group is credited with the event-free time before the drug started, during which its patients could not have had an event and still be called treated.',
    solution: () => `The naive Cox hazard ratio, ever against never treated, is ${fix(naiveFit().hazardRatio[0], 2)} (95% CI ${fix(naiveFit().lower[0], 2)} to ${fix(naiveFit().upper[0], 2)}): **"protective"**, for a drug that does nothing. The time before the drug starts is "immortal": events in it put a patient in the never-treated group.`,
  },
  {
    id: "design/landmark-excludes",
    notebook: NOTEBOOK,
    question: `The landmark analysis at ${LANDMARK} months leaves out: "a": the patients who start the drug after ${LANDMARK} months; "b": the patients with an event, or censored, before ${LANDMARK} months; "c": the patients never treated.`,
    answer: () => "b",
    choices: ["a", "b", "c"],
    mistakes: () => [
      { answer: "a", feedback: `They stay in, counted as untreated: at the landmark they had not started. Later starters make the comparison conservative, not biased towards the drug.` },
      { answer: "c", feedback: "They stay in: they are the comparison group." },
    ],
    hint: "The landmark analysis starts the clock at the landmark. Who is still there to be counted?",
    explanation: `Only patients event-free and followed at ${LANDMARK} months enter, grouped by what they had received by then, and followed from then: nobody's group depends on the future.`,
    solution: () => `"b". At ${LANDMARK} months, keep everyone still event-free and followed; group them by treatment *by* ${LANDMARK} months; count time from ${LANDMARK} months. Patients who start later are in the untreated group (intention at the landmark).`,
  },
  {
    id: "design/landmark-n",
    notebook: NOTEBOOK,
    question: `How many of the simulated patients enter the landmark analysis (still event-free and followed at ${LANDMARK} months)?`,
    answer: () => landmarkRows().time.length,
    mistakes: () => [{ answer: landmarkRows().treated.filter((t) => t === 1).length, feedback: "That is only those treated by the landmark. The untreated patients still followed enter too." }],
    hint: `Count the patients whose time is greater than ${LANDMARK}.`,
    explanation: "{answer} patients.",
    solution: () => `Patients with a time above ${LANDMARK} months: **${landmarkRows().time.length}** of ${immortalCohort().n}, of whom ${landmarkRows().treated.filter((t) => t === 1).length} had started the drug by then.`,
  },
  {
    id: "design/confounder-share",
    notebook: NOTEBOOK,
    question: "What share of the treated patients of the confounding example are in good general condition? (2 decimals)",
    answer: () => {
      const c = confoundedCohort();
      const treated = c.treated.map((t, i) => i).filter((i) => c.treated[i] === 1);
      return treated.filter((i) => c.good[i] === 1).length / treated.length;
    },
    tolerance: 5e-3,
    mistakes: () => {
      const c = confoundedCohort();
      const good = c.good.map((_, i) => i).filter((i) => c.good[i] === 1);
      return [{ answer: good.filter((i) => c.treated[i] === 1).length / good.length, feedback: "That is the share treated among the patients in good condition. The question asks the other way round: among the treated, the share in good condition." }];
    },
    hint: "Among the rows with treated = 1, the share with good = 1.",
    explanation: "{answer}, against about half of everyone: the treated group is loaded with patients who would do well anyway.",
    solution: () => {
      const c = confoundedCohort();
      const treated = c.treated.filter((t) => t === 1).length;
      const both = c.treated.filter((t, i) => t === 1 && c.good[i] === 1).length;
      return `${both} of the ${treated} treated patients are in good condition: **${fix(both / treated, 2)}**.`;
    },
  },
  {
    id: "design/adjusted",
    notebook: NOTEBOOK,
    question: 'After adjusting for general condition (a Cox model with both covariates), the hazard ratio of the drug is "compatible with no effect" or "still clearly below 1"?',
    answer: () => (adjustedFit().upper[0] < 1 ? "still clearly below 1" : "compatible with no effect"),
    choices: ["compatible with no effect", "still clearly below 1"],
    mistakes: () => [{ answer: "still clearly below 1", feedback: "Look at the adjusted model's confidence interval for the drug: does it include 1?" }],
    hint: "Does the 95% CI of the drug's hazard ratio in the adjusted model include 1?",
    explanation: '"{answer}": within each level of general condition the drug makes no difference, as simulated.',
    solution: () => {
      const [crude, adj] = [crudeFit(), adjustedFit()];
      return `Crude HR ${fix(crude.hazardRatio[0], 2)} (${fix(crude.lower[0], 2)} to ${fix(crude.upper[0], 2)}); adjusted for condition ${fix(adj.hazardRatio[0], 2)} (${fix(adj.lower[0], 2)} to ${fix(adj.upper[0], 2)}): **"compatible with no effect"**.`;
    },
  },
  {
    id: "design/confounding-written",
    notebook: NOTEBOOK,
    prompt: "The paper's regimens were chosen by the patients' ability to pay and their wishes. In two or three sentences: how could this bias the comparison of the two arms, and what could the authors have done about it?",
    modelAnswer: () =>
      "> Patients who could pay for anlotinib, and wanted it, may differ from the others in ways that affect recurrence: income goes with general health, nutrition, access to follow-up and to other care, and patients' wishes with their condition. " +
      "If those patients would have done better anyway, part or all of the apparent benefit belongs to them, not to the drug (confounding); the direction could even be the opposite. " +
      "The authors could have compared the arms' baseline characteristics (age, histology, grade, tumour size, performance status), adjusted for them (a Cox model with those covariates, or a stratified log-rank test), and said that the design cannot establish cause; a randomised trial can.\n\n" +
      "Points to check: a named plausible confounder linked to both the choice and the outcome, the direction of the bias, a remedy (baseline table, adjustment, randomisation) and its limits (unmeasured confounders remain).",
  },
  {
    id: "design/events-hr-07",
    notebook: NOTEBOOK,
    question: "How many events does a two-arm trial with equal arms need to detect a hazard ratio of 0.7 with 80% power at the 5% level (two-sided), by Schoenfeld's formula? (rounded up)",
    answer: () => schoenfeldEvents({ hazardRatio: 0.7 }).eventsRounded,
    mistakes: () => [{ answer: schoenfeldEvents({ hazardRatio: 0.5 }).eventsRounded, feedback: "That is for a hazard ratio of 0.5. A smaller effect (0.7) needs many more events." }],
    hint: "D = (z(0.975) + z(0.8))^2 / (0.5 x 0.5 x log(0.7)^2), with z(0.975) = 1.96 and z(0.8) = 0.8416.",
    explanation: "{answer} events, about eight times the paper's recurrences.",
    solution: () => {
      const r = schoenfeldEvents({ hazardRatio: 0.7 });
      return `(1.96 + 0.8416)² / (0.25 × log(0.7)²) = 7.849 / (0.25 × ${fix(Math.log(0.7) ** 2, 4)}) = ${fix(r.events, 1)}, rounded up: **${r.eventsRounded}** events.`;
    },
  },
  {
    id: "design/power-paper",
    notebook: NOTEBOOK,
    question: "With the paper's recurrences and its arms of 23 and 16 patients, what power had the log-rank test to detect a hazard ratio of 0.5? (2 decimals)",
    answer: () => logRankPower({ hazardRatio: 0.5, ...paperDesign() }).power,
    tolerance: 5e-3,
    mistakes: () => [{ answer: logRankPower({ hazardRatio: 0.5, events: paperDesign().events }).power, feedback: "That assumes equal arms. Use the paper's allocation, 23 of 39 patients in group 1." }],
    hint: "logRankPower({ hazardRatio: 0.5, events, allocation }) with the events of the recurrence table and allocation 23 / 39.",
    explanation: "{answer}: even a halving of the hazard would often be missed.",
    solution: () => {
      const d = paperDesign();
      return `logRankPower({ hazardRatio: 0.5, events: ${d.events}, allocation: ${fix(d.allocation, 4)} }) = **${fix(logRankPower({ hazardRatio: 0.5, ...d }).power, 2)}**. ` +
        `With ${d.events} events the detectable hazard ratio at 80% power is ${fix(detectableHazardRatio(d).lower, 2)}.`;
    },
  },
  {
    id: "design/more-follow-up",
    notebook: NOTEBOOK,
    question: 'Following the same 39 patients for two more years (no new patients) would give the log-rank test "more power", "the same power" or "less power"?',
    answer: () => "more power",
    choices: ["more power", "the same power", "less power"],
    mistakes: () => [{ answer: "the same power", feedback: "The power of the log-rank test depends on the number of events, not of patients. Does longer follow-up add events?" }],
    hint: "What does Schoenfeld's formula count: patients or events?",
    explanation: "Power depends on the number of events: longer follow-up adds events (here, recurrences among the patients still free of it), and with them power.",
    solution: () => `"more power": the information in a log-rank test (its variance V) grows with the events. ${paperDesign().events} recurrences so far; every new one adds to the power.`,
  },
];
