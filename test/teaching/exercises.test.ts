/**
 * Every exercise of the teaching unit: its right answer agrees with R
 * (test/teaching/fixtures/r/teaching.R); a right answer is judged right, a wrong one wrong with
 * the hint, no answer "not answered yet" without it, three different wrong answers bring the
 * worked solution; written exercises show their model answer once something is written. And
 * the session: tries kept per exercise, cells that wait for an exercise, the teacher's copy.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EXERCISES, LESSONS, attempted, exercise, judge, resetSession, revealAfter } from "../../src/teaching/exercises.js";
import { NO_HISTORY, isWritten, type Answer, type ExerciseSpec, type History } from "../../src/teaching/exercise.js";
import { loadSurvivalCsv } from "../../src/teaching/survivalCsv.js";
import { expectClose, loadFixture } from "../helpers/fixtures.js";

const R = loadFixture<{ answers: Record<string, number | null>; decisions: Record<string, any> }>("teaching");
// The lesson "Rows from a figure" keeps its R answers in their own fixture (numbers, or a word R decides).
const rowsFromFigure = loadFixture<{ answers: Record<string, number | string> }>("rows-from-figure").answers;
const D = R.decisions;
const below = (ci: number[]) => ci[2] < 1;
const pick = (cond: boolean, word: string) => (cond ? word : "the fixture changed");

/**
 * Right answers of the exercises that are not numbers: each from its definition, or decided by
 * R's numbers (the comment says which).
 */
