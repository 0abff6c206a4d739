/**
 * Properties of coxPH that hold on any data (fast-check):
 * - one binary covariate, no tied times: the Cox score test at beta = 0 is the log-rank
 *   statistic (Therneau & Grambsch 2000, sec. 3.4), computed here from the textbook
 *   O - E and hypergeometric variance (Klein & Moeschberger 2003, sec. 7.3);
 * - negating a covariate flips the sign of its coefficient and changes nothing else;
 * - the order of the rows does not matter.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coxPH, type CoxPHResult } from "../../../src/survival/cox/coxPH.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";

const TIGHT = { eps: 1e-14, iterMax: 100, tolerChol: 1e-15 };

/** Two-group log-rank chi-square: (O1 - E1)^2 / V over the distinct event times. */
function logRank(time: number[], event: number[], group: number[]): number {
  const times = [...new Set(time.filter((_, i) => event[i] === 1))].sort((a, b) => a - b);
  let o = 0;
  let e = 0;
  let v = 0;
  for (const t of times) {
    let n = 0, n1 = 0, d = 0, d1 = 0;
    time.forEach((ti, i) => {
      if (ti >= t) {
        n++;
        n1 += group[i];
        if (ti === t && event[i] === 1) {
          d++;
          d1 += group[i];
        }
      }
    });
    o += d1;
    e += (d * n1) / n;
    if (n > 1) v += (d * (n1 / n) * (1 - n1 / n) * (n - d)) / (n - 1);
  }
  return v > 0 ? ((o - e) * (o - e)) / v : NaN;
}

function close(a: number, b: number, rel = 1e-9): boolean {
  return a === b || Math.abs(a - b) <= Math.max(rel * Math.abs(b), 1e-12);
}

/** Fits, or returns null when the random data are not a valid model (then fc.pre skips them). */
function tryFit(...args: Parameters<typeof coxPH>): CoxPHResult | null {
  try {
    return coxPH(...args);
  } catch (e) {
    if (e instanceof SurvivalInputError) return null;
    throw e;
  }
}

const row = fc.record({
  time: fc.integer({ min: 1, max: 60 }),
  event: fc.integer({ min: 0, max: 1 }),
  group: fc.integer({ min: 0, max: 1 }),
  z: fc.integer({ min: -40, max: 40 }),
});

describe("coxPH properties", () => {
  it("one binary covariate, no tied times: score test = log-rank statistic (both tie methods)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => r.time, minLength: 3, maxLength: 50 }), (rows) => {
        const time = rows.map((r) => r.time);
        const event = rows.map((r) => r.event);
        const group = rows.map((r) => r.group);
        const expected = logRank(time, event, group);
        fc.pre(Number.isFinite(expected));
        for (const ties of ["efron", "breslow"] as const) {
          const fit = coxPH({ time, event, covariates: { group } }, { ties });
          expect(fit.score.df).toBe(1);
          if (!close(fit.score.statistic, expected)) {
            throw new Error(`${ties}: score ${fit.score.statistic}, log-rank ${expected}`);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("negating a covariate flips its coefficient only", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 8, maxLength: 60 }), fc.constantFrom("efron", "breslow"), (rows, ties) => {
        const time = rows.map((r) => r.time);
        const event = rows.map((r) => r.event);
        const group = rows.map((r) => r.group);
        const z = rows.map((r) => r.z / 10);
        const fit = tryFit({ time, event, covariates: { group, z } }, { ties, ...TIGHT });
        fc.pre(fit !== null);
        const flipGroup = coxPH({ time, event, covariates: { group: group.map((g) => -g), z } }, { ties, ...TIGHT });
        const flipZ = coxPH({ time, event, covariates: { group, z: z.map((v) => -v) } }, { ties, ...TIGHT });
        const f = fit!;
        for (const [g, s] of [
          [flipGroup, [-1, 1]],
          [flipZ, [1, -1]],
        ] as const) {
          g.coef.forEach((b, k) => expect(close(b, s[k] * f.coef[k]), `coef ${b} vs ${f.coef[k]}`).toBe(true));
          g.stdErr.forEach((b, k) => expect(close(b, f.stdErr[k]), `se ${b} vs ${f.stdErr[k]}`).toBe(true));
          expect(close(g.logLik, f.logLik)).toBe(true);
          expect(close(g.score.statistic, f.score.statistic)).toBe(true);
          expect(close(g.wald.statistic, f.wald.statistic)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("row order does not matter", () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 8, maxLength: 60 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom("efron", "breslow"),
        (rows, seed, ties) => {
          const fit = tryFit(
            { time: rows.map((r) => r.time), event: rows.map((r) => r.event), covariates: { group: rows.map((r) => r.group), z: rows.map((r) => r.z / 10) } },
            { ties, ...TIGHT },
          );
          // Away from monotone likelihoods, where the stopping point itself is arbitrary.
          fc.pre(fit !== null && fit.warnings.length === 0);
          // A seeded Fisher-Yates shuffle.
          const shuffled = rows.slice();
          let s = seed;
          for (let i = shuffled.length - 1; i > 0; i--) {
            s = (s * 16807) % 2147483647;
            const j = s % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
          }
          const again = coxPH(
            { time: shuffled.map((r) => r.time), event: shuffled.map((r) => r.event), covariates: { group: shuffled.map((r) => r.group), z: shuffled.map((r) => r.z / 10) } },
            { ties, ...TIGHT },
          );
          again.coef.forEach((b, k) => expect(close(b, fit!.coef[k], 1e-8), `coef ${b} vs ${fit!.coef[k]}`).toBe(true));
          again.stdErr.forEach((b, k) => expect(close(b, fit!.stdErr[k], 1e-8), `se ${b} vs ${fit!.stdErr[k]}`).toBe(true));
          expect(close(again.logLik, fit!.logLik)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
