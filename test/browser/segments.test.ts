/**
 * The RFM explorer, rules lab and segment migration pages in Chromium, driven like an analyst
 * would: the numbers shown must equal the same SQL run by native DuckDB over the site's Parquet
 * files (that SQL is itself checked against TypeScript in test/data/rfm-sql.test.ts).
 */
import {readFileSync} from "node:fs";
import type {DuckDBConnection} from "@duckdb/node-api";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {queryRows} from "../../loaders/duckdb.js";
import {formatCount} from "../../src/lib/format.js";
import {parseRules} from "../../src/lib/rules.js";
import {FOUR_TYPES, type RuleSet, STANDARD_RFM, rulesOf} from "../../src/lib/rulesets.js";
import {migrationOverTimeSql, populationSql, segmentSummarySql, type Drill, drillSql} from "../../src/lib/segments.js";
import type {RfmOptions} from "../../src/lib/rfm.js";
import {launchBrowser, waitForPage, watchPage, type PageWatch} from "../../tools/browser.js";
import {builtFile} from "../helpers/dist.js";
import {serveStatic, type StaticServer} from "../../tools/static-server.js";
import {siteDatabase} from "../helpers/site-db.js";

/**
 * How long a page may take to show a change: the first one waits for DuckDB-WASM to start and load
 * the tables, which took over 15 s while the other test worker built a site on the same two cores.
 * Correctness only: the timings are the benchmarks' (npm run bench:browser).
 */
const LIVE = {timeout: 60_000};

let browser: Browser;
let server: StaticServer;
let db: DuckDBConnection;
let asOf: string;

beforeAll(async () => {
  db = await siteDatabase();
  asOf = JSON.parse(readFileSync(builtFile("_file/data", "kpis", ".json"), "utf-8")).asOf;
  server = await serveStatic(`${process.cwd()}/dist`);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<{page: Page; watch: PageWatch}> {
  const page = await browser.newPage({acceptDownloads: true});
  const watch = watchPage(page, server.origin);
  await page.goto(`${server.origin}${path}?lang=en`);
  await waitForPage(page);
  return {page, watch};
}

/** Segment → customers, read from the first table of the page. */
async function shownSegments(page: Page): Promise<Record<string, number>> {
  const rows = await page
    .locator("table")
    .first()
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent?.trim() ?? ""))
    );
  // Inputs.table starts each row with a cell for its (here disabled) selection box.
  return Object.fromEntries(rows.map((c) => c.slice(1)).map((c) => [c[0], Number(c[1].replaceAll(",", ""))]));
}

/** Rule → customers it names (first match), from the rules lab's rule table. */
async function shownRuleCounts(page: Page): Promise<Record<string, number>> {
  const rows = await page
    .locator("table")
    .first()
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent?.trim() ?? ""))
    );
  // Inputs.table starts each row with a cell for its (here disabled) selection box.
  return Object.fromEntries(rows.map((c) => c.slice(1)).map((c) => [c[0], Number(c[3].replaceAll(",", ""))]));
}

async function expectedSegments(
  options: RfmOptions,
  set = STANDARD_RFM,
  rules = rulesOf(set)
): Promise<Record<string, number>> {
  const rows = await queryRows<{group: string; customers: number}>(
    db,
    segmentSummarySql(populationSql(options, set.population), rules)
  );
  return Object.fromEntries(rows.map((r) => [r.group, r.customers]));
}

