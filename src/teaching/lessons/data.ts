/**
 * The data the exercises of the teaching unit are computed from, loaded once: the paper's two
 * tables (data/*.csv), R's veteran trial and MGUS registry (data/teaching/veteran.csv, mgus2.csv)
 * and the seeded simulations (src/teaching/simulate/), with small helpers the answer specs share.
 */
import { loadStudy, type EndpointName, type Study } from "../../study/data/loadEndpoint.js";
import { armData, type ArmData } from "../../study/data/armData.js";
import { oneYearTable } from "../../study/data/oneYearTable.js";
import { kaplanMeier, type KaplanMeierResult } from "../../survival/km/kaplanMeier.js";
import { loadCsvTable, type CsvTable } from "../csvTable.js";
import { simulateInformativeCensoring, type InformativeCensoringCohort } from "../simulate/informativeCensoring.js";
import { simulateImmortalTime, type ImmortalTimeCohort } from "../simulate/immortalTime.js";
import { simulateConfounding, type ConfoundedCohort } from "../simulate/confounding.js";

const once = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

export const study: () => Study = once(() => loadStudy());
export const veteran: () => CsvTable = once(() => loadCsvTable("data/teaching/veteran.csv"));
export const mgus2: () => CsvTable = once(() => loadCsvTable("data/teaching/mgus2.csv"));
export const informativeCohort: () => InformativeCensoringCohort = once(() => simulateInformativeCensoring());
export const immortalCohort: () => ImmortalTimeCohort = once(() => simulateImmortalTime());
export const confoundedCohort: () => ConfoundedCohort = once(() => simulateConfounding());

/** The rows of one arm of one of the paper's tables, as kaplanMeier takes them. */
export const arm = (endpoint: EndpointName, group: number): ArmData => armData(study()[endpoint], group);
export const km = (endpoint: EndpointName, group: number): KaplanMeierResult => kaplanMeier(arm(endpoint, group));

/** The recurrence table as logRankTest takes it. */
export const recurrenceData = () => {
  const e = study().recurrence;
  return { time: e.months, event: e.status, group: e.group };
};

export const lungTable = () => oneYearTable(study().lung_metastasis).table;
export const recurrenceTable = () => oneYearTable(study().recurrence).table;

/** The row of a fitted curve at time t (t must be one of its times). */
export function rowAt(fit: KaplanMeierResult, t: number): number {
  const j = Array.from(fit.time).indexOf(t);
  if (j < 0) throw new Error(`exercises: ${t} is not a time of the curve`);
  return j;
}

/** The rows of a curve with an event, up to and including time t. */
export const eventRowsUpTo = (fit: KaplanMeierResult, t: number): number[] =>
  Array.from(fit.time, (_, j) => j).filter((j) => fit.time[j] <= t && fit.nEvent[j] > 0);

/** A number for a worked solution: `digits` decimals, trailing zeros kept. */
export const fix = (x: number, digits: number): string => x.toFixed(digits);
