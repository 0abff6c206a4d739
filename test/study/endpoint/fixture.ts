/** test/study/fixtures/r/endpoint.json (endpoint.R): one endpoint's analysis by R at the levels 0.95 and 0.9. */
import { loadFixture } from "../../helpers/fixtures.js";

export interface RArm {
  group: number;
  n: number;
  events: number;
  table: Record<"time" | "n.risk" | "n.event" | "n.censor" | "surv" | "std.err" | "lower" | "upper", (number | null)[]>;
  median: number | null;
  lower: number | null;
  upper: number | null;
  s12: number;
}
export interface RCox {
  ties: "efron" | "breslow";
  hazardRatio: number;
  lower: number;
  upper: number;
  waldP: number;
  score: number;
  likelihoodRatio: number;
  zphChisq: number;
  zphP: number;
}
export interface REndpoint {
  levels: { confLevel: number; arms: RArm[]; cox: RCox[] }[];
  survdiff: { n: number[]; obs: number[]; exp: number[] };
}

export const R = loadFixture<Record<"recurrence" | "lung_metastasis", REndpoint>>("endpoint");
export const CASES = (["recurrence", "lung_metastasis"] as const).flatMap((endpoint) =>
  R[endpoint].levels.map((level) => ({ endpoint, level, label: `${endpoint} at ${level.confLevel}` })),
);
