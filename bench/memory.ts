/** Child process of the benchmark: peak RSS (bytes) for n rows, data + both fits + the test. */
import { kaplanMeier, logRankTest } from "../src/index.js";
import { makeData, split } from "./data.js";

const n = Number(process.argv[2]);
const d = makeData(n);
const fits = split(d).map((a) => kaplanMeier(a));
const test = logRankTest(d);
if (!(test.statistic >= 0) || fits.length !== 2) throw new Error("benchmark fit failed");
console.log(process.resourceUsage().maxRSS * 1024);
