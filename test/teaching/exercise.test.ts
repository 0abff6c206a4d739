import { describe, expect, it } from "vitest";
import { checkAnswer, formatAnswer, normalise, showFeedback, type ExerciseSpec } from "../../src/teaching/exercise.js";
import type { DisplayData } from "../../src/presentation/display/show.js";

const numberSpec: ExerciseSpec = {
  id: "t/number",
  notebook: "t",
  question: "?",
  answer: () => 0.5,
  tolerance: 5e-4,
  mistakes: () => [{ answer: 0.25, feedback: "That is half of it." }],
  hint: "Multiply.",
  explanation: "It is {answer}.",
};
const countSpec: ExerciseSpec = { ...numberSpec, id: "t/count", answer: () => 6, tolerance: undefined, mistakes: undefined };
const choiceSpec: ExerciseSpec = {
  id: "t/choice",
  notebook: "t",
  question: "?",
  answer: () => "log-log",
  choices: ["plain", "log", "log-log"],
  mistakes: () => [{ answer: "log", feedback: "exp() is positive." }],
  hint: "Think.",
  explanation: "Yes, {answer}.",
};
const boolSpec: ExerciseSpec = { id: "t/bool", notebook: "t", question: "?", answer: () => true, hint: "Compare.", explanation: "{answer}." };
const reachSpec: ExerciseSpec = {
  id: "t/median",
  notebook: "t",
  question: "?",
  answer: () => "not reached",
  allowNotReached: true,
  tolerance: 1e-9,
  hint: "Look at the band.",
  explanation: "{answer}.",
};

describe("checkAnswer", () => {
  it("reads null and undefined as not answered, with the hint", () => {
    for (const given of [null, undefined]) {
      const f = checkAnswer(numberSpec, given, undefined);
      expect(f.status).toBe("not answered");
      expect(f.message).toContain("not answered yet");
      expect(f.message).toContain("Multiply.");
    }
  });

  it("accepts a number within the tolerance and rejects one just outside", () => {
    expect(checkAnswer(numberSpec, 0.5, undefined).status).toBe("right");
    expect(checkAnswer(numberSpec, 0.5 + 4e-4, undefined).status).toBe("right");
    expect(checkAnswer(numberSpec, 0.5 - 4e-4, undefined).status).toBe("right");
    expect(checkAnswer(numberSpec, 0.5 + 6e-4, undefined).status).toBe("wrong");
    expect(checkAnswer(numberSpec, 0.5 - 6e-4, undefined).status).toBe("wrong");
  });

  it("is exact for counts (no tolerance given)", () => {
    expect(checkAnswer(countSpec, 6, undefined).status).toBe("right");
    expect(checkAnswer(countSpec, 6.0001, undefined).status).toBe("wrong");
    expect(checkAnswer(countSpec, 5, undefined).status).toBe("wrong");
  });

  it("puts the right answer into the explanation", () => {
    const f = checkAnswer(numberSpec, 0.5001, undefined);
    expect(f.message).toContain("right");
    expect(f.message).toContain("It is 0.5.");
  });

  it("gives a known mistake its own feedback, then the hint", () => {
    const f = checkAnswer(numberSpec, 0.2501, undefined);
    expect(f.status).toBe("wrong");
    expect(f.message).toContain("That is half of it.");
    expect(f.message).toContain("Multiply.");
    const g = checkAnswer(numberSpec, 0.9, undefined);
    expect(g.message).not.toContain("That is half of it.");
    expect(g.message).toContain("Multiply.");
    expect(g.message).toContain("your answer: 0.9");
  });

  it("never throws on a value of the wrong kind: says what is expected", () => {
    expect(checkAnswer(numberSpec, "0.5", undefined).message).toContain("should be a number");
    expect(checkAnswer(numberSpec, NaN, undefined).message).toContain("finite number");
    expect(checkAnswer(numberSpec, Infinity, undefined).status).toBe("wrong");
    expect(checkAnswer(numberSpec, [0.5], undefined).message).toContain("an array");
    expect(checkAnswer(numberSpec, { x: 1 }, undefined).message).toContain("object");
    expect(checkAnswer(boolSpec, 1, undefined).message).toContain("true or false");
    expect(checkAnswer(choiceSpec, "exp", undefined).message).toContain('one of "plain", "log", "log-log"');
    expect(checkAnswer(choiceSpec, 2, undefined).status).toBe("wrong");
  });

  it("compares words loosely (case, spaces, hyphens, underscores)", () => {
    expect(checkAnswer(choiceSpec, " Log-Log ", undefined).status).toBe("right");
    expect(checkAnswer(choiceSpec, "log_log", undefined).status).toBe("right");
    expect(checkAnswer(choiceSpec, "plain", undefined).status).toBe("wrong");
    const f = checkAnswer(choiceSpec, "LOG", undefined);
    expect(f.status).toBe("wrong");
    expect(f.message).toContain("exp() is positive.");
  });

  it("judges true/false exercises", () => {
    expect(checkAnswer(boolSpec, true, undefined).status).toBe("right");
    expect(checkAnswer(boolSpec, false, undefined).status).toBe("wrong");
  });

  it('takes "not reached" or a number where a median may not be reached', () => {
    expect(checkAnswer(reachSpec, "Not reached", undefined).status).toBe("right");
    expect(checkAnswer(reachSpec, 18, undefined).status).toBe("wrong");
    expect(checkAnswer(reachSpec, "never", undefined).message).toContain('a number or "not reached"');
    const reached: ExerciseSpec = { ...reachSpec, answer: () => 14 };
    expect(checkAnswer(reached, 14, undefined).status).toBe("right");
    expect(checkAnswer(reached, "not reached", undefined).status).toBe("wrong");
  });

  it("passes the context to the answer", () => {
    const spec: ExerciseSpec<{ k: number }> = { id: "t/ctx", notebook: "t", question: "?", answer: (c) => c.k * 2, hint: "h", explanation: "e" };
    expect(checkAnswer(spec, 6, { k: 3 }).status).toBe("right");
    expect(checkAnswer(spec, 6, { k: 4 }).status).toBe("wrong");
  });
});

describe("helpers", () => {
  it("normalise and formatAnswer", () => {
    expect(normalise("  Not_Reached ")).toBe("not reached");
    expect(normalise("FH(0, 1)")).toBe("fh(0, 1)");
    expect(formatAnswer(6)).toBe("6");
    expect(formatAnswer(1 / 3)).toBe("0.333333");
    expect(formatAnswer("b")).toBe('"b"');
    expect(formatAnswer(true)).toBe("true");
  });

  it("showFeedback sends one Markdown bundle to the sink", () => {
    const sent: DisplayData[] = [];
    showFeedback(checkAnswer(countSpec, 5, undefined), (d) => sent.push(d));
    expect(sent).toHaveLength(1);
    expect(sent[0].data["text/markdown"]).toContain("not right");
    expect(sent[0].data["text/plain"]).toBe(sent[0].data["text/markdown"]);
  });
});
