/**
 * A CSS colour as the red, green and blue bytes a PNG stores: `#rgb`, `#rrggbb`,
 * `rgb(r, g, b)` (0-255 or percentages) and the CSS basic colour names (CSS Color Level 4,
 * section 6.1, plus orange). Names are CSS's, not R's: CSS "green" is #008000 where R's is
 * #00FF00; give R colours as hex (`col2rgb()` shows them).
 *
 * @example
 * parseColor("#E69F00");         // [230, 159, 0]
 * parseColor("rgb(0, 114, 178)"); // [0, 114, 178]
 * parseColor("black");           // [0, 0, 0]
 */
import { SurvivalInputError, show } from "../survival/errors.js";

export type Rgb = readonly [number, number, number];

const NAMES: Record<string, string> = {
  black: "#000000",
  silver: "#c0c0c0",
  gray: "#808080",
  grey: "#808080",
  white: "#ffffff",
  maroon: "#800000",
  red: "#ff0000",
  purple: "#800080",
  fuchsia: "#ff00ff",
  magenta: "#ff00ff",
  green: "#008000",
  lime: "#00ff00",
  olive: "#808000",
  yellow: "#ffff00",
  navy: "#000080",
  blue: "#0000ff",
  teal: "#008080",
  aqua: "#00ffff",
  cyan: "#00ffff",
  orange: "#ffa500",
};

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
const CHANNEL = String.raw`\s*([0-9]+(?:\.[0-9]*)?%?)\s*`;
const RGB = new RegExp(`^rgb\\(${CHANNEL},${CHANNEL},${CHANNEL}\\)$`, "i");

/** Parses one colour; `name` is the argument named in the error (e.g. "options.colors[1]"). */
export function parseColor(colour: unknown, name = "colour"): Rgb {
  const fail = (why: string): never => {
    throw new SurvivalInputError(`${name} is ${show(colour)}: ${why}`, name, undefined, colour);
  };
  if (typeof colour !== "string") return fail('a colour must be a CSS string such as "#E69F00", "rgb(0, 114, 178)" or "black"');
  const text = colour.trim().toLowerCase();
  const hex = HEX.exec(NAMES[text] ?? text);
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join("") : hex[1];
    return Object.freeze([parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)]) as Rgb;
  }
  const rgb = RGB.exec(text);
  if (rgb) {
    const values = rgb.slice(1, 4).map((v) => (v.endsWith("%") ? (parseFloat(v) * 255) / 100 : parseFloat(v)));
    if (values.some((v) => !(v >= 0 && v <= 255))) fail("rgb() channels must be 0-255 (or 0%-100%)");
    return Object.freeze([Math.round(values[0]), Math.round(values[1]), Math.round(values[2])]) as Rgb;
  }
  return fail(
    `not a colour this reads: give "#rrggbb", "#rgb", "rgb(r, g, b)" or one of the names ${Object.keys(NAMES).join(", ")}`,
  );
}
