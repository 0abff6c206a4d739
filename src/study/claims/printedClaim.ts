/**
 * The paper's claim that prints a test statistic for an endpoint: the 1-year chi-square of
 * section 3.1 (check kind "chisq-1y") or the Kaplan-Meier chi-square of sections 3.2 and 3.3
 * ("logrank"). Exactly one claim of data/claims.json has a printed value of each kind for each
 * endpoint; its value is the statistic as printed, with the decimals it is judged at.
 */
import { DataFileError } from "../data/dataFileError.js";
import type { EndpointName } from "../data/loadEndpoint.js";
import { loadClaims, type Claim } from "./claims.js";

/**
 * The claim with the printed statistic of this kind for this endpoint.
 *
 * @param kind      "chisq-1y" (Figure 1's chi-square) or "logrank" (Figures 2 and 3)
 * @param endpoint  "recurrence" or "lung_metastasis"
 * @param claims    default loadClaims() (data/claims.json)
 * @returns         the claim (frozen, as loaded); its `values[0]` is the printed statistic
 * @throws DataFileError  when the claims hold no such claim, or more than one
 *
 * @example
 * const c = printedClaim("logrank", "lung_metastasis");
 * c.id;                 // => "res-lung-logrank"
 * c.values[0].text;     // => "7.00"
 */
export function printedClaim(kind: "chisq-1y" | "logrank", endpoint: EndpointName, claims: readonly Claim[] = loadClaims()): Claim {
  const found = claims.filter((c) => c.check.kind === kind && c.check.endpoint === endpoint && c.values.length === 1);
  if (found.length !== 1) {
    throw new DataFileError("claims", `${found.length} claims print a ${kind} statistic for ${endpoint}: expected exactly one`, {
      column: "check",
      value: found.map((c) => c.id).join(", "),
    });
  }
  return found[0];
}
