/**
 * A small seeded pseudo-random number generator for Monte Carlo methods: xoshiro128**
 * (Blackman & Vigna 2018, "Scrambled linear pseudorandom number generators",
 * https://prng.di.unimi.it/xoshiro128starstar.c), 128 bits of state, period 2^128 - 1, 32-bit
 * outputs. Not for cryptography.
 *
 * Seeding: an integer seed is expanded into the four state words by splitmix32 (the 32-bit
 * variant of Steele, Lea & Flood's SplitMix: x += 0x9e3779b9; z = x; z = (z ^ z >>> 16) *
 * 0x21f0aaad; z = (z ^ z >>> 15) * 0x735a2d97; z ^= z >>> 15), so every seed, including 0,
 * gives a valid, well-mixed state. The same seed gives the same stream on every platform
 * (checked against the reference C code's outputs in test/survival/permutation/random.test.ts).
 */
import { SurvivalInputError, show } from "../errors.js";

export interface Random {
  /** The next 32-bit output as an unsigned integer in [0, 2^32). */
  nextUint32(): number;
  /** A double in [0, 1) with 53 random bits (two outputs). */
  next(): number;
  /** A uniform integer in [0, n) for an integer 1 <= n <= 2^32, without bias. */
  integer(n: number): number;
}

/** Checks that a seed is an integer in [0, 2^32) (e.g. 2020 or 0xC0FFEE). */
export function checkSeed(seed: unknown, name = "seed"): number {
  if (typeof seed !== "number" || !Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new SurvivalInputError(
      `${name} is ${show(seed)}: a seed must be an integer between 0 and 2^32 - 1`,
      name,
      undefined,
      seed,
    );
  }
  return seed;
}

/** splitmix32: the four state words of xoshiro128** from one 32-bit seed. */
function splitmix32(seed: number): Uint32Array {
  const state = new Uint32Array(4);
  let x = seed >>> 0;
  for (let i = 0; i < 4; i++) {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    state[i] = (z ^ (z >>> 15)) >>> 0;
  }
  return state;
}

/**
 * A generator seeded with an integer in [0, 2^32).
 *
 * @param seed  an integer in [0, 2^32), e.g. 2020 or 0xC0FFEE
 * @returns     the generator: `next()` a double in [0, 1) (53 random bits), `integer(n)` a
 *              uniform integer in [0, n) (Lemire's method, no modulo bias), `nextUint32()`
 * @throws SurvivalInputError  for a seed that is not an integer in [0, 2^32)
 *
 * @example
 * const rng = createRandom(2020);
 * const x = rng.next();
 * x >= 0 && x < 1;                                  // => true
 * createRandom(7).next() === createRandom(7).next(); // => true (same seed, same stream)
 */
export function createRandom(seed: number): Random {
  return fromState(splitmix32(checkSeed(seed)));
}

/**
 * A generator started from an explicit xoshiro128** state (four 32-bit words, not all zero),
 * as the reference C code's s[0..3]. Used to check the generator against published outputs.
 */
export function fromState(words: ArrayLike<number>): Random {
  const s = Uint32Array.from(words);
  if (s.length !== 4 || (s[0] | s[1] | s[2] | s[3]) === 0) {
    throw new SurvivalInputError("state must be four 32-bit words, not all zero", "state", undefined, words);
  }
  let s0 = s[0];
  let s1 = s[1];
  let s2 = s[2];
  let s3 = s[3];

  function nextUint32(): number {
    // result = rotl(s1 * 5, 7) * 9
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  function next(): number {
    const hi = nextUint32() >>> 5; // 27 bits
    const lo = nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992; // (hi 2^26 + lo) / 2^53
  }

  function integer(n: number): number {
    if (n > 2097152) {
      // Beyond 2^21, x * n may not be exact: plain rejection from a multiple of n.
      const limit = 4294967296 - (4294967296 % n);
      let x = nextUint32();
      while (x >= limit) x = nextUint32();
      return x % n;
    }
    // Lemire (2019), "Fast random integer generation in an interval", ACM TOMACS 29(1):3:
    // the high 32 bits of x * n, rejecting the few x that would bias them. x * n < 2^53 is
    // exact in a double; m >>> 0 is its low 32 bits.
    let m = nextUint32() * n;
    let low = m >>> 0;
    if (low < n) {
      const threshold = (4294967296 - n) % n;
      while (low < threshold) {
        m = nextUint32() * n;
        low = m >>> 0;
      }
    }
    return (m - low) / 4294967296;
  }

  return Object.freeze({ nextUint32, next, integer });
}

/**
 * Shuffles a in place, uniformly over its permutations (Fisher-Yates / Durstenfeld).
 *
 * @param a    the array to shuffle (changed in place)
 * @param rng  a generator from createRandom
 * @returns    nothing: `a` holds the permutation
 * @throws SurvivalInputError  for an `a` that is not an array or Int32Array, or an rng without
 *             `integer`
 *
 * @example
 * const a = [1, 2, 3, 4, 5];
 * shuffle(a, createRandom(1));
 * a.slice().sort();   // => [1, 2, 3, 4, 5] (the same values, in a random order)
 */
export function shuffle(a: Int32Array | number[], rng: Random): void {
  if (!Array.isArray(a) && !(a instanceof Int32Array)) {
    throw new SurvivalInputError(`a is ${show(a)}: shuffle takes an array or an Int32Array`, "a", undefined, a);
  }
  if (rng === null || typeof rng !== "object" || typeof rng.integer !== "function") {
    throw new SurvivalInputError("rng must be a generator from createRandom", "rng", undefined, rng);
  }
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.integer(i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
