/**
 * A test of a contingency table printed as R's print.htest: the method, the statistic with its
 * degrees of freedom and p-value, and (Fisher) the odds ratio with its confidence interval.
 */
import type { ChiSquareTestResult } from "../contingency/chiSquareTest.js";
import type { GTestResult } from "../contingency/gTest.js";
import type { FisherExactTestResult } from "../contingency/fisherExactTest.js";
import { block, formatP, signif } from "./format.js";
import type { Printout } from "./printable.js";

const ALTERNATIVE = { "two.sided": "not equal to", less: "less than", greater: "greater than" } as const;

/** chisq.test: "X-squared = 2.639, df = 1, p-value = 0.1043". */
export function printChiSquareTest(test: ChiSquareTestResult): Printout {
  return block(test.method, [{ text: `X-squared = ${signif(test.statistic)}, df = ${test.df}, p-value = ${formatP(test.pValue)}` }]);
}

/** The likelihood-ratio test: "G = 3.936, df = 1, p-value = 0.04726". */
export function printGTest(test: GTestResult): Printout {
  return block(test.method, [{ text: `G = ${signif(test.statistic)}, df = ${test.df}, p-value = ${formatP(test.pValue)}` }]);
}

/** fisher.test: p-value, alternative, the interval of the odds ratio, its conditional MLE. */
export function printFisherExactTest(test: FisherExactTestResult): Printout {
  return block(test.method, [
    {
      text: [
        `p-value = ${formatP(test.pValue)}`,
        `alternative hypothesis: true odds ratio is ${ALTERNATIVE[test.alternative]} 1`,
        `${signif(test.confLevel * 100, 6)} percent confidence interval: ${signif(test.lower)} ${signif(test.upper)}`,
        `sample estimates: odds ratio ${signif(test.oddsRatio)}`,
      ].join("\n"),
    },
  ]);
}
