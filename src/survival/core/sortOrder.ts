/**
 * The permutation that sorts times ascending, ties in row order (R's order(time)).
 *
 * Short arrays are sorted by comparison. Long ones by a stable least-significant-digit radix sort
 * on the doubles' bits, four passes of 16 bits, O(n): a double's bits, with the sign bit flipped
 * (and every bit flipped for a negative number), order as unsigned integers as the numbers do.
 * -0 sorts as 0. Times must not be NaN (the callers' arrays are checked).
 *
 * Reference: Knuth, The Art of Computer Programming vol. 3, sec. 5.2.5 (radix sorting); the
 * floating-point key of Herf (2001), "Radix tricks".
 *
 * @example
 * sortOrder([3, 1, 2, 1]) // => Int32Array [1, 3, 2, 0]
 */
export function sortOrder(time: ArrayLike<number>): Int32Array {
  const n = time.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 4096) return order.sort((a, b) => time[a] - time[b] || a - b);

  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer); // little-endian: words[1] holds the sign and exponent
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    bits[0] = time[i] + 0; // -0 -> 0
    const h = words[1];
    const negative = h >>> 31 === 1;
    hi[i] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
    lo[i] = negative ? ~words[0] >>> 0 : words[0];
  }
  let from = order;
  let to = new Int32Array(n);
  const count = new Int32Array(65537);
  for (let pass = 0; pass < 4; pass++) {
    const key = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    count.fill(0);
    for (let i = 0; i < n; i++) count[((key[i] >>> shift) & 0xffff) + 1]++;
    if (count[((key[0] >>> shift) & 0xffff) + 1] === n) continue; // one digit throughout: nothing to move
    for (let d = 0; d < 65536; d++) count[d + 1] += count[d];
    for (let r = 0; r < n; r++) {
      const i = from[r];
      to[count[(key[i] >>> shift) & 0xffff]++] = i;
    }
    const swap = from;
    from = to;
    to = swap;
  }
  return from;
}
