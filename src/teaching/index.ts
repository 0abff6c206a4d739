/**
 * Helpers of the teaching notebooks (notebooks/teaching/): self-checking exercises, the check
 * that a by-hand result equals the library's, and the loader of a reader's own
 * CSV file for the template notebook. The by-hand computations themselves live in the notebooks.
 */
export { exercise, judge, EXERCISES } from "./exercises.js";
export { checkAnswer, showFeedback, normalise, formatAnswer, type Answer, type ExerciseSpec, type Feedback, type Mistake, type Status } from "./exercise.js";
export { assertSame, NotSameError, SAME_TOLERANCE, type Comparable } from "./assertSame.js";
export { parseSurvivalCsv, loadSurvivalCsv, groupRows, type SurvivalColumns, type SurvivalCsv } from "./survivalCsv.js";
