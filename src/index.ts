/**
 * Survival statistics validated against R's `survival` package.
 * Import from the project root as `./src/index` (tslab notebooks do).
 */
export { SurvivalInputError } from "./errors.js";
export {
  logRankTest,
  type LogRankData,
  type LogRankOptions,
  type LogRankResult,
  type LogRankWeight,
} from "./logrank/logRankTest.js";
export { chiSquareTest, type ChiSquareTestResult } from "./contingency/chiSquareTest.js";
export { gTest, type GTestResult } from "./contingency/gTest.js";
export {
  fisherExactTest,
  type FisherExactTestResult,
  type FisherAlternative,
} from "./contingency/fisherExactTest.js";
export { UNIROOT_TOL } from "./contingency/zeroin.js";
export { coxPH, type CoxPHData, type CoxPHOptions, type CoxPHResult, type CoxTest } from "./cox/coxPH.js";
