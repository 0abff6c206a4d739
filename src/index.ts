/**
 * Survival statistics validated against R's `survival` package.
 * Import from the project root as `./src/index` (tslab notebooks do).
 */
export { SurvivalInputError } from "./errors.js";
export {
  kaplanMeier,
  type KaplanMeierData,
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
export { chiSquareTest, type ChiSquareTestResult } from "./contingency/chiSquareTest.js";
export { gTest, type GTestResult } from "./contingency/gTest.js";
export {
  fisherExactTest,
  type FisherExactTestResult,
  type FisherAlternative,
} from "./contingency/fisherExactTest.js";
export { UNIROOT_TOL } from "./contingency/zeroin.js";
export { coxPH, type CoxPHData, type CoxPHOptions, type CoxPHResult, type CoxTest } from "./cox/coxPH.js";

// Beyond the paper: proportional hazards, RMST, permutation tests, power.
export {
  coxZph,
  type CoxZphResult,
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
  type PermutationMethod,
} from "./permutation/permutationLogRank.js";
export { schoenfeldEvents, type SchoenfeldEventsInput, type SchoenfeldEventsResult } from "./power/schoenfeldEvents.js";
export { logRankPower, type LogRankPowerInput, type LogRankPowerResult } from "./power/logRankPower.js";
export {
  detectableHazardRatio,
  type DetectableHazardRatioInput,
  type DetectableHazardRatioResult,
} from "./power/detectableHazardRatio.js";
export { createRandom, shuffle, type Random } from "./core/random.js";

// The study: the paper's tables and claims (data/), checked and judged with the library above.
export { DataFileError } from "./data/dataFileError.js";
export { parseEndpointCsv, type EndpointData } from "./data/parseEndpointCsv.js";
export {
  loadEndpoint,
  loadStudy,
  ENDPOINTS,
  type Endpoint,
  type EndpointName,
  type Study,
} from "./data/loadEndpoint.js";
export { oneYearTable, type OneYearTable, type OneYearOptions } from "./data/oneYearTable.js";
export { armData, type ArmData, type PatientRows } from "./data/armData.js";
export { checkTranscription, type TranscriptionCheck } from "./data/checkTranscription.js";
export { loadCohort, type Cohort } from "./data/loadCohort.js";
export {
  loadClaims,
  validateClaims,
  type Claim,
  type Check,
  type Comparison,
  type ReportedValue,
} from "./claims/claims.js";
export {
  evaluateClaims,
  evaluateClaim,
  seeAlsoOf,
  type ClaimVerdict,
  type Verdict,
} from "./claims/evaluateClaims.js";
export { statcheck, statcheckClaims, type StatcheckResult, type ClaimStatcheck } from "./claims/statcheck.js";
export { atPrecision } from "./claims/atPrecision.js";

// Sensitivity of the paper's conclusions, and forensics on a printed chi-square (notebook 6).
export {
  crossChoices,
  sensitivitySweep,
  type Choice,
  type SweepOutcome,
  type SweepRow,
  type SweepResult,
  type SweepOptions,
} from "./sensitivity/sweep.js";
export { oneYearSweep, ONE_YEAR_TESTS, cutoffOptions, type OneYearSweepOptions } from "./sensitivity/oneYearSweep.js";
export {
  timeToEventSweep,
  TIME_TO_EVENT_CHOICES,
  NOT_APPLICABLE,
  type TimeToEventSweepOptions,
} from "./sensitivity/timeToEventSweep.js";
export { medianSensitivity, type MedianRow, type MedianSensitivity } from "./sensitivity/medianSensitivity.js";
export { claimSensitivity, isTestClaim, type ClaimSensitivity } from "./sensitivity/claimSensitivity.js";
export { twoByTwoStatistics, type TwoByTwoStatistic, type TwoByTwoTest } from "./forensics/twoByTwoStatistics.js";
export { nearbyTables, tableChanges, type NearbyTable, type NearbyOptions } from "./forensics/nearbyTables.js";
export { kmRateTest, type KmRateTest, type KmScale } from "./forensics/kmRateTest.js";
export {
  chiSquareForensics,
  FORENSIC_FAMILIES,
  type ForensicCandidate,
  type ForensicFamily,
  type ChiSquareForensicsOptions,
  type ChiSquareForensicsResult,
} from "./forensics/chiSquareForensics.js";

// Adapter: danfojs-node tables for notebooks (loaded on first use only).
export { toDataFrame, loadDanfo } from "./adapters/danfo.js";

// Figures (plotly), static images (Chromium) and the HTML report.
export { kmFigure, stepBand, type KmCurve, type KmFit, type KmFigureOptions } from "./plot/kmFigure.js";
export {
  rateBarFigure,
  rateLabel,
  type RateOutcome,
  type RateArm,
  type RateBarOptions,
} from "./plot/rateBarFigure.js";
export { numbersAtRisk, type NumbersAtRisk } from "./plot/numbersAtRisk.js";
export { timeBreaks } from "./plot/timeBreaks.js";
export { formatTest, formatPValue, type TestResult } from "./plot/formatTest.js";
export { OKABE_ITO, type PlotlyFigure } from "./plot/figure.js";
export { show, displayBundle, tslabSink, PLOTLY_MIME, type DisplayData, type DisplaySink } from "./plot/show.js";
export { renderPngs, renderSvgs, type RenderOptions } from "./plot/renderImages.js";
export { chromiumPath, hasChromium, launchChromium } from "./plot/chromium.js";
export { withPngs } from "./plot/withPngs.js";
export { buildReport, type ReportOptions } from "./plot/buildReport.js";
export { renderMarkdown } from "./plot/markdown.js";
