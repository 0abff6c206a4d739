/**
 * The one error every public function throws on bad input. Its message names the argument,
 * the index (row, 0-based) and the offending value, so that a caller can find and fix the row.
 *
 * @example
 * try { kaplanMeier({ time: [1, -2], event: [1, 0] }) }
 * catch (e) { e instanceof SurvivalInputError; e.message } // 'time[1] is -2: a time must be a finite number >= 0'
 */
export class SurvivalInputError extends Error {
  /** The argument at fault, e.g. "time" or "table". */
  readonly argument: string;
  /** The 0-based index of the offending entry, when there is one. */
  readonly index: number | undefined;
  /** The offending value, as given. */
  readonly value: unknown;

  constructor(message: string, argument: string, index?: number, value?: unknown) {
    super(message);
    this.name = "SurvivalInputError";
    this.argument = argument;
    this.index = index;
    this.value = value;
  }
}

/** Shows a value in an error message the way the caller wrote it. */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" && Number.isNaN(value)) return "NaN";
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "object") {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}
