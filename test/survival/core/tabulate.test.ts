import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tabulate } from "../../../src/survival/core/tabulate.js";

/** The definition, row by row: what tabulate must equal (counts per time, then risk sets). */
function naive(time: number[], event: number[], group: number[], k: number) {
  const times = [...new Set(time)].sort((a, b) => a - b);
  const row = new Map(times.map((t, j) => [t, j]));
  const nEvent = new Array<number>(times.length * k).fill(0);
  const nCensor = new Array<number>(times.length * k).fill(0);
  time.forEach((t, i) => (event[i] === 1 ? nEvent : nCensor)[row.get(t)! * k + group[i]]++);
  const nRisk = times.flatMap((t) =>
    Array.from({ length: k }, (_, g) => time.filter((x, i) => group[i] === g && x >= t).length),
  );
  return { time: times, nEvent, nCensor, nRisk };
}

describe("tabulate", () => {
  it("counts a small hand example", () => {
    // times 3, 1, 3, 2, 5 with events 1, 0, 1, 1, 0 in one group
    const t = tabulate(new Float64Array([3, 1, 3, 2, 5]), new Uint8Array([1, 0, 1, 1, 0]));
    expect([...t.time]).toEqual([1, 2, 3, 5]);
    expect([...t.nEvent]).toEqual([0, 1, 2, 0]);
    expect([...t.nCensor]).toEqual([1, 0, 0, 1]);
    expect([...t.nRisk]).toEqual([5, 4, 3, 1]);
    expect([...t.n]).toEqual([5]);
  });

  it("merges times that differ by floating-point noise, as R's aeqSurv", () => {
    const t = tabulate(new Float64Array([0.1 + 0.2, 0.3, 1]), new Uint8Array([1, 1, 0]));
    expect(t.time.length).toBe(2);
    expect(t.time[0]).toBe(0.3); // the smallest value of the run
    expect([...t.nEvent]).toEqual([2, 0]);
  });

  it("treats -0 and 0 as one time", () => {
    const t = tabulate(new Float64Array([-0, 0, 2]), new Uint8Array([1, 0, 1]));
    expect([...t.time]).toEqual([0, 2]);
  });

  it("honours a row subset", () => {
    const t = tabulate(new Float64Array([1, 2, 3, 4]), new Uint8Array([1, 1, 1, 1]), null, 1, new Int32Array([1, 3]));
    expect([...t.time]).toEqual([2, 4]);
    expect([...t.nRisk]).toEqual([2, 1]);
  });

  it("equals the row-by-row definition on random tie-heavy data, including tables that grow", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.boolean(), fc.integer({ min: 0, max: 2 })), {
          minLength: 1,
          maxLength: 1500,
        }),
        (rows) => {
          const time = rows.map((r) => r[0] / 4);
          const event = rows.map((r) => (r[1] ? 1 : 0));
          const group = rows.map((r) => r[2]);
          const got = tabulate(Float64Array.from(time), Uint8Array.from(event), Int32Array.from(group), 3);
          const want = naive(time, event, group, 3);
          expect([...got.time]).toEqual(want.time);
          expect([...got.nEvent]).toEqual(want.nEvent);
          expect([...got.nCensor]).toEqual(want.nCensor);
          expect([...got.nRisk]).toEqual(want.nRisk);
        },
      ),
      { numRuns: 60 },
    );
  });
  it("takes the sorting path when most times are distinct, with the same counts", () => {
    // 6000 rows, ~5500 distinct times: past the hash path's limit of max(4096, n / 8)
    for (const seed of [1, 2, 3]) {
      let a = seed * 0x9e3779b9;
      const rand = () => {
        // mulberry32
        a = (a + 0x6d2b79f5) >>> 0;
        let t = Math.imul(a ^ (a >>> 15), a | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const time = Array.from({ length: 6000 }, () => Math.floor(rand() * 40000) / 4);
      const event = time.map(() => (rand() < 0.6 ? 1 : 0));
      const group = time.map(() => (rand() < 0.5 ? 1 : 0));
      const got = tabulate(Float64Array.from(time), Uint8Array.from(event), Int32Array.from(group), 2);
      const want = naive(time, event, group, 2);
      expect(want.time.length).toBeGreaterThan(4096);
      expect([...got.time]).toEqual(want.time);
      expect([...got.nEvent]).toEqual(want.nEvent);
      expect([...got.nCensor]).toEqual(want.nCensor);
      expect([...got.nRisk]).toEqual(want.nRisk);
    }
  });

  it("merges near-equal times on the sorting path too", () => {
    const time = Array.from({ length: 5000 }, (_, i) => i + 1);
    time.push(0.1 + 0.2, 0.3);
    const t = tabulate(Float64Array.from(time), new Uint8Array(time.length).fill(1));
    expect(t.time[0]).toBe(0.3);
    expect(t.nEvent[0]).toBe(2);
    expect(t.time.length).toBe(5001);
  });
  it("sums squared weights beside the weights, in one pass, on both the hashing and the sorting path", () => {
    for (const n of [300, 20_000]) {
      // 20,000 rows with almost all times distinct take the sorting path; 300 on 7 times the hash
      const time = Float64Array.from({ length: n }, (_, i) => (n === 300 ? i % 7 : (i * 7919) % 19_997) + 0.1 * (i % 3 === 0 ? 1 : 0));
      const event = Uint8Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 0 : 1));
      const group = Int32Array.from({ length: n }, (_, i) => i % 2);
      const weights = Float64Array.from({ length: n }, (_, i) => 0.25 + (i % 5) * 0.5);
      const t = tabulate(time, event, group, 2, null, weights, null, true);
      const plain = tabulate(time, event, group, 2, null, weights);
      expect(Array.from(t.nEvent)).toEqual(Array.from(plain.nEvent));
      expect(Array.from(t.nRisk)).toEqual(Array.from(plain.nRisk));
      const squares = tabulate(time, event, group, 2, null, weights.map((w) => w * w));
      expect(Array.from(t.squared!.nEvent)).toEqual(Array.from(squares.nEvent));
      expect(Array.from(t.squared!.nCensor)).toEqual(Array.from(squares.nCensor));
    }
  });
});
