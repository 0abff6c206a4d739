/**
 * This study: Ge & Yue 2020's two tables and its claims (data/), read and checked; the one-year
 * tables, each endpoint's curves, tables and Cox model, which test prints the paper's
 * statistics, the verdict on every claim, the sensitivity of the conclusions to the analysis choices
 * the paper leaves open, and forensics on a printed statistic that does not reproduce.
 * Built on the survival library (src/survival) alone.
 */
export { DataFileError } from "./data/dataFileError.js";
export { parseEndpointCsv, type EndpointData } from "./data/parseEndpointCsv.js";
export {
  loadEndpoint,
  loadStudy,
  ENDPOINTS,
  ENDPOINT_TABLES,
  type Endpoint,
  type EndpointName,
  type Study,
} from "./data/loadEndpoint.js";
export { oneYearTable, type OneYearTable, type OneYearOptions } from "./data/oneYearTable.js";
export {
  armData,
  groupData,
  armCovariate,
  type ArmData,
  type GroupData,
  type ArmCovariateData,
  type PatientRows,
} from "./data/armData.js";
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
export { printedClaim } from "./claims/printedClaim.js";
export {
  twoByTwoFamily,
  logRankFamily,
  type TestFamily,
  type FamilyTest,
  type TestFamilyOptions,
} from "./claims/testFamily.js";
export {
  BEYOND_RESULTS,
  BEYOND_RESULT_IDS,
  seeAlsoLinks,
  type EndpointResults,
  type SeeAlsoLinks,
} from "./claims/beyondResults.js";

// One endpoint's time-to-event analysis (notebooks 3 and 4): curves, tables, Cox model.
export { armFits, type ArmFit, type ArmFitsOptions } from "./endpoint/armFits.js";
export { kmTable } from "./endpoint/kmTable.js";
export { medianTable, type MedianTable } from "./endpoint/medianTable.js";
export { coxByTies, type CoxByTies } from "./endpoint/coxByTies.js";
export { confLevelText, notReached, type StudyTable } from "./endpoint/labels.js";

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
export { oneYearSweep, cutoffOptions, type OneYearSweepOptions } from "./sensitivity/oneYearSweep.js";
export {
  timeToEventSweep,
  TIME_TO_EVENT_CHOICES,
  NOT_APPLICABLE,
  type TimeToEventSweepOptions,
} from "./sensitivity/timeToEventSweep.js";
export { medianSensitivity, type MedianRow, type MedianSensitivity } from "./sensitivity/medianSensitivity.js";
export { claimSensitivity, isTestClaim, type ClaimSensitivity } from "./sensitivity/claimSensitivity.js";
export { twoByTwoStatistics, type TwoByTwoStatistic, type TwoByTwoStatisticId } from "./forensics/twoByTwoStatistics.js";
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

