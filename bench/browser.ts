/**
 * npm run bench:browser — in headless Chromium, at 100k and 1M customers (built-in sample):
 * the RFM explorer's cold load to its first chart, the time from a threshold change to updated
 * segment counts, and the rules lab's time from a rule edit to updated counts. Medians of
 * repeated runs, written to BENCHMARKS.md. BENCH_CUSTOMERS=100000 runs one size.
 */
import {launchBrowser, waitForPage} from "../tools/browser.js";
import {serveStatic} from "../tools/static-server.js";
import {machineLine, writeSection} from "./report.js";
import {buildSite, coldLoads, median, timeChange} from "./site.js";

const sizes = (process.env.BENCH_CUSTOMERS ?? "100000,1000000").split(",").map(Number);
const RUNS = 7;
const PAGES = ["rfm", "rules-lab"];

const rows: string[] = [];
for (const customers of sizes) {
  const server = await serveStatic(buildSite(customers, PAGES));
  const browser = await launchBrowser();
  try {
    const {live: loads} = await coldLoads(browser, server.origin, "rfm", 3, {live: "[data-chart=rfm-grid] svg"});
    const page = await browser.newPage();
    await page.goto(`${server.origin}/rfm`);
    await waitForPage(page, 300_000);
    await page.getByLabel("Custom thresholds").check();
    await page.waitForTimeout(2000);
    const thresholds: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const cut = i % 2 === 0 ? "20, 60, 150, 300" : "30, 90, 180, 365";
      thresholds.push(await timeChange(page, "table tbody", () => page.getByLabel("Recency cuts (days)").fill(cut)));
    }
    const lab = await browser.newPage();
    await lab.goto(`${server.origin}/rules-lab`);
    await waitForPage(lab, 300_000);
    const edits: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const text = `Best: m_score = 5 AND r_score >= ${i % 2 === 0 ? 4 : 3}\nRecent: r_score >= 4\nOthers: orders > 0`;
      edits.push(await timeChange(lab, "table tbody", () => lab.getByLabel("Rules").fill(text)));
    }
    const line = `| ${customers.toLocaleString("en-US")} | ${median(loads)} ms | ${median(thresholds)} ms | ${median(edits)} ms |`;
    console.log(line, {loads, thresholds, edits});
    rows.push(line);
  } finally {
    await browser.close();
    await server.close();
  }
}

writeSection("Browser: RFM explorer and rules lab (`npm run bench:browser`)", [
  machineLine("Debian Chromium headless via playwright-core"),
  "The built-in sample at each size; site served from 127.0.0.1 by a plain Node static server (no compression). *Cold load*:",
  "new browser context, navigation to the first chart of /rfm (median of 3; drawn from build-time results, DuckDB-WASM opens after it). *Threshold change*: a new set of",
  `recency cuts typed in, timed from the edit's first input event to the first animation frame that shows the changed segment table (median of ${RUNS}).`,
  `*Rule edit*: new rule text put in the rules lab, timed the same way up to its changed rule table (median of ${RUNS}).`,
  "",
  "| customers | cold load to first chart | threshold change → counts | rule edit → counts |",
  "|---:|---:|---:|---:|",
  ...rows
]);
