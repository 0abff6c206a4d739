/**
 * Cox proportional-hazards regression for right-censored data, as R's
 * `coxph(Surv(time, event) ~ x1 + x2 + ..., ties = "efron")` with `summary()`.
 *
 * Defaults are R's: Efron ties (Breslow on request, the SAS and SPSS default),
 * coxph.control(eps = 1e-9, iter.max = 20, toler.chol = .Machine$double.eps^0.75,
 * toler.inf = sqrt(eps), timefix = TRUE). The engine (coxFit.ts) re-derives coxfit6.c and
 * takes the same Newton-Raphson path, so with the defaults it agrees with R's default fit (same
 * iterations, same numbers to ~1e-12). But eps = 1e-9 stops short of the exact maximum: on the
 * test data R's default coefficients differ from the fully converged ones by up to 5e-8
 * (relative; veteran with celltype). Pass `{ eps: 1e-14, iterMax: 100, tolerChol: 1e-15 }` to
 * converge to full double precision; the R fixtures (test/survival/fixtures/r/cox.R) are made both ways.
 *
 * Tests, as summary(coxph): likelihood ratio 2 (logLik - logLikNull); Wald b' V^-1 b at the
 * final b with V the inverse information; score u' I^-1 u at b = 0 (equal to the log-rank test
 * for one binary covariate without tied times); each on df = number of coefficients. Per
 * coefficient: se = sqrt(diag V), z = coef / se, two-sided p, and exp(coef +- z_(1+c)/2 se).
 *
 * Problems R only warns about are reported, not thrown: `converged` is false when iterMax ran
 * out ("Ran out of iterations and did not converge"), and `warnings` says which coefficients may
 * be infinite (monotone likelihood, e.g. all events in one group: R's "Loglik converged before
 * variable k; coefficient may be infinite"), by R's rule |u' V|_k > eps and > toler.inf |b_k|.
 * When a coefficient diverges far enough that the information matrix becomes singular at the
 * estimate (R: coef NA, df reduced), the coefficient is kept, its se is Infinity (z = 0, p = 1,
 * interval (0, Infinity)), a warning names it, and the Wald test leaves it out (Wald df = the
 * estimable ones; statistic 0, p = 1 if none); the likelihood-ratio and score tests keep df = the
 * number of covariates, since both are defined whatever V is.
 * One difference from R: when iterations run out R's fit$var is not the inverse information
 * (coxfit6.c inverts it unfactored); here se and the Wald test use the true inverse information
 * at the reported coefficients.
 *
 * Reference: Cox (1972) JRSS B 34:187; Efron (1977) JASA 72:557; Therneau & Grambsch (2000),
 * Modeling Survival Data, ch. 3; R survival coxph / coxph.fit / coxfit6.c / summary.coxph.
 */
import { SurvivalInputError, show } from "../errors.js";
import { chiSquareUpper, normalQuantile } from "../core/distributions.js";
import {
  checkConfLevel,
  checkData,
  checkEntry,
  checkEvents,
  checkFinite,
  checkLabels,
  checkObject,
  checkOneOf,
  checkOptions,
  checkTimes,
  checkWeights,
  hasFractionalWeights,
} from "../core/validate.js";
import { onTimeGrid } from "../core/timefix.js";
import { cholesky2, chsolve2 } from "./cholesky.js";
import { coxFit, coxOrder, isIndicatorLike, type Ties } from "./coxFit.js";
import { coxDetail } from "./coxDetail.js";
import { printable } from "../print/printable.js";
import { printCoxPH } from "../print/printCox.js";

export interface CoxPHData {
  time: ArrayLike<number>;
  event: ArrayLike<number | boolean>;
  /** One column per covariate, keyed by the name used in the result. */
  covariates: Record<string, ArrayLike<number>>;
  /** Optional case weights (> 0): R's coxph(weights =). */
  weights?: ArrayLike<number>;
  /** Optional entry times (< time): delayed entry, (start, stop] rows, R's Surv(entry, time, event). */
  entry?: ArrayLike<number>;
  /** Optional stratum labels: a baseline hazard per stratum, R's strata(). */
  strata?: ArrayLike<string | number>;
  /** Optional cluster labels (e.g. a patient's id over several rows): the robust variance sums within clusters, R's cluster(). */
  cluster?: ArrayLike<string | number>;
}

