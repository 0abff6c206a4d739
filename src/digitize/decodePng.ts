/**
 * Decodes a PNG file into 8-bit RGBA pixels, composited over white where the image has
 * transparency (as a page shows it), so that alpha is 255 throughout. Decoding is pngjs's (pure JavaScript: every colour type,
 * bit depth and interlacing of the PNG specification; 16-bit channels are scaled to 8 bits).
 *
 * @example
 * const { width, height, rgba } = decodePng(readFileSync("figure.png"));
 * rgba[4 * (y * width + x)]; // the red byte of pixel (x, y)
 */
import { PNG } from "pngjs";
import { SurvivalInputError, show } from "../survival/errors.js";

export interface Pixels {
  readonly width: number;
  readonly height: number;
  /** Row-major, 4 bytes (red, green, blue, 255) a pixel, the top row first. */
  readonly rgba: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function decodePng(png: unknown, name = "png"): Pixels {
  if (!(png instanceof Uint8Array)) {
    throw new SurvivalInputError(`${name} must be the bytes of a PNG file (a Uint8Array or Buffer); got ${show(typeof png === "object" ? Object.prototype.toString.call(png) : png)}`, name, undefined, png);
  }
  if (png.length < SIGNATURE.length || SIGNATURE.some((b, i) => png[i] !== b)) {
    const head = Array.from(png.subarray(0, 8), (b) => b.toString(16).padStart(2, "0")).join(" ");
    throw new SurvivalInputError(
      `${name} is not a PNG file: it starts with bytes ${head || "(none: it is empty)"}, not the PNG signature 89 50 4e 47 0d 0a 1a 0a`,
      name,
      undefined,
      head,
    );
  }
  let decoded: { width: number; height: number; data: Uint8Array };
  try {
    const bytes = Buffer.isBuffer(png) ? png : Buffer.from(png.buffer, png.byteOffset, png.byteLength);
    decoded = PNG.sync.read(bytes);
  } catch (e) {
    throw new SurvivalInputError(`${name} is not a readable PNG file: ${(e as Error).message}`, name, undefined, png.length);
  }
  const { width, height, data } = decoded;
  for (let i = 3; i < data.length; i += 4) {
    const a = data[i];
    if (a === 255) continue;
    const white = 255 * (255 - a);
    data[i - 3] = Math.round((data[i - 3] * a + white) / 255);
    data[i - 2] = Math.round((data[i - 2] * a + white) / 255);
    data[i - 1] = Math.round((data[i - 1] * a + white) / 255);
    data[i] = 255;
  }
  return { width, height, rgba: data };
}
