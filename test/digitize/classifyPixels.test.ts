/**
 * The blend model on single pixels whose mixture is known: an arm's colour blended with the
 * background counts when it is at least half the colour, a light tint (a band) does not, nor
 * a grey or another colour; under another arm's translucent band it still counts.
 */
import { describe, expect, it } from "vitest";
import { classifyPixels } from "../../src/digitize/classifyPixels.js";
import type { Pixels } from "../../src/digitize/decodePng.js";
import type { Rgb } from "../../src/digitize/parseColor.js";

const ORANGE: Rgb = [230, 159, 0];
const BLUE: Rgb = [0, 114, 178];
const mix = (c: Rgb, a: number, under: Rgb = [255, 255, 255]): Rgb =>
  [0, 1, 2].map((i) => Math.round(under[i] + a * (c[i] - under[i]))) as unknown as Rgb;

/** A one-row image: the test pixels, then enough background to be the commonest colour. */
function classify(pixels: Rgb[], background: Rgb = [255, 255, 255]) {
  const width = pixels.length + 50;
  const rgba = new Uint8Array(width * 4);
  for (let x = 0; x < width; x++) {
    const c = x < pixels.length ? pixels[x] : background;
    rgba.set([c[0], c[1], c[2], 255], 4 * x);
  }
  const image: Pixels = { width, height: 1, rgba };
  return classifyPixels(image, [ORANGE, BLUE], { x0: 0, x1: width, y0: 0, y1: 1 });
}

describe("classifyPixels", () => {
  it("takes an arm's colour blended with the background down to half, and no further", () => {
    const { arm, coverage, background, counts } = classify([ORANGE, mix(ORANGE, 0.7), mix(ORANGE, 0.52), mix(ORANGE, 0.45), BLUE, mix(BLUE, 0.6)]);
    expect(Array.from(arm.slice(0, 6))).toEqual([0, 0, 0, -1, 1, 1]);
    expect(coverage[1] / 255).toBeCloseTo(0.7, 1);
    expect(background).toEqual([255, 255, 255]);
    expect(counts).toEqual([3, 2]);
  });
  it("rejects a band's light tint, greys and other colours", () => {
    const { arm } = classify([mix(ORANGE, 0.2), mix(BLUE, 0.25), [190, 190, 190], [68, 68, 68], [0, 158, 115], [213, 94, 0]]);
    expect(Array.from(arm.slice(0, 6))).toEqual([-1, -1, -1, -1, -1, -1]);
  });
  it("takes an arm under the other arm's band (20%), and the arm's own band over it", () => {
    const orangeUnderBlue = mix(BLUE, 0.2, ORANGE);
    const blueUnderOrange = mix(ORANGE, 0.2, BLUE);
    const orangeUnderOwn = mix(ORANGE, 0.2, ORANGE);
    const bandOverBand = mix(BLUE, 0.2, mix(ORANGE, 0.2));
    const { arm } = classify([orangeUnderBlue, blueUnderOrange, orangeUnderOwn, bandOverBand]);
    expect(Array.from(arm.slice(0, 4))).toEqual([0, 1, 0, -1]);
  });
  it("measures blends against the background it finds (a grey panel)", () => {
    const panel: Rgb = [235, 235, 235];
    const { arm, background } = classify([mix(ORANGE, 0.7, panel), mix(ORANGE, 0.3, panel), [255, 255, 255]], panel);
    expect(background).toEqual(panel);
    expect(Array.from(arm.slice(0, 3))).toEqual([0, -1, -1]);
  });
});
