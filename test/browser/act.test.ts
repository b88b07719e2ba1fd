/**
 * The audience builder, campaign evaluation and loyalty pages in a real browser: their first
 * figures come from the build, their numbers equal native DuckDB over the site's own files
 * (the pages' SQL builders there, the statistics in TypeScript), and inputs recompute: a new
 * audience and its export (consenting customers only, the spec beside it), another response
 * window and a margin, edited tier thresholds.
 */
import {readFileSync} from "node:fs";
import type {DuckDBConnection} from "@duckdb/node-api";
import type {Browser, Page} from "playwright-core";
import {csvParse} from "d3";
import {afterAll, beforeAll, expect, test} from "vitest";
import {queryRows} from "../../loaders/duckdb.js";
import {DEVELOPMENT_KEY, keyFingerprint} from "../../loaders/privacy.js";
import {
  AUDIENCE_DEFAULTS,
  audienceCandidatesSql,
  audienceFunnel,
  audienceFunnelSql,
  audienceRules,
  audienceSql
} from "../../src/lib/audiences.js";
import {type CampaignGroup, campaignOutcomesSql, campaignReturn, evaluateCampaigns} from "../../src/lib/campaigns.js";
import {formatCents, formatCount, formatShare} from "../../src/lib/format.js";
import {setLocale} from "../../src/lib/locale.js";
import {type TierMove, loyaltyCustomersSql, loyaltyQueries, loyaltyRules, whatIf} from "../../src/lib/loyalty.js";
import {launchBrowser, type PageWatch, waitForPage, watchPage} from "../../tools/browser.js";
import {serveStatic, type StaticServer} from "../../tools/static-server.js";
import {builtFile} from "../helpers/dist.js";
import {siteDatabase} from "../helpers/site-db.js";
import {editQueries, watchNextEdit} from "../helpers/edit-queries.js";

let browser: Browser;
let server: StaticServer;
let db: DuckDBConnection;
const watches: PageWatch[] = [];
const audiences = JSON.parse(readFileSync(builtFile("_file/data", "audiences", ".json"), "utf-8"));
const asOf: string = audiences.asOf;

beforeAll(async () => {
  setLocale({language: "en", currency: "CNY"});
  server = await serveStatic(`${process.cwd()}/dist`);
  browser = await launchBrowser();
  db = await siteDatabase();
});

