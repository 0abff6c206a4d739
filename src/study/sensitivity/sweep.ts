/**
 * A sensitivity sweep: the same conclusion recomputed under every combination of the analysis
 * choices a report leaves open (a cut-off rule, a test, a ties method...), with the
 * significance call each combination makes and whether it agrees with a reference choice.
 *
 * - crossChoices(factors): every combination of the factors' options (Cartesian product, the
 *   first factor varying slowest, as R's expand.grid with the factors reversed).
 * - sensitivitySweep(choices, evaluate, options): evaluate(choice) gives a statistic (or null
 *   when there is none, e.g. Fisher's exact test) and a p-value; each row says whether p is
 *   below alpha and whether that call differs from the reference choice's call. An evaluate
 *   that returns null leaves the combination out (a choice that does not apply).
 *
 * This is the "multiverse" idea of Steegen et al. (2016), Increasing transparency through a
 * multiverse analysis, Perspect Psychol Sci 11:702, on a small scale: the sweep reports every
 * combination, not the one that looks best.
 */
import { SurvivalInputError, show } from "../../survival/errors.js";
import { checkOptions } from "../../survival/core/validate.js";

/** One combination: factor name -> the option chosen. */
export type Choice = Readonly<Record<string, string>>;

export interface SweepOutcome {
  /** The test statistic, or null when the test has none (Fisher's exact test). */
  readonly statistic: number | null;
  readonly pValue: number;
}

export interface SweepRow {
  readonly choice: Choice;
  readonly statistic: number | null;
  readonly pValue: number;
  /** pValue < alpha. */
  readonly significant: boolean;
  /** This is the reference choice. */
  readonly isReference: boolean;
  /** The call differs from the reference choice's call. */
  readonly flips: boolean;
}

export interface SweepResult {
  readonly factors: readonly string[];
  readonly rows: readonly SweepRow[];
  readonly reference: SweepRow;
  readonly alpha: number;
  /** Rows with p < alpha. */
  readonly significant: number;
  /** Rows whose call differs from the reference's. */
  readonly flips: number;
  /** Every row makes the same call. */
  readonly stable: boolean;
}

export interface SweepOptions {
  /** The choice the others are compared with (must be among the choices and evaluated). */
  readonly reference: Choice;
  /** Significance level of the calls; default 0.05. */
  readonly alpha?: number;
}

/**
 * Every combination of the factors' options, the first factor varying slowest.
 *
 * @param factors  factor name -> its options (non-empty arrays of distinct strings)
 * @returns        the combinations, frozen
 * @throws SurvivalInputError  for no factor, or a factor without options or with a repeated one
 *
 * @example
 * const choices = crossChoices({ cutoff: ["<= 12", "< 12"], test: ["Pearson", "Yates"] });
 * choices.length;   // => 4
 * choices[1];       // => { cutoff: "<= 12", test: "Yates" }
 */
export function crossChoices(factors: Readonly<Record<string, readonly string[]>>): readonly Choice[] {
  if (typeof factors !== "object" || factors === null || Array.isArray(factors)) {
    throw new SurvivalInputError(`factors is ${show(factors)}: it must be an object of option lists`, "factors", undefined, factors);
  }
  const names = Object.keys(factors);
  if (names.length === 0) throw new SurvivalInputError("factors is empty: name at least one factor", "factors", undefined, factors);
  for (const name of names) {
    const options = factors[name];
    if (!Array.isArray(options) || options.length === 0 || !options.every((o) => typeof o === "string")) {
      throw new SurvivalInputError(`factors.${name} is ${show(options)}: it must be a non-empty array of strings`, "factors", undefined, options);
    }
    if (new Set(options).size !== options.length) {
      throw new SurvivalInputError(`factors.${name} names an option twice: ${show(options)}`, "factors", undefined, options);
    }
  }
  let out: Record<string, string>[] = [{}];
  for (const name of names) out = out.flatMap((partial) => factors[name].map((o) => ({ ...partial, [name]: o })));
  return Object.freeze(out.map((c) => Object.freeze(c)));
}

const sameChoice = (a: Choice, b: Choice) => {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
};