describe("RFM explorer", () => {
  let page: Page;
  let watch: PageWatch;
  beforeAll(async () => ({page, watch} = await open("/rfm")));

  test("segment counts equal native DuckDB's, and move with the as-of date and the scoring", async () => {
    const initial = await expectedSegments({asOf, scale: 5, method: "quantile"});
    expect(Object.keys(initial).length).toBe(11); // every standard segment is reached on the sample
    await expect.poll(() => shownSegments(page)).toEqual(initial);

    await page.getByLabel("As of").fill("2026-03-31");
    const earlier = await expectedSegments({asOf: "2026-03-31", scale: 5, method: "quantile"});
    expect(earlier).not.toEqual(initial);
    await expect.poll(() => shownSegments(page), LIVE).toEqual(earlier);

    await page.getByLabel("Custom thresholds").check();
    const thresholds = await expectedSegments({asOf: "2026-03-31", scale: 5, method: "thresholds"});
    expect(thresholds).not.toEqual(earlier);
    await expect.poll(() => shownSegments(page), LIVE).toEqual(thresholds);
    await page.getByLabel("Recency cuts (days)").fill("10, 20, x");
    await expect
      .poll(() => page.locator("[data-error=thresholds]").first().textContent(), LIVE)
      .toContain("recency: 4 numbers expected");
    // Fixed: the message goes, the thresholds apply again.
    await page.getByLabel("Recency cuts (days)").fill("30, 90, 180, 365");
    await expect.poll(() => page.locator("[data-error=thresholds]").count(), LIVE).toBe(0);
    await expect.poll(() => shownSegments(page), LIVE).toEqual(thresholds);
    // An absurd cut is refused in words, never as raw error cells.
    await page.getByLabel("Monetary cuts (¥)").fill("300, 800, 1500, 1e307");
    await expect
      .poll(() => page.locator("[data-error=thresholds]").first().textContent(), LIVE)
      .toContain('monetary: "1e307" is larger than');
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    await page.getByLabel("Monetary cuts (¥)").fill("300, 800, 1500, 3000");
    await page.getByLabel("Recency cuts (days)").fill("10, 20, x");
    await expect
      .poll(() => page.locator("[data-error=thresholds]").first().textContent(), LIVE)
      .toContain("recency: 4 numbers expected");
    expect(watch.consoleErrors).toEqual([]);
  });

  test("the segment table shows segment names and money whole at 1280 px", async () => {
    await page.setViewportSize({width: 1280, height: 900});
    const clipped = await page
      .locator("table")
      .first()
      .evaluate((table) => {
        const headers = Array.from(table.querySelectorAll("thead th"), (th) => th.textContent?.trim() ?? "");
        const wanted = ["segment", "revenue", "AOV"].map((h) => headers.indexOf(h)).filter((i) => i >= 0);
        return Array.from(table.querySelectorAll("tbody tr")).flatMap((tr) =>
          wanted
            .map((i) => tr.children[i] as HTMLElement)
            .filter((td) => td && td.scrollWidth > td.clientWidth + 1)
            .map((td) => td.textContent)
        );
      });
    expect(clipped).toEqual([]);
  });

  test("the drill-down exports the chosen segment's customers as CSV", async () => {
    const drill: Drill = {segment: "Champions"};
    // The previous test left an invalid recency cut: the page shows quantile scores meanwhile.
    const expected = await queryRows<{customer_key: string}>(
      db,
      drillSql(
        populationSql({asOf: "2026-03-31", scale: 5, method: "quantile"}, "buyers"),
        rulesOf(STANDARD_RFM),
        drill
      )
    );
    await page.getByLabel("Segment", {exact: true}).selectOption("Champions");
    // Wait for this population's list, not a list of the same name still on the page.
    await expect
      .poll(() => page.locator("[data-drill=Champions] button").textContent(), LIVE)
      .toContain(`(${formatCount(expected.length)} customers)`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("[data-drill=Champions] button").click()
    ]);
    const csv = readFileSync((await download.path())!, "utf-8")
      .trim()
      .split("\n");
    expect(csv[0].split(",").slice(0, 2)).toEqual(["customer_key", "segment"]);
    expect(csv.length - 1).toBe(expected.length);
    expect(new Set(csv.slice(1).map((l) => l.split(",")[0]))).toEqual(new Set(expected.map((r) => r.customer_key)));
    expect(watch.foreignRequests).toEqual([]);
  });

  test("clicking an R × F cell lists and exports that cell's customers", async () => {
    // Plot's pointer picks the cell nearest the mouse: click the middle of one.
    const cell = page.locator("[data-chart=rfm-grid] g[aria-label=cell] rect").nth(3);
    await cell.scrollIntoViewIfNeeded();
    const box = (await cell.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const drilled = page.locator("[data-drill^=R]");
    await drilled.waitFor(LIVE);
    const [, r, f] = (await drilled.getAttribute("data-drill"))!.match(/^R(\d) × F(\d)$/)!;
    const expected = await queryRows<{customer_key: string}>(
      db,
      drillSql(populationSql({asOf: "2026-03-31", scale: 5, method: "quantile"}, "buyers"), rulesOf(STANDARD_RFM), {
        r: Number(r),
        f: Number(f)
      })
    );
    expect(expected.length).toBeGreaterThan(0);
    await expect
      .poll(() => drilled.locator("button").textContent())
      .toContain(`(${formatCount(expected.length)} customers)`);
    const [download] = await Promise.all([page.waitForEvent("download"), drilled.locator("button").click()]);
    const csv = readFileSync((await download.path())!, "utf-8")
      .trim()
      .split("\n");
    expect(new Set(csv.slice(1).map((l) => l.split(",")[0]))).toEqual(new Set(expected.map((row) => row.customer_key)));
    // Hovering elsewhere does not change the drill-down; choosing a segment does.
    const other = (await page.locator("[data-chart=rfm-grid] g[aria-label=cell] rect").nth(0).boundingBox())!;
    await page.mouse.move(other.x + other.width / 2, other.y + other.height / 2);
    expect(await drilled.getAttribute("data-drill")).toBe(`R${r} × F${f}`);
    await page.getByLabel("Segment", {exact: true}).selectOption("Lost");
    await page.waitForSelector("[data-drill=Lost] button");
  });
});

