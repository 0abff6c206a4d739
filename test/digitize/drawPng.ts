/**
 * A small anti-aliased rasteriser for the digitizeCurves tests: axis-aligned rectangles
 * blended over the image by the share of each pixel they cover (as a browser or Cairo draws
 * them), so that synthetic figures have the blended edges, tints and overlaps of real ones.
 */
import { PNG } from "pngjs";

export type Colour = readonly [number, number, number];

export class Canvas {
  readonly width: number;
  readonly height: number;
  private readonly rgb: Float64Array;

  constructor(width: number, height: number, background: Colour = [255, 255, 255]) {
    this.width = width;
    this.height = height;
    this.rgb = new Float64Array(width * height * 3);
    for (let p = 0; p < width * height; p++) this.rgb.set(background, 3 * p);
  }

  /** Fills [xa, xb] x [ya, yb] (continuous pixel coordinates) with colour at the given opacity. */
  fill(xa: number, ya: number, xb: number, yb: number, colour: Colour, opacity = 1): this {
    for (let y = Math.max(0, Math.floor(ya)); y < Math.min(this.height, Math.ceil(yb)); y++) {
      const cy = Math.min(yb, y + 1) - Math.max(ya, y);
      for (let x = Math.max(0, Math.floor(xa)); x < Math.min(this.width, Math.ceil(xb)); x++) {
        const a = cy * (Math.min(xb, x + 1) - Math.max(xa, x)) * opacity;
        const p = 3 * (y * this.width + x);
        for (let ch = 0; ch < 3; ch++) this.rgb[p + ch] += a * (colour[ch] - this.rgb[p + ch]);
      }
    }
    return this;
  }

  /**
   * A step path through the vertices (x, y) (each segment horizontal or vertical), `lineWidth`
   * thick with square joins and caps.
   */
  path(x: readonly number[], y: readonly number[], lineWidth: number, colour: Colour): this {
    const h = lineWidth / 2;
    for (let i = 1; i < x.length; i++) {
      const [xa, xb] = [Math.min(x[i - 1], x[i]), Math.max(x[i - 1], x[i])];
      const [ya, yb] = [Math.min(y[i - 1], y[i]), Math.max(y[i - 1], y[i])];
      // Square joins and caps: each segment reaches half the width past its ends (drawn
      // once per pixel: overlapping ends would blend an edge twice).
      if (ya === yb) this.fill(xa - h, ya - h, xb + h, yb + h, colour);
      else this.fill(xa - h, ya + h, xb + h, yb - h, colour);
      const last = i === x.length - 1;
      if (last && ya !== yb) this.fill(xa - h, y[i] === yb ? yb - h : ya - h, xb + h, y[i] === yb ? yb + h : ya + h, colour);
    }
    return this;
  }

  /** A "+" censor mark centred at (x, y), arms `size` long each way. */
  plus(x: number, y: number, size: number, lineWidth: number, colour: Colour): this {
    const h = lineWidth / 2;
    this.fill(x - size, y - h, x + size, y + h, colour);
    this.fill(x - h, y - size, x + h, y - h, colour);
    this.fill(x - h, y + h, x + h, y + size, colour);
    return this;
  }

  /**
   * The image as PNG bytes: RGB, or with `transparent` RGBA where pure white pixels are fully
   * transparent (and black: a page shows them white).
   */
  png(transparent = false): Buffer {
    const out = new PNG({ width: this.width, height: this.height });
    for (let p = 0; p < this.width * this.height; p++) {
      const white = this.rgb[3 * p] === 255 && this.rgb[3 * p + 1] === 255 && this.rgb[3 * p + 2] === 255;
      for (let ch = 0; ch < 3; ch++) out.data[4 * p + ch] = transparent && white ? 0 : Math.round(this.rgb[3 * p + ch]);
      out.data[4 * p + 3] = transparent && white ? 0 : 255;
    }
    return PNG.sync.write(out, { colorType: transparent ? 6 : 2 });
  }
}

/** The vertices of a KM step path from (0, 1) to `end`, mapped to pixels by `px` and `py`. */
export function stepVertices(
  time: readonly number[],
  survival: readonly number[],
  end: number,
  px: (t: number) => number,
  py: (s: number) => number,
): { x: number[]; y: number[] } {
  const x = [px(0)];
  const y = [py(1)];
  let previous = 1;
  time.forEach((t, i) => {
    x.push(px(t), px(t));
    y.push(py(previous), py(survival[i]));
    previous = survival[i];
  });
  x.push(px(end));
  y.push(py(previous));
  return { x, y };
}
