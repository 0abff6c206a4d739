/**
 * The exercises of notebooks/teaching/09-competing-risks-and-delayed-entry, on R's MGUS registry
 * (data/teaching/mgus2.csv): progression to a plasma-cell malignancy against death without it
 * (cumulative incidence, 1 - Kaplan-Meier, Gray's test), and survival by age, where patients
 * enter the registry at the age of their diagnosis (delayed entry). Answers are computed by the
 * library; test/teaching/exercises.test.ts checks them against R (teaching.R).
 */
import { cumulativeIncidence, type IncidenceCurve } from "../../survival/competing/cumulativeIncidence.js";
import { kaplanMeier } from "../../survival/km/kaplanMeier.js";
import type { TaskSpec } from "../exercise.js";
import { fix, mgus2 } from "./data.js";

const NOTEBOOK = "09-competing-risks-and-delayed-entry";

/** The horizon of the competing-risks questions: 20 years, in months. */
export const HORIZON = 240;
/** The delayed-entry questions: survival from AGE_FROM to AGE_TO, and the risk set at AGE_AT_RISK. */
export const AGE_FROM = 60;
export const AGE_TO = 80;
export const AGE_AT_RISK = 70;

/**
 * The first event of each patient: progression (cause 1) at ptime, else death without
 * progression (cause 2) or censoring (0) at futime, as R's survival vignette "compete" codes it.
 */
export function firstEvent() {
  const m = mgus2();
  const [pstat, ptime, futime, death] = ["pstat", "ptime", "futime", "death"].map((c) => m.numbers(c));
  return {
    time: pstat.map((p, i) => (p === 1 ? ptime[i] : futime[i])),
    cause: pstat.map((p, i) => (p === 1 ? 1 : 2 * death[i])),
    sex: m.texts("sex"),
  };
}

/** The value of a step curve at t (0 before its first time). */
const stepAt = (time: readonly number[], y: readonly number[], t: number): number => {
  let v = 0;
  time.forEach((x, j) => {
    if (x <= t) v = y[j];
  });
  return v;
};
const incidenceAt = (c: IncidenceCurve, t: number) => stepAt(c.time, c.incidence, t);

export const incidence = () => cumulativeIncidence({ time: firstEvent().time, cause: firstEvent().cause });
export const incidenceBySex = () => cumulativeIncidence({ time: firstEvent().time, cause: firstEvent().cause, group: firstEvent().sex });
/** 1 - Kaplan-Meier of progression, deaths counted as censored, at t. */
export const naiveProgression = (t: number) => {
  const e = firstEvent();
  return 1 - kaplanMeier({ time: e.time, event: e.cause.map((c) => (c === 1 ? 1 : 0)) }).survivalAt(t);
};
const progressionAt = (t: number) => incidenceAt(incidence().curves[0], t);
const deathAt = (t: number) => incidenceAt(incidence().curves[1], t);

/** Survival by age: at risk from the age at diagnosis (entry) to the age at death or last contact. */
export function ageRows() {
  const m = mgus2();
  const age = m.numbers("age");
  const futime = m.numbers("futime");
  // (12 age + futime) / 12: the same double for the same age in months, however it is split
  return { entry: age, exit: age.map((a, i) => (12 * a + futime[i]) / 12), death: m.numbers("death") };
}

/** The patients still followed after `from`, entering at the later of their diagnosis and `from`. */
export function fromAge(from: number) {
  const r = ageRows();
  const keep = r.exit.map((_, i) => i).filter((i) => r.exit[i] > from);
  return { entry: keep.map((i) => Math.max(r.entry[i], from)), time: keep.map((i) => r.exit[i]), event: keep.map((i) => r.death[i]) };
}

/** At risk at age t: diagnosed before t and still followed at t (entry < t <= exit); ignoring entry: exit >= t. */
export const atRiskAtAge = (t: number, withEntry = true) => {
  const r = ageRows();
  return r.exit.filter((x, i) => x >= t && (!withEntry || r.entry[i] < t)).length;
};
export const survivalFromAge = (withEntry: boolean) => {
  const d = fromAge(AGE_FROM);
  return kaplanMeier(withEntry ? d : { time: d.time, event: d.event }).survivalAt(AGE_TO);
};

const pct = (x: number) => `${fix(100 * x, 1)}%`;

