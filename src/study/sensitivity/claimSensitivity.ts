/**
 * Does a claim's significance call survive the choices the paper leaves open? For a test claim
 * of data/claims.json (check kind "chisq-1y" or "logrank", with a stated p comparison), runs
 * the matching sweep on its table (oneYearSweep: cut-off rule x 2x2 test; timeToEventSweep:
 * log-rank family and Cox tests x ties) and counts the choices under which the recomputed p
 * satisfies the stated comparison (statcheck's `satisfies`, e.g. p < 0.05, or p > 0.05 where
 * the paper calls a difference not significant).
 */
import type { Claim, Comparison } from "../claims/claims.js";
import { satisfies } from "../claims/statcheck.js";
import type { EndpointName, Study } from "../data/loadEndpoint.js";
import { SurvivalInputError, show } from "../../survival/errors.js";
import { checkOptions } from "../../survival/core/validate.js";
import { oneYearSweep } from "./oneYearSweep.js";
import type { SweepResult } from "./sweep.js";
import { timeToEventSweep } from "./timeToEventSweep.js";

export interface ClaimSensitivity {
  readonly id: string;
  readonly kind: "chisq-1y" | "logrank";
  readonly endpoint: EndpointName;
  readonly comparison: Comparison;
  readonly sweep: SweepResult;
  /** Per sweep row: whether its p satisfies the claim's comparison. */
  readonly satisfied: readonly boolean[];
  /** Choices under which the comparison holds, and how many were evaluated. */
  readonly holds: number;
  readonly of: number;
  readonly holdsAtReference: boolean;
}

/**
 * Whether claimSensitivity applies: a chisq-1y or logrank claim with a p comparison.
 *
 * @param c  a claim of data/claims.json
 * @returns  true for a test claim with a p comparison
 * @throws TypeError  for a c without a check
 *
 * @example
 * isTestClaim(loadClaims().find((c) => c.id === "res-lung-1y-chisq")!);   // => true
 */
export function isTestClaim(c: Claim): boolean {
  return (c.check.kind === "chisq-1y" || c.check.kind === "logrank") && c.comparison !== null;
}

/**
 * Whether a test claim's significance call holds under each choice; see the module comment.
 *
 * @param claim    a test claim (isTestClaim)
 * @param study    the two tables (loadStudy())
 * @param options  `alpha` (default 0.05)
 * @returns        a frozen result: the `sweep`, per row whether it `satisfied` the claim's
 *                 comparison, how many did (`holds` of `of`) and whether the reference did
 * @throws SurvivalInputError  for a claim that is not a test claim, or an unknown option
 *
 * @example
 * const s = claimSensitivity(loadClaims().find((c) => c.id === "res-lung-1y-chisq")!, loadStudy());
 * [s.holds, s.of];   // => [9, 10] (the paper's p < 0.05 holds under 9 of the 10 choices)
 */
export function claimSensitivity(claim: Claim, study: Study, options: { alpha?: number } = {}): ClaimSensitivity {
  checkOptions("claimSensitivity", options, ["alpha"]);
  const k = claim?.check;
  if (!k || !isTestClaim(claim) || (k.kind !== "chisq-1y" && k.kind !== "logrank")) {
    throw new SurvivalInputError(
      `claim ${show(claim?.id)} is not a test claim with a p comparison (check kind chisq-1y or logrank): nothing to sweep`,
      "claim",
      undefined,
      claim?.id,
    );
  }
  const rows = study[k.endpoint];
  const sweep = k.kind === "chisq-1y" ? oneYearSweep(rows, { cutoff: k.cutoff, alpha: options.alpha }) : timeToEventSweep(rows, options);
  const comparison = claim.comparison!;
  const satisfied = sweep.rows.map((r) => satisfies(r.pValue, comparison));
  return Object.freeze({
    id: claim.id,
    kind: k.kind,
    endpoint: k.endpoint,
    comparison: Object.freeze({ ...comparison }),
    sweep,
    satisfied: Object.freeze(satisfied),
    holds: satisfied.filter(Boolean).length,
    of: satisfied.length,
    holdsAtReference: satisfies(sweep.reference.pValue, comparison),
  });
}