const WORDS: Record<string, Answer> = {
  // A censored time is a lower bound on the event time (the definition).
  "censoring/what-censored-means": "b",
  // Counting censored patients as never having the event is the most optimistic assumption.
  "censoring/biased-up": "event-free",
  // R: the simple proportion by 17 months is below Kaplan-Meier's 1 - S(17).
  "censoring/crude-at-17": pick(D.crude_17 < D.km_17 - 1e-9, "lower"),
  // At risk at t means time >= t (the definition; R's n.risk counts the patient censored at 12).
  "km/censored-at-risk": "yes",
  // R: se(log S) never falls over group 1's event times, se(S) does.
  "km/which-se-grows": pick(
    D.se_log_g1.every((x: number, k: number) => k === 0 || x >= D.se_log_g1[k - 1]) && D.se_g1.some((x: number, k: number) => k > 0 && x < D.se_g1[k - 1]),
    "se(log S)",
  ),
  // Only S - z se(S) subtracts from S directly; exp() and exp(-exp()) are positive.
  "km/below-zero": "plain",
  // The upper band never reaches 0.5 (R: 0.95UCL is NA), so larger medians cannot be excluded.
  "reading/not-reached-meaning": "b",
  // R: at 12 months 61% of group 1 and 25% of group 2 are at risk; at 18 months none of group 2.
  "reading/choose-tau": pick(D.at_risk_share_12.every((s: number) => s >= 0.25) && D.at_risk_share_18[1] < 0.25, "12"),
  // R: exp(-cumhaz) is above survfit's S at every event time of group 2.
  "hazard/exp-vs-km": pick(D.exp_minus_h_g2.every((x: number, k: number) => x > D.km_g2[k]), "above"),
  // H(t) = lambda t (the definition of a constant hazard).
  "hazard/constant-shape": "straight",
  // h1(t) = HR h2(t) (the definition).
  "hazard/ph-meaning": "b",
  // R: Kaplan-Meier S(12) of the informative version against the truth exp(-1).
  "censoring/informative-direction": pick(D.informative_km_12 > Math.exp(-1) + 0.05, "too high"),
  // Censored times are lower bounds: the true mean is at least the plain average.
  "mean/true-mean-direction": "longer",
  // R: survfit's rmean (up to the last time) is above its median.
  "mean/veteran-skew": pick(D.veteran_rmean > D.veteran_median, "above"),
  // R: survdiff's observed < expected for group 1.
  "logrank/o-against-e": pick(D.observed_g1 < D.expected_g1, "later or less often"),
  // R: survdiff p < 0.05, chisq.test(correct = FALSE) on the 1-year table p > 0.05.
  "logrank/which-significant": pick(D.logrank_p < 0.05 && D.pearson_recurrence_1y_p >= 0.05, "log-rank"),
  // FH(0, 1) weighs late times; the arms differ early (the weighted statistics are validated
  // against R and statsmodels in test/survival/logrank/).
  "logrank/smallest": "FH(0,1)",
  // R: chisq.test(correct = FALSE) on the 1-year recurrence table rounds to the paper's 3.81.
  "tables/paper-test": pick(Math.abs(D.pearson_recurrence_1y - 3.81) <= 0.005 && Math.abs(D.yates_recurrence_1y - 3.81) > 0.005, "pearson"),
  // R: Pearson p < 0.05 and Yates p > 0.05 on the lung table.
  "tables/yates-flips": D.pearson_lung_1y_p < 0.05 !== D.yates_lung_1y_p < 0.05,
  // The exact rejection rates are checked against R's chisq.test and fisher.test in the library's
  // tests; here: Yates' and Fisher's largest rates stay below 5%, Pearson's does not (see below).
  "tables/conservative": "yates and fisher",
  // R: coxph's 95% CI lies below 1.
  "cox/ci-excludes-one": below(D.cox_recurrence),
  // R: cox.zph GLOBAL p > 0.05 on the recurrence data, < 0.05 for Karnofsky >= 60 in veteran.
  "cox/ph-recurrence": pick(D.zph_recurrence_p >= 0.05, "no evidence against"),
  "cox/ph-veteran": pick(D.zph_veteran_p < 0.05, "a hazard ratio for each period"),
  // R: the naive Cox CI of the simulated immortal-time cohort lies below 1.
  "design/immortal-predict": pick(below(D.naive_immortal), "protective"),
  // The landmark's definition: only patients event-free and followed at the landmark enter.
  "design/landmark-excludes": "b",
  // R: the adjusted Cox CI of the drug includes 1.
  "design/adjusted": pick(D.adjusted_confounding[1] < 1 && D.adjusted_confounding[2] > 1, "compatible with no effect"),
  // Power grows with the number of events (Schoenfeld).
  "design/more-follow-up": "more power",
  // R: 1 - Kaplan-Meier of progression (deaths censored) at 240 months is above cmprsk's / survfit's
  // cumulative incidence.
  "competing/km-predict": pick(D.one_minus_km_progression_240 > (R.answers["competing/incidence-240"] as number), "higher"),
  // Stacked bands add up to the incidence of any first event (R: the two incidences add up to
  // 1 - Kaplan-Meier of the first event of either kind).
  "competing/stacked-reading": pick(
    Math.abs((R.answers["competing/incidence-240"] as number) + D.incidence_death_240 - D.one_minus_km_any_240) < 1e-12,
    "b",
  ),
  // Gray's test compares cumulative incidence curves (its definition, Gray 1988).
  "competing/gray-compares": "b",
  // R: survfit ignoring entry from age 60 gives S(80) more than 0.05 above survfit with entry.
  "entry/ignore-predict": pick(D.survival_80_ignoring_entry > (R.answers["entry/survival-80"] as number) + 0.05, "too high"),
  // R: making one patient of the tail a recurrence moves the log-rank chi-square by more than a
  // rounding of its printed digits could hide (rows-from-figure.R against survdiff).
  "figure/good-enough": pick(Math.abs((rowsFromFigure["figure/one-patient-logrank"] as number) - (R.answers["logrank/statistic"] as number)) > 0.5, "a"),
  // R: cox.zph on the template's default file (the recurrence table) gives p > 0.05.
  "own-data/ph": pick(D.zph_recurrence_p >= 0.05, "no"),
};

