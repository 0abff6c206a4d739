/**
 * Which arm, if any, drew each pixel of a figure: every pixel is modelled as a blend of an
 * arm's colour c over the background w, p = w + a (c - w), the way anti-aliasing and
 * transparency mix colours (alpha compositing, Porter & Duff 1984). For each arm the
 * coverage a is the projection of p - w on c - w, clamped to [0, 1], and the residual is the
 * distance (in RGB, 0-255 a channel) from p to that blend.
 *
 * A pixel belongs to the arm with the smallest residual when its coverage is at least 1/2
 * and its residual is at most `tolerance` (default 15% of |c - w|, at least 16). Where that
 * fails, the pixel may be the arm's colour under another arm's translucent band (a band drawn
 * over the curves): p - w = a (c - w) + b (c' - w), solved by least squares with b <= 0.4,
 * and the arm's share a / (1 - b) must be at least 1/2. So:
 * - anti-aliased edge pixels more than half covered count, fainter ones do not;
 * - a confidence band in a light tint of the arm's colour (the colour at 15-40% opacity) is a
 *   blend with a < 1/2 and is rejected, and the curve drawn over its own band stays on the
 *   line from w to c (a tint is itself such a blend), so it still counts;
 * - gridlines, text and other colours lie off the line (large residual), except greys for a
 *   black arm, which lie on it: light greys (gridlines) have a < 1/2, dark greys (axis lines,
 *   text) are kept out by the search window of digitizeCurves.
 * The background is the commonest colour in the window (white for most figures, the grey
 * panel of ggplot2's default theme).
 *
 * @example
 * const { arm, rows } = classifyPixels(decodePng(bytes), [[230, 159, 0], [0, 114, 178]], window);
 * arm[(x - window.x0) * rows + (y - window.y0)]; // 0 or 1: that arm; -1: neither
 */
import type { Pixels } from "./decodePng.js";
import type { Rgb } from "./parseColor.js";

/** A rectangle of pixel columns [x0, x1) and rows [y0, y1). */
export interface Window {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/** The window's pixels column by column: pixel (x, y) is at (x - x0) * rows + (y - y0). */
export interface Classified {
  readonly window: Window;
  readonly rows: number;
  /** Per pixel: the arm's index, or -1. */
  readonly arm: Int8Array;
  /** Per pixel: the coverage a of its arm, 0-255 (0 where arm is -1). */
  readonly coverage: Uint8Array;
  /**
   * Per column, the running count of pixels of any arm: column c's count over rows
   * [y0, y0 + r) is covered[c * (rows + 1) + r].
   */
  readonly covered: Int32Array;
  /** The background colour w. */
  readonly background: Rgb;
  /** Pixels matched per arm. */
  readonly counts: number[];
}

export function classifyPixels(image: Pixels, colours: readonly Rgb[], window: Window, tolerance?: number): Classified {
  const { width, rgba } = image;
  const background = commonestColour(image, window);
  const [wr, wg, wb] = background;
  const k = colours.length;
  const dr = colours.map((c) => c[0] - wr);
  const dg = colours.map((c) => c[1] - wg);
  const db = colours.map((c) => c[2] - wb);
  const norm2 = colours.map((_, j) => dr[j] * dr[j] + dg[j] * dg[j] + db[j] * db[j]);
  const tol2 = norm2.map((n2) => {
    const t = tolerance ?? Math.max(16, 0.15 * Math.sqrt(n2));
    return t * t;
  });
  const rows = window.y1 - window.y0;
  const cols = window.x1 - window.x0;
  const arm = new Int8Array(cols * rows).fill(-1);
  const coverage = new Uint8Array(cols * rows);
  const counts = new Array<number>(k).fill(0);
  for (let y = window.y0; y < window.y1; y++) {
    for (let x = window.x0; x < window.x1; x++) {
      const p = 4 * (y * width + x);
      const pr = rgba[p] - wr;
      const pg = rgba[p + 1] - wg;
      const pb = rgba[p + 2] - wb;
      if (pr === 0 && pg === 0 && pb === 0) continue;
      let best = -1;
      let bestResidual = Infinity;
      let bestA = 0;
      for (let j = 0; j < k; j++) {
        if (norm2[j] === 0) continue;
        const along = pr * dr[j] + pg * dg[j] + pb * db[j];
        let a = along / norm2[j];
        if (a >= 0.5) {
          if (a > 1) a = 1;
          const er = pr - a * dr[j];
          const eg = pg - a * dg[j];
          const eb = pb - a * db[j];
          const residual = er * er + eg * eg + eb * eb;
          if (residual <= tol2[j] && residual < bestResidual) {
            best = j;
            bestResidual = residual;
            bestA = a;
          }
          if (residual <= tol2[j]) continue;
        }
        // Arm j's colour under a translucent layer of another arm's colour (its band drawn
        // over the curve): p - w = a (c_j - w) + b (c_i - w), b <= 0.4, a / (1 - b) >= 1/2.
        for (let i = 0; i < k; i++) {
          if (i === j || norm2[i] === 0) continue;
          const uv = dr[j] * dr[i] + dg[j] * dg[i] + db[j] * db[i];
          const det = norm2[j] * norm2[i] - uv * uv;
          if (det <= 1e-9 * norm2[j] * norm2[i]) continue;
          const vq = pr * dr[i] + pg * dg[i] + pb * db[i];
          let b = (norm2[j] * vq - uv * along) / det;
          if (b <= 0) continue;
          if (b > 0.4) b = 0.4;
          let a2 = (along - b * uv) / norm2[j];
          if (a2 < 0.5 * (1 - b)) continue;
          if (a2 > 1 - b) a2 = 1 - b;
          const er = pr - a2 * dr[j] - b * dr[i];
          const eg = pg - a2 * dg[j] - b * dg[i];
          const eb = pb - a2 * db[j] - b * db[i];
          const residual = er * er + eg * eg + eb * eb;
          if (residual <= tol2[j] && residual < bestResidual) {
            best = j;
            bestResidual = residual;
            bestA = a2 / (1 - b);
          }
        }
      }
      if (best >= 0) {
        const q = (x - window.x0) * rows + (y - window.y0);
        arm[q] = best;
        coverage[q] = Math.round(bestA * 255);
        counts[best]++;
      }
    }
  }
  const covered = new Int32Array(cols * (rows + 1));
  for (let c = 0; c < cols; c++) {
    const base = c * (rows + 1);
    const col = c * rows;
    for (let r = 0; r < rows; r++) covered[base + r + 1] = covered[base + r] + (arm[col + r] >= 0 ? 1 : 0);
  }
  return { window, rows, arm, coverage, covered, background, counts };
}

/** The commonest colour in the window, counted on a sparse grid of about 40,000 pixels. */
function commonestColour(image: Pixels, window: Window): Rgb {
  const { width, rgba } = image;
  const area = (window.x1 - window.x0) * (window.y1 - window.y0);
  const step = Math.max(1, Math.floor(Math.sqrt(area / 40_000)));
  const seen = new Map<number, number>();
  let best = 0xffffff;
  let bestCount = 0;
  for (let y = window.y0; y < window.y1; y += step) {
    for (let x = window.x0; x < window.x1; x += step) {
      const p = 4 * (y * width + x);
      const key = (rgba[p] << 16) | (rgba[p + 1] << 8) | rgba[p + 2];
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      if (n > bestCount) {
        bestCount = n;
        best = key;
      }
    }
  }
  return [best >> 16, (best >> 8) & 0xff, best & 0xff];
}
