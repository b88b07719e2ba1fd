/**
 * npm run bench:trace [-- page …] — where an input change's time goes: each change of
 * bench/changes.ts (the floor's and one per interactive page, or only the pages named), timed as
 * bench:reports times it, with a Chrome trace of the page's main thread over the same window. From
 * the input event to the frame showing the new figure: the queries and computations (the page's own measures); the
 * main thread idle (waiting for DuckDB-WASM's worker, and for the next frame); and its busy time
 * split into script, style and layout, and paint (prepaint, paint, layerize, commit). Built-in sample
 * at 100k customers (BENCH_CUSTOMERS sets another size); medians of 10 changes, written to BENCHMARKS.md.
 */
import type {Page} from "playwright-core";
import {launchBrowser, waitForPage} from "../tools/browser.js";
import {serveStatic} from "../tools/static-server.js";
import {ALL_CHANGES, type Change, FLOOR, queryTime} from "./changes.js";
import {machineLine, writeSection} from "./report.js";
import {buildSite, coveredLength, median, timeChange} from "./site.js";

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const RUNS = 10;
const named = process.argv.slice(2);
const changes = [FLOOR, ...ALL_CHANGES.filter((c) => c.path !== "" && (!named.length || named.includes(c.path)))];

/** A trace event: name, thread, start and duration in microseconds. */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
}

const STYLE_LAYOUT = new Set(["UpdateLayoutTree", "Layout"]);
const PAINT = new Set(["PrePaint", "Paint", "Layerize", "Commit"]);

/** Milliseconds of [t0, t1] (µs) covered by at least one of `events` (nested and overlapping ones counted once). */
const covered = (events: TraceEvent[], t0: number, t1: number) =>
  coveredLength(
    events
      .map((e): [number, number] => [Math.max(e.ts, t0), Math.min(e.ts + (e.dur ?? 0), t1)])
      .filter(([s, e]) => e > s)
  ) / 1000;

interface Split {
  endToEnd: number;
  queries: number;
  idle: number;
  script: number;
  styleLayout: number;
  paint: number;
}

/** Times RUNS changes of `change` on `page` under a trace, and splits each change's window. */
async function traceChanges(page: Page, change: Change): Promise<Split[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  // The input event, marked in the page's timeline: the trace's clock is not performance.now()'s.
  await page.evaluate(`document.addEventListener("input", () => performance.mark("bench:edit"), {capture: true})`);
  await cdp.send("Tracing.start", {
    categories: "devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing",
    transferMode: "ReportEvents"
  });
  const timed: {endToEnd: number; queries: number}[] = [];
  for (let i = 1; i <= RUNS; i++) {
    const endToEnd = await timeChange(page, change.selector, () => change.act(page, i));
    timed.push({endToEnd, queries: await queryTime(page, endToEnd)});
    await page.waitForTimeout(500); // let queries for other figures of the page finish before the next change
  }
  await cdp.send("Tracing.end");
  await complete;
  await cdp.detach();
  const edits = events.filter((e) => e.name === "bench:edit" && e.ph !== "e");
  const at = [...new Set(edits.map((e) => e.ts))].sort((a, b) => a - b);
  if (at.length !== RUNS) throw new Error(`${change.path}: ${at.length} input marks in the trace, expected ${RUNS}`);
  // The page's main thread is the one its marks were recorded on.
  const {pid, tid} = edits[0];
  const main = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === "X");
  const tasks = main.filter((e) => e.name === "RunTask");
  const rendering = main.filter((e) => STYLE_LAYOUT.has(e.name) || PAINT.has(e.name));
  return timed.map(({endToEnd, queries}, k) => {
    const [t0, t1] = [at[k], at[k] + endToEnd * 1000];
    const busy = covered(tasks, t0, t1);
    return {
      endToEnd,
      queries,
      idle: endToEnd - busy,
      script: busy - covered(rendering, t0, t1),
      styleLayout: covered(
        main.filter((e) => STYLE_LAYOUT.has(e.name)),
        t0,
        t1
      ),
      paint: covered(
        main.filter((e) => PAINT.has(e.name)),
        t0,
        t1
      )
    };
  });
}

const dist = buildSite(CUSTOMERS, [], {blank: true});
const server = await serveStatic(dist);
const browser = await launchBrowser();
const rows: string[] = [];
try {
  for (const change of changes) {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    await page.goto(`${server.origin}/${change.path}?lang=en`);
    await waitForPage(page, 300_000);
    // The first change starts DuckDB-WASM (and a setup leaves the defaults): not traced.
    await timeChange(page, change.selector, () => (change.setup ?? ((p) => change.act(p, 0)))(page));
    if (change.setup) await timeChange(page, change.selector, () => change.act(page, 0));
    const splits = await traceChanges(page, change);
    const m = (key: keyof Split) => median(splits.map((s) => s[key]));
    const ms = (key: keyof Split) => `${m(key).toFixed(1)} ms`;
    console.log(change.path, change.name, splits);
    rows.push(
      `| /${change.path} | ${change.name} | ${m("endToEnd")} ms | ${ms("queries")} | ${ms("idle")} | ${ms("script")} | ${ms("styleLayout")} | ${ms("paint")} | ${(m("endToEnd") / m("queries")).toFixed(2)}× |`
    );
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

writeSection("Browser: where an input change's time goes (`npm run bench:trace`)", [
  machineLine("Debian Chromium headless via playwright-core"),
  `Built-in sample at ${CUSTOMERS.toLocaleString("en-US")} customers. Each page's change of \`npm run bench:reports\`, ${RUNS} times after a first`,
  "change that starts DuckDB-WASM, under a Chrome trace of the page's main thread (bench/trace-change.ts). From the input event to",
  "the frame showing the new figure: end to end; the queries and the clusters page's k-means, timed in the page as",
  "`npm run bench:reports` times them; the main thread idle (waiting for DuckDB-WASM's worker and for the next frame); and its",
  "busy time split into script (Framework's cells, the charts drawn, the query's rows read; the k-means, which runs on the main",
  "thread), style and layout, and paint (prepaint, paint, layerize, commit). Medians of each column, which need not add up.",
  "Tracing costs the page a little time of its own.",
  "",
  "| page | change | end to end | queries (and k-means) | main thread idle | script | style & layout | paint | end to end ÷ queries |",
  "|---|---|---:|---:|---:|---:|---:|---:|---:|",
  ...rows
]);