const ownData = loadSurvivalCsv("data/recurrence.csv", { time: "months", event: "status", group: "group" });
const contextOf = (id: string) => (id.startsWith("own-data/") ? ownData : undefined);
const answerSpecs = [...EXERCISES.values()].filter((s): s is ExerciseSpec<any> => !isWritten(s));
const written = [...EXERCISES.values()].filter(isWritten);

/** R's answer: a number, "not reached" for R's NA, or the word above. */
function rAnswer(id: string): Answer {
  if (id in WORDS) return WORDS[id];
  if (id in rowsFromFigure) return rowsFromFigure[id];
  if (!(id in R.answers)) throw new Error(`no R answer for ${id}: add it to test/teaching/fixtures/r/teaching.R`);
  const x = R.answers[id];
  return x === null ? "not reached" : x;
}

/** Three different wrong answers of the same kind where there are three (fewer for a choice of two). */
function wrongsOf(spec: ExerciseSpec<any>, right: Answer): Answer[] {
  if (typeof right === "boolean") return [!right];
  const also = (spec.alsoRight?.(contextOf(spec.id)) ?? []).map((m) => m.answer);
  if (spec.choices) return spec.choices.filter((c) => c !== right && !also.includes(c));
  if (right === "not reached") return [18, 0, 99];
  const tol = spec.tolerance ?? 0;
  return [right as number + 1 + 3 * tol, (right as number) - 1 - 3 * tol, -(right as number) - 7].filter((x) => !also.includes(x));
}

/** Judges answers in turn, each after the history of the ones before. */
function tries(id: string, answers: unknown[]) {
  let history: History = NO_HISTORY;
  return answers.map((a) => {
    const f = judge(id, a, contextOf(id), history);
    history = f.history;
    return f;
  });
}

