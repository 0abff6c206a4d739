/**
 * The infinitesimal-jackknife ("robust") standard errors of the Kaplan-Meier curve and of the
 * Nelson-Aalen hazard, as R's survfit computes them when robust = TRUE (its default with
 * non-integer case weights): src/survfitkm.c, survival 3.5, each row its own cluster.
 *
 * Row i's influence on S(t) moves, at each event time (hazard h = d/n, weighted), as
 *   U_i <- U_i (1 - h) + w_i S(t-) h / n   while i is at risk,   U_i <- U_i (1 - h) after;
 * an event of i at t subtracts w_i S(t-) / n. Its influence on H(t) drops by w_i h / n while at
 * risk and rises by w_i / n at its event. var = sum_i U_i^2. Rows at risk share one influence
 * up to their weight and entry: U_i(t) = w_i (A(t) - B_i S(t)), with A the running sum of the
 * recursion above and B_i = A / S at i's entry (0 without delayed entry), so the sums over the
 * risk set are kept as sums of w^2, w^2 B and w^2 B^2, gathered by entry and exit time (without
 * delayed entry, tabulate's sums of squared weights): O(n) or O(n log m), not R's O(n x m).
 *
 * Reference: Efron (1982), The Jackknife, the Bootstrap and Other Resampling Plans; Therneau,
 * "The survfit function" (survival vignette "survfitkm", sec. robust variance).
 */
import { countAtOrBelow } from "../core/bisect.js";

export interface RobustStdErr {
  /** Standard error of S(t) (not of log S) at each distinct time. */
  readonly survival: Float64Array;
  /** Standard error of the Nelson-Aalen H(t). */
  readonly cumHazard: Float64Array;
}

/**
 * @param times     the distinct times of the fit (tabulate's), ascending
 * @param nRisk     weighted number at risk at each of them
 * @param nEvent    weighted number of events at each of them
 * @param time      each row's time
 * @param event     each row's event code
 * @param weights   each row's case weight, or null for 1
 * @param entry     each row's entry time (at risk after it), or null for none
 * @param squared   without entry: the sums of squared weights of the events and censorings at
 *                  each distinct time (tabulate's `squared`); null with entry
 * @returns         the standard errors at each distinct time
 *
 * @example
 * // two rows, events at 1 and 2: var S(1) = sum of squared influences = 1/8
 */
