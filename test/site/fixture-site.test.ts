/**
 * The whole site built from the messy invoice-line fixture (test/fixtures/retail.ts):
 * - privacy by construction: a master list full of names, phones, emails and birth dates
 *   publishes none of them, nor any raw customer id, in dist/ or in the loader cache
 *   (Parquet files are read cell by cell: their pages are compressed);
 * - the data-quality page, in Chromium, accounts for every row with the expected reason.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, expect, test} from "vitest";
import {openDuckDB, queryRows} from "../../loaders/duckdb.js";
import {formatCents, formatCount} from "../../src/lib/format.js";
import {setLocale} from "../../src/lib/locale.js";
import {en} from "../../src/lib/messages/en.js";
import {EXPECTED_ORDERS, INVOICE_ROWS, PERSONAL, fixtureConfig, writeFixtures} from "../fixtures/retail.js";
import {filesUnder} from "../../tools/files.js";
import {buildTestSite, cleanTestSite, testSite} from "../helpers/test-site.js";

const site = testSite("privacy");
const SITE = site.dir;
/** The config's high-value revenue (yuan): not the default 3,000, so that its use shows. */
const HIGH_VALUE = 25;

/** The text of a published file: Parquet as all its cells, anything else as its bytes. */
async function contents(file: string): Promise<string> {
  if (!file.endsWith(".parquet")) return readFileSync(file).toString("latin1") + readFileSync(file).toString("utf-8");
  const db = await openDuckDB();
  const rows = await queryRows(db, `SELECT * FROM read_parquet('${file}')`);
  return rows.map((r) => Object.values(r).join("\u0001")).join("\n");
}

const {published, onPages} = site;

beforeAll(() => {
  cleanTestSite(site);
  const input = writeFixtures(join(SITE, "input"));
  buildTestSite(site, {...fixtureConfig(input), highValue: HIGH_VALUE}, "privacy-test-key-0123456789");
}, 600_000);

test("the fixture build published customer data", async () => {
  const parquet = filesUnder(join(SITE, "dist")).filter((f) => f.endsWith(".parquet"));
  expect(parquet.length).toBeGreaterThan(0);
  const customers = parquet.find((f) => f.includes("customers."))!;
  expect(await contents(customers)).toContain("Shanghai"); // the master list did arrive, minus its personal fields
});

test("no name, phone, email or birth date reaches dist/ or the loader cache", async () => {
  const published = [...filesUnder(join(SITE, "dist")), ...filesUnder(join(SITE, "src", ".observablehq", "cache"))];
  const personal = [...PERSONAL.names, ...PERSONAL.phones, ...PERSONAL.emails, ...PERSONAL.birthDates];
  const leaks: string[] = [];
  for (const file of published) {
    const text = await contents(file);
    for (const value of personal) if (text.includes(value)) leaks.push(`${file}: ${value}`);
  }
  expect(leaks).toEqual([]);
});

