/**
 * The seeded generator of src/survival/core/random.ts. xoshiro128** is checked against outputs of the
 * reference C implementation (prng.di.unimi.it/xoshiro128starstar.c) published with
 * github.com/edorfaus/xoshiro-6502 (test-rom/testdata.asm: seed bytes 0C 4A 4D 96 ...,
 * i.e. s = {0x964D4A0C, 0xD40AB895, 0xAD7FDECB, 0x3006F0F0}).
 */
import { describe, expect, it } from "vitest";
import { checkSeed, createRandom, fromState, shuffle } from "../../../src/survival/core/random.js";
import { chiSquareUpper } from "../../../src/survival/core/distributions.js";
import { SurvivalInputError } from "../../../src/survival/errors.js";

describe("xoshiro128**", () => {
  it("reproduces the reference implementation's outputs", () => {
    const rng = fromState([0x964d4a0c, 0xd40ab895, 0xad7fdecb, 0x3006f0f0]);
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).toEqual([
      0xf1391922, 0x6fe53806, 0xa5be2840, 0xf510ee70,
    ]);
  });

  it("is deterministic for a seed, differs between seeds, and accepts seed 0", () => {
    const a = createRandom(2020);
    const b = createRandom(2020);
    const c = createRandom(2021);
    const xs = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(xs);
    const z = createRandom(0);
    expect(new Set(Array.from({ length: 10 }, () => z.nextUint32())).size).toBe(10);
  });

  it("next() lies in [0, 1) with mean near 1/2", () => {
    const rng = createRandom(7);
    let sum = 0;
    let outside = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
    }
    expect(outside).toBe(0);
    // sd of the mean: sqrt(1/12 / n) = 0.0009
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.004);
  });

  it("integer(n) is uniform on 0..n-1 (chi-square goodness of fit), also past 2^21", () => {
    for (const n of [2, 7, 39]) {
      const rng = createRandom(n);
      const counts = new Array<number>(n).fill(0);
      const draws = 2000 * n;
      for (let i = 0; i < draws; i++) counts[rng.integer(n)]++;
      const chisq = counts.reduce((s, c) => s + (c - 2000) ** 2 / 2000, 0);
      expect(chiSquareUpper(chisq, n - 1)).toBeGreaterThan(1e-4);
    }
    const rng = createRandom(9);
    const big = 3_000_000_019;
    const values = Array.from({ length: 1000 }, () => rng.integer(big));
    expect(values.every((v) => Number.isInteger(v) && v >= 0 && v < big)).toBe(true);
    expect(Math.max(...values)).toBeGreaterThan(big / 2); // reaches past 2^31
  });

  it("shuffle gives each of the 6 orders of 3 items equally often", () => {
    const rng = createRandom(123);
    const counts = new Map<string, number>();
    const n = 60_000;
    for (let i = 0; i < n; i++) {
      const a = Int32Array.from([0, 1, 2]);
      shuffle(a, rng);
      const key = a.join("");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    const chisq = [...counts.values()].reduce((s, c) => s + (c - n / 6) ** 2 / (n / 6), 0);
    expect(chiSquareUpper(chisq, 5)).toBeGreaterThan(1e-4);
  });

  it("refuses seeds that are not integers in [0, 2^32) and an all-zero state", () => {
    for (const bad of [-1, 0.5, 2 ** 32, NaN, "1"]) {
      expect(() => checkSeed(bad)).toThrow(SurvivalInputError);
    }
    expect(() => fromState([0, 0, 0, 0])).toThrow(SurvivalInputError);
  });
});
