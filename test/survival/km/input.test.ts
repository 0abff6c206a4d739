// Bad input to kaplanMeier: a SurvivalInputError naming the argument, the index and the value;
// never a NaN result; the caller's arrays left as they were.
import { describe, expect, it } from "vitest";
import { kaplanMeier } from "../../../src/survival/km/kaplanMeier.js";
import { inputError } from "../../helpers/errors.js";

const ok = { time: [3, 1, 4, 1, 5], event: [1, 0, 1, 1, 0] };

describe("kaplanMeier refuses bad data", () => {
  it("lengths that differ", () => {
    const e = inputError(() => kaplanMeier({ time: [1, 2, 3], event: [1, 0] }));
    expect(e.argument).toBe("event");
    expect(e.message).toMatch(/event has length 2 but time has length 3/);
  });

  it.each([
    [-2, "time[1] is -2"],
    [Number.NaN, "time[1] is NaN"],
    [Infinity, "time[1] is Infinity"],
    [null, "time[1] is null"],
    ["7", 'time[1] is "7"'],
  ])("a time of %s", (bad, message) => {
    const e = inputError(() => kaplanMeier({ time: [1, bad as number, 3], event: [1, 1, 0] }));
    expect([e.argument, e.index]).toEqual(["time", 1]);
    expect(Object.is(e.value, bad)).toBe(true);
    expect(e.message).toContain(message);
  });

  it.each([
    [2, "event[2] is 2"],
    [-1, "event[2] is -1"],
    [Number.NaN, "event[2] is NaN"],
    ["1", 'event[2] is "1"'],
  ])("an event code of %s", (bad, message) => {
    const e = inputError(() => kaplanMeier({ time: [1, 2, 3], event: [1, 0, bad as number] }));
    expect([e.argument, e.index]).toEqual(["event", 2]);
    expect(e.message).toContain(message);
  });

  it("empty data", () => {
    const e = inputError(() => kaplanMeier({ time: [], event: [] }));
    expect(e.argument).toBe("time");
    expect(e.message).toMatch(/empty/);
  });

  it("data that is not an object, or lacks a column", () => {
    expect(inputError(() => kaplanMeier(null as never)).argument).toBe("data");
    expect(inputError(() => kaplanMeier({ time: [1, 2] } as never)).argument).toBe("event");
    expect(inputError(() => kaplanMeier({ event: [1, 0] } as never)).argument).toBe("time");
  });
});

describe("kaplanMeier refuses bad options", () => {
  it("an unknown confType", () => {
    const e = inputError(() => kaplanMeier(ok, { confType: "probit" as never }));
    expect([e.argument, e.value]).toEqual(["confType", "probit"]);
    expect(e.message).toContain('confType is "probit"');
  });

  it.each([0, 1, 1.5, -0.5, Number.NaN, "0.95"])("confLevel %s", (bad) => {
    const e = inputError(() => kaplanMeier(ok, { confLevel: bad as number }));
    expect(e.argument).toBe("confLevel");
    expect(Object.is(e.value, bad)).toBe(true);
  });

  it("an option it does not know (a typo)", () => {
    const e = inputError(() => kaplanMeier(ok, { conf_type: "plain" } as never));
    expect([e.argument, e.value]).toEqual(["options", "conf_type"]);
  });
});

describe("the result's functions refuse bad arguments", () => {
  const km = kaplanMeier(ok);
  it.each([0, 1, -0.1, 1.1, Number.NaN, "0.5"])("quantile(%s)", (bad) => {
    const e = inputError(() => km.quantile(bad as number));
    expect(e.argument).toBe("p");
    expect(Object.is(e.value, bad)).toBe(true);
  });
  it.each([Number.NaN, "1", undefined])("survivalAt(%s)", (bad) => {
    expect(inputError(() => km.survivalAt(bad as number)).argument).toBe("t");
  });
  it.each([-1, Number.NaN, Infinity, "3"])("rmst(%s)", (bad) => {
    expect(inputError(() => km.rmst(bad as number)).argument).toBe("tau");
  });
});

describe("kaplanMeier leaves the caller's data alone", () => {
  it("does not change (or need to write to) the input arrays", () => {
    const time = [5, 3, 3, 8, 1];
    const event = [true, false, true, true, false];
    const copy = { time: time.slice(), event: event.slice() };
    const km = kaplanMeier(Object.freeze({ time: Object.freeze(time), event: Object.freeze(event) }) as never);
    expect(time).toEqual(copy.time);
    expect(event).toEqual(copy.event);
    const typed = Float64Array.from(copy.time);
    kaplanMeier({ time: typed, event: copy.event });
    expect(Array.from(typed)).toEqual(copy.time);
    expect(km.time).not.toBe(time);
  });
});
