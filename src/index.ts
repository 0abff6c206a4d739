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
