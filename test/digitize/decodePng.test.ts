import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { decodePng } from "../../src/digitize/decodePng.js";

/** A 2 x 1 PNG of the given colour type from RGBA pixels. */
function encode(pixels: number[][], colorType: 0 | 2 | 4 | 6): Buffer {
  const png = new PNG({ width: pixels.length, height: 1 });
  pixels.forEach((p, i) => png.data.set(p, 4 * i));
  return PNG.sync.write(png, { colorType });
}

describe("decodePng", () => {
  it("reads RGB and grey PNG files as RGBA", () => {
    const rgb = decodePng(encode([[230, 159, 0, 255], [0, 114, 178, 255]], 2));
    expect([rgb.width, rgb.height]).toEqual([2, 1]);
    expect(Array.from(rgb.rgba)).toEqual([230, 159, 0, 255, 0, 114, 178, 255]);
    const grey = decodePng(encode([[40, 40, 40, 255], [200, 200, 200, 255]], 0));
    expect(Array.from(grey.rgba)).toEqual([40, 40, 40, 255, 200, 200, 200, 255]);
  });
  it("composites transparency over white, as a page shows it", () => {
    const { rgba } = decodePng(encode([[0, 114, 178, 0], [0, 114, 178, 51]], 6));
    expect(Array.from(rgba)).toEqual([255, 255, 255, 255, 204, 227, 240, 255]);
  });
  it("accepts a Uint8Array as well as a Buffer", () => {
    const bytes = encode([[1, 2, 3, 255], [4, 5, 6, 255]], 2);
    const copy = new Uint8Array(bytes.length + 3).subarray(3);
    copy.set(bytes);
    expect(Array.from(decodePng(copy).rgba)).toEqual([1, 2, 3, 255, 4, 5, 6, 255]);
  });
});