export interface CoxPHOptions {
  /** "efron" (R's default) or "breslow" (SAS, SPSS). */
  ties?: Ties;
  /** Confidence level of the hazard-ratio intervals; default 0.95. */
  confLevel?: number;
  /** Convergence tolerance on the relative change in log partial likelihood; default 1e-9 (R). */
  eps?: number;
  /** Maximum Newton-Raphson iterations; default 20 (R). */
  iterMax?: number;
  /** Cholesky pivot tolerance for collinearity; default .Machine$double.eps^0.75 (R). */
  tolerChol?: number;
  /** Tolerance of the "coefficient may be infinite" check; default sqrt(eps) (R). */
  tolerInf?: number;
  /** Treat times that differ only by floating-point noise as tied; default true (R). */
  timefix?: boolean;
  /** The robust (sandwich) variance; default: true with a cluster or a fractional weight (R's rule). */
  robust?: boolean;
}

export interface CoxTest {
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
}

export interface CoxPHResult {
  /** The model in words, e.g. "Cox proportional hazards model (R coxph), Efron ties". */
  readonly method: string;
  /** Stratum levels (R's strata()), or null. */
  readonly strata: readonly (string | number)[] | null;
  /** "efron" or "breslow", as asked. */
  readonly ties: Ties;
  readonly names: readonly string[];
  readonly coef: readonly number[];
  /** exp(coef). */
  readonly hazardRatio: readonly number[];
  /** Standard error of each coefficient, sqrt(diag V) (summary's se(coef)). */
  readonly stdErr: readonly number[];
  /** The robust standard errors (summary's robust se), or null without robust. */
  readonly robustStdErr: readonly number[] | null;
  /** coef / se and its two-sided p-value, se the robust one when there is one (summary's z and Pr(>|z|)). */
  readonly z: readonly number[];
  readonly pValue: readonly number[];
  /** Confidence limits of the hazard ratio at confLevel. */
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  readonly confLevel: number;
  /** Variance-covariance matrix of coef, as R's vcov(fit): the robust one with robust, else the inverse information. */
  readonly variance: readonly (readonly number[])[];
  /** R's fit$means: the covariates' (weighted) means, 0 for a covariate in {-1, 0, 1} (not centred); the default curve of coxSurvival. */
  readonly means: readonly number[];
  /** The inverse information (R's fit$naive.var with robust, fit$var without). */
  readonly naiveVariance: readonly (readonly number[])[];
  /** Whether the robust variance is used (R's robust). */
  readonly robust: boolean;
  /** The robust score test (summary's "Robust ="), or null without robust. */
  readonly robustScore: CoxTest | null;
  /** Log partial likelihood at the estimate and at beta = 0 (R's fit$loglik[2], [1]). */
  readonly logLik: number;
  readonly logLikNull: number;
  readonly likelihoodRatio: CoxTest;
  readonly wald: CoxTest;
  readonly score: CoxTest;
  readonly n: number;
  readonly nEvent: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** R's warnings, in words; empty when the fit is clean. */
  readonly warnings: readonly string[];
}

const DEFAULT_TOLER_CHOL = Math.pow(2.220446049250313e-16, 0.75);
const DATA_FIELDS = ["time", "event", "covariates", "weights", "entry", "strata", "cluster"];
const OPTION_NAMES = ["ties", "confLevel", "eps", "iterMax", "tolerChol", "tolerInf", "timefix", "robust"];

function positive(name: string, x: unknown): number {
  if (typeof x !== "number" || !(x > 0) || !Number.isFinite(x)) {
    throw new SurvivalInputError(`${name} is ${show(x)}: it must be a finite number > 0`, name, undefined, x);
  }
  return x;
}

