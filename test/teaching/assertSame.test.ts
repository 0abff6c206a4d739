import { describe, expect, it } from "vitest";
import { NotSameError, assertSame } from "../../src/teaching/assertSame.js";

describe("assertSame", () => {
  it("passes equal numbers and lists, and says the largest difference", () => {
    expect(assertSame("S", [0.5, 0.25], Float64Array.of(0.5, 0.25))).toBe("S: 2 values by hand = library (largest difference 0)");
    expect(assertSame("chi-square", 8.6273812165944, 8.6273812165944 + 3.6e-15)).toBe("chi-square: by hand = library (largest difference 3.6e-15)");
  });

  it("throws beyond 1e-12, naming the label, the index and both values", () => {
    expect(() => assertSame("S", [0.5, 0.25], [0.5, 0.25 + 2e-12])).toThrow(NotSameError);
    expect(() => assertSame("S", [0.5, 0.25], [0.5, 0.25 + 2e-12])).toThrow(/S\[1\]: by hand 0\.25, library 0\.250000000002\d*: they differ by/);
    expect(() => assertSame("x", 1, 1 + 1e-11)).toThrow(/x: by hand 1/);
  });

  it("takes another tolerance", () => {
    expect(() => assertSame("x", 1, 1.001, 1e-2)).not.toThrow();
    expect(() => assertSame("x", 1, 1.1, 1e-2)).toThrow(NotSameError);
  });

  it("treats NaN and null as 'not defined': equal to each other, never to a number", () => {
    expect(() => assertSame("limit", [NaN, 0.3], [null, 0.3])).not.toThrow();
    expect(() => assertSame("median", null, null)).not.toThrow();
    expect(() => assertSame("median", null, 14)).toThrow(/one is not defined/);
    expect(() => assertSame("limit", [NaN], [0])).toThrow(/one is not defined/);
  });

  it("throws when the lengths or the shapes differ", () => {
    expect(() => assertSame("S", [1, 2], [1])).toThrow(/2 values by hand but 1 from the library/);
    expect(() => assertSame("S", 1, [1])).toThrow(/single value/);
  });
});
