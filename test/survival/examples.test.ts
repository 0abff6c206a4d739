/**
 * The survival library's doc comments (test/helpers/docExamples.ts): every function
 * src/survival/index.ts exports documents its parameters, result and errors, and its @example
 * runs with every `// =>` value holding for our code and for R
 * (test/survival/fixtures/r/examples.R writes R's value of each line).
 */
import { describeDocExamples } from "../helpers/docExamples.js";

describeDocExamples("src/survival/index.ts", "examples", 18);
