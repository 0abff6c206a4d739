import { describe, expect, it } from "vitest";
import {
  checkAnswer,
  formatAnswer,
  normalise,
  showFeedback,
  NO_HISTORY,
  type ExerciseSpec,
  type WrittenSpec,
} from "../../src/teaching/exercise.js";
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
  solution: () => "Half of one is 0.5.",
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
  solution: () => "exp(-exp()) stays inside.",
};
const boolSpec: ExerciseSpec = { id: "t/bool", notebook: "t", question: "?", answer: () => true, hint: "Compare.", explanation: "{answer}.", solution: () => "It is true." };
const reachSpec: ExerciseSpec = {
  id: "t/median",
  notebook: "t",
  question: "?",
  answer: () => "not reached",
  allowNotReached: true,
  tolerance: 1e-9,
  hint: "Look at the band.",
  explanation: "{answer}.",
  solution: () => "The band stays above 0.5.",
};

describe("checkAnswer", () => {
  it("reads null and undefined as not answered, without a hint before the first try", () => {
    for (const given of [null, undefined]) {
      const f = checkAnswer(numberSpec, given, undefined);
      expect(f.status).toBe("not answered");
      expect(f.message).toContain("not answered yet");
      expect(f.message).not.toContain("Multiply.");
      expect(f.history).toEqual(NO_HISTORY);
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
    const spec: ExerciseSpec<{ k: number }> = { id: "t/ctx", notebook: "t", question: "?", answer: (c) => c.k * 2, hint: "h", explanation: "e", solution: (c) => `2 x ${c.k}` };
    expect(checkAnswer(spec, 6, { k: 3 }).status).toBe("right");
    expect(checkAnswer(spec, 6, { k: 4 }).status).toBe("wrong");
  });
});

describe("the tries: hint after one, worked solution after three", () => {
  /** Answers in turn, each judged after the history of the ones before. */
  const run = (answers: unknown[], spec: ExerciseSpec = numberSpec) => {
    let history = NO_HISTORY;
    return answers.map((a) => {
      const f = checkAnswer(spec, a, undefined, history);
      history = f.history;
      return f;
    });
  };

  it("one wrong try: the hint, and how many tries are left before the solution", () => {
    const [f] = run([0.9]);
    expect(f.history).toEqual({ wrongTries: 1, last: "number:0.9", attempted: true });
    expect(f.message).toContain("*Hint:* Multiply.");
    expect(f.message).toContain("2 more different tries");
    expect(f.message).not.toContain("Half of one is 0.5.");
  });

  it("three different wrong tries: the worked solution", () => {
    const fs = run([0.9, 0.8, 0.7]);
    expect(fs.map((f) => f.history.wrongTries)).toEqual([1, 2, 3]);
    expect(fs[1].message).toContain("One more different try");
    expect(fs[1].message).not.toContain("Worked solution");
    expect(fs[2].message).toContain("**Worked solution** (shown after 3 tries):\n\nHalf of one is 0.5.");
  });

  it("repeating the previous answer (running the cell again) is not a new try; going back to an older one is", () => {
    const fs = run([0.9, 0.9, 0.9, 0.8, 0.9]);
    expect(fs.map((f) => f.history.wrongTries)).toEqual([1, 1, 1, 2, 3]);
    expect(fs[2].message).toContain("*Hint:*");
  });

  it("values of the wrong kind count as tries; a right answer keeps the count and shows no solution", () => {
    const fs = run(["x", [1], 0.9, 0.5]);
    expect(fs.map((f) => f.status)).toEqual(["wrong", "wrong", "wrong", "right"]);
    expect(fs[2].message).toContain("Worked solution");
    expect(fs[3].history).toEqual({ wrongTries: 3, last: "number:0.5", attempted: true });
    expect(fs[3].message).not.toContain("Worked solution");
  });

  it("null after a wrong try shows the hint again, and changes nothing", () => {
    const [, f] = run([0.9, null]);
    expect(f.status).toBe("not answered");
    expect(f.message).toContain("*Hint:*");
    expect(f.history.wrongTries).toBe(1);
  });

  it("choices: wrong words are tries like numbers", () => {
    const fs = run(["plain", "log", "plain"], choiceSpec);
    expect(fs.map((f) => f.history.wrongTries)).toEqual([1, 2, 3]);
    expect(fs[2].message).toContain("exp(-exp()) stays inside.");
  });
});

describe("other right answers", () => {
  const spec: ExerciseSpec = { ...numberSpec, answer: () => 6.5, alsoRight: () => [{ answer: 6, feedback: "Right by the first-time rule." }] };
  it("are right, with their own feedback", () => {
    const f = checkAnswer(spec, 6, undefined);
    expect(f.status).toBe("right");
    expect(f.message).toContain("Right by the first-time rule.");
    expect(checkAnswer(spec, 6.5, undefined).message).not.toContain("first-time rule");
    expect(checkAnswer(spec, 7, undefined).status).toBe("wrong");
  });
});

describe("written exercises", () => {
  const spec: WrittenSpec = { id: "t/written", notebook: "t", label: "3.9", prompt: "Say it.", modelAnswer: () => "> The model." };

  it("wait for at least three words, then show the model answer", () => {
    for (const given of [null, undefined, "", "   ", "ok", "two words", 42]) {
      const f = checkAnswer(spec, given, undefined);
      expect(f.status, String(given)).toBe("not answered");
      expect(f.message).not.toContain("The model.");
      expect(f.history.attempted).toBe(false);
    }
    const f = checkAnswer(spec, "The hazard is lower.", undefined);
    expect(f.status).toBe("written");
    expect(f.message).toContain("**Exercise 3.9 (written): your answer is noted.**");
    expect(f.message).toContain("> The model.");
    expect(f.history.attempted).toBe(true);
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
