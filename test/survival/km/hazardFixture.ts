/** The R reference for the cumulative hazard and the survival estimates beside Kaplan-Meier: hazard.json, written by hazard.R. */
import { loadFixture } from "../../helpers/fixtures.js";

type Num = number | null;

export interface HazardCurve {
  label: string;
  time: number[];
  status: number[];
  hazard: {
    ctype: 1 | 2;
    time: number[];
    "n.risk": number[];
    "n.event": number[];
    "n.censor": number[];
    cumhaz: number[];
    "std.chaz": number[];
    limits: { confType: "plain" | "log"; confLevel: number; lower: Num[]; upper: Num[] }[];
  }[];
  greenwood: number[];
  km: { confType: "logit" | "arcsin"; lower: Num[]; upper: Num[] }[];
  exp: {
    ctype: 1 | 2;
    confType: "log" | "log-log";
    time: number[];
    surv: number[];
    "std.err": Num[];
    lower: Num[];
    upper: Num[];
    cumhaz: number[];
    "std.chaz": number[];
    median: { estimate: Num; lower: Num; upper: Num };
    quantile: { estimate: Num[]; lower: Num[]; upper: Num[] };
  }[];
}

export const hazardCurves: HazardCurve[] = loadFixture<{ curves: HazardCurve[] }>("hazard").curves;

/** R's ctype number as the option's name. */
export const ctypeName = (c: 1 | 2) => (c === 1 ? "nelson-aalen" : "fleming-harrington") as "nelson-aalen" | "fleming-harrington";
