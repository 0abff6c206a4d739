/**
 * Catching the error a call throws, for tests of bad input: the test fails when the call throws
 * nothing or an error of another class.
 */
import { expect } from "vitest";
import { DataFileError } from "../../src/study/data/dataFileError.js";
import { SurvivalInputError } from "../../src/survival/errors.js";

/** The error of class `type` that `f` throws. */
export function thrownBy<E extends Error>(type: abstract new (...args: never[]) => E, f: () => unknown): E {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(type);
    return e as E;
  }
  return expect.fail(`expected a ${type.name}, nothing was thrown`);
}

/** The SurvivalInputError that `f` throws. */
export function inputError(f: () => unknown): SurvivalInputError {
  return thrownBy(SurvivalInputError, f);
}

/** The DataFileError that `f` throws. */
export function dataFileError(f: () => unknown): DataFileError {
  return thrownBy(DataFileError, f);
}
