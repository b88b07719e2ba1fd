/**
 * npm run bench:duckdb — how soon DuckDB-WASM is ready on each page that opens it, at 100k
 * customers (BENCH_CUSTOMERS sets another size), in headless Chromium: cold loads (a fresh browser
 * context each), timed in the page by the measure openDatabase records (src/lib/db.ts), from the
 * navigation's start to the database holding the page's tables, and the time the opening took.
 * Medians of five, written to BENCHMARKS.md.
 */
import {DATABASE_MEASURE} from "../src/lib/measures.js";
import {launchBrowser} from "../tools/browser.js";
import {serveStatic} from "../tools/static-server.js";
import {machineLine, writeSection} from "./report.js";
import {buildSite, median, msRange} from "./site.js";

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const LOADS = 5;
/** Pages that open DuckDB-WASM once their first figures are drawn, with different sets of tables (see their openDatabase). */
const PAGES = ["rfm", "segment-migration", "cohorts", "lifecycle", "campaigns", "loyalty"];

const dist = buildSite(CUSTOMERS, PAGES);
const server = await serveStatic(dist);
const browser = await launchBrowser();
const rows: string[] = [];
try {
  for (const path of PAGES) {
    const ready: number[] = [];
    const opening: number[] = [];
    const busy: number[] = [];
    const longest: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext();
      // Long tasks (over 50 ms) of the main thread, kept from the start: the page cannot answer a user during them.
      await context.addInitScript(`{
        window.longTasks = [];
        new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => [e.startTime, e.duration])))
          .observe({type: "longtask", buffered: true});
      }`);
      const page = await context.newPage();
      await page.goto(`${server.origin}/${path}?lang=en`);
      const measure = await page.waitForFunction(
        (name) => {
          const [entry] = performance.getEntriesByName(name, "measure");
          return entry && {start: entry.startTime, duration: entry.duration};
        },
        DATABASE_MEASURE,
        {timeout: 120_000}
      );
      const {start, duration} = (await measure.jsonValue()) as {start: number; duration: number};
      ready.push(Math.round(start + duration));
      opening.push(Math.round(duration));
      const tasks = (await page.evaluate("window.longTasks")) as [number, number][];
      const during = tasks.filter(([at, length]) => at + length > start && at < start + duration);
      busy.push(Math.round(during.reduce((sum, [, length]) => sum + length, 0)));
      longest.push(Math.round(Math.max(0, ...during.map(([, length]) => length))));
      await context.close();
    }
    const line = `| /${path} | ${median(ready)} ms | ${msRange(ready)} | ${median(opening)} ms | ${median(busy)} ms | ${median(longest)} ms |`;
    console.log(line);
    rows.push(line);
  }
} finally {
  await browser.close();
  await server.close();
}

writeSection("Browser: DuckDB-WASM start (`npm run bench:duckdb`)", [
  machineLine("Debian Chromium headless via playwright-core"),
  `Built-in sample at ${CUSTOMERS.toLocaleString("en-US")} customers; site served from 127.0.0.1 by a plain Node static server (no compression).`,
  "",
  `Cold loads (a fresh browser context each, median of ${LOADS}). A page draws its first figures from build-time results and opens`,
  "DuckDB-WASM once they are drawn and the browser is idle (src/lib/db.ts deferredDatabase); an input change before then waits",
  "for it. *Ready* is from the navigation's start to the database holding the page's tables (the measure openDatabase records);",
  "*opening* is from the start of the opening to then: the Parquet files downloaded and decoded, DuckDB's worker started, its",
  "wasm fetched and compiled, the tables inserted. *Main thread held* is the time in long tasks (over 50 ms, the page's",
  "PerformanceObserver) during the opening, and *longest* the longest of them: while one runs, the page answers no click or key.",
  "",
  "| page | ready | range | opening | main thread held | longest |",
  "|---|---:|---:|---:|---:|---:|",
  ...rows
]);
