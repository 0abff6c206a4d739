/**
 * The R reference for the power tests: Schoenfeld's formula evaluated with R's qnorm/pnorm, in
 * test/survival/fixtures/r/beyond.json (written by beyond.R; powerSurvEpi is not packaged for Debian).
 */
import { loadFixture } from "../../helpers/fixtures.js";

export interface PowerFixture {
  schoenfeld: { hazardRatio: number[]; alpha: number[]; power: number[]; allocation: number[]; events: number[] };
  power: { hazardRatio: number[]; events: number[]; alpha: number[]; allocation: number[]; power: number[] };
  detectable: { events: number[]; alpha: number[]; power: number[]; allocation: number[]; lower: number[]; upper: number[] };
}

export const fixture = loadFixture<PowerFixture>("beyond");
