/**
 * The project's whole public entry: every layer, re-exported.
 *
 *   survival      the general survival-statistics library (no npm package, no Node API)
 *   digitize      Kaplan-Meier curves read out of a figure's PNG image
 *   study         this paper: its data, claims, verdicts, sensitivity and forensics
 *   presentation  figures, notebook display, static images, the HTML report
 *   teaching      the teaching notebooks' exercises and helpers
 *   runner        executes notebooks on the tslab kernel (npm run reproduce)
 *
 * Each layer has its own, smaller entry (`./survival/index.js`, ...). A layer imports only the
 * layers below it (README, "Layers"); test/project/layers.test.ts enforces that.
 */
export * from "./survival/index.js";
export * from "./digitize/index.js";
export * from "./study/index.js";
export * from "./presentation/index.js";
export * from "./teaching/index.js";
export * from "./runner/index.js";
