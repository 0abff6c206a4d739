/**
 * The survival library: Kaplan-Meier, the log-rank family, 2x2 and r x c tables, Cox models,
 * RMST, permutation tests and power, each validated against R's `survival` (and `stats`).
 *
 * Pure functions on arrays: no npm package, no Node API, nothing about any one study, so it
 * runs as it is in Node, in a tslab notebook and in a browser. Every function checks its input
 * and throws `SurvivalInputError` naming the argument, the index and the value; results are
 * frozen plain objects whose names follow R's output.
 */
export { SurvivalInputError } from "./errors.js";
export {
  kaplanMeier,
  type KaplanMeierData,
  type KaplanMeierInput,
  type KaplanMeierOptions,
  type KaplanMeierResult,
  type QuantileEstimate,
  type ConfType,
  type RestrictedMean,
} from "./km/kaplanMeier.js";
export {
  logRankTest,
  type LogRankData,
  type LogRankOptions,
  type LogRankResult,
  type LogRankWeight,
} from "./logrank/logRankTest.js";
export { LOG_RANK_TESTS, type LogRankTestId, type LogRankTestSpec } from "./logrank/logRankTests.js";
export { chiSquareTest, type ChiSquareTestResult } from "./contingency/chiSquareTest.js";
export { gTest, type GTestResult } from "./contingency/gTest.js";
export {
  fisherExactTest,
  type FisherExactTestResult,
  type FisherAlternative,
} from "./contingency/fisherExactTest.js";
export { UNIROOT_TOL } from "./contingency/zeroin.js";
export {
  TWO_BY_TWO_TESTS,
  type TwoByTwoTestId,
  type TwoByTwoTestSpec,
  type TwoByTwoOutcome,
} from "./contingency/twoByTwoTests.js";
export { coxPH, type CoxPHData, type CoxPHOptions, type CoxPHResult, type CoxTest } from "./cox/coxPH.js";

// Proportional hazards, RMST, permutation tests, power.
export {
  coxZph,
  type CoxZphResult,
  type CoxZphData,
  type CoxZphOptions,
  type ZphTest,
  type ZphTransform,
} from "./cox/coxZph.js";
export { logMinusLogData } from "./km/logMinusLogData.js";
export {
  rmstDifference,
  type RmstData,
  type RmstOptions,
  type RmstDifferenceResult,
  type RmstArm,
  type RmstContrast,
} from "./rmst/rmstDifference.js";
export {
  permutationLogRank,
  EXACT_LIMIT,
  type PermutationLogRankData,
  type PermutationLogRankOptions,
  type PermutationLogRankResult,
  type PermutationDistribution,
} from "./permutation/permutationLogRank.js";
export { schoenfeldEvents, type SchoenfeldEventsInput, type SchoenfeldEventsResult } from "./power/schoenfeldEvents.js";
export { logRankPower, type LogRankPowerInput, type LogRankPowerResult } from "./power/logRankPower.js";
export {
  detectableHazardRatio,
  type DetectableHazardRatioInput,
  type DetectableHazardRatioResult,
} from "./power/detectableHazardRatio.js";
export { createRandom, shuffle, type Random } from "./core/random.js";

export { chiSquareUpper, normalQuantile } from "./core/distributions.js";
export { TIME_TOLERANCE } from "./core/tabulate.js";
export { CONF_TYPES } from "./km/confint.js";
export { LOG_RANK_WEIGHTS } from "./logrank/weights.js";
export {
  reconstructFromCurve,
  SURVIVAL_SLACK,
  type DigitisedCurve,
  type AtRiskTable,
  type ReconstructOptions,
  type ReconstructFromCurveResult,
  type ReconstructedInterval,
  type ReconstructedPoints,
  type CleaningReport,
} from "./reconstruct/reconstructFromCurve.js";
export {
  nelsonAalen,
  type NelsonAalenData,
  type NelsonAalenOptions,
  type NelsonAalenResult,
  type HazardVariance,
  type HazardConfType,
} from "./km/nelsonAalen.js";
export { type HazardType } from "./km/hazard.js";
export { type SurvivalType } from "./km/kaplanMeierFit.js";
export {
  pairwiseLogRank,
  type PairwiseLogRankOptions,
  type PairwiseLogRankResult,
  type LogRankPair,
  type PAdjustMethod,
} from "./logrank/pairwiseLogRank.js";
export {
  cumulativeIncidence,
  type CumulativeIncidenceData,
  type CumulativeIncidenceOptions,
  type CumulativeIncidenceResult,
  type IncidenceCurve,
  type GrayTest,
} from "./competing/cumulativeIncidence.js";
export {
  coxResiduals,
  COX_RESIDUAL_TYPES,
  type CoxResidualType,
  type CoxResidualsOptions,
  type CoxResidualsResult,
  type CoxVectorResiduals,
  type CoxMatrixResiduals,
} from "./cox/coxResiduals.js";
export { concordance, type ConcordanceResult } from "./cox/concordance.js";
export {
  coxSurvival,
  type CoxSurvivalOptions,
  type CoxSurvivalResult,
  type CoxSurvivalCurve,
} from "./cox/coxSurvival.js";
