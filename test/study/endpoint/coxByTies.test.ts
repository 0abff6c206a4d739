// coxByTies against R (test/study/fixtures/r/endpoint.R: coxph with Efron and Breslow ties, summary(fit, conf.int), cox.zph).
import { describe, expect, it } from "vitest";
import { coxByTies } from "../../../src/study/endpoint/coxByTies.js";
import { loadStudy } from "../../../src/study/data/loadEndpoint.js";
import { expectAllClose } from "../../helpers/fixtures.js";
import { inputError } from "../../helpers/errors.js";
import { CASES } from "./fixture.js";

const study = loadStudy();

describe.each(CASES)("coxByTies: $label", ({ endpoint, level }) => {
  const c = coxByTies(study[endpoint], { confLevel: level.confLevel });
  const percent = `${Math.round(100 * level.confLevel)}%`;
  it("Efron then Breslow, each as R's coxph and cox.zph", () => {
    expect(c.fits.map((f) => f.ties)).toEqual(["efron", "breslow"]);
    const col = (name: string) => c.columns[name] as number[];
    const r = (k: keyof (typeof level.cox)[number]) => level.cox.map((x) => x[k] as number);
    expectAllClose(col("hazard ratio"), r("hazardRatio"), "hazard ratio");
    expectAllClose(col(`lower ${percent}`), r("lower"), "lower");
    expectAllClose(col(`upper ${percent}`), r("upper"), "upper");
    expectAllClose(col("Wald p"), r("waldP"), "Wald p");
    expectAllClose(col("score χ²"), r("score"), "score");
    expectAllClose(col("likelihood-ratio χ²"), r("likelihoodRatio"), "likelihood ratio");
    expectAllClose(col("PH test χ²"), r("zphChisq"), "cox.zph chi-square");
    expectAllClose(col("PH test p"), r("zphP"), "cox.zph p");
  });
  it("labels the interval by the level", () => {
    expect(c.caption).toContain(`${percent} Wald interval`);
    expect(c.columns.ties).toEqual(["Efron (R default)", "Breslow (SPSS, SAS)"]);
  });
});

describe("coxByTies: options", () => {
  it("defaults to 0.95 and refuses an unknown option or a misspelt column", () => {
    expect(coxByTies(study.recurrence).fits[0].fit.confLevel).toBe(0.95);
    expect(inputError(() => coxByTies(study.recurrence, { ties: "efron" } as never)).value).toBe("ties");
    expect(inputError(() => coxByTies({ ...study.recurrence, time: [] } as never)).message).toContain("rows.time is not a field coxByTies reads");
  });
});
