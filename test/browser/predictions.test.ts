/**
 * The CLV, churn and clusters pages in a real browser: their first figures come from the build
 * (models.json) without DuckDB-WASM, their tables equal native DuckDB over the site's own files,
 * and inputs recompute: a breakdown, the number of clusters, the win-back export (consenting
 * customers only, the others counted).
 */
import {readFileSync} from "node:fs";
import type {Browser, Page} from "playwright-core";
import {QUERY_MEASURE} from "../../src/lib/measures.js";
import {afterAll, beforeAll, expect, test} from "vitest";
import {queryRows} from "../../loaders/duckdb.js";
import {segmentedPopulationSql} from "../../src/lib/crosstab.js";
import {formatCents, formatCount} from "../../src/lib/format.js";
import {consentSplit, winBackSql} from "../../src/lib/predictions.js";
import {DEFAULT_RULE_SET} from "../../src/lib/rulesets.js";
import {launchBrowser, type PageWatch, waitForPage, watchPage} from "../../tools/browser.js";
import {builtFile} from "../helpers/dist.js";
import {serveStatic, type StaticServer} from "../../tools/static-server.js";
import {siteDatabase} from "../helpers/site-db.js";

let browser: Browser;
let server: StaticServer;
const watches: PageWatch[] = [];
const models = JSON.parse(readFileSync(builtFile("_file/data", "models", ".json"), "utf-8"));

beforeAll(async () => {
  server = await serveStatic(`${process.cwd()}/dist`);
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const w of watches) expect([...w.consoleErrors, ...w.failedRequests, ...w.foreignRequests]).toEqual([]);
  await browser?.close();
  await server?.close();
});

async function open(path: string, {blockDuckDB = false} = {}): Promise<Page> {
  const page = await browser.newPage({viewport: {width: 1280, height: 900}, acceptDownloads: true});
  if (blockDuckDB)
    await page.route(/duckdb.*\.wasm/, () => undefined); // never answered
  else watches.push(watchPage(page, server.origin));
  await page.goto(`${server.origin}${path}?lang=en`);
  if (!blockDuckDB) await waitForPage(page);
  return page;
}

const value = (page: Page, name: string) => page.locator(`[data-value="${name}"]`).textContent();

test("first figures of the three pages come from the build, with DuckDB-WASM never answering", async () => {
  const clv = await open("/clv", {blockDuckDB: true});
  await clv.locator("[data-chart=clv-bands] svg").first().waitFor({timeout: 30_000});
  await clv.locator("[data-chart=calibration] svg").first().waitFor();
  expect(await value(clv, "buyers")).toBe(formatCount(models.buyers));
  expect(await value(clv, "clv")).toBe(formatCents(models.totals.clvCents));
  expect(await clv.locator("[data-diagnostic=none]").count()).toBe(1);
  await clv.close();
  const churn = await open("/churn", {blockDuckDB: true});
  await churn.locator("[data-chart=at-risk-trend] svg").first().waitFor({timeout: 30_000});
  expect(await value(churn, "at-risk-rule")).toBe(formatCount(models.totals.atRiskRule));
  await churn.close();
  const clusters = await open("/clusters", {blockDuckDB: true});
  await clusters.locator("[data-table=centres] li").first().waitFor({timeout: 30_000});
  expect(await clusters.locator("[data-table=centres] li").count()).toBe(models.clusters.k);
  await clusters.close();
});

test("CLV by group follows the breakdown; its rows are the site's predictions", async () => {
  const page = await open("/clv");
  const db = await siteDatabase();
  const [{regions}] = await queryRows<{regions: number}>(
    db,
    "SELECT count(DISTINCT coalesce(region, 'unknown')) AS regions FROM customers JOIN predictions USING (customer_key)"
  );
  const table = page.locator("[data-table=clv-by-group] table tbody tr");
  const segments = await table.count();
  await page.locator("select").nth(1).selectOption({label: "Region"});
  await expect.poll(() => table.count(), {timeout: 30_000}).toBe(regions);
  expect(regions).not.toBe(segments);
  await page.close();
});

test("the win-back export holds the consenting customers only and counts the others", async () => {
  const page = await open("/churn");
  const db = await siteDatabase();
  const rows = await queryRows<{customer_key: string; consent: boolean | null}>(
    db,
    winBackSql(
      segmentedPopulationSql(models.asOf, {}, DEFAULT_RULE_SET),
      models.typicalGapDays,
      models.settings.riskThreshold
    )
  );
  const split = consentSplit(rows);
  expect(split.refused + split.unknown).toBeGreaterThan(0);
  expect(await value(page, "consent")).toContain(formatCount(split.exportable.length));
  expect(await value(page, "consent")).toContain(formatCount(split.refused));
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.locator("button[data-download='win-back.csv']").click()
  ]);
  const csv = readFileSync((await download.path())!, "utf-8")
    .trim()
    .split("\n");
  expect(csv[0].split(",")).toContain("customer_key");
  const keys = new Set(csv.slice(1).map((line) => line.split(",")[0]));
  expect(keys).toEqual(new Set(split.exportable.map((r) => r.customer_key)));
  await page.close();
});

test("the clusters page reclusters when k or the features change", async () => {
  const page = await open("/clusters");
  expect(await page.locator("[data-table=centres] li").count()).toBe(models.clusters.k);
  const k = page.locator("input[type=number]").first();
  await k.fill("6");
  await k.dispatchEvent("input");
  await expect.poll(() => page.locator("[data-table=centres] li").count(), {timeout: 60_000}).toBe(6);
  const header = () => page.locator("[data-table=cluster-segments] thead").textContent();
  await expect.poll(header, {timeout: 60_000}).toContain("cluster 6");
  expect(await header()).not.toContain("cluster 7");
  // Another k reuses the buyers' features: k-means runs, DuckDB-WASM is not asked again.
  const queries = () => page.evaluate((name) => performance.getEntriesByName(name).length, QUERY_MEASURE);
  const asked = await queries();
  await k.fill("3");
  await k.dispatchEvent("input");
  await expect.poll(() => page.locator("[data-table=centres] li").count(), {timeout: 60_000}).toBe(3);
  await expect.poll(header, {timeout: 60_000}).not.toContain("cluster 4");
  expect(await queries()).toBe(asked);
  // The elbow chart marks the k chosen, in both its panels (its dots run from k = 2).
  const marked = () =>
    page
      .locator("[data-chart=elbow] svg g[aria-label=dot]")
      .evaluateAll((gs) =>
        gs.map((g) => [...g.querySelectorAll("circle")].findIndex((c) => c.getAttribute("fill") === "#e15759") + 2)
      );
  await expect.poll(marked).toEqual([3, 3]);
  await k.fill("6");
  await k.dispatchEvent("input");
  await expect.poll(() => page.locator("[data-table=centres] li").count(), {timeout: 60_000}).toBe(6);
  // Clustering on tenure too moves buyers between clusters.
  const centres = () => page.locator("[data-table=centres] table").textContent();
  const before = await centres();
  await page.getByLabel("tenure").check();
  await expect.poll(centres, {timeout: 60_000}).not.toBe(before);
  expect(await page.locator("[data-table=centres] li").count()).toBe(6);
  await page.close();
});
