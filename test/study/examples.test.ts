/**
 * The study layer's doc comments (test/helpers/docExamples.ts): every function src/study/index.ts
 * exports documents its parameters, result and errors, and its @example runs with every `// =>`
 * value holding for our code and for R (test/study/fixtures/r/study-examples.R writes R's value of
 * each line that has one).
 */
import { describeDocExamples } from "../helpers/docExamples.js";

describeDocExamples("src/study/index.ts", "study-examples", 40);
