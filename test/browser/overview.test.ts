/**
 * The overview page in a real browser: the numbers it shows equal an independent computation
 * over the same Parquet file, and changing the breakdown updates them.
 */
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, expect, test} from "vitest";
import {openDuckDB, queryRows} from "../../loaders/duckdb.js";
import {formatCount} from "../../src/lib/format.js";
import {QUERY_MEASURE} from "../../src/lib/measures.js";
import {valueName} from "../../src/lib/messages.js";
import {launchBrowser, waitForPage, watchPage, type PageWatch} from "../../tools/browser.js";
import {builtFile} from "../helpers/dist.js";
import {serveStatic, type StaticServer} from "../../tools/static-server.js";

let browser: Browser;
let server: StaticServer;
let page: Page;
let watch: PageWatch;
let customers: Record<string, unknown>[];

beforeAll(async () => {
  const db = await openDuckDB();
  customers = await queryRows(db, `SELECT * FROM read_parquet('${builtFile("_file/data", "customers", ".parquet")}')`);
  server = await serveStatic(`${process.cwd()}/dist`);
  browser = await launchBrowser();
  page = await browser.newPage();
  watch = watchPage(page, server.origin);
  await page.goto(`${server.origin}/?lang=en`);
  await waitForPage(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Buyers per group, counted in plain TypeScript (not the page's SQL). */
function buyersBy(column: string): Map<string, number> {
  const counts = new Map<string, number>();
  // Shown as the page names them (English: channels and genders spelled out).
  const name = (c: Record<string, unknown>) => valueName(column, c[column] ?? "unknown");
  for (const c of customers) if ((c.orders as number) > 0) counts.set(name(c), (counts.get(name(c)) ?? 0) + 1);
  return counts;
}

async function tableCounts(): Promise<Map<string, number>> {
  const rows = await page
    .locator("form + table tbody tr, table tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent?.trim() ?? ""))
    );
  // Inputs.table puts a checkbox cell first: group, customers, ... follow it.
  return new Map(rows.map((cells) => [cells[1], Number(cells[2].replaceAll(",", ""))]));
}

test("KPI cards show the customer count of customers.parquet", async () => {
  // The cards are written in both languages at build time; the reader's is shown.
  expect(await page.locator("[data-shown] [data-kpi=customers]").textContent()).toBe(formatCount(customers.length));
  const buyers = customers.filter((c) => (c.orders as number) > 0).length;
  expect(await page.locator("[data-shown] [data-kpi=buyers]").textContent()).toBe(formatCount(buyers));
  expect(await page.locator("[data-lang-copy=en]:has([data-kpi])").getAttribute("data-shown")).toBe("");
  expect(await page.locator("[data-lang-copy=zh-CN]:has([data-kpi])").getAttribute("data-shown")).toBeNull();
});

test("the headline figures are in the page as served: no script needed", async () => {
  const html = await (await fetch(`${server.origin}/`)).text();
  expect(html).toContain(`data-kpi="customers">${formatCount(customers.length)}<`);
});

test("the breakdown table matches buyers per region, then per channel and per gender after changing the input", async () => {
  expect(await tableCounts()).toEqual(buyersBy("region"));
  for (const [label, column] of [
    ["Channel", "channel"],
    ["Gender", "gender"]
  ]) {
    await page.getByLabel("Break down by").selectOption(label);
    await expect.poll(tableCounts, {timeout: 15_000}).toEqual(buyersBy(column));
    expect(buyersBy(column).size).toBeGreaterThan(1);
    // The chart is drawn for the new breakdown too: a bar for each group of the table.
    const bars = () =>
      page
        .locator("[data-chart=contribution] svg g[aria-label='y-axis tick label'] text")
        .evaluateAll((ts) => ts.map((t) => t.textContent).sort());
    await expect.poll(bars).toEqual([...(await tableCounts()).keys()].sort());
  }
  await waitForPage(page);
  expect(watch.consoleErrors).toEqual([]);
});

test("the page never loads DuckDB-WASM or a customer table: every breakdown comes from overview.json", () => {
  // The tests above changed the breakdown twice; a query would have needed both.
  expect(watch.requests.filter((url) => /duckdb|\.parquet/.test(url))).toEqual([]);
  expect(watch.requests.some((url) => /overview\.[0-9a-f]+\.json$/.test(url))).toBe(true);
});

test("the headline numbers and every breakdown show while DuckDB-WASM cannot load at all", async () => {
  const blocked = await browser.newPage();
  // Requests for DuckDB's wasm never get an answer: anything waiting for DuckDB would wait forever.
  await blocked.route(/duckdb.*\.wasm/, () => undefined);
  await blocked.goto(`${server.origin}/?lang=en`);
  await expect
    .poll(() => blocked.locator("[data-shown] [data-kpi=customers]").textContent(), {timeout: 15_000})
    .toBe(formatCount(customers.length));
  await expect
    .poll(async () => blocked.locator("table tbody tr").count(), {timeout: 15_000})
    .toBe(buyersBy("region").size);
  await blocked.getByLabel("Break down by").selectOption("Channel");
  await expect
    .poll(async () => blocked.locator("table tbody tr").count(), {timeout: 15_000})
    .toBe(buyersBy("channel").size);
  await blocked.close();
});

test("a query started ahead is handed to the cell asking for it, unless a table it names was written since", async () => {
  const dbModule = builtFile("_import/lib", "db", ".js").split("/dist")[1];
  // A string, not a function: vitest would rewrite a function's import() before Chromium sees it.
  const result = await page.evaluate(`(async () => {
    const {openDatabase, materialize, queriesAhead, queryRows} = await import(${JSON.stringify(dbModule)});
    const db = await openDatabase({});
    const runs = () => performance.getEntriesByName(${JSON.stringify(QUERY_MEASURE)}).length;
    await materialize(db, "numbers", "SELECT 1 AS x");
    const before = runs();
    queriesAhead(db)("SELECT x + 1 AS y FROM numbers");
    const handed = await queryRows(db, "SELECT x + 1 AS y FROM numbers");
    const handedRuns = runs() - before;
    queriesAhead(db)("SELECT x + 1 AS y FROM numbers");
    await materialize(db, "numbers", "SELECT 10 AS x");
    const after = await queryRows(db, "SELECT x + 1 AS y FROM numbers");
    return {handed: handed[0].y, handedRuns, after: after[0].y};
  })()`);
  // Handed over: one query ran. After the table was rewritten: the new rows, not the ones started before.
  expect(result).toEqual({handed: 2, handedRuns: 1, after: 11});
});

test("a query that needs a DuckDB extension fails with an error instead of downloading it", async () => {
  const dbModule = builtFile("_import/lib", "db", ".js").split("/dist")[1];
  // A string, not a function: vitest would rewrite a function's import() before Chromium sees it.
  const message = await page.evaluate(`(async () => {
    const {openDatabase} = await import(${JSON.stringify(dbModule)});
    const db = await openDatabase({});
    try {
      await db.query("SELECT * FROM read_parquet('missing.parquet')");
      return "no error";
    } catch (error) {
      return String(error);
    }
  })()`);
  expect(message).toMatch(/parquet/i);
  expect(message).not.toBe("no error");
  expect(watch.foreignRequests).toEqual([]);
});

test("openDatabase decodes each Parquet file off the main thread into a table of its rows and types; a file it cannot fetch fails by name", async () => {
  const dbModule = builtFile("_import/lib", "db", ".js").split("/dist")[1];
  const file = builtFile("_file/data", "customers", ".parquet");
  const opened = await browser.newPage();
  await opened.goto(`${server.origin}/?lang=en`);
  // A string, not a function: vitest would rewrite a function's import() before Chromium sees it.
  const result = (await opened.evaluate(`(async () => {
    const {openDatabase} = await import(${JSON.stringify(dbModule)});
    const file = (name, url) => ({name, url: async () => url});
    const db = await openDatabase({customers: file("customers.parquet", ${JSON.stringify(file.split("/dist")[1])})});
    const [{n, revenue}] = (await db.query("SELECT count(*)::INTEGER AS n, sum(revenue_cents)::DOUBLE AS revenue FROM customers")).toArray();
    const types = (await db.query("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'customers' ORDER BY ordinal_position")).toArray().map((r) => r.column_name + " " + r.data_type);
    // Fetched by the decoder's worker: the page's own resource timings hold no Parquet file.
    const fetchedHere = performance.getEntriesByType("resource").filter((e) => e.name.endsWith(".parquet")).length;
    let missing = "no error";
    try {
      await openDatabase({nope: file("nope.parquet", "/_file/data/nope.parquet")});
    } catch (error) {
      missing = String(error);
    }
    return {n, revenue, types, fetchedHere, missing};
  })()`)) as {n: number; revenue: number; types: string[]; fetchedHere: number; missing: string};
  await opened.close();
  const db = await openDuckDB();
  const native = await queryRows<{column_name: string; column_type: string}>(
    db,
    `DESCRIBE SELECT * FROM read_parquet('${file}')`
  );
  expect(result.n).toBe(customers.length);
  expect(result.revenue).toBe(customers.reduce((sum, c) => sum + Number(c.revenue_cents), 0));
  expect(result.types).toEqual(native.map((c) => `${c.column_name} ${c.column_type}`));
  expect(result.fetchedHere).toBe(0);
  expect(result.missing).toMatch(/nope\.parquet could not be read: .*HTTP 404/);
});
