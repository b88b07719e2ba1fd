/**
 * The cohorts, lifecycle, value and demographics pages in a real browser: the numbers they show
 * equal an independent TypeScript computation over the site's own Parquet files, first from the
 * build-time results and then, after a filter or input changes, from DuckDB-WASM.
 */
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {formatCents, formatCount, formatShare} from "../../src/lib/format.js";
import {launchBrowser, waitForPage, watchPage, type PageWatch} from "../../tools/browser.js";
import type {CustomerRow} from "../helpers/sample-db.js";
import {serveStatic, type StaticServer} from "../../tools/static-server.js";
import {siteRows} from "../helpers/site-db.js";
import {editQueries, watchNextEdit} from "../helpers/edit-queries.js";
import {
  matches,
  referenceCohorts,
  referenceConversion,
  referenceLifecycle,
  referencePareto
} from "../reference/activity.js";

let browser: Browser;
let server: StaticServer;
let data: Awaited<ReturnType<typeof siteRows>>;
const watches: PageWatch[] = [];

beforeAll(async () => {
  data = await siteRows();
  server = await serveStatic(`${process.cwd()}/dist`);
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const w of watches) expect([...w.consoleErrors, ...w.failedRequests, ...w.foreignRequests]).toEqual([]);
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  watches.push(watchPage(page, server.origin));
  await page.goto(`${server.origin}${path}?lang=en`);
  await waitForPage(page);
  return page;
}

const text = (page: Page, name: string) => () => page.locator(`[data-value="${name}"]`).textContent();
const only = (filters: Record<string, string[]>) => data.customers.filter((c: CustomerRow) => matches(c, filters));

/** Opens the page's filter panel and picks one value of a multiple select. */
async function pick(page: Page, label: string, value: string): Promise<void> {
  if (
    !(await page
      .locator("details")
      .first()
      .evaluate((d) => (d as HTMLDetailsElement).open))
  )
    await page.locator("details > summary").first().click();
  await page.getByLabel(label, {exact: true}).selectOption(value);
}

describe("cohorts page", () => {
  test("shows the cohorts' size and period-1 retention, recomputed after a filter and a grain change", async () => {
    const page = await open("/cohorts");
    const check = async (options: Parameters<typeof referenceCohorts>[2]) => {
      const all = referenceCohorts(data.customers, data.months, options).filter((c) => c.cohort === "All cohorts");
      await expect.poll(text(page, "members"), {timeout: 60_000}).toBe(formatCount(all[0].members));
      await expect.poll(text(page, "retention-1"), {timeout: 60_000}).toBe(formatShare(all[1].retention));
      await expect.poll(text(page, "revenue-retention-1")).toBe(formatShare(all[1].revenue_retention!));
      await expect.poll(text(page, "ltv-0")).toBe(formatCents(all[0].ltv_cents));
    };
    await check({grain: "month", mode: "recurring"});
    await pick(page, "Channel", "Online");
    await check({grain: "month", mode: "recurring", filters: {channel: ["online"]}});
    await page.getByLabel("Quarter").check();
    const quarters: Parameters<typeof referenceCohorts>[2] = {
      grain: "quarter",
      mode: "recurring",
      filters: {channel: ["online"]}
    };
    await check(quarters);
    // The revenue heatmap is drawn again for the new grain: its pooled row is the reference's, by quarter.
    const pooled = referenceCohorts(data.customers, data.months, quarters).filter((c) => c.cohort === "All cohorts");
    const labels = (chart: string) =>
      page
        .locator(`[data-chart=${chart}] svg g[aria-label=text] text`)
        .evaluateAll((ts) => ts.map((t) => t.textContent));
    await expect
      .poll(async () => (await labels("revenue-retention")).slice(0, pooled.length))
      .toEqual(pooled.map((c) => (c.revenue_retention === null ? "" : String(Math.round(c.revenue_retention * 100)))));
    // The change's query starts at the input event, before Framework's next frame, and runs once:
    // the cell is handed the running query (src/lib/early.ts).
    await waitForPage(page);
    const charts = ["customer-retention", "revenue-retention", "ltv"].map((c) => `[data-chart=${c}] svg`);
    const mark = () =>
      page.evaluate((selectors) => {
        for (const s of selectors)
          for (const svg of document.querySelectorAll(s)) (svg as SVGElement).dataset.before = "";
      }, charts);
    const kept = () =>
      page.evaluate(
        (selectors) =>
          selectors.map((s) => {
            const svgs = [...document.querySelectorAll(s)];
            const before = svgs.filter((svg) => "before" in (svg as SVGElement).dataset).length;
            return svgs.length === 0 ? "none" : before === svgs.length ? "kept" : before === 0 ? "redrawn" : "mixed";
          }),
        charts
      );
    await mark();
    await watchNextEdit(page);
    await page.getByLabel("On or after").check();
    await check({grain: "quarter", mode: "on-or-after", filters: {channel: ["online"]}});
    await waitForPage(page);
    const started = await editQueries(page);
    expect(started).toHaveLength(1);
    expect(started[0]).toBeLessThan(0);
    // Revenue retention and lifetime value do not depend on the mode: their charts are kept as
    // drawn (src/lib/memo.ts keptChart); customer retention is drawn again.
    expect(await kept()).toEqual(["redrawn", "kept", "kept"]);
    await page.close();
  });
});

