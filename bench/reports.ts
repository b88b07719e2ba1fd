/**
 * npm run bench:reports — in headless Chromium, on the built-in sample at 100k customers
 * (BENCH_CUSTOMERS sets another size):
 * - every page's cold load to its first chart, beside a blank Framework page of the same site
 *   served the same way in the same run (the floor: Framework's own start);
 * - an input change on each interactive page, end to end (from the input event to the first frame
 *   showing the new figure), beside the DuckDB-WASM queries that change ran (the page records each
 *   query's time as a performance measure, src/lib/db.ts), measured in the same page and run.
 * Medians, written to BENCHMARKS.md.
 */
import {readdirSync} from "node:fs";
import {launchBrowser, waitForPage} from "../tools/browser.js";
import {serveStatic} from "../tools/static-server.js";
import {machineLine, writeSection} from "./report.js";
import {ALL_CHANGES, FLOOR, queryTime} from "./changes.js";
import {buildSite, coldLoads, median, msRange, timeChange} from "./site.js";

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const LOADS = 5;
const RUNS = 5;
/** BENCH_PAGES=audiences,campaigns,loyalty: only these pages (and the floor), in a section of their own (`npm run bench:act`). */
const ONLY = process.env.BENCH_PAGES?.split(",");

const dist = buildSite(CUSTOMERS, [], {blank: true});
const pages = readdirSync(dist)
  // The update floor has no chart to load: it is timed with the input changes.
  .filter((f) => f.endsWith(".html") && f !== "404.html" && f !== "update-floor.html")
  .filter((f) => !ONLY || f === "blank.html" || ONLY.includes(f.replace(/\.html$/, "")))
  .map((f) => f.replace(/\.html$/, "").replace(/^index$/, ""))
  .sort((a, b) => (a === "blank" ? -1 : b === "blank" ? 1 : a.localeCompare(b)));

const CHANGES = [FLOOR, ...ALL_CHANGES.filter((c) => !ONLY || ONLY.includes(c.path))];

const server = await serveStatic(dist);
const browser = await launchBrowser();
const loadRows: string[] = [];
const changeRows: string[] = [];
try {
  let floor = 0;
  for (const path of pages) {
    // The first figure: a chart, or the table some pages lead with (the clusters' centres), either
    // written into the page at build time (loaders/pages/prerender.ts) or drawn live; and the live one.
    const {first, live} = await coldLoads(browser, server.origin, path, LOADS, {
      first: "[data-prerendered] :is(svg, table), [data-chart] svg, [data-table] table",
      live: "[data-chart] svg, [data-table] table"
    });
    const m = median(first);
    if (path === "blank") floor = m;
    console.log(path || "/", {first, live});
    loadRows.push(
      `| /${path} | ${m} ms | ${msRange(first)} | ${path === "blank" ? "floor" : `${m >= floor ? "+" : "−"}${Math.abs(m - floor)} ms`} | ${median(live)} ms | ${msRange(live)} |`
    );
  }
  let floorAdded = 0;
  for (const change of CHANGES) {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    await page.goto(`${server.origin}/${change.path}?lang=en`);
    await waitForPage(page, 300_000);
    // The first change waits for DuckDB-WASM to start and load its tables; it is reported apart.
    const first = await timeChange(page, change.selector, () => (change.setup ?? ((p) => change.act(p, 0)))(page));
    if (change.setup) await timeChange(page, change.selector, () => change.act(page, 0));
    const endToEnd: number[] = [];
    const queries: number[] = [];
    for (let i = 1; i <= RUNS; i++) {
      const elapsed = await timeChange(page, change.selector, () => change.act(page, i));
      endToEnd.push(elapsed);
      queries.push(Math.round(await queryTime(page, elapsed)));
      await page.waitForTimeout(500); // let queries for other figures of the page finish before the next change
    }
    const e = median(endToEnd);
    const q = median(queries);
    console.log(change.path, change.name, {first, endToEnd, queries});
    // What the page adds to its work, each change's own difference (its median).
    const added = median(endToEnd.map((t, k) => t - queries[k]));
    if (change === FLOOR) floorAdded = added;
    const over = change === FLOOR ? "floor" : `${added >= floorAdded ? "+" : "−"}${Math.abs(added - floorAdded)} ms`;
    changeRows.push(
      `| /${change.path} | ${change.name} | ${first} ms | ${e} ms | ${q} ms | ${added} ms | ${over} | ${q > 0 ? `${(e / q).toFixed(2)}×` : "no query"} |`
    );
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

writeSection(
  ONLY
    ? `Browser: ${ONLY.join(", ")} at ${CUSTOMERS.toLocaleString("en-US")} customers (\`npm run bench:act\`)`
    : "Browser: every page (`npm run bench:reports`)",
  [
    machineLine("Debian Chromium headless via playwright-core"),
    `Built-in sample at ${CUSTOMERS.toLocaleString("en-US")} customers; site served from 127.0.0.1 by a plain Node static server (no compression).`,
    "",
    `Cold load to the first figure, a chart or a leading table (a fresh browser context each time, median of ${LOADS}), beside \`/blank\`: a Framework page of the`,
    "same site with one static chart, served the same way in the same run — the floor. Timed in the page: from the navigation's",
    "start to the first animation frame showing the figure. The first figure is the one written into the page at build time",
    "(loaders/pages/prerender.ts) where the page has one, else the live one; *live* is when the page's own, interactive figure",
    "replaced it (drawn from build-time results; DuckDB-WASM opens after it).",
    "",
    "| page | first figure | range | over the floor | live figure | range |",
    "|---|---:|---:|---:|---:|---:|",
    ...loadRows,
    "",
    `Input changes (median of ${RUNS}, after a first change that starts DuckDB-WASM): end to end, from the input event to the frame`,
    "that paints the new figure (seen in its ResizeObserver callbacks, after Framework's cells and the layout, and timed when the",
    "frame's work on the main thread, paint included, is over: bench/site.ts timeChange), beside the DuckDB-WASM queries the change ran, timed in the same page (performance measures",
    "around each query, src/lib/db.ts), and the computation it ran in the browser (the clusters page's k-means, measured the",
    "same way; a new k reuses the buyers' features and runs no query). Each change reaches the page as one input event, as a",
    "user's does (bench/site.ts choose; fill types). *Added by the page* is the median of each change's end to end less that",
    "work, and the ratio sets the two medians side by side. What a page adds: Framework's cells wait for an",
    "animation frame (the cohorts, value, audience, campaign and loyalty pages start the change's queries at the input event",
    "instead, so that wait overlaps the query: src/lib/early.ts), the figure is redrawn and laid out, and the frame that paints",
    "it comes (up to 17 ms later at 60 Hz). The overview draws every breakdown from",
    "overview.json and runs no query. The floor, `/update-floor`: a Framework page of the same site whose one input runs one",
    "query as the pages run theirs (src/lib/db.ts, src/lib/early.ts) and shows one number (bench/site.ts UPDATE_FLOOR): what",
    "any page adds at least, whatever its figures; *over the floor* is what a page adds beyond it.",
    "",
    "| page | change | first change (DuckDB start) | end to end | its queries (and k-means) | added by the page | over the floor | end to end ÷ that |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
    ...changeRows
  ]
);
