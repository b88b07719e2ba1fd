/**
 * The whole site built from a transaction log as old systems print it (test/fixtures/
 * transaction-log.ts, shaped like the CDNOW file): whitespace-aligned, no order ids, no customer
 * attributes, dollars. Every row counts, identical rows included; every page opens without an
 * error; pages with nothing to break down by say so instead of failing.
 */
import {join} from "node:path";
import {beforeAll, expect, test} from "vitest";
import type {WorkbenchConfig} from "../../loaders/config.js";
import {formatCents} from "../../src/lib/format.js";
import {setLocale} from "../../src/lib/locale.js";
import {en} from "../../src/lib/messages/en.js";
import {REASON} from "../../src/lib/quality.js";
import {type TransactionLog, writeTransactionLog} from "../fixtures/transaction-log.js";
import {buildTestSite, cleanTestSite, testSite} from "../helpers/test-site.js";

const site = testSite("transaction-log");
let log: TransactionLog;

beforeAll(() => {
  cleanTestSite(site);
  log = writeTransactionLog(join(site.dir, "input"));
  const config: WorkbenchConfig = {
    currency: "USD",
    highValue: 100,
    source: {
      type: "files",
      orders: {
        path: log.path,
        level: "orders",
        timeZone: "America/New_York",
        // No order_id: each row is an order.
        columns: {customer_id: "customer_id", ordered_at: "date", net: "dollar_value", items: "number_of_cds"}
      }
    }
  };
  buildTestSite(site, config, "transaction-log-test-key-0123");
}, 600_000);

test("every row of the log is an order: identical rows are kept and counted, $0 rows are adjustments, the bad date is rejected", () => {
  expect(log.identical).toBeGreaterThan(5);
  expect(log.zero).toBeGreaterThan(5);
  const quality = site.published("quality");
  const [file] = quality.files;
  expect(file).toMatchObject({file: "log.txt", read: log.rows, rejected: 1, classified: log.zero});
  const reason = (r: string) => file.reasons.find((x: {reason: string}) => x.reason === r);
  expect(reason(REASON.identicalKept)).toMatchObject({outcome: "accepted", rows: log.identical});
  expect(file.read_as).toEqual({
    format: "csv",
    encoding: "utf-8",
    detected: "valid UTF-8",
    delimiter: "whitespace",
    header_line: 1,
    undecodable_lines: 0,
    footer_lines: 0
  });
  expect(reason(REASON.unreadableDate)).toMatchObject({outcome: "rejected", column: "ordered_at", rows: 1});
  const sales = quality.orders.find((o: {kind: string}) => o.kind === "sale");
  expect(sales).toMatchObject({orders: log.rows - log.zero - 1, net_cents: log.cents});
  const kpis = site.published("kpis");
  expect(kpis).toMatchObject({buyers: log.buyers, customer_sales_cents: log.cents});
  expect(kpis.missing).toEqual(["region", "city_tier", "channel", "tier", "age_band", "gender", "home_store"]);
});

test("every page opens without an error; the overview and demographics say there is nothing to break down by", async () => {
  const pages = ["/", "/rfm", "/rules-lab", "/segment-migration", "/cohorts", "/lifecycle", "/value", "/demographics"];
  const more = ["/clv", "/churn", "/clusters", "/audiences", "/campaigns", "/loyalty", "/data-quality", "/report/"];
  const seen: string[] = [];
  await site.onPages([...pages, ...more], async (path, page) => {
    expect(await page.locator("h1").first().textContent(), path).toBeTruthy();
    if (path === "/") {
      expect(await page.locator("[data-note=no-breakdown]").textContent()).toBe(en.overview.noBreakdown);
      setLocale({language: "en", currency: "USD"});
      expect(await page.locator("[data-kpi=customer-sales]:visible").textContent()).toBe(formatCents(log.cents));
    }
    if (path === "/demographics") {
      expect(await page.locator("[data-note=no-demographics]").textContent()).toBe(en.demographics.nothing);
      expect(await page.getByText(en.demographics.storesTitle).count()).toBe(0);
    }
    if (path === "/data-quality") {
      expect(await page.getByText(REASON.identicalKept).count()).toBeGreaterThan(0);
      expect(await page.locator("[data-read-as=orders]").textContent()).toBe(
        "Read as CSV: UTF-8 (valid throughout), columns aligned with spaces, header on line 1."
      );
    }
    seen.push(path);
  });
  expect(seen).toHaveLength(pages.length + more.length);
  // Fifteen or more pages in turn, each until DuckDB-WASM has answered: 7-8 s a page while another
  // test file builds a site beside this one (a CI run took 114 s here, another over 120 s).
}, 420_000);
