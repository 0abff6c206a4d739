/**
 * The size of the difference between the arms: a Cox model with the arm as its only covariate
 * (armCovariate: 1 = anlotinib + chemotherapy), fitted with Efron's ties (R's coxph default) and
 * Breslow's (SPSS's and SAS's), each with its proportional-hazards test (Grambsch & Therneau
 * 1994; R's cox.zph(fit), time transformed by the Kaplan-Meier curve, its default). R:
 * coxph(Surv(months, status) ~ I(group == 1), ties = ties); cox.zph(fit).
 */
import { checkOptions } from "../../survival/core/validate.js";
import { checkRows } from "../data/checkRows.js";
import { coxPH, type CoxPHResult } from "../../survival/cox/coxPH.js";
import { coxZph, type ZphTest } from "../../survival/cox/coxZph.js";
import { armCovariate, type PatientRows } from "../data/armData.js";
import { confLevelText, type StudyTable } from "./labels.js";

export interface CoxByTies extends StudyTable {
  /** Efron first, then Breslow: the fit and its global proportional-hazards test. */
  readonly fits: readonly { readonly ties: "efron" | "breslow"; readonly fit: CoxPHResult; readonly zph: ZphTest }[];
}

const TIES_LABEL = { efron: "Efron (R default)", breslow: "Breslow (SPSS, SAS)" } as const;

/**
 * The Cox model of the arm under both ties methods.
 *
 * @param rows     a patient table `{ group, status, months }` (an Endpoint may also carry its name,
 *                 file and n)
 * @param options  `confLevel`: of the hazard ratio's Wald interval, default 0.95
 * @returns        a frozen `{ fits, caption, columns }`: per ties method the hazard ratio and its
 *                 interval (columns named by the level), the Wald p, the score and likelihood-ratio
 *                 chi-squares, and the proportional-hazards test
 * @throws SurvivalInputError  for bad rows (armCovariate, coxPH) or an unknown or bad option
 *
 * @example
 * const c = coxByTies(loadEndpoint("recurrence"), { confLevel: 0.9 });
 * c.columns["hazard ratio"];   // => [0.3312, 0.3450]
 * c.columns["upper 90%"][0];   // => 0.6271
 * c.fits[0].zph.pValue;        // => 0.1586 (cox.zph(fit)$table["GLOBAL", "p"])
 */
export function coxByTies(rows: PatientRows, options: { confLevel?: number } = {}): CoxByTies {
  checkRows("coxByTies", rows);
  checkOptions("coxByTies", options, ["confLevel"]);
  const data = armCovariate(rows);
  const fits = (["efron", "breslow"] as const).map((ties) => {
    const fit = coxPH(data, { ties, confLevel: options.confLevel ?? 0.95 });
    return Object.freeze({ ties, fit, zph: coxZph(fit, data, { transform: "km" }).global });
  });
  const column = <T,>(f: (x: (typeof fits)[number]) => T) => Object.freeze(fits.map(f));
  const level = confLevelText(fits[0].fit.confLevel);
  return Object.freeze({
    fits: Object.freeze(fits),
    caption: `Cox model, arm as the only covariate (anlotinib + chemotherapy vs chemotherapy alone): hazard ratio with its ${level} Wald interval`,
    columns: Object.freeze({
      ties: column((x) => TIES_LABEL[x.ties]),
      "hazard ratio": column((x) => x.fit.hazardRatio[0]),
      [`lower ${level}`]: column((x) => x.fit.lower[0]),
      [`upper ${level}`]: column((x) => x.fit.upper[0]),
      "Wald p": column((x) => x.fit.pValue[0]),
      "score χ²": column((x) => x.fit.score.statistic),
      "likelihood-ratio χ²": column((x) => x.fit.likelihoodRatio.statistic),
      "PH test χ²": column((x) => x.zph.statistic),
      "PH test p": column((x) => x.zph.pValue),
    }),
  });
}
