/**
 * Benchmark data: two groups, about 300 distinct times with heavy ties, ~30% censored.
 * A small seeded generator (mulberry32) makes every run and every peer see the same rows.
 */
export interface BenchData {
  time: Float64Array;
  event: Uint8Array;
  group: Uint8Array;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeData(n: number, seed = 20200325): BenchData {
  const rand = mulberry32(seed);
  const time = new Float64Array(n);
  const event = new Uint8Array(n);
  const group = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const g = rand() < 0.5 ? 0 : 1;
    // exponential on a 0.1-month grid capped at 30 months: ~300 distinct values
    const t = Math.min(30, -Math.log(1 - rand()) * (g === 0 ? 10 : 7));
    time[i] = Math.max(0.1, Math.round(t * 10) / 10);
    event[i] = rand() < 0.7 ? 1 : 0;
    group[i] = g;
  }
  return { time, event, group };
}

/** Rows of one group, as the per-arm Kaplan-Meier fits take them. */
export function split(d: BenchData): { time: Float64Array; event: Uint8Array }[] {
  const counts = [0, 0];
  for (let i = 0; i < d.group.length; i++) counts[d.group[i]]++;
  const parts = counts.map((c) => ({ time: new Float64Array(c), event: new Uint8Array(c) }));
  const at = [0, 0];
  for (let i = 0; i < d.group.length; i++) {
    const g = d.group[i];
    parts[g].time[at[g]] = d.time[i];
    parts[g].event[at[g]++] = d.event[i];
  }
  return parts;
}