describe("rules lab", () => {
  test("a good edit re-segments; a bad edit shows its error and keeps the last good result", async () => {
    const {page, watch} = await open("/rules-lab");
    await expect.poll(() => page.locator("[data-errors]").first().getAttribute("data-errors"), LIVE).toBe("0");
    const text = "Big spenders: revenue >= 3000\nRegulars: orders >= 3\nOthers: orders > 0";
    await page.getByLabel("Rules").fill(text);
    const expected = await expectedSegments({asOf, scale: 5, method: "quantile"}, STANDARD_RFM, parseRules(text).rules);
    await expect.poll(() => shownRuleCounts(page), LIVE).toEqual(expected);

    await page.getByLabel("Rules").fill(`${text}\nBroken: orders >> 1; DROP TABLE customers`);
    await expect
      .poll(() => page.locator("[data-error-rule=Broken]").first().textContent(), LIVE)
      .toContain("`;` is not allowed");
    expect(await shownRuleCounts(page)).toEqual(expected); // the last good result stays

    // Types as true/false but fails on the data: named, and the last good result stays.
    await page.getByLabel("Rules").fill(`${text}\nHuge: first_purchase > 'not a date'`);
    await expect.poll(() => page.locator("[data-error-rule=Huge]").first().textContent(), LIVE).toMatch(/date/i);
    expect(await shownRuleCounts(page)).toEqual(expected);

    await page.getByLabel("Rules").fill(`${text}\nTypo: ordrs > 1`);
    await expect
      .poll(() => page.locator("[data-error-rule=Typo]").first().textContent(), LIVE)
      .toContain("unknown column ordrs");

    await page.getByLabel("Rules").fill(`${text}\nNever: orders > 1000000\nShadow: orders >= 5`);
    await expect.poll(() => page.locator("[data-errors]").first().getAttribute("data-errors"), LIVE).toBe("0");
    const problems = await page.locator("table").first().textContent();
    expect(problems).toContain("matches nobody");
    expect(problems).toContain("unreachable");
    await expect
      .poll(() => page.locator("[data-rules-source]").first().textContent(), LIVE)
      .toContain("Shadow: orders >= 5");
    const pageSource = (await page.locator("[data-rules-source]").first().textContent())!;
    expect(pageSource.startsWith("const PAGE_RULES = `")).toBe(true); // no backslash before the backticks
    expect(pageSource).not.toContain("\\`");
    expect(watch.consoleErrors).toEqual([]);
  });
});

describe("segment migration", () => {
  /** Customers who changed segment between 90 days before the build date and the build date, by native DuckDB. */
  async function movedCustomers(set: RuleSet): Promise<number> {
    const before = new Date(Date.parse(asOf) - 90 * 86_400_000).toISOString().slice(0, 10);
    const rows = await queryRows<{from: string; to: string; customers: number}>(
      db,
      migrationOverTimeSql(
        {asOf: before, scale: 5, method: "quantile"},
        {asOf, scale: 5, method: "quantile"},
        set,
        rulesOf(set)
      )
    );
    return rows.filter((r) => r.from !== r.to).reduce((s, r) => s + r.customers, 0);
  }
  const shownMoved = (page: Page) => () => page.locator("[data-kpi=moved]").first().textContent();

  test("the first matrix and counts come from the build: they show while DuckDB-WASM cannot load", async () => {
    const moved = await movedCustomers(STANDARD_RFM);
    const page = await browser.newPage();
    await page.route(/duckdb.*\.wasm/, () => undefined); // never answered
    await page.goto(`${server.origin}/segment-migration?lang=en`);
    await expect.poll(shownMoved(page), LIVE).toBe(formatCount(moved));
    await page.close();
  });

  test("the moved customers equal native DuckDB's count between the two dates", async () => {
    const {page, watch} = await open("/segment-migration");
    const moved = await movedCustomers(STANDARD_RFM);
    expect(moved).toBeGreaterThan(0);
    await expect.poll(shownMoved(page), LIVE).toBe(formatCount(moved));
    await page.getByLabel("Rule set").selectOption(FOUR_TYPES.name);
    // The first counts came from the build; this change opens DuckDB-WASM first (seconds on a busy machine).
    await expect.poll(shownMoved(page), {timeout: 60_000}).toBe(formatCount(await movedCustomers(FOUR_TYPES)));
    expect(watch.consoleErrors).toEqual([]);
  });
});
