/**
 * Helpers of the teaching unit (notebooks/teaching/): self-checking exercises that keep their
 * tries for the session and cells that wait for them, the check that a by-hand result equals the
 * library's, the paper's own sentences, the unit's data (CSV tables, seeded simulations), the
 * loader of a reader's own CSV file for the template notebook, and the answer key. The by-hand
 * computations themselves live in the notebooks.
 */
export { exercise, judge, attempted, revealAfter, EXERCISES, LESSONS } from "./exercises.js";
export {
  checkAnswer,
  showFeedback,
  normalise,
  formatAnswer,
  NO_HISTORY,
  TRIES_BEFORE_SOLUTION,
  type Answer,
  type ExerciseSpec,
  type WrittenSpec,
  type TaskSpec,
  type Feedback,
  type History,
  type Mistake,
  type Status,
} from "./exercise.js";
export { assertSame, NotSameError, SAME_TOLERANCE, type Comparable } from "./assertSame.js";
export { parseSurvivalCsv, loadSurvivalCsv, groupRows, type SurvivalColumns, type SurvivalCsv } from "./survivalCsv.js";
export { parseCsvTable, loadCsvTable, type CsvTable } from "./csvTable.js";
export { simulateInformativeCensoring, type InformativeCensoringCohort, type CensoredRows } from "./simulate/informativeCensoring.js";
export { simulateImmortalTime, type ImmortalTimeCohort } from "./simulate/immortalTime.js";
export { simulateConfounding, type ConfoundedCohort } from "./simulate/confounding.js";
export type { SimulationOptions } from "./simulate/draws.js";
export { showPaper, paperQuote } from "./paper.js";