export function kaplanMeierRobust(
  times: Float64Array,
  nRisk: Float64Array,
  nEvent: Float64Array,
  time: Float64Array,
  event: Uint8Array,
  weights: Float64Array | null,
  entry: Float64Array | null,
  squared: { readonly nEvent: Float64Array; readonly nCensor: Float64Array } | null,
): RobustStdErr {
  const m = times.length;
  const n = time.length;

  // Pass 1, over the times: the curve, A and C after each time; B and C at an entry before time j.
  const A = new Float64Array(m);
  const C = new Float64Array(m);
  const km = new Float64Array(m); // S after time j
  const hazard = new Float64Array(m);
  const bEnter = new Float64Array(m + 1);
  const cEnter = new Float64Array(m + 1);
  {
    let s = 1;
    let a = 0;
    let c = 0;
    for (let j = 0; j < m; j++) {
      bEnter[j] = s > 0 ? a / s : NaN; // NaN: entered where S = 0, influence 0 for ever
      cEnter[j] = c;
      if (nEvent[j] > 0) {
        const h = nEvent[j] / nRisk[j];
        hazard[j] = h;
        a = a * (1 - h) + (s * h) / nRisk[j];
        c += h / nRisk[j];
        s *= 1 - h;
      }
      A[j] = a;
      C[j] = c;
      km[j] = s;
    }
  }

  // Pass 2: sums of w^2, w^2 B, w^2 B^2 (and the same with C) by the time a row enters and the
  // time it leaves, events and censorings apart. Without delayed entry every row enters at the
  // start (B = C = 0) and only w^2 is needed: tabulate's counts with squared weights.
  const enter = sums(m, 6); // w2, w2b, w2bb (B defined), v2, v2c, v2cc
  const leaveC = sums(m, 6); // the same for the rows censored at j
  const leaveE = sums(m, 6); // and for the rows with an event at j
  const atRiskRows = new Int32Array(m); // rows still at risk after time j (their sums are then exactly 0 when none are)
  if (entry === null) {
    const sq = squared!;
    for (let j = 0; j < m; j++) {
      leaveC[0][j] = leaveC[3][j] = sq.nCensor[j];
      leaveE[0][j] = leaveE[3][j] = sq.nEvent[j];
      enter[0][0] += sq.nCensor[j] + sq.nEvent[j];
    }
    enter[3][0] = enter[0][0];
    atRiskRows.fill(1, 0, m - 1); // without entry, someone is at risk after every time but the last
  } else {
    const net = new Int32Array(m + 1);
    for (let i = 0; i < n; i++) {
      const j = countAtOrBelow(times, time[i]) - 1;
      const e = countAtOrBelow(times, entry[i]);
      const ww = weights ? weights[i] * weights[i] : 1;
      const b = bEnter[e];
      const c = cEnter[e];
      add(enter, e, ww, b, c);
      add(event[i] ? leaveE : leaveC, j, ww, b, c);
      net[e]++;
      net[j]--; // leaves after time j
    }
    let rowsAtRisk = 0;
    for (let j = 0; j < m; j++) atRiskRows[j] = rowsAtRisk += net[j];
  }

  // Pass 3, over the times: U_i = w_i (A - B_i S) while at risk; the departed decay by (1 - h)^2.
  const seS = new Float64Array(m);
  const seH = new Float64Array(m);
  let w2 = 0, w2b = 0, w2bb = 0, v2 = 0, v2c = 0, v2cc = 0; // over the rows at risk
  let departed1 = 0;
  let departed2 = 0;
  let var1 = 0;
  let var2 = 0;
  for (let j = 0; j < m; j++) {
    w2 += enter[0][j];
    w2b += enter[1][j];
    w2bb += enter[2][j];
    v2 += enter[3][j];
    v2c += enter[4][j];
    v2cc += enter[5][j];
    const a = A[j];
    const c = C[j];
    const s = km[j];
    const h = hazard[j];
    if (h > 0) departed1 *= (1 - h) * (1 - h);
    // Rows leaving at j: w^2 (A - B S)^2 and w^2 (C - C_i)^2, an event's own step taken off A
    // (S(t-) / n) and off C (1 / n) first, so that nothing cancels where S reaches 0.
    const ae = h > 0 ? a - (j === 0 ? 1 : km[j - 1]) / nRisk[j] : a;
    const ce = h > 0 ? c - 1 / nRisk[j] : c;
    departed1 += a * a * leaveC[0][j] - 2 * a * s * leaveC[1][j] + s * s * leaveC[2][j];
    departed1 += ae * ae * leaveE[0][j] - 2 * ae * s * leaveE[1][j] + s * s * leaveE[2][j];
    departed2 += c * c * leaveC[3][j] - 2 * c * leaveC[4][j] + leaveC[5][j];
    departed2 += ce * ce * leaveE[3][j] - 2 * ce * leaveE[4][j] + leaveE[5][j];
    w2 -= leaveC[0][j] + leaveE[0][j];
    w2b -= leaveC[1][j] + leaveE[1][j];
    w2bb -= leaveC[2][j] + leaveE[2][j];
    v2 -= leaveC[3][j] + leaveE[3][j];
    v2c -= leaveC[4][j] + leaveE[4][j];
    v2cc -= leaveC[5][j] + leaveE[5][j];
    if (atRiskRows[j] === 0) w2 = w2b = w2bb = v2 = v2c = v2cc = 0; // as agfit4: no rounding residue
    if (h > 0) {
      const atRisk1 = a * a * w2 - 2 * a * s * w2b + s * s * w2bb;
      const atRisk2 = c * c * v2 - 2 * c * v2c + v2cc;
      var1 = Math.max(departed1, 0) + Math.max(atRisk1, 0);
      var2 = Math.max(departed2, 0) + Math.max(atRisk2, 0);
    }
    seS[j] = Math.sqrt(var1);
    seH[j] = Math.sqrt(var2);
  }
  return { survival: seS, cumHazard: seH };
}

function sums(m: number, k: number): Float64Array[] {
  return Array.from({ length: k }, () => new Float64Array(m + 1));
}

function add(target: Float64Array[], j: number, ww: number, b: number, c: number): void {
  if (!Number.isNaN(b)) {
    target[0][j] += ww;
    target[1][j] += ww * b;
    target[2][j] += ww * b * b;
  }
  target[3][j] += ww;
  target[4][j] += ww * c;
  target[5][j] += ww * c * c;
}
