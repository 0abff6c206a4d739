/** The exercises of notebooks/teaching/07-cox-model: hazard ratios from O/E and from Cox, proportional hazards, k groups and trend. */
import { coxPH } from "../../survival/cox/coxPH.js";
import { coxZph } from "../../survival/cox/coxZph.js";
import { logRankTest } from "../../survival/logrank/logRankTest.js";
import type { TaskSpec } from "../exercise.js";
import { fix, recurrenceData, veteran } from "./data.js";

const NOTEBOOK = "07-cox-model";
const logRank = () => logRankTest(recurrenceData());

/** The recurrence data with the covariate anlotinib = 1 for group 1 (so the HR is anlotinib against chemotherapy alone). */
export const anlotinibData = () => {
  const d = recurrenceData();
  return { time: d.time, event: d.event, covariates: { anlotinib: d.group.map((g) => (g === 1 ? 1 : 0)) } };
};
const cox = () => coxPH(anlotinibData());

/** Karnofsky score 60 or more ("good") in the veteran trial, and the split of follow-up at 90 days. */
export const SPLIT_DAYS = 90;
export const veteranGood = () => {
  const v = veteran();
  return { time: v.numbers("days"), event: v.numbers("status"), covariates: { good: v.numbers("karno").map((k) => (k >= 60 ? 1 : 0)) } };
};
/** The Cox fit of one period: up to SPLIT_DAYS (censored there), or after it (time from SPLIT_DAYS). */
export function periodFit(period: "early" | "late") {
  const d = veteranGood();
  const keep = d.time.map((_, i) => i).filter((i) => period === "early" || d.time[i] > SPLIT_DAYS);
  const time = keep.map((i) => (period === "early" ? Math.min(d.time[i], SPLIT_DAYS) : d.time[i] - SPLIT_DAYS));
  const event = keep.map((i) => (period === "early" && d.time[i] > SPLIT_DAYS ? 0 : d.event[i]));
  return coxPH({ time, event, covariates: { good: keep.map((i) => d.covariates.good[i]) } });
}

/** Karnofsky bands of the veteran trial, in order, with the trend test's scores 1, 2, 3. */
export const KARNOFSKY_BANDS = ["10-40", "50-70", "80-100"] as const;
export const karnofskyBand = (k: number) => (k <= 40 ? "10-40" : k <= 70 ? "50-70" : "80-100");

/** The trend test from the k-group log-rank sums: U = w'(O - E), Var = w' V w, chi-square = U^2 / Var. */
export function trendTest() {
  const v = veteran();
  const r = logRankTest({ time: v.numbers("days"), event: v.numbers("status"), group: v.numbers("karno").map(karnofskyBand) });
  const w = r.groups.map((g) => KARNOFSKY_BANDS.indexOf(g as (typeof KARNOFSKY_BANDS)[number]) + 1);
  const U = w.reduce((s, wg, g) => s + wg * (r.observed[g] - r.expected[g]), 0);
  const variance = w.reduce((s, wg, g) => s + w.reduce((t, wh, h) => t + wg * r.variance[g][h] * wh, 0), 0);
  return { logRank: r, U, variance, statistic: (U * U) / variance };
}