describe("the exercises of the teaching unit", () => {
  it("every exercise has an R answer or a stated word, and every word decided by R agrees with R", () => {
    for (const s of answerSpecs) expect(() => rAnswer(s.id), s.id).not.toThrow();
    expect(Object.values(WORDS)).not.toContain("the fixture changed");
    for (const id of Object.keys(WORDS)) expect(EXERCISES.has(id), id).toBe(true);
  });

  for (const spec of answerSpecs) {
    describe(`${spec.label} ${spec.id}`, () => {
      const context = contextOf(spec.id);
      const right = rAnswer(spec.id);

      it("the library's answer agrees with R", () => {
        const ours = spec.answer(context);
        if (typeof right === "number") expectClose(ours as number, right, spec.id);
        else expect(ours).toBe(right);
      });

      it("a right answer is right, with the explanation", () => {
        const f = judge(spec.id, right, context);
        expect(f.status).toBe("right");
        expect(f.message).toContain(spec.explanation.split("{answer}")[0].slice(0, 40));
        if (typeof right === "number" && (spec.tolerance ?? 0) > 0) expect(judge(spec.id, right + 0.9 * spec.tolerance!, context).status).toBe("right");
      });

      it("a wrong answer is wrong, with the hint and not the solution", () => {
        const [f] = tries(spec.id, [wrongsOf(spec, right)[0]]);
        expect(f.status).toBe("wrong");
        expect(f.message).toContain(spec.hint);
        expect(f.message).not.toContain(spec.solution(context));
      });

      it("no answer is 'not answered yet', without the hint", () => {
        const f = judge(spec.id, null, context);
        expect(f.status).toBe("not answered");
        expect(f.message).not.toContain(spec.hint);
        expect(f.message).toContain(`Exercise ${spec.label}: not answered yet`);
      });

      it("three wrong answers bring the worked solution", () => {
        const wrongs = wrongsOf(spec, right);
        const answers = wrongs.length >= 3 ? wrongs.slice(0, 3) : [...wrongs, "?", ...wrongs].slice(0, 3);
        const fs = tries(spec.id, answers);
        expect(fs.map((f) => f.status)).toEqual(["wrong", "wrong", "wrong"]);
        expect(fs[1].message).not.toContain("Worked solution");
        expect(fs[2].message).toContain(`**Worked solution** (shown after 3 tries):\n\n${spec.solution(context)}`);
      });

      it("the worked solution states the right answer", () => {
        const text = spec.solution(context);
        if (typeof right === "number") {
          const digits = spec.tolerance ? Math.max(0, -Math.floor(Math.log10(2 * spec.tolerance))) : 0;
          const shown = [...text.matchAll(/\*\*(-?[\d.]+)%?\*\*/g)].map((m) => Number(m[1]));
          expect(shown.some((x) => Math.abs(x - right) <= Math.max(spec.tolerance ?? 0, 0.5 * 10 ** -digits) + 1e-12), `${spec.id}: ${text}`).toBe(true);
        } else {
          expect(text.toLowerCase()).toContain(String(right).toLowerCase());
        }
      });

      it("each known mistake is wrong with its own feedback; each other right answer right with its own", () => {
        for (const m of spec.mistakes?.(context) ?? []) {
          if (typeof m.answer === "number" && typeof right === "number" && Math.abs(m.answer - right) <= (spec.tolerance ?? 0)) {
            throw new Error(`${spec.id}: the mistake ${m.answer} is within the tolerance of the answer`);
          }
          const f = judge(spec.id, m.answer, context);
          expect(f.status, `${spec.id}: mistake ${String(m.answer)}`).toBe("wrong");
          expect(f.message).toContain(m.feedback);
        }
        for (const m of spec.alsoRight?.(context) ?? []) {
          const f = judge(spec.id, m.answer, context);
          expect(f.status).toBe("right");
          expect(f.message).toContain(m.feedback);
        }
      });
    });
  }

  for (const spec of written) {
    it(`${spec.label} ${spec.id} (written): nothing shown until written, then the model answer`, () => {
      const context = contextOf(spec.id);
      expect(judge(spec.id, null, context).message).not.toContain(spec.modelAnswer(context));
      expect(judge(spec.id, "yes", context).status).toBe("not answered");
      const f = judge(spec.id, "The hazard is lower with anlotinib.", context);
      expect(f.status).toBe("written");
      expect(f.message).toContain(spec.modelAnswer(context));
    });
  }

  it("3.2: the textbook rule's 6 months is right too, with feedback on the two rules", () => {
    const f = judge("reading/median-g2", 6);
    expect(f.status).toBe("right");
    expect(f.message).toMatch(/first time S\(t\) is at or below 0\.5.*R \(and this library\) report its middle, 6\.5/s);
    expect(judge("reading/median-g2", 6.5).status).toBe("right");
  });

  it("6.7: Pearson's largest rejection rate under no difference is above 5%, Yates' and Fisher's below", async () => {
    const { largestSizes } = await import("../../src/teaching/lessons/tables.js");
    const s = largestSizes();
    expect(s.pearson).toBeGreaterThan(0.05);
    expect(Math.max(s.yates, s.fisher)).toBeLessThan(0.05);
  });

  it("numbers the exercises lesson by lesson, 1.1, 1.2, ..., after the notebooks' numbers", () => {
    LESSONS.forEach((lesson, i) => {
      expect(lesson.every((s) => Number(s.notebook.slice(0, 2)) === i + 1), lesson[0].notebook).toBe(true);
      expect(lesson.map((s) => EXERCISES.get(s.id)!.label)).toEqual(lesson.map((_, k) => `${i + 1}.${k + 1}`));
    });
  });

  it("in every lesson at least a third of the exercises are conceptual (a choice or a written answer) and one is written", () => {
    for (const lesson of LESSONS) {
      const conceptual = lesson.filter((s) => isWritten(s) || (s as ExerciseSpec<any>).choices || typeof (s as ExerciseSpec<any>).answer(contextOf(s.id)) === "boolean");
      expect(conceptual.length / lesson.length, lesson[0].notebook).toBeGreaterThanOrEqual(1 / 3);
      expect(lesson.some(isWritten), lesson[0].notebook).toBe(true);
    }
  });

  it("an unknown id is an error naming the exercises", () => {
    expect(() => judge("km/nope", 1)).toThrow(/no exercise "km\/nope".*km\/at-risk-9/);
  });

  it("the template's exercises need the reader's data", () => {
    expect(() => judge("own-data/events", 1)).toThrow(/needs your data/);
  });
});

