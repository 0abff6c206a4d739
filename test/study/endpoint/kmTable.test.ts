// kmTable against R (test/study/fixtures/r/endpoint.R: summary(survfit(...), censored = TRUE) per arm).
import { describe, expect, it } from "vitest";
import { armFits } from "../../../src/study/endpoint/armFits.js";
import { kmTable } from "../../../src/study/endpoint/kmTable.js";
import { loadStudy } from "../../../src/study/data/loadEndpoint.js";
import { expectAllClose } from "../../helpers/fixtures.js";
import { CASES } from "./fixture.js";

const study = loadStudy();

describe.each(CASES)("kmTable: $label", ({ endpoint, level }) => {
  const arms = armFits(study[endpoint], { confLevel: level.confLevel });
  const percent = `${Math.round(100 * level.confLevel)}%`;
  it("R's columns, the interval's named by the level, and R's numbers", () => {
    arms.forEach((arm, i) => {
      const t = kmTable(arm);
      const r = level.arms[i];
      expect(Object.keys(t.columns)).toEqual(["time", "n.risk", "n.event", "n.censor", "survival", "std.err", `lower ${percent} CI`, `upper ${percent} CI`]);
      expect(t.caption).toBe(`Group ${arm.group}, ${arm.name}: ${r.n} patients, ${r.events} events`);
      for (const [ours, theirs] of [["time", "time"], ["n.risk", "n.risk"], ["n.event", "n.event"], ["n.censor", "n.censor"], ["survival", "surv"], ["std.err", "std.err"]] as const) {
        expectAllClose(t.columns[ours] as number[], r.table[theirs], ours);
      }
      expectAllClose(t.columns[`lower ${percent} CI`] as number[], r.table.lower, "lower");
      expectAllClose(t.columns[`upper ${percent} CI`] as number[], r.table.upper, "upper");
      expect(Object.isFrozen(t) && Object.values(t.columns).every((c) => Array.isArray(c) && Object.isFrozen(c))).toBe(true);
    });
  });
});