describe("lifecycle page", () => {
  test("shows last month's lifecycle counts and conversion, recomputed after a filter and a date change", async () => {
    const page = await open("/lifecycle");
    const check = async (filters: Record<string, string[]>, asOf: string) => {
      const last = referenceLifecycle(data.customers, data.months, filters).at(-1)!;
      await expect.poll(text(page, "active"), {timeout: 60_000}).toBe(formatCount(last.active));
      await expect.poll(text(page, "new")).toBe(formatCount(last.new));
      await expect.poll(text(page, "dormant")).toBe(formatCount(last.dormant));
      const c = referenceConversion(only(filters), data.days, asOf);
      await expect.poll(text(page, "prospect-rate"), {timeout: 60_000}).toBe(formatShare(c.prospect_rate));
      await expect.poll(text(page, "repeat-rate")).toBe(formatShare(c.repeat_rate));
      await expect
        .poll(() => page.locator(`[data-value="days-to-second"]`).getAttribute("data-days"))
        .toBe(String(c.median_days_to_second));
    };
    await check({}, "2026-06-30");
    await pick(page, "Gender", "Female");
    await check({gender: ["F"]}, "2026-06-30");
    await page.getByLabel("As of", {exact: true}).fill("2025-12-31");
    await check({gender: ["F"]}, "2025-12-31");
    // The stage flows are drawn again for the new date (their place keeps its chart until its data changes).
    await expect.poll(() => page.locator("[data-chart=stage-flows] svg").first().textContent()).toContain("2025-12-31");
    await page.close();
  });
});

describe("value page", () => {
  test("shows the top share and Gini, recomputed after moving the slider and filtering", async () => {
    const page = await open("/value");
    const check = async (top: number, filters: Record<string, string[]>) => {
      const r = referencePareto(data.customers, top, filters);
      await expect.poll(text(page, "buyers"), {timeout: 60_000}).toBe(formatCount(r.buyers));
      await expect.poll(text(page, "top-share"), {timeout: 60_000}).toBe(formatShare(r.top_share));
      await expect.poll(text(page, "gini")).toBe(r.gini.toFixed(3));
    };
    await check(20, {});
    await page.locator("input[type=number]").first().fill("10");
    await page.locator("input[type=number]").first().dispatchEvent("input");
    await check(10, {});
    await pick(page, "Channel", "Store");
    await check(10, {channel: ["store"]});
    await page.close();
  });
});

describe("demographics page", () => {
  test("counts the segmented customers, recomputed after a channel filter and a rule-set change", async () => {
    const page = await open("/demographics");
    const total = () => page.locator("[data-chart=age-gender] h2").textContent();
    const buyers = (channel?: string) =>
      data.customers.filter((c) => c.orders > 0 && (!channel || c.channel === channel)).length;
    await expect.poll(total).toBe(`Age band × gender (${formatCount(buyers())} customers)`);
    await page.getByLabel("Channel").selectOption("Online");
    await expect.poll(total, {timeout: 60_000}).toBe(`Age band × gender (${formatCount(buyers("online"))} customers)`);
    // The four types classify everyone, prospects included.
    await page.getByLabel("Segments").selectOption("Clothing-store four types");
    await expect
      .poll(total, {timeout: 60_000})
      .toBe(`Age band × gender (${formatCount(only({channel: ["online"]}).length)} customers)`);
    await page.close();
  });
});