afterAll(async () => {
  for (const w of watches) expect([...w.consoleErrors, ...w.failedRequests, ...w.foreignRequests]).toEqual([]);
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({viewport: {width: 1280, height: 900}, acceptDownloads: true});
  watches.push(watchPage(page, server.origin));
  await page.goto(`${server.origin}${path}?lang=en`);
  await waitForPage(page);
  return page;
}

const value = (page: Page, name: string) => page.locator(`[data-value="${name}"]`).first().textContent();

async function nativeFunnel(choices = AUDIENCE_DEFAULTS) {
  const [row] = await queryRows<Record<string, number>>(
    db,
    audienceFunnelSql(audienceCandidatesSql(asOf, audienceRules(choices, 0.5).rules))
  );
  return audienceFunnel(row);
}

test("audiences: the default audience, a new choice, and its export hold consenting customers only", async () => {
  const page = await open("/audiences");
  const expected = await nativeFunnel();
  expect(await value(page, "audience")).toBe(formatCount(expected.audience));
  expect(await page.locator('[data-step="opted-out"] [data-removed]').textContent()).toBe(
    formatCount(expected.optedOut)
  );
  // Add Lost and Hibernating to the segments: the counts follow.
  await page.getByLabel("Segment", {exact: true}).selectOption(["Can't Lose", "At Risk", "Hibernating", "Lost"]);
  const wider = await nativeFunnel({...AUDIENCE_DEFAULTS, segments: ["At Risk", "Can't Lose", "Hibernating", "Lost"]});
  expect(wider.audience).toBeGreaterThan(expected.audience);
  await expect.poll(() => value(page, "audience"), {timeout: 60_000}).toBe(formatCount(wider.audience));
  const holdout = Number((await value(page, "holdout"))!.replace(/,/g, ""));
  expect(holdout).toBeGreaterThan(0.08 * wider.audience);
  expect(holdout).toBeLessThan(0.12 * wider.audience);
  await page.locator("[data-table=preview] table tbody tr").first().waitFor({timeout: 60_000});

  // The export: every key consenting, the groups as the page counted, the spec beside it.
  const csvDownload = page.waitForEvent("download");
  await page.locator('button[data-download$=".csv"]').click();
  const rows = csvParse(readFileSync(await (await csvDownload).path(), "utf-8"));
  expect(rows.length).toBe(wider.audience);
  const consenting = new Set(
    (
      await queryRows<{customer_key: string}>(
        db,
        "SELECT customer_key FROM customers WHERE consent IS TRUE AND NOT opted_out"
      )
    ).map((r) => r.customer_key)
  );
  expect(rows.every((r) => consenting.has(r.customer_key!))).toBe(true);
  expect(rows.filter((r) => r.group === "holdout").length).toBe(holdout);
  const choices = {...AUDIENCE_DEFAULTS, segments: ["At Risk", "Can't Lose", "Hibernating", "Lost"]};
  const native = await queryRows<{customer_key: string; group: string}>(
    db,
    audienceSql(audienceCandidatesSql(asOf, audienceRules(choices, 0.5).rules), choices.holdout)
  );
  const key = (r: {customer_key?: string; group?: string}) => `${r.customer_key}/${r.group}`;
  expect(new Set(rows.map(key))).toEqual(new Set(native.map(key)));
  const specDownload = page.waitForEvent("download");
  await page.locator('button[data-download$=".json"]').click();
  const spec = JSON.parse(readFileSync(await (await specDownload).path(), "utf-8"));
  expect(spec.format).toBe("workbench-audience/1");
  expect(spec.asOf).toBe(asOf);
  expect(spec.keyFingerprint).toBe(keyFingerprint(DEVELOPMENT_KEY));
  expect(spec.counts.audience).toBe(wider.audience);
  expect(spec.counts.holdout).toBe(holdout);
  expect(spec.choices.segments.sort()).toEqual(choices.segments.sort());
  await page.close();
}, 180_000);

test("campaigns: the evaluation equals the statistics over native outcomes; a new window and a margin recompute", async () => {
  const page = await open("/campaigns");
  const native = evaluateCampaigns(await queryRows<CampaignGroup>(db, campaignOutcomesSql()));
  expect(native.length).toBe(2);
  const points = (v: number) => `${v >= 0 ? "+" : ""}${(v * 100).toFixed(1)}`;
  for (const e of native) {
    const card = page.locator(`[data-campaign="${e.campaign_id}"]`);
    expect(await card.locator("[data-value=treated]").textContent()).toBe(formatCount(e.treated.customers));
    expect(await card.locator("[data-value=uplift]").textContent()).toContain(
      `${points(e.responseUplift.estimate)} [${points(e.responseUplift.low)}, ${points(e.responseUplift.high)}]`
    );
  }
  // The sample's configured costs and margin give a return; a new margin changes it.
  const campaigns = JSON.parse(readFileSync(builtFile("_file/data", "campaigns", ".json"), "utf-8"));
  await page.getByLabel("Margin (% of net revenue)").fill("40");
  await page.getByLabel("Margin (% of net revenue)").press("Enter");
  const winBack = native.find((e) => e.campaign_id === "WINBACK")!;
  const r = campaignReturn(winBack, {...campaigns.settings, margin: 0.4})!;
  const roi = page.locator('[data-campaign="WINBACK"] [data-value=roi]');
  if (r.roi)
    await expect
      .poll(() => roi.textContent(), {timeout: 30_000})
      .toBe(`${formatShare(r.roi.estimate)} [${formatShare(r.roi.low)}, ${formatShare(r.roi.high)}]`);
  expect(await page.locator('[data-campaign="WINBACK"] [data-value=margin]').textContent()).toBe(
    `${formatCents(r.marginCents.estimate)} [${formatCents(r.marginCents.low)}, ${formatCents(r.marginCents.high)}]`
  );
  // A 60-day window for both: DuckDB-WASM recomputes the outcomes.
  await page.getByLabel("Response window").selectOption({label: "60 days"});
  const longer = evaluateCampaigns(await queryRows<CampaignGroup>(db, campaignOutcomesSql({window: 60})));
  for (const e of longer)
    await expect
      .poll(() => page.locator(`[data-campaign="${e.campaign_id}"] [data-value=treated-rate]`).textContent(), {
        timeout: 60_000
      })
      .toBe(formatShare(e.treated.responders / e.treated.customers));
  await page.locator("[data-table=uplift-by-segment] table tbody tr").first().waitFor({timeout: 60_000});
  // The planner: 10,000 customers, 10 % baseline, +3 points.
  expect(await value(page, "planner")).toMatch(/Hold out [\d,]+ customers/);
  await page.close();
}, 180_000);

test("loyalty: tiers today from the build; edited thresholds move customers as native DuckDB says", async () => {
  const page = await open("/loyalty");
  const loyalty = JSON.parse(readFileSync(builtFile("_file/data", "loyalty", ".json"), "utf-8"));
  const rules = loyaltyRules(loyalty.rules);
  expect(await value(page, "up")).toBe("0");
  await page.getByLabel(/^Silver from/).fill("1000");
  await page.getByLabel(/^Silver from/).press("Enter");
  const edited = {...rules, tiers: rules.tiers.map((t) => (t.name === "Silver" ? {...t, minSpend: 1000} : t))};
  const moves = await queryRows<TierMove>(db, loyaltyQueries(loyaltyCustomersSql(asOf, rules, edited)).whatIf);
  const w = whatIf(moves, rules, edited);
  expect(w.up.customers).toBeGreaterThan(0);
  await expect.poll(() => value(page, "up"), {timeout: 60_000}).toBe(formatCount(w.up.customers));
  expect(await value(page, "down")).toBe("0");
  expect(await value(page, "liability-after")).toBe(formatCents(w.liabilityCents.edited));
  expect(await page.locator("[data-config=loyalty]").textContent()).toContain("minSpend: 1000");

  // The next edit's query starts at the input event, before Framework's next frame, and runs once:
  // the cell that needs it is handed the running query (src/lib/early.ts).
  await waitForPage(page);
  await watchNextEdit(page);
  await page.getByLabel(/^Silver from/).fill("1200");
  const higher = {...rules, tiers: rules.tiers.map((t) => (t.name === "Silver" ? {...t, minSpend: 1200} : t))};
  const w2 = whatIf(
    await queryRows<TierMove>(db, loyaltyQueries(loyaltyCustomersSql(asOf, rules, higher)).whatIf),
    rules,
    higher
  );
  expect(w2.up.customers).not.toBe(w.up.customers);
  await expect.poll(() => value(page, "up"), {timeout: 60_000}).toBe(formatCount(w2.up.customers));
  await waitForPage(page);
  const started = await editQueries(page);
  expect(started).toHaveLength(1);
  expect(started[0]).toBeLessThan(0);
  await page.close();
}, 180_000);