test("no raw customer id appears in any published data file", async () => {
  const data = [
    ...filesUnder(join(SITE, "dist", "_file")),
    ...filesUnder(join(SITE, "src", ".observablehq", "cache", "data"))
  ];
  expect(data.length).toBeGreaterThan(0);
  const leaks: string[] = [];
  for (const file of data) {
    const cells = (await contents(file)).split(/[\u0001\n",:{}[\]\s]+/);
    for (const id of PERSONAL.rawIds) if (cells.includes(id)) leaks.push(`${file}: ${id}`);
  }
  expect(leaks).toEqual([]);
});

test("attributes the fixture lacks (tiers, channels, stores) are named on the overview and offered nowhere", async () => {
  const kpis = published("kpis");
  expect(kpis.missing).toEqual(expect.arrayContaining(["tier", "home_store"]));
  expect(kpis.missing).not.toContain("gender"); // the master list has genders
  await onPages(["/", "/value"], async (path, page) => {
    if (path === "/value") return expect(await page.getByLabel("Member tier").count()).toBe(0);
    expect(await page.locator("[data-missing]").first().textContent()).toContain("Member tier");
    const options = await page.getByLabel("Break down by").locator("option").allTextContents();
    expect(options).toContain("Gender");
    expect(options).not.toContain("Member tier");
  });
});

test("the overview's customer sales name the returns of customers who never bought, which its breakdown leaves out", async () => {
  // From the fixture: 14527 is listed, was credited (C536379) and returned (536380), and never bought.
  const net = (rows: typeof EXPECTED_ORDERS) => rows.reduce((s, [, , , cents]) => s + cents, 0);
  const customerSales = EXPECTED_ORDERS.filter(([, kind, id]) => id !== null && (kind === "sale" || kind === "return"));
  const returnsOnly = customerSales.filter(([, , id]) => id === "14527");
  expect(returnsOnly.map(([, kind]) => kind)).toEqual(["return", "return"]);
  const kpis = published("kpis");
  expect(kpis.customer_sales_cents).toBe(net(customerSales));
  expect([kpis.returns_only_customers, kpis.returns_only_cents]).toEqual([1, net(returnsOnly)]);
  // The breakdown adds up to customer sales less those returns.
  const rows = published("overview").contribution[0].rows as {revenue_cents: number}[];
  expect(rows.reduce((s, r) => s + r.revenue_cents, 0)).toBe(kpis.customer_sales_cents - kpis.returns_only_cents);
  setLocale({language: "en", currency: "CNY"});
  await onPages(["/"], async (_, page) => {
    expect(await page.locator("[data-kpi=customer-sales]:visible").textContent()).toBe(
      formatCents(kpis.customer_sales_cents)
    );
    expect(await page.locator("[data-kpi=returns-only]:visible").textContent()).toBe(
      en.overview.returnsOnly("1", formatCents(net(returnsOnly)))
    );
  });
});

test("the config's high-value revenue reaches the build's results and the pages", async () => {
  expect(published("lifecycle").stages.options.highValue).toBe(HIGH_VALUE);
  setLocale({language: "en", currency: "CNY"});
  await onPages(["/lifecycle", "/rules-lab"], async (path, page) => {
    if (path === "/lifecycle")
      expect(await page.getByLabel("High value from (¥)").inputValue()).toBe(String(HIGH_VALUE));
    else
      expect(await page.locator("main").textContent()).toContain(
        `high_value is the site's high-value revenue, ${formatCents(HIGH_VALUE * 100)}.`
      );
  });
});

test("with three buyers no model fits: the pages say what is missing and claim nothing for it", async () => {
  const models = published("models");
  expect([models.methods.pAlive, models.truth ?? null]).toEqual(["none", null]);
  await onPages(["/churn", "/clv"], async (path, page) => {
    if (path === "/churn") {
      // No "model: alive" row for buyers the model never judged.
      expect(await page.locator("[data-table=signals]").textContent()).toBe(en.churn.noComparison);
    } else {
      const text = await page.locator("main").textContent();
      expect(text).toContain(en.clv.parametersIntro("¥", false));
      expect(text).not.toContain("true parameters"); // not the built-in sample: no truth to show
    }
  });
});

test("the data-quality page explains every invoice row that did not become a purchase", async () => {
  await onPages(["/data-quality"], async (_, page) => {
    const count = (outcome: string) => INVOICE_ROWS.filter(([, o]) => o === outcome).length;
    const reconcile = page.locator("[data-reconcile=orders]");
    expect(await reconcile.getAttribute("data-read")).toBe(String(INVOICE_ROWS.length));
    expect(await reconcile.getAttribute("data-accepted")).toBe(String(count("accepted")));
    expect(await reconcile.getAttribute("data-classified")).toBe(String(count("classified")));
    expect(await reconcile.getAttribute("data-rejected")).toBe(String(count("rejected")));
    expect(await reconcile.textContent()).toContain(`${formatCount(INVOICE_ROWS.length)} rows read`);
    const text = await page.locator("main").textContent();
    // Each reason with its explanation (the vocabulary's text, not only the reason's name).
    for (const [, outcome, reason] of INVOICE_ROWS) {
      if (outcome === "accepted") continue;
      expect(text).toContain(reason!);
      expect(text).toContain((en.quality.reasons as Record<string, string>)[reason!]);
    }
    expect(text).toContain("deducted from customer revenue");
  });
});

test("a source without campaigns, tiers or stores: the action pages say so and offer nothing the data lacks", async () => {
  await onPages(["/campaigns", "/audiences", "/loyalty"], async (path, page) => {
    if (path === "/campaigns")
      expect(await page.locator("[data-empty=campaigns]").textContent()).toContain("This data has no campaigns");
    if (path === "/audiences") {
      expect(await page.getByLabel("Member tier").count()).toBe(0);
      expect(await page.getByLabel("Home store").count()).toBe(0);
      expect(await page.getByLabel("Gender").count()).toBe(1);
      // The master list has birth dates and consent: the birthday filter is offered, no warning shown.
      expect(await page.getByLabel(/^Birthday month/).count()).toBe(1);
      expect(await page.locator("[data-note=no-consent]").count()).toBe(0);
      // 17850, 17853 and 17854 consented; whoever the default segments hold, only they can be in it.
      expect(Number(await page.locator("[data-value=audience]").textContent())).toBeLessThanOrEqual(3);
    }
    if (path === "/loyalty")
      expect(await page.locator("[data-table=recorded-tiers]").textContent()).toContain("unknown");
  });
});
