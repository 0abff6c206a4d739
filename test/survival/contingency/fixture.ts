/** Types of test/survival/fixtures/r/contingency.json (written by test/survival/fixtures/r/contingency.R). */
import { loadFixture } from "../../helpers/fixtures.js";

type Matrix = number[][];
type Num = number | "Inf" | "-Inf";

export interface ChisqFixture {
  statistic: number;
  df: number;
  pValue: number;
  method: string;
  expected: Matrix;
  residuals: Matrix;
  stdres: Matrix;
}
export interface FisherValues {
  pValue: Num;
  oddsRatio: Num;
  lower: Num;
  upper: Num;
}
export interface FisherFixture {
  alternative: "two.sided" | "less" | "greater";
  confLevel: number;
  method: string;
  /** fisher.test() as R ships it (uniroot tol = 2^-13). */
  r: FisherValues;
  /** the same code with uniroot(tol = 1e-300): the precise reference. */
  tight: FisherValues;
}
export interface Case {
  name: string;
  table: Matrix;
  yates: ChisqFixture;
  pearson: ChisqFixture;
  g: { statistic: number; df: number; pValue: number };
  fisher?: FisherFixture[];
}
/** A table with an empty row or column: fisher.test only (chisq.test gives NaN: null here). */
export interface EmptyMarginCase {
  name: string;
  table: Matrix;
  chisq: number | null;
  fisher: FisherFixture[];
}
export interface ContingencyFixture {
  R: string;
  cases: Case[];
  empty_margins: EmptyMarginCase[];
  uniroot: Record<"default" | "tol1e_8" | "tight", { root: number; iter: number }>;
}

export const fixture = loadFixture<ContingencyFixture>("contingency");

/** Deep copy of a table (to check that inputs are not mutated). */
export const copy = (t: number[][]): number[][] => t.map((r) => r.slice());