export const coxLesson: TaskSpec[] = [
  {
    id: "cox/oe-ratio",
    notebook: NOTEBOOK,
    question: "From the log-rank table, the hazard ratio of group 1 (anlotinib) against group 2 as Bland & Altman compute it, (O1 / E1) / (O2 / E2)? (2 decimals)",
    answer: () => logRank().observed[0] / logRank().expected[0] / (logRank().observed[1] / logRank().expected[1]),
    tolerance: 5e-3,
    mistakes: () => [{ answer: logRank().observed[1] / logRank().expected[1] / (logRank().observed[0] / logRank().expected[0]), feedback: "That is group 2 against group 1. Put group 1's O / E on top." }],
    hint: "Each group's O / E is its observed recurrences over its expected ones; divide group 1's by group 2's.",
    explanation: "{answer}.",
    solution: () => {
      const r = logRank();
      return `O1 / E1 = ${r.observed[0]} / ${fix(r.expected[0], 3)} = ${fix(r.observed[0] / r.expected[0], 4)}; O2 / E2 = ${r.observed[1]} / ${fix(r.expected[1], 3)} = ${fix(r.observed[1] / r.expected[1], 4)}; ` +
        `ratio **${fix(r.observed[0] / r.expected[0] / (r.observed[1] / r.expected[1]), 2)}**.`;
    },
  },
  {
    id: "cox/bland-altman-chisq",
    notebook: NOTEBOOK,
    question: "Bland & Altman's chi-square, the sum over both groups of (O - E)^2 / E? (2 decimals)",
    answer: () => logRank().observed.reduce((s, o, g) => s + (o - logRank().expected[g]) ** 2 / logRank().expected[g], 0),
    tolerance: 5e-3,
    mistakes: () => [{ answer: logRank().statistic, feedback: "That is (O1 - E1)^2 / V, the log-rank statistic R's survdiff prints. The question asks for the shortcut with E in the denominator." }],
    hint: "Two terms, one per group: (O - E)^2 / E.",
    explanation: "{answer}, a little smaller than the exact (O1 - E1)^2 / V: the shortcut is conservative.",
    solution: () => {
      const r = logRank();
      const terms = r.observed.map((o, g) => `(${o} - ${fix(r.expected[g], 3)})² / ${fix(r.expected[g], 3)}`).join(" + ");
      const x = r.observed.reduce((s, o, g) => s + (o - r.expected[g]) ** 2 / r.expected[g], 0);
      return `${terms} = **${fix(x, 2)}**, against the log-rank ${fix(r.statistic, 2)}.`;
    },
  },
  {
    id: "cox/hr-percent",
    notebook: NOTEBOOK,
    question: "From the Cox model's hazard ratio (anlotinib against chemotherapy alone): by what percentage is the hazard of recurrence estimated to be lower with anlotinib, 100 (1 - HR)? (whole number)",
    answer: () => 100 * (1 - cox().hazardRatio[0]),
    tolerance: 0.5,
    mistakes: () => [{ answer: 100 * cox().hazardRatio[0], feedback: "That is the HR as a percentage: the hazard *is* that share of the comparison group's. The reduction is 100 minus it." }],
    hint: "An HR of 0.25 means a hazard 25% of the other group's: 75% lower.",
    explanation: "About {answer}% lower.",
    solution: () => `HR = ${fix(cox().hazardRatio[0], 3)}; 100 × (1 - ${fix(cox().hazardRatio[0], 3)}) = **${fix(100 * (1 - cox().hazardRatio[0]), 0)}%** lower.`,
  },
  {
    id: "cox/ci-excludes-one",
    notebook: NOTEBOOK,
    question: "Does the 95% confidence interval of the Cox hazard ratio exclude 1 (no difference)? (true or false)",
    answer: () => cox().upper[0] < 1 || cox().lower[0] > 1,
    hint: "Look at the lower and upper limits printed in the Cox table.",
    explanation: "{answer}: the interval lies entirely below 1, matching p < 0.05 for the Wald test.",
    solution: () => `95% CI ${fix(cox().lower[0], 2)} to ${fix(cox().upper[0], 2)}: entirely below 1, so **true** (and the Wald p = ${cox().pValue[0].toPrecision(2)} < 0.05 says the same).`,
  },
  {
    id: "cox/interpret-hr",
    notebook: NOTEBOOK,
    prompt: "State the hazard ratio and its 95% CI in words, for a clinician, with one caveat.",
    modelAnswer: () => {
      const c = cox();
      return `> At any time after surgery, a patient on anlotinib with chemotherapy who was still recurrence-free had an estimated ${fix(c.hazardRatio[0], 2)} times the risk of recurring in the next short interval (the hazard) of a comparable patient on chemotherapy alone: about ${Math.round(100 * (1 - c.hazardRatio[0]))}% lower ` +
        `(95% CI ${fix(c.lower[0], 2)} to ${fix(c.upper[0], 2)}, so anything from a ${Math.round(100 * (1 - c.upper[0]))}% to an ${Math.round(100 * (1 - c.lower[0]))}% reduction is compatible with the data). ` +
        "Caveat: the arms were not randomised (the regimen was chosen by ability to pay and wishes), so the ratio may partly reflect who chose anlotinib; and the estimate rests on 39 patients.\n\n" +
        "Points to check: a ratio of *hazards* (not of the share recurred, nor of the median times), the direction (which group against which), the interval as a range of plausible values, and a caveat about design or size.";
    },
  },
  {
    id: "cox/ph-recurrence",
    notebook: NOTEBOOK,
    question: 'From the log-minus-log plot and cox.zph\'s test, do the recurrence data give "no evidence against" proportional hazards, or "evidence against" them (at the 5% level)?',
    answer: () => (coxZph(cox(), anlotinibData()).global.pValue < 0.05 ? "evidence against" : "no evidence against"),
    choices: ["no evidence against", "evidence against"],
    hint: "Compare the zph test's p-value with 0.05, and look whether the two log-minus-log curves run roughly parallel.",
    explanation: '"{answer}": with 39 patients the test has little power, so this is not proof that the hazards are proportional, only that the data do not contradict it.',
    solution: () => {
      const z = coxZph(cox(), anlotinibData()).global;
      return `cox.zph: χ² = ${fix(z.statistic, 2)} on ${z.df} df, p = ${z.pValue.toPrecision(2)} (> 0.05), and the curves run roughly parallel: **"no evidence against"**. Absence of evidence with 31 events is weak evidence.`;
    },
  },
  {
    id: "cox/ph-veteran",
    notebook: NOTEBOOK,
    question: 'For Karnofsky score >= 60 in the veteran trial, what would you report: "one hazard ratio" or "a hazard ratio for each period" (before and after 90 days)?',
    answer: () => (coxZph(coxPH(veteranGood()), veteranGood()).global.pValue < 0.05 ? "a hazard ratio for each period" : "one hazard ratio"),
    choices: ["one hazard ratio", "a hazard ratio for each period"],
    mistakes: () => [{ answer: "one hazard ratio", feedback: "One number would average a strong early effect with none later: it describes no period well." }],
    hint: "Look at the zph test and at the log-minus-log curves: do they keep their distance?",
    explanation: '"{answer}": the hazards are clearly not proportional, and the hazard ratios of the two periods differ a lot.',
    solution: () => {
      const z = coxZph(coxPH(veteranGood()), veteranGood()).global;
      return `cox.zph p = ${z.pValue.toPrecision(2)}: strong evidence against proportional hazards. The hazard ratio is ${fix(periodFit("early").hazardRatio[0], 2)} in the first ${SPLIT_DAYS} days and ${fix(periodFit("late").hazardRatio[0], 2)} after: **"a hazard ratio for each period"** (or an RMST difference).`;
    },
  },
  {
    id: "cox/early-hr",
    notebook: NOTEBOOK,
    question: `The hazard ratio of Karnofsky >= 60 against < 60 in the first ${SPLIT_DAYS} days (follow-up censored at ${SPLIT_DAYS} days)? (2 decimals)`,
    answer: () => periodFit("early").hazardRatio[0],
    tolerance: 5e-3,
    mistakes: () => [
      { answer: coxPH(veteranGood()).hazardRatio[0], feedback: "That is the hazard ratio over the whole follow-up. The question asks for the first period only." },
      { answer: periodFit("late").hazardRatio[0], feedback: `That is the hazard ratio after ${SPLIT_DAYS} days.` },
    ],
    hint: `Read it from the table of the two periods, the row "first ${SPLIT_DAYS} days".`,
    explanation: "{answer}: a strong effect early, which fades later.",
    solution: () => `Censor everyone still alive at ${SPLIT_DAYS} days, fit the Cox model: HR = **${fix(periodFit("early").hazardRatio[0], 2)}** (after ${SPLIT_DAYS} days, among those still alive: ${fix(periodFit("late").hazardRatio[0], 2)}).`,
  },
  {
    id: "cox/trend-statistic",
    notebook: NOTEBOOK,
    question: "From U = sum of w (O - E) and its variance w' V w printed above, the trend test's chi-square, U^2 / Var? (2 decimals)",
    answer: () => trendTest().statistic,
    tolerance: 5e-3,
    mistakes: () => [{ answer: trendTest().logRank.statistic, feedback: "That is the 3-group log-rank statistic on 2 degrees of freedom. The trend test combines the groups with the scores 1, 2, 3 into one number." }],
    hint: "Square U and divide by its variance.",
    explanation: "{answer}, on 1 degree of freedom.",
    solution: () => {
      const t = trendTest();
      return `U = ${fix(t.U, 3)}, Var = ${fix(t.variance, 3)}: U² / Var = **${fix(t.statistic, 2)}** on 1 df (the 3-group log-rank test: ${fix(t.logRank.statistic, 2)} on 2 df).`;
    },
  },
];