function quoteList(names: string[]): string {
  const q = names.map((s) => JSON.stringify(s));
  return q.length <= 1 ? q.join("") : `${q.slice(0, -1).join(", ")} and ${q[q.length - 1]}`;
}

/**
 * Names the covariates in the first collinear set: the first redundant column j and the
 * earlier kept columns whose coefficients in the (information-weighted) regression of j on
 * them are not negligible.
 */
function collinearError(names: string[], redundant: boolean[], info: Float64Array): SurvivalInputError {
  const p = names.length;
  const j = redundant.indexOf(true);
  const kept: number[] = [];
  for (let k = 0; k < j; k++) if (!redundant[k]) kept.push(k);
  const m = kept.length;
  if (m === 0 || !(info[j * p + j] > 0)) {
    return new SurvivalInputError(
      `covariates.${names[j]} does not vary within any risk set at an event time: it carries no information and its coefficient cannot be estimated`,
      `covariates.${names[j]}`,
      undefined,
      names[j],
    );
  }
  const sub = new Float64Array(m * m);
  const rhs = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    rhs[r] = info[kept[r] * p + j];
    for (let c = 0; c < m; c++) sub[r * m + c] = info[kept[r] * p + kept[c]];
  }
  cholesky2(sub, m, 0);
  chsolve2(sub, m, rhs);
  const involved = kept.filter((k, r) => Math.abs(rhs[r]) * Math.sqrt(info[k * p + k] / info[j * p + j]) > 1e-6);
  const others = involved.map((k) => names[k]);
  const all = [...others, names[j]];
  return new SurvivalInputError(
    `covariates ${quoteList(all)} are collinear: ${JSON.stringify(names[j])} is a linear combination of ${quoteList(others)} ` +
      `within the risk sets (the information matrix is singular); drop one of them`,
    "covariates",
    undefined,
    all,
  );
}

/**
 * Fits a Cox proportional-hazards model; see the module comment for the conventions.
 *
 * @param data     `{ time, event, covariates, weights?, entry?, strata? }`: follow-up times
 *                 (finite, >= 0), event codes (1/true = event, 0/false = censored), one finite
 *                 numeric column per covariate, keyed by its name, optional case weights (> 0),
 *                 optional entry times (delayed entry or (start, stop] rows: at risk on
 *                 (entry, time], as coxph(Surv(entry, time, event) ~ ...)), optional stratum
 *                 labels (a baseline hazard per stratum, as strata()) and optional cluster labels
 *                 (rows of one subject or group: the robust variance sums within them, as
 *                 cluster()), all of one length
 * @param options  `ties` ("efron", default, or "breslow"), `confLevel` (default 0.95), `robust`
 *                 (the sandwich variance; default true with a cluster or a fractional weight, as
 *                 R), and R's coxph.control: `eps`, `iterMax`, `tolerChol`, `tolerInf`, `timefix`
 * @returns        a frozen result: per covariate (`names`) `coef`, `hazardRatio`, `stdErr`, `z`,
 *                 `pValue`, `lower`, `upper`, and `robustStdErr` with robust (z, p and the limits
 *                 then use it, as summary); `variance` (vcov: robust with robust) and
 *                 `naiveVariance`; `logLik`, `logLikNull`; the `likelihoodRatio`, `wald` and
 *                 `score` tests ({ statistic, df, pValue }) and `robustScore`; `n`, `nEvent`,
 *                 `iterations`, `converged`, `warnings`, `ties`, `strata`, `robust`,
 *                 `confLevel`, `method`
 * @throws SurvivalInputError  for a bad time, event code or covariate value (naming its index
 *                 and value), columns of different lengths, no covariate, a constant or collinear
 *                 covariate (naming them), no events, a field other than time, event, covariates,
 *                 weights, entry, strata and cluster, a weight that is not a finite number > 0, an
 *                 entry not below its time, a bad stratum or cluster label, or an unknown or bad option
 *
 * @example
 * const data = {
 *   time: [5, 8, 12, 3, 9, 20, 4, 15, 7, 11],
 *   event: [1, 1, 0, 1, 1, 0, 1, 1, 1, 0],
 *   covariates: { arm: [1, 1, 1, 0, 0, 0, 0, 1, 0, 1] },
 * };
 * const fit = coxPH(data);     // coxph(Surv(time, event) ~ arm), Efron ties
 * fit.coef[0];                 // => -0.5945
 * fit.hazardRatio[0];          // => 0.5519
 * fit.stdErr[0];               // => 0.7690
 * fit.score.pValue;            // => 0.4331 (summary's score (logrank) test)
 */