export const competingRisks: TaskSpec[] = [
  {
    id: "competing/progressions",
    notebook: NOTEBOOK,
    question: "How many of the 1384 patients were seen to progress to a plasma-cell malignancy (their first event is progression)?",
    answer: () => firstEvent().cause.filter((c) => c === 1).length,
    mistakes: () => [{ answer: mgus2().numbers("death").filter((d) => d === 1).length, feedback: "That counts the deaths (before or after progression). The column pstat says who progressed." }],
    hint: "Count the rows with pstat = 1.",
    explanation: "{answer} progressions, against many more deaths without progression: death is the competing risk that usually comes first.",
    solution: () => {
      const c = firstEvent().cause;
      return `pstat = 1 in **${c.filter((x) => x === 1).length}** rows; ${c.filter((x) => x === 2).length} patients died without progression and ${c.filter((x) => x === 0).length} were alive without it at last contact.`;
    },
  },
  {
    id: "competing/km-predict",
    notebook: NOTEBOOK,
    question: 'Predict: 1 - Kaplan-Meier of progression, counting the deaths as censored, will be "higher", "the same" or "lower" than the cumulative incidence of progression?',
    answer: () => (naiveProgression(HORIZON) > progressionAt(HORIZON) ? "higher" : naiveProgression(HORIZON) < progressionAt(HORIZON) ? "lower" : "the same"),
    choices: ["higher", "the same", "lower"],
    mistakes: () => [
      { answer: "the same", feedback: "They would be the same if nobody died first. A censored patient is assumed to be still at risk of progression later; is a dead patient?" },
      { answer: "lower", feedback: "Censoring a death keeps the patient's risk of progression 'alive' in the estimate: does that add or remove progressions?" },
    ],
    hint: "Kaplan-Meier treats a censored patient as someone who may still progress later. Can a patient who has died progress later?",
    explanation: '"{answer}": treating a death as censoring assumes the dead patient could still progress, so 1 - Kaplan-Meier estimates the risk in a world without death, not the probability of progressing in this one.',
    solution: () =>
      `At ${HORIZON} months, 1 - Kaplan-Meier (deaths censored) is ${fix(naiveProgression(HORIZON), 3)} and the cumulative incidence is ${fix(progressionAt(HORIZON), 3)}: **"higher"**, ${fix(naiveProgression(HORIZON) / progressionAt(HORIZON), 1)} times as high.`,
  },
  {
    id: "competing/incidence-240",
    notebook: NOTEBOOK,
    question: `What is the cumulative incidence of progression at ${HORIZON} months (20 years)? (2 decimals)`,
    answer: () => progressionAt(HORIZON),
    tolerance: 5e-3,
    mistakes: () => [{ answer: naiveProgression(HORIZON), feedback: "That is 1 - Kaplan-Meier with the deaths censored: it overstates the probability of progression." }],
    hint: "Sum, over the progression times up to 240 months, S(t-) × d/n: S(t-) is the probability of being event-free (alive and without progression) just before t, from a Kaplan-Meier of the first event of either kind.",
    explanation: "{answer}: about one patient in ten progresses within 20 years.",
    solution: () =>
      `F₁(${HORIZON}) = Σ S(t-) d₁(t) / n(t) over the progression times up to ${HORIZON} months = **${fix(progressionAt(HORIZON), 2)}** (${fix(progressionAt(HORIZON), 4)}); 1 - Kaplan-Meier with deaths censored gives ${fix(naiveProgression(HORIZON), 4)}.`,
  },
  {
    id: "competing/stacked-reading",
    notebook: NOTEBOOK,
    question: `In the stacked figure, the top of the upper band (death without progression, stacked on progression) at ${HORIZON} months is: "a": the probability of death without progression; "b": the probability of progression or death, whichever comes first; "c": the probability of being alive without progression.`,
    answer: () => "b",
    choices: ["a", "b", "c"],
    mistakes: () => [
      { answer: "a", feedback: "The death band starts where the progression band ends: its own height (top minus bottom) is the probability of death without progression." },
      { answer: "c", feedback: "That is the white space above the bands: 1 minus the height of the top." },
    ],
    hint: "Stacked bands add up: the top of the last band is the sum of all the causes' incidences.",
    explanation: '"{answer}": the bands add up to the probability of a first event of any kind; the white above them is the probability of being alive without progression.',
    solution: () =>
      `**"b"**. At ${HORIZON} months the progression band reaches ${fix(progressionAt(HORIZON), 3)}; death adds ${fix(deathAt(HORIZON), 3)}, so the top is at ${fix(progressionAt(HORIZON) + deathAt(HORIZON), 3)}, the probability of progression or death, whichever comes first.`,
  },
  {
    id: "competing/event-free-240",
    notebook: NOTEBOOK,
    question: `From the two cumulative incidences at ${HORIZON} months: what is the probability of being alive without progression at ${HORIZON} months? (2 decimals)`,
    answer: () => 1 - progressionAt(HORIZON) - deathAt(HORIZON),
    tolerance: 5e-3,
    mistakes: () => [
      { answer: progressionAt(HORIZON) + deathAt(HORIZON), feedback: "That is the probability of an event of either kind: the height of the stacked bands. Being event-free is the rest." },
      { answer: 1 - progressionAt(HORIZON), feedback: "Deaths without progression are events too: subtract both incidences." },
    ],
    hint: "The incidences of all the causes and the event-free probability add up to 1.",
    explanation: "{answer}: the same number as the Kaplan-Meier estimate of the first event of either kind. Cumulative incidences add up; 1 - Kaplan-Meier curves of each cause do not.",
    solution: () =>
      `1 - F₁(${HORIZON}) - F₂(${HORIZON}) = 1 - ${fix(progressionAt(HORIZON), 4)} - ${fix(deathAt(HORIZON), 4)} = **${fix(1 - progressionAt(HORIZON) - deathAt(HORIZON), 2)}**, the Kaplan-Meier estimate of survival free of both at ${HORIZON} months.`,
  },
  {
    id: "competing/gray-compares",
    notebook: NOTEBOOK,
    question: 'Gray\'s test for progression between women and men compares: "a": the hazards of progression among patients still alive and free of it (as a log-rank test would, deaths censored); "b": the cumulative incidence curves of progression.',
    answer: () => "b",
    choices: ["a", "b"],
    mistakes: () => [{ answer: "a", feedback: "That is the log-rank test with the deaths censored: it compares cause-specific hazards. Gray's test keeps the patients who died in its risk set." }],
    hint: "Which test keeps a dead patient in the risk set, so that its comparison is of probabilities in the real world, deaths included?",
    explanation:
      '"{answer}": Gray\'s test compares the subdistribution hazards, which keep patients who died in the risk set; equal subdistribution hazards mean equal cumulative incidence curves. A log-rank test with deaths censored compares the rates of progression among those alive, a different question.',
    solution: () => {
      const t = incidenceBySex().tests!;
      return `**"b"**: the cumulative incidence curves. Here, for progression χ² = ${fix(t[0].statistic!, 2)} (p = ${t[0].pValue!.toPrecision(2)}); for death without progression χ² = ${fix(t[1].statistic!, 2)} (p = ${t[1].pValue!.toPrecision(2)}).`;
    },
  },
  {
    id: "competing/written",
    notebook: NOTEBOOK,
    prompt:
      "A 70-year-old told she has MGUS asks: what is my chance of developing myeloma (a plasma-cell malignancy) in the next 20 years? In two or three sentences: which number do you give, the cumulative incidence or 1 - Kaplan-Meier, and how do you explain it?",
    modelAnswer: () =>
      `> About ${Math.round(100 * progressionAt(HORIZON))} in 100 patients like those of this registry developed a plasma-cell malignancy within 20 years (the cumulative incidence, ${pct(progressionAt(HORIZON))}); most of the others died of something else first, which is why the risk is not higher. ` +
      `The ${pct(naiveProgression(HORIZON))} of 1 - Kaplan-Meier is the risk in a world where nobody dies of anything else: it does not apply to a real patient, and would frighten her for nothing. ` +
      "The figure is for the whole registry: her own chance depends on how likely she is to die of something else first, so a patient younger or healthier than the registry's typical one (median age at diagnosis 72) has a somewhat higher chance.\n\n" +
      "Points to check: the cumulative incidence, not 1 - Kaplan-Meier; why (death prevents progression); the number as a natural frequency; and that the competing risk depends on the patient (age, health).",
  },
  {
    id: "entry/at-risk-70",
    notebook: NOTEBOOK,
    question: `Survival by age: how many patients are at risk at age ${AGE_AT_RISK} (diagnosed before ${AGE_AT_RISK}, and still followed at ${AGE_AT_RISK})?`,
    answer: () => atRiskAtAge(AGE_AT_RISK),
    mistakes: () => [
      { answer: atRiskAtAge(AGE_AT_RISK, false), feedback: `That counts everyone followed beyond ${AGE_AT_RISK}, including patients diagnosed later: they were not yet in the registry at ${AGE_AT_RISK}.` },
      {
        answer: ageRows().exit.filter((x, i) => x >= AGE_AT_RISK && ageRows().entry[i] <= AGE_AT_RISK).length,
        feedback: `That also counts the patients diagnosed at ${AGE_AT_RISK}: they enter just after it (at risk on (entry, exit]), as R counts them.`,
      },
    ],
    hint: `Count the rows with age < ${AGE_AT_RISK} and (12 age + futime) / 12 >= ${AGE_AT_RISK}.`,
    explanation: "{answer} patients: the risk set at an age holds only those who had entered the registry by then.",
    solution: () =>
      `Diagnosed before ${AGE_AT_RISK} and followed to ${AGE_AT_RISK} or beyond: **${atRiskAtAge(AGE_AT_RISK)}**. Ignoring entry, ${atRiskAtAge(AGE_AT_RISK, false)} patients would be counted, ${atRiskAtAge(AGE_AT_RISK, false) - atRiskAtAge(AGE_AT_RISK)} of them not yet diagnosed at ${AGE_AT_RISK}.`,
  },
  {
    id: "entry/ignore-predict",
    notebook: NOTEBOOK,
    question: `Predict: ignoring entry (counting every patient as followed from age ${AGE_FROM}), the estimated probability of surviving from ${AGE_FROM} to ${AGE_TO} will be "too high", "about right" or "too low"?`,
    answer: () => (survivalFromAge(false) > survivalFromAge(true) + 0.05 ? "too high" : survivalFromAge(false) < survivalFromAge(true) - 0.05 ? "too low" : "about right"),
    choices: ["too high", "about right", "too low"],
    mistakes: () => [
      { answer: "about right", feedback: "A patient diagnosed at 78 is counted as at risk from 60 to 78: could she have died in those years and still be in the registry?" },
      { answer: "too low", feedback: "Which way do the years before a patient's diagnosis push: do they add deaths to the estimate, or only time at risk without deaths?" },
    ],
    hint: "A patient diagnosed at 78 was sure to be alive from 60 to 78: she had to survive to be diagnosed. What does counting those years as at risk do to the death rate?",
    explanation:
      '"{answer}": the years before diagnosis are immortal time (a patient had to survive them to enter the registry); counting them as at risk adds survivors to every risk set and dilutes the deaths.',
    solution: () =>
      `With entry, S(${AGE_TO} | alive at ${AGE_FROM}) = ${fix(survivalFromAge(true), 3)}; ignoring entry, ${fix(survivalFromAge(false), 3)}: **"too high"**, ${fix(survivalFromAge(false) / survivalFromAge(true), 1)} times the estimate with entry.`,
  },
  {
    id: "entry/survival-80",
    notebook: NOTEBOOK,
    question: `With entry taken into account: the probability that a patient of the registry alive at ${AGE_FROM} is alive at ${AGE_TO}? (2 decimals)`,
    answer: () => survivalFromAge(true),
    tolerance: 5e-3,
    mistakes: () => [{ answer: survivalFromAge(false), feedback: "That is the estimate ignoring entry: everyone counted at risk from 60, before many were diagnosed." }],
    hint: `kaplanMeier({ entry, time, event }) with entry the later of the age at diagnosis and ${AGE_FROM}, for the patients followed beyond ${AGE_FROM}; then survivalAt(${AGE_TO}).`,
    explanation: "{answer}: about a third of the registry's patients alive at 60 reach 80; ignoring entry says about two thirds.",
    solution: () =>
      `Product over the deaths between ${AGE_FROM} and ${AGE_TO} of (1 - d/n), with n counting only the patients already diagnosed: **${fix(survivalFromAge(true), 2)}** (${fix(survivalFromAge(true), 4)}). Ignoring entry: ${fix(survivalFromAge(false), 4)}.`,
  },
];
