/**
 * Digitising figures: the Kaplan-Meier curves of a PNG figure as step points, for
 * reconstructing patient rows from a published figure (Guyot et al. 2012). Imports the
 * survival library for its errors and checks only; decodes PNG files with pngjs.
 */
export {
  digitizeCurves,
  type AxisTicks,
  type DigitizeOptions,
  type DigitizeResult,
  type DigitizedCurve,
  type CurveDiagnostics,
} from "./digitizeCurves.js";
export {
  figureAccuracy,
  type FigureAccuracy,
  type FigureAccuracyOptions,
  type TrueRows,
  type RowsAnalysis,
  type ArmRows,
  type AccuracyCheck,
  type GroupLabel,
} from "./figureAccuracy.js";
export { accuracyTable, ACCURACY_HEADERS, type AccuracyEntry, type AccuracyColumns } from "./accuracyTable.js";
export { parseColor, type Rgb } from "./parseColor.js";
export { decodePng, type Pixels } from "./decodePng.js";
