/**
 * npm run bench:reports — in headless Chromium: each report page's cold load to its first chart
 * at the default sample size (20,000 customers), and on the cohorts page at 1M customers the time
 * from an input change to updated cohort figures (query + redraw). Medians, written to BENCHMARKS.md.
 */
import {cpus, totalmem} from "node:os";
import {DEFAULT_SAMPLE} from "../loaders/sources/synthetic/index.js";
import {launchBrowser, waitForPage} from "../tools/browser.js";
import {serveStatic} from "../tools/static-server.js";
import {writeSection} from "./report.js";
import {buildSite, coldLoads, median, timeChange} from "./site.js";

const PAGES = ["cohorts", "lifecycle", "value", "demographics"];
const LOADS = 5;
const RUNS = 7;
const BIG = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);

const loadRows: string[] = [];
{
  const server = await serveStatic(buildSite(DEFAULT_SAMPLE.customers, PAGES));
  const browser = await launchBrowser();
  try {
    for (const path of PAGES) {
      const times = await coldLoads(browser, server.origin, path, LOADS);
      console.log(path, times);
      loadRows.push(`| /${path} | ${median(times)} ms | ${Math.min(...times)}–${Math.max(...times)} ms |`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

let cohortLine: string;
{
  const server = await serveStatic(buildSite(BIG, PAGES));
  const browser = await launchBrowser();
  try {
    const [load] = await coldLoads(browser, server.origin, "cohorts", 1);
    const page = await browser.newPage();
    await page.goto(`${server.origin}/cohorts`);
    await waitForPage(page, 300_000);
    const value = "[data-value=retention-1]";
    const click = (label: string) => () => page.getByLabel(label).check();
    // The first change waits for DuckDB-WASM to start and load the cohort tables. Every change
    // after it is timed away from the default inputs (month, recurring), whose figures come
    // from the build and would flatter the median.
    const first = await timeChange(page, value, click("On or after"));
    await timeChange(page, value, click("Quarter"));
    const changes: number[] = [];
    for (let i = 0; i < RUNS; i++)
      changes.push(await timeChange(page, value, click(i % 2 === 0 ? "Recurring" : "On or after")));
    await timeChange(page, value, click("On or after"));
    const grains: number[] = [];
    for (let i = 0; i < RUNS; i++) grains.push(await timeChange(page, value, click(i % 2 === 0 ? "Month" : "Quarter")));
    console.log({load, first, changes, grains});
    cohortLine = `| ${BIG.toLocaleString("en-US")} | ${load} ms | ${first} ms | ${median(changes)} ms | ${median(grains)} ms |`;
  } finally {
    await browser.close();
    await server.close();
  }
}

writeSection("Browser: report pages (`npm run bench:reports`)", [
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GB; Debian Chromium headless via playwright-core; ${new Date().toISOString().slice(0, 10)}.`,
  "Site served from 127.0.0.1 by a plain Node static server (no compression). The first charts come from build-time results",
  "for the default inputs (src/lib/prepared.ts); DuckDB-WASM starts in the background and answers every input change.",
  "",
  `Cold load to the first chart, built-in sample at the default size (${DEFAULT_SAMPLE.customers.toLocaleString("en-US")} customers), median of ${LOADS} fresh browser contexts:`,
  "",
  "| page | median | range |",
  "|---|---:|---:|",
  ...loadRows,
  "",
  `Cohorts page at scale: cold load to the first chart; the first input change (waits for DuckDB-WASM to start and load the`,
  `cohort tables); then the median of ${RUNS} retention-mode switches (quarterly cohorts) and ${RUNS} month/quarter switches`,
  "(on-or-after retention), each timed from the click's input event to the first animation frame showing the updated period-1 retention (cohort query + redraw).",
  "",
  "| customers | cold load to first chart | first change (DuckDB start) | mode switch | grain switch |",
  "|---:|---:|---:|---:|---:|",
  cohortLine!
]);
