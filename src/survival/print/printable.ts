/**
 * How a result shows itself, as R's print methods do: a result carries a printout (aligned text
 * and HTML tables) under two well-known symbols, defined once when the result is built:
 *
 * - `Symbol.for("Jupyter.display")`, returning a MIME bundle (the convention of Deno's Jupyter
 *   kernel; the project's tslab kernel follows it), so that a notebook cell ending with
 *   `kaplanMeier(arm)` shows an R-like summary instead of a dump of its fields;
 * - `Symbol.for("nodejs.util.inspect.custom")`, so that `console.log(result)` in Node prints the
 *   same text.
 *
 * Both are non-enumerable: the fields, JSON.stringify and deep equality are unchanged.
 *
 * @example
 * const fit = printable({ statistic: 3.81 }, (r) => ({ text: `X-squared = ${r.statistic}`, html: "" }));
 * printout(fit)?.text // "X-squared = 3.81"
 */

/** A result's printout: aligned plain text, and the same as HTML. */
export interface Printout {
  readonly text: string;
  readonly html: string;
}

export const JUPYTER_DISPLAY = Symbol.for("Jupyter.display");
const INSPECT = Symbol.for("nodejs.util.inspect.custom");
const PRINT = Symbol.for("survival.printout");

/** Gives `result` its printout (computed when asked for) and freezes it. */
export function printable<T extends object>(result: T, print: (r: T) => Printout): T {
  const once = () => print(result);
  Object.defineProperty(result, PRINT, { value: once, enumerable: false });
  Object.defineProperty(result, JUPYTER_DISPLAY, {
    value: () => {
      const p = once();
      return { "text/html": p.html, "text/plain": p.text };
    },
    enumerable: false,
  });
  Object.defineProperty(result, INSPECT, { value: () => once().text, enumerable: false });
  return Object.freeze(result);
}

/** The printout of a result that has one (a result of this library), else null. */
export function printout(result: unknown): Printout | null {
  const print = result !== null && typeof result === "object" ? (result as Record<symbol, unknown>)[PRINT] : undefined;
  return typeof print === "function" ? (print as () => Printout)() : null;
}
