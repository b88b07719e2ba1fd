/**
 * npm run bench:report — the leadership report's first paint in headless Chromium, on the
 * built-in sample at 1M customers (BENCH_CUSTOMERS sets another size): cold loads (a fresh
 * browser context each) until every figure of the page is painted — the KPI values, every
 * chart and the last table — beside a blank Framework page of the same site served the same
 * way in the same run (the floor), and the overview's four headline figures the same way (they
 * come from kpis.json and must not wait for DuckDB-WASM). Also the report's build-time cost
 * (the figures of every period), measured in the build's own loader. Medians, to BENCHMARKS.md.
 */
import {readdirSync} from "node:fs";
import {join} from "node:path";
import {cpus, totalmem} from "node:os";
import type {Browser} from "playwright-core";
import {launchBrowser} from "../tools/browser.js";
import {serveStatic} from "../tools/static-server.js";
import {writeSection} from "./report.js";
import {buildSite, median} from "./site.js";

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const LOADS = Number(process.env.BENCH_LOADS ?? 7);

/** The figures a page must show, all of them painted (laid out with a size). */
const FIGURES: Record<string, string> = {
  blank: "[data-chart=blank] svg",
  overview: "[data-shown] [data-kpi]",
  report:
    "[data-shown] [data-kpi] [data-value], [data-shown] [data-chart] svg, [data-shown] table, [data-shown] .report-suppressed-note"
};

/**
 * One cold load: ms from navigation until a frame in which every figure is laid out (as the
 * page's own animation frames see it: a main thread busy compiling modules delays them), and the
 * browser's first contentful paint (when figures written into the HTML first show).
 */
async function coldPaint(
  browser: Browser,
  url: string,
  selector: string,
  expected: number
): Promise<{all: number; fcp: number; atFcp: number}> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  const page = await context.newPage();
  // How many of the figures were in the page when the browser first painted content.
  await page.addInitScript((s) => {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.name === "first-contentful-paint")
          (window as unknown as {figuresAtFcp: number}).figuresAtFcp = document.querySelectorAll(s).length;
    }).observe({type: "paint", buffered: true});
  }, selector);
  const started = Date.now();
  await page.goto(url, {waitUntil: "commit"});
  await page.waitForFunction(
    ([s, n]) => {
      const all = [...document.querySelectorAll(s as string)];
      return (
        all.length >= (n as number) &&
        // laid out, and a number shown where the figure is a number
        all.every(
          (e) =>
            e.getBoundingClientRect().height > 0 &&
            (!e.matches("[data-kpi], [data-value]") || e.textContent?.trim() !== "")
        )
      );
    },
    [selector, expected] as const,
    {polling: "raf", timeout: 120_000}
  );
  const all = Date.now() - started;
  const [fcp, atFcp] = await page.evaluate(() => [
    performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
    (window as unknown as {figuresAtFcp?: number}).figuresAtFcp ?? 0
  ]);
  await context.close();
  return {all, fcp: Math.round(fcp), atFcp};
}

/** Median first contentful paint; a page with nothing contentful (the blank page's empty chart) has none. */
function fcp(loads: {fcp: number}[]): string {
  const painted = loads.map((l) => l.fcp).filter(Number.isFinite);
  return painted.length ? `${median(painted)} ms` : "none";
}

const dist = buildSite(CUSTOMERS, ["report/index"], {blank: true});
const periods = readdirSync(join(dist, "report"))
  .filter((f) => /^\d{4}-\d{2}\.html$/.test(f))
  .map((f) => f.replace(/\.html$/, ""))
  .sort();
const server = await serveStatic(dist);
const browser = await launchBrowser();
const rows: string[] = [];
try {
  // How many figures each page holds, counted once on a warm load.
  const count = async (path: string, selector: string) => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}${path}`);
    await page.waitForSelector(selector.split(",")[0]);
    const n = await page.locator(selector).count();
    await page.close();
    return n;
  };
  const pages: [string, string, string][] = [
    ["/blank", "blank", "floor"],
    ["/", "overview", "overview: the four headline figures"],
    ["/report/", "report", "report front page"],
    [`/report/${periods.at(-1)}`, "report", "latest period"],
    [`/report/${periods[0]}`, "report", "oldest period"],
    [`/report/${periods.at(-1)}?lang=en`, "report", "latest period, the other language (a script switches it)"]
  ];
  let floor = 0;
  for (const [path, kind, what] of pages) {
    console.log(`${path}: ${what}`);
    const n = await count(path, FIGURES[kind]);
    const loads: {all: number; fcp: number; atFcp: number}[] = [];
    for (let i = 0; i < LOADS; i++) loads.push(await coldPaint(browser, `${server.origin}${path}`, FIGURES[kind], n));
    const times = loads.map((l) => l.all);
    const m = median(times);
    if (kind === "blank") floor = m;
    console.log(path, n, loads);
    rows.push(
      `| ${path} | ${what} | ${n} | ${m} ms | ${Math.min(...times)}–${Math.max(...times)} ms | ${kind === "blank" ? "—" : `${m - floor >= 0 ? "+" : "−"}${Math.abs(m - floor)} ms`} | ${fcp(loads)} | ${loads.filter((l) => l.atFcp === n).length} of ${LOADS} |`
    );
  }
} finally {
  await browser.close();
  await server.close();
}

writeSection(
  `Browser: leadership report first paint at ${CUSTOMERS.toLocaleString("en")} customers (npm run bench:report)`,
  [
    `Machine: ${cpus().length} × ${cpus()[0].model}, ${Math.round(totalmem() / 2 ** 30)} GB, Debian's Chromium (headless). Site: the built-in sample at ${CUSTOMERS.toLocaleString("en")} customers, built with \`npm run build\` (cached in .workbench/bench/), served by tools/static-server.ts on 127.0.0.1.`,
    `Measure: median of ${LOADS} cold loads (fresh browser context each) from navigation to the first animation frame in which every figure of the page is laid out (KPI values, charts, tables, the last note; the count is in the table), beside a blank Framework page of the same site; and the browser's first contentful paint, at which figures written into the page's HTML (the report in the site's default language, the overview's headline cards) are on screen. The frames are the page's own: while its main thread compiles modules (about eighty on the overview) they wait, so the first column can exceed what the reader sees. Target (issue 18): ≤ 500 ms for every report figure.`,
    "",
    "| Page | What | Figures | Median | Range | Above the blank page |",
    "|---|---|---|---|---|---|",
    ...rows
  ]
);