describe("the session: tries kept per exercise, cells that wait for an exercise", () => {
  let out: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  beforeEach(() => {
    resetSession();
    out = [];
    process.stdout.write = ((s: string) => (out.push(String(s)), true)) as typeof process.stdout.write;
  });
  afterEach(() => {
    process.stdout.write = write;
    delete process.env.TEACHING_SOLUTIONS;
  });

  it("remembers each exercise's tries between calls, apart from the others", () => {
    exercise("km/at-risk-9", 1);
    exercise("km/at-risk-9", 1); // the cell run again: not a new try
    exercise("km/conditional-9", 0.1);
    exercise("km/at-risk-9", 2);
    exercise("km/at-risk-9", 3);
    expect(out[0]).toContain("*Hint:*");
    expect(out[1]).toContain("2 more different tries");
    expect(out[2]).not.toContain("Worked solution");
    expect(out[3]).toContain("One more different try");
    expect(out[4]).toContain("Worked solution");
  });

  it("revealAfter waits until every exercise named has been attempted, right or wrong", () => {
    let shown = 0;
    const reveal = () => void shown++;
    revealAfter(["km/at-risk-9", "km/survival-6"], reveal);
    expect(out.pop()).toContain("Answer exercises 2.1 and 2.4 first");
    exercise("km/at-risk-9", null);
    expect(attempted("km/at-risk-9")).toBe(false);
    exercise("km/at-risk-9", 5);
    revealAfter(["km/at-risk-9", "km/survival-6"], reveal);
    expect(out.pop()).toContain("Answer exercise 2.4 first");
    exercise("km/survival-6", 0.5);
    revealAfter(["km/at-risk-9", "km/survival-6"], reveal);
    expect(shown).toBe(1);
  });

  it("a written exercise counts as attempted once something is written", () => {
    exercise("censoring/non-informative", "no");
    expect(attempted("censoring/non-informative")).toBe(false);
    exercise("censoring/non-informative", "Probably yes: censoring is late.");
    expect(attempted("censoring/non-informative")).toBe(true);
  });

  it("TEACHING_SOLUTIONS=1 (the teacher's copy): every exercise shows its solution and nothing waits", () => {
    process.env.TEACHING_SOLUTIONS = "1";
    exercise("km/at-risk-9", null);
    expect(out.pop()).toContain("Exercise 2.1, worked solution");
    exercise("km/interpret-s12", null);
    expect(out.pop()).toContain("model answer");
    let shown = false;
    revealAfter("km/se-6", () => void (shown = true));
    expect(shown).toBe(true);
  });
});

describe("the template's exercises on other files", () => {
  it("work on a file with one group (no hazard ratio: nothing to test)", async () => {
    const { parseSurvivalCsv } = await import("../../src/teaching/survivalCsv.js");
    const one = parseSurvivalCsv("t,e\n1,1\n2,0\n3,1\n", "one.csv", { time: "t", event: "e", group: null });
    expect(judge("own-data/ph", "no", one).status).toBe("right");
    expect(judge("own-data/events", 2, one).status).toBe("right");
    expect(judge("own-data/median-first-group", 3, one).status).toBe("right");
    expect(judge("own-data/report", "Three groups were compared.", one).status).toBe("written");
  });
});
