// quadraticForm: u' V^- u and rank, checked on matrices whose inverse is known in closed form.
import { describe, expect, it } from "vitest";
import { quadraticForm } from "../../../src/survival/logrank/quadraticForm.js";
import { expectClose } from "../../helpers/fixtures.js";

describe("quadraticForm", () => {
  it("is u' V^-1 u for a full-rank matrix", () => {
    // V = [[4, 2], [2, 3]], V^-1 = [[3, -2], [-2, 4]] / 8; u = (1, 2): (3 - 8 + 16) / 8
    const r = quadraticForm([1, 2], [[4, 2], [2, 3]]);
    expectClose(r.value, 11 / 8, "value");
    expect(r.rank).toBe(2);
  });

  it("uses a generalised inverse for a singular matrix, whatever the order of its rows", () => {
    // V = a a' + b b' with a = (1, 1, 0), b = (0, 1, 1): rank 2. For u = V x the form is x' V x.
    const v = [
      [1, 1, 0],
      [1, 2, 1],
      [0, 1, 1],
    ];
    const x = [0.3, -1.2, 2.5];
    const u = v.map((row) => row.reduce((s, vij, j) => s + vij * x[j], 0));
    const xvx = x.reduce((s, xi, i) => s + xi * u[i], 0);
    const r = quadraticForm(u, v);
    expect(r.rank).toBe(2);
    expectClose(r.value, xvx, "value");
    // a zero row and column (a group with no variance) first
    const z = quadraticForm([0, ...u], [[0, 0, 0, 0], ...v.map((row) => [0, ...row])]);
    expect(z.rank).toBe(2);
    expectClose(z.value, xvx, "value with a zero row first");
  });

  it("gives rank 0 and value 0 for a zero matrix", () => {
    expect(quadraticForm([0, 0], [[0, 0], [0, 0]])).toEqual({ value: 0, rank: 0 });
  });
});