/**
 * Evaluates every choice and compares its significance call with the reference's; see the module
 * comment.
 *
 * @param choices   the combinations (crossChoices)
 * @param evaluate  choice -> { statistic, pValue }, or null when the choice does not apply
 * @param options   `reference`: the choice the others are compared with; `alpha`: default 0.05
 * @returns         a frozen result: `rows` (choice, statistic, pValue, significant, isReference,
 *                  flips), `reference`, `factors`, `alpha`, `significant`, `flips`, `stable`
 * @throws SurvivalInputError  for no choices, a malformed or repeated choice, a p outside [0, 1], a
 *                  reference not among the evaluated choices, or an unknown option
 *
 * @example
 * const choices = crossChoices({ test: ["Pearson", "Yates"] });
 * const p: Record<string, number> = { Pearson: 0.023, Yates: 0.052 };
 * const s = sensitivitySweep(choices, (c) => ({ statistic: null, pValue: p[c.test] }), { reference: choices[0] });
 * s.flips;    // => 1 (Yates' p is above 0.05)
 * s.stable;   // => false
 */
export function sensitivitySweep(
  choices: readonly Choice[],
  evaluate: (choice: Choice) => SweepOutcome | null,
  options: SweepOptions,
): SweepResult {
  if (!Array.isArray(choices) || choices.length === 0) {
    throw new SurvivalInputError(`choices is ${show(choices)}: it must be a non-empty array`, "choices", undefined, choices);
  }
  if (typeof evaluate !== "function") throw new SurvivalInputError("evaluate must be a function", "evaluate", undefined, evaluate);
  checkOptions("sensitivitySweep", options, ["reference", "alpha"]);
  const alpha = options?.alpha ?? 0.05;
  if (typeof alpha !== "number" || !(alpha > 0 && alpha < 1)) {
    throw new SurvivalInputError(`alpha is ${show(alpha)}: it must be in (0, 1)`, "alpha", undefined, alpha);
  }
  const factors = Object.keys(choices[0]);
  const evaluated: { choice: Choice; outcome: SweepOutcome }[] = [];
  choices.forEach((choice, i) => {
    const keys = Object.keys(choice);
    if (keys.length !== factors.length || !factors.every((f) => typeof choice[f] === "string")) {
      throw new SurvivalInputError(
        `choices[${i}] is ${show(choice)}: every choice must name an option for each of ${factors.join(", ")}`,
        "choices",
        i,
        choice,
      );
    }
    if (choices.findIndex((c) => sameChoice(c, choice)) !== i) {
      throw new SurvivalInputError(`choices[${i}] repeats an earlier choice ${show(choice)}`, "choices", i, choice);
    }
    const outcome = evaluate(choice);
    if (outcome === null) return;
    const { statistic, pValue } = outcome;
    if (!(typeof pValue === "number" && pValue >= 0 && pValue <= 1)) {
      throw new SurvivalInputError(`evaluate(choices[${i}]) gave pValue ${show(pValue)}: it must be in [0, 1]`, "evaluate", i, pValue);
    }
    if (statistic !== null && !(typeof statistic === "number" && Number.isFinite(statistic))) {
      throw new SurvivalInputError(`evaluate(choices[${i}]) gave statistic ${show(statistic)}: it must be finite or null`, "evaluate", i, statistic);
    }
    evaluated.push({ choice, outcome });
  });
  const ref = evaluated.find((e) => sameChoice(e.choice, options.reference));
  if (!ref) {
    throw new SurvivalInputError(
      `reference is ${show(options.reference)}: it must be one of the choices, and evaluate must not leave it out`,
      "reference",
      undefined,
      options.reference,
    );
  }
  const refSignificant = ref.outcome.pValue < alpha;
  const rows = evaluated.map((e) => {
    const significant = e.outcome.pValue < alpha;
    return Object.freeze({
      choice: Object.freeze({ ...e.choice }),
      statistic: e.outcome.statistic,
      pValue: e.outcome.pValue,
      significant,
      isReference: e === ref,
      flips: significant !== refSignificant,
    });
  });
  const flips = rows.filter((r) => r.flips).length;
  return Object.freeze({
    factors: Object.freeze(factors),
    rows: Object.freeze(rows),
    reference: rows.find((r) => r.isReference)!,
    alpha,
    significant: rows.filter((r) => r.significant).length,
    flips,
    stable: flips === 0,
  });
}
