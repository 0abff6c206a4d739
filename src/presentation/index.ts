/**
 * Presentation: plotly figures (Kaplan-Meier with numbers at risk, rate bars, lines), notebook
 * display (figures, tables and notes as Jupyter MIME bundles; danfo DataFrames), static images
 * through Chromium, and the HTML report. Draws what the layers below computed; computes no
 * statistic itself.
 */
// danfojs-node tables for notebooks (loaded on first use only).
export { toDataFrame, loadDanfo } from "./display/danfo.js";

// Figures (plotly), static images (Chromium) and the HTML report.
export { kmFigure, stepBand, type KmCurve, type KmFit, type KmFigureOptions } from "./figures/kmFigure.js";
export {
  rateBarFigure,
  rateLabel,
  type RateOutcome,
  type RateArm,
  type RateBarOptions,
} from "./figures/rateBarFigure.js";
export { numbersAtRisk, type NumbersAtRisk } from "./figures/numbersAtRisk.js";
export { timeBreaks } from "./figures/timeBreaks.js";
export { formatTest, formatPValue, testName, type TestResult } from "./figures/formatTest.js";
export { OKABE_ITO, type PlotlyFigure } from "./figures/figure.js";
export { show, displayBundle, tslabSink, PLOTLY_MIME, type DisplayData, type DisplaySink } from "./display/show.js";
export { renderPngs, renderSvgs, type RenderOptions } from "./images/renderImages.js";
export { pngsOrFiles, type PngsOrFiles } from "./images/pngsOrFiles.js";
export { figureAxes, type FigureAxes, type FigureAxis } from "./figures/figureAxes.js";
export { chromiumPath, hasChromium, launchChromium } from "./images/chromium.js";
export { withPngs } from "./images/withPngs.js";
export { buildReport, type ReportOptions } from "./report/buildReport.js";
export { renderMarkdown } from "./report/markdown.js";
export { showTable, tableText, tableHtml, tableBundle, formatCell, type TableColumns, type TableOptions } from "./display/table.js";
export { showNote, noteBundle, noteLines } from "./display/note.js";
export { linesFigure, withReferenceLines, type Line, type LinesFigureOptions, type VLine, type HLine } from "./figures/linesFigure.js";
export { logMinusLogFigure, type LogMinusLogCurve, type LogMinusLogOptions } from "./figures/logMinusLogFigure.js";
export { incidenceFigure, type IncidenceCurves, type IncidenceFigureOptions } from "./figures/incidenceFigure.js";
