/**
 * A test of the log-rank family per group, as R's survdiff prints it: N, Observed and Expected
 * (weighted sums for a weighted test), named by the test the result is (LOG_RANK_TESTS).
 */
import { logRankTestOf } from "../../survival/logrank/logRankTests.js";
import type { LogRankResult } from "../../survival/logrank/logRankTest.js";
import type { StudyTable } from "./labels.js";

/**
 * The observed and expected events per group of a logRankTest result.
 *
 * @param result  a logRankTest result (e.g. a test of logRankFamily)
 * @returns       a frozen `{ caption, columns }`: group, N, Observed, Expected
 * @throws never
 *
 * @example
 * const t = survdiffTable(logRankTest(groupData(loadEndpoint("recurrence"))));
 * t.caption;              // => "Log-rank: observed and expected events per group (as R's survdiff prints them)"
 * t.columns.Expected;     // => [23.57, 7.433]
 */
export function survdiffTable(result: LogRankResult): StudyTable {
  const name = logRankTestOf(result)?.name ?? result.method;
  return Object.freeze({
    caption: `${name}: observed and expected events per group (as R's survdiff prints them)`,
    columns: Object.freeze({
      group: Object.freeze([...result.groups]),
      N: result.n,
      Observed: result.observed,
      Expected: result.expected,
    }),
  });
}