export function coxPH(data: CoxPHData, options: CoxPHOptions = {}): CoxPHResult {
  const d = checkData("coxPH", data, DATA_FIELDS);
  const o = checkOptions("coxPH", options, OPTION_NAMES);
  const ties = o.ties === undefined ? "efron" : checkOneOf("ties", o.ties, ["efron", "breslow"] as const);
  const confLevel = o.confLevel === undefined ? 0.95 : checkConfLevel(o.confLevel);
  const eps = o.eps === undefined ? 1e-9 : positive("eps", o.eps);
  const tolerChol = o.tolerChol === undefined ? DEFAULT_TOLER_CHOL : positive("tolerChol", o.tolerChol);
  const tolerInf = o.tolerInf === undefined ? Math.sqrt(eps) : positive("tolerInf", o.tolerInf);
  let iterMax = 20;
  if (o.iterMax !== undefined) {
    if (typeof o.iterMax !== "number" || !Number.isInteger(o.iterMax) || o.iterMax < 1) {
      throw new SurvivalInputError(`iterMax is ${show(o.iterMax)}: it must be an integer >= 1`, "iterMax", undefined, o.iterMax);
    }
    iterMax = o.iterMax;
  }
  let timefix = true;
  if (o.timefix !== undefined) {
    if (typeof o.timefix !== "boolean") {
      throw new SurvivalInputError(`timefix is ${show(o.timefix)}: it must be true or false`, "timefix", undefined, o.timefix);
    }
    timefix = o.timefix;
  }

  let time = checkTimes("time", d.time);
  const n = time.length;
  const event = checkEvents("event", d.event, n);
  let entry: Float64Array | null = null;
  if (d.entry !== undefined) {
    entry = checkEntry("entry", d.entry, time);
    if (timefix) ({ entry, time } = onTimeGrid(entry, time));
  }
  const covariates = checkObject("covariates", d.covariates);
  const names = Object.keys(covariates);
  if (names.length === 0) {
    throw new SurvivalInputError(
      "covariates has no columns: a Cox model needs at least one covariate",
      "covariates",
      undefined,
      covariates,
    );
  }
  const columns = names.map((name) => checkFinite(`covariates.${name}`, covariates[name], n));
  const weights = d.weights === undefined ? null : checkWeights("weights", d.weights, n);
  const strata = d.strata === undefined ? null : checkLabels("strata", d.strata, n);
  const cluster = d.cluster === undefined ? null : checkLabels("cluster", d.cluster, n);
  let robust = cluster !== null || hasFractionalWeights(weights);
  if (o.robust !== undefined) {
    if (typeof o.robust !== "boolean") {
      throw new SurvivalInputError(`robust is ${show(o.robust)}: it must be true or false`, "robust", undefined, o.robust);
    }
    robust = o.robust;
  }
  columns.forEach((col, k) => {
    if (col.every((v) => v === col[0])) {
      throw new SurvivalInputError(
        `covariates.${names[k]} is constant (every value is ${col[0]}): there is no effect to estimate; drop it`,
        `covariates.${names[k]}`,
        undefined,
        col[0],
      );
    }
  });
  let nEvent = 0;
  for (let i = 0; i < n; i++) nEvent += event[i];
  if (nEvent === 0) {
    throw new SurvivalInputError("event has no events (every row is censored): a Cox model cannot be fitted", "event", undefined, 0);
  }

  const fit = coxFit(time, event, columns, { ties, eps, iterMax, tolerChol, timefix }, { weights, entry, strata: strata?.codes });
  const p = names.length;
  if (fit.redundantAtStart.includes(true)) throw collinearError(names, fit.redundantAtStart, fit.informationAtStart);

  const coef = Array.from(fit.coef);
  const V = fit.variance;
  const warnings: string[] = [];

  // R's checks (coxph.fit.R): infs = |u' V| is the size of the step still to take.
  const infs = new Array<number>(p).fill(0);
  for (let j = 0; j < p; j++) for (let i = 0; i < p; i++) infs[j] += fit.u[i] * V[i * p + j];
  for (let j = 0; j < p; j++) infs[j] = Math.abs(infs[j]);
  if (iterMax > 1) {
    if (!fit.converged) {
      warnings.push(`Ran out of iterations (iterMax = ${iterMax}) and did not converge`);
      let maxLp = -Infinity;
      for (let i = 0; i < n; i++) {
        let lp = 0;
        for (let k = 0; k < p; k++) lp += coef[k] * (columns[k][i] - fit.means[k]);
        if (lp > maxLp) maxLp = lp;
      }
      if (maxLp > 500 || infs.some((v) => !Number.isFinite(v))) warnings.push("one or more coefficients may be infinite");
    } else {
      const flagged = names.filter(
        (_, k) => !Number.isFinite(fit.u[k]) || (infs[k] > eps && infs[k] > tolerInf * Math.abs(coef[k])),
      );
      if (flagged.length > 0) {
        warnings.push(
          `Loglik converged before ${flagged.length === 1 ? "covariate" : "covariates"} ${quoteList(flagged)}; ` +
            `${flagged.length === 1 ? "its coefficient" : "their coefficients"} may be infinite (monotone likelihood)`,
        );
      }
    }
  }
  const singular = fit.redundantAtEnd;
  const singularNames = names.filter((_, k) => singular[k]);
  if (singularNames.length > 0) {
    const one = singularNames.length === 1;
    warnings.push(
      `the information matrix is singular at the estimate for ${quoteList(singularNames)}: ` +
        `${one ? "its standard error is" : "their standard errors are"} infinite and the Wald test leaves ${one ? "it" : "them"} out`,
    );
  }

  // The robust (sandwich) variance, as coxph: D'D, D the weighted dfbeta residuals summed within
  // clusters (each row its own cluster without one); and the robust score test at beta = 0.
  const test = (statistic: number, df: number): CoxTest =>
    Object.freeze({ statistic, df, pValue: df > 0 ? chiSquareUpper(statistic, df) : 1 });
  let Vr: Float64Array | null = null;
  let robustScore: CoxTest | null = null;
  if (robust && singular.includes(true)) {
    robust = false;
    warnings.push("the robust variance is not computed: the information matrix is singular at the estimate");
  }
  if (robust) {
    const sorted = coxOrder(time, { weights, entry, strata: strata?.codes }, timefix);
    const centred = columns.map((col, k) => col.map((v) => v - fit.means[k]));
    const clusters = cluster ? cluster.levels.length : n;
    const clusterOf = (i: number) => (cluster ? cluster.codes[i] : i);
    const collapse = (score: Float64Array[]): Float64Array => {
      const out = new Float64Array(clusters * p); // row-major: cluster x covariate
      for (let i = 0; i < n; i++) {
        const wi = weights ? weights[i] : 1;
        const c = clusterOf(i) * p;
        for (let k = 0; k < p; k++) out[c + k] += wi * score[k][i];
      }
      return out;
    };
    const U = collapse(coxDetail(sorted, time, event, centred, weights, entry, coef, ties === "efron").score);
    Vr = new Float64Array(p * p);
    const dfbeta = new Float64Array(p);
    for (let c = 0; c < clusters; c++) {
      for (let k = 0; k < p; k++) {
        let v = 0;
        for (let l = 0; l < p; l++) v += U[c * p + l] * V[l * p + k];
        dfbeta[k] = v;
      }
      for (let k = 0; k < p; k++) for (let l = 0; l < p; l++) Vr[k * p + l] += dfbeta[k] * dfbeta[l];
    }
    const U0 = collapse(coxDetail(sorted, time, event, centred, weights, entry, new Float64Array(p), ties === "efron").score);
    const sum0 = new Float64Array(p);
    const S0 = new Float64Array(p * p);
    for (let c = 0; c < clusters; c++) {
      for (let k = 0; k < p; k++) {
        sum0[k] += U0[c * p + k];
        for (let l = 0; l < p; l++) S0[k * p + l] += U0[c * p + k] * U0[c * p + l];
      }
    }
    robustScore = test(quadratic(S0, sum0, p, tolerChol), p);
  }
  const Vused = Vr ?? V;

  // Per-coefficient summaries.
  const zq = normalQuantile((1 + confLevel) / 2);
  const se = coef.map((_, k) => (singular[k] ? Infinity : Math.sqrt(V[k * p + k])));
  const seUsed = Vr ? coef.map((_, k) => Math.sqrt(Vr![k * p + k])) : se;
  const z = coef.map((b, k) => b / seUsed[k]);
  const pValue = z.map((v) => chiSquareUpper(v * v, 1));
  const hazardRatio = coef.map(Math.exp);
  const lower = coef.map((b, k) => Math.exp(b - zq * seUsed[k]));
  const upper = coef.map((b, k) => Math.exp(b + zq * seUsed[k]));

  // Wald test on the estimable coefficients (coxph.wtest: Cholesky of V, then b' V^-1 b).
  const keep = coef.map((_, k) => k).filter((k) => !singular[k]);
  const q = keep.length;
  const vk = new Float64Array(q * q);
  const bk = new Float64Array(q);
  keep.forEach((k, r) => {
    bk[r] = coef[k];
    keep.forEach((l, c) => (vk[r * q + c] = Vused[k * p + l]));
  });
  const waldStatistic = quadratic(vk, bk, q, tolerChol);

  const lr = 2 * (fit.logLik - fit.logLikNull);
  const matrix = (M: Float64Array) =>
    Object.freeze(Array.from({ length: p }, (_, i) => Object.freeze(Array.from({ length: p }, (_, j) => M[i * p + j]))));

  return printable({
    method:
      `Cox proportional hazards model (R coxph), ${ties === "efron" ? "Efron" : "Breslow"} ties` +
      (strata ? `, stratified (${strata.levels.length} strata)` : "") +
      (robust ? `, robust variance${cluster ? ` (${cluster.levels.length} clusters)` : ""}` : ""),
    strata: strata ? Object.freeze(strata.levels.slice()) : null,
    ties,
    names: Object.freeze(names.slice()),
    coef: Object.freeze(coef),
    hazardRatio: Object.freeze(hazardRatio),
    stdErr: Object.freeze(se),
    robustStdErr: Vr ? Object.freeze(seUsed) : null,
    z: Object.freeze(z),
    pValue: Object.freeze(pValue),
    lower: Object.freeze(lower),
    upper: Object.freeze(upper),
    confLevel,
    variance: matrix(Vused),
    naiveVariance: matrix(V),
    means: Object.freeze(
      // coxph.fit's means come from coxfit6 (weighted); agreg.fit's ((start, stop] rows) are colMeans
      entry ? columns.map((col) => (isIndicatorLike(col) ? 0 : col.reduce((a, b) => a + b, 0) / n)) : Array.from(fit.means),
    ),
    robust,
    robustScore,
    logLik: fit.logLik,
    logLikNull: fit.logLikNull,
    likelihoodRatio: test(lr, p),
    wald: test(waldStatistic, q),
    score: test(fit.score, p),
    n,
    nEvent,
    iterations: fit.iterations,
    converged: fit.converged,
    warnings: Object.freeze(warnings),
  }, printCoxPH);
}

/** u' M^-1 u by the Cholesky decomposition with R's tolerance (coxph.wtest); M is overwritten. */
function quadratic(M: Float64Array, u: Float64Array, size: number, tolerChol: number): number {
  const solved = u.slice();
  cholesky2(M, size, tolerChol);
  chsolve2(M, size, solved);
  let value = 0;
  for (let r = 0; r < size; r++) value += u[r] * solved[r];
  return value;
}
