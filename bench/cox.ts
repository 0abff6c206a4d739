/**
 * Bench section for coxPH (npm run bench): 5 covariates and 4 strata on 1,000,000 rows, against
 * R's coxph on the same rows in the same run (bench/peers/cox.R), where R is installed.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { coxPH } from "../src/index.js";
import { mulberry32 } from "./data.js";

type TimeIt = (reps: number, f: () => unknown) => number;

export interface CoxBenchData {
  time: Float64Array;
  event: Uint8Array;
  covariates: Record<string, Float64Array>;
  strata: Int32Array;
}

/**
 * Exponential times with a proportional-hazards effect of 5 covariates, 4 strata, ~30% censored:
 * on a 0.01 grid (500 distinct times, as follow-up recorded in days over a few years), or
 * continuous (almost every time distinct).
 */
export function makeCoxData(n: number, seed = 20200325, grid = true): CoxBenchData {
  const rand = mulberry32(seed);
  const beta = [0.5, -0.3, 0.2, 0.1, -0.4];
  const cols = beta.map(() => new Float64Array(n));
  const time = new Float64Array(n);
  const event = new Uint8Array(n);
  const strata = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    cols[0][i] = rand() < 0.5 ? 1 : 0;
    cols[1][i] = Math.round((rand() * 2 - 1) * 100) / 100;
    cols[2][i] = Math.round(rand() * 80 + 20);
    cols[3][i] = Math.round(rand() * 4);
    cols[4][i] = Math.round(-Math.log(1 - rand()) * 100) / 100;
    strata[i] = Math.floor(rand() * 4);
    let eta = 0;
    for (let k = 0; k < 5; k++) eta += beta[k] * (k === 2 ? (cols[k][i] - 60) / 20 : cols[k][i]);
    const t = (-Math.log(1 - rand()) / Math.exp(eta)) * (1 + strata[i] * 0.5);
    time[i] = grid ? Math.max(0.01, Math.round(Math.min(t, 5) * 100) / 100) : Math.min(t, 5) + 1e-9;
    event[i] = rand() < 0.7 ? 1 : 0;
  }
  return { time, event, strata, covariates: { arm: cols[0], score: cols[1], age: cols[2], grade: cols[3], marker: cols[4] } };
}

export function benchCox(
  timeIt: TimeIt,
  here: string,
  n = 1e6,
  grid = true,
): { ms: number; rMs: number | null; coef: readonly number[]; distinct: number } {
  const d = makeCoxData(n, 20200325, grid);
  let coef: readonly number[] = [];
  const ms = timeIt(grid ? 5 : 3, () => (coef = coxPH(d).coef));
  let rMs: number | null = null;
  if (existsSync("/usr/bin/Rscript")) {
    const dir = mkdtempSync(join(tmpdir(), "coxbench-"));
    const file = join(dir, "data.f64");
    const buf = new Float64Array(8 * n);
    buf.set(d.time, 0);
    buf.set(Float64Array.from(d.event), n);
    buf.set(Float64Array.from(d.strata), 2 * n);
    Object.values(d.covariates).forEach((col, k) => buf.set(col, (3 + k) * n));
    writeFileSync(file, new Uint8Array(buf.buffer));
    const r = spawnSync("/usr/bin/Rscript", [join(here, "peers/cox.R"), file, String(n), "3"], { encoding: "utf8", timeout: 1_200_000 });
    if (r.status === 0) {
      const [secs, ...rCoef] = r.stdout.trim().split(/\s+/).map(Number);
      rMs = secs * 1000;
      const worst = Math.max(...rCoef.map((b, k) => Math.abs(b - coef[k]) / Math.abs(b)));
      if (!(worst < 1e-6)) console.log(`  (R's coefficients differ from ours by ${worst.toExponential(2)} relative)`);
    } else {
      console.log(`  (R coxph failed: ${(r.stderr || "").trim().split("\n").pop()})`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return { ms, rMs, coef, distinct: new Set(d.time).size };
}
