/**
 * Every chi-square-type statistic (1 df) in common use for a 2x2 table of two groups (rows) by
 * event / no event (columns), for asking which of them prints as a reported number: the four
 * statistics of TWO_BY_TWO_TESTS (src/survival/contingency/twoByTwoTests.ts: Pearson, Yates,
 * likelihood-ratio G, N-1), and one no statistics package prints for a 2x2 table but a hand
 * calculation might give:
 * - "unpooled Wald": the squared z of the difference of the two proportions with the unpooled
 *   variance p1 (1 - p1) / n1 + p2 (1 - p2) / n2 (Agresti 2013, sec. 3.1.2); left out when a
 *   proportion is 0 or 1 (its variance is then 0 and the statistic undefined).
 * p-values are upper chi-square(1) tails. The table needs positive row and column totals.
 */
import { chiSquareUpper } from "../../survival/core/distributions.js";
import { checkTable } from "../../survival/contingency/checkTable.js";
import { TWO_BY_TWO_TESTS, type TwoByTwoTestId } from "../../survival/contingency/twoByTwoTests.js";
import { SurvivalInputError, show } from "../../survival/errors.js";

export type TwoByTwoStatisticId = Exclude<TwoByTwoTestId, "fisher"> | "unpooled-wald";

export interface TwoByTwoStatistic {
  readonly id: TwoByTwoStatisticId;
  /** The test's name (TWO_BY_TWO_TESTS), or "unpooled Wald". */
  readonly test: string;
  readonly statistic: number;
  readonly pValue: number;
}

const STATISTICS = TWO_BY_TWO_TESTS.filter((t) => t.id !== "fisher");
const ALL: readonly TwoByTwoStatisticId[] = [...STATISTICS.map((t) => t.id as TwoByTwoStatisticId), "unpooled-wald"];

/** The unpooled Wald chi-square, or null when a proportion is 0 or 1. */
function unpooledWald(counts: readonly Float64Array[]): number | null {
  const [[a, b], [c, d]] = counts;
  const p1 = a / (a + b);
  const p2 = c / (c + d);
  if (!(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1)) return null;
  const v = (p1 * (1 - p1)) / (a + b) + (p2 * (1 - p2)) / (c + d);
  return ((p1 - p2) * (p1 - p2)) / v;
}

/**
 * The statistics in the order listed in the module comment.
 *
 * @param table  a 2x2 table of counts with positive margins
 * @param tests  which statistics, by id ("pearson", "yates", "likelihood-ratio", "n-1",
 *               "unpooled-wald"); default all five
 * @returns      a frozen list of `{ id, test, statistic, pValue }` (p on 1 df)
 * @throws SurvivalInputError  for a table that is not a 2x2 table of counts with positive margins,
 *               or an unknown test
 *
 * @example
 * twoByTwoStatistics([[6, 17], [10, 6]]).map((s) => s.statistic);   // => [5.171, 3.776, 5.230, 5.038, 5.757]
 */
export function twoByTwoStatistics(table: ArrayLike<ArrayLike<number>>, tests: readonly TwoByTwoStatisticId[] = ALL): readonly TwoByTwoStatistic[] {
  const { counts, nRow, nCol } = checkTable(table);
  if (nRow !== 2 || nCol !== 2) {
    throw new SurvivalInputError(`table is ${nRow} x ${nCol}: it must be 2 x 2`, "table", undefined, table);
  }
  const out: TwoByTwoStatistic[] = [];
  for (const id of tests) {
    if (id === "unpooled-wald") {
      const statistic = unpooledWald(counts);
      if (statistic !== null) out.push(Object.freeze({ id, test: "unpooled Wald", statistic, pValue: chiSquareUpper(statistic, 1) }));
      continue;
    }
    const spec = STATISTICS.find((t) => t.id === id);
    if (!spec) throw new SurvivalInputError(`tests contains ${show(id)}: not a 2x2 statistic (${ALL.join(", ")})`, "tests", undefined, id);
    const r = spec.test(table);
    out.push(Object.freeze({ id, test: spec.name, statistic: r.statistic!, pValue: r.pValue }));
  }
  return Object.freeze(out);
}
