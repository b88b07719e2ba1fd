/**
 * Credit notes on an invoice-line export (INVOICE_LINES: a "C…" invoice credits an earlier sale
 * that stays in the file): a huge order credited twelve minutes later nets to almost nothing, a
 * partial credit and a credit in a later month reduce revenue in the month they are issued.
 * Customer revenue, AOV, cohort revenue retention and monthly AOV equal a computation by hand
 * from the lines below.
 */
import {mkdirSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {beforeAll, expect, test} from "vitest";
import {ingest, openBuildFolder} from "../../loaders/build.js";
import {queryRows} from "../../loaders/duckdb.js";
import {pseudonymizer} from "../../loaders/privacy.js";
import {INVOICE_LINES} from "../../loaders/sources/files/index.js";
import {cohortCubeSql, cohortMembersSql, cohortSql, type CohortCell} from "../../src/lib/cohorts.js";
import {lifecycleSql, type LifecycleMonth} from "../../src/lib/lifecycle.js";

const WORK = join(process.cwd(), ".workbench", "test-credit-notes");
const KEY = "credit-notes-test-key-0123";
const key = pseudonymizer(KEY);

/** [invoice, qty, date, unit price, customer]. */
const LINES: [string, number, string, string, string][] = [
  ["581483", 80995, "2024-01-10 09:15", "2.08", "16446"], // the giant order ...
  ["C581484", -80995, "2024-01-10 09:27", "2.08", "16446"], // ... credited twelve minutes later
  ["581485", 1, "2024-01-15 10:00", "2.90", "16446"],
  ["581486", 10, "2024-01-20 10:00", "5.00", "17850"],
  ["C581487", -2, "2024-01-25 10:00", "5.00", "17850"], // a partial credit
  ["581488", 4, "2024-02-05 10:00", "5.00", "17850"],
  ["C581489", -4, "2024-03-03 10:00", "5.00", "17850"], // a credit in a later month
  ["581490", 1, "2024-02-10 10:00", "100.00", "12345"],
  ["581491", 1, "2024-03-20 10:00", "30.00", "12345"]
];

let db: DuckDBConnection;

beforeAll(async () => {
  rmSync(WORK, {recursive: true, force: true});
  mkdirSync(WORK, {recursive: true});
  const path = join(WORK, "invoices.csv");
  writeFileSync(
    path,
    "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n" +
      LINES.map(
        ([inv, qty, at, price, customer]) => `${inv},A,item,${qty},${at},${price},${customer},United Kingdom`
      ).join("\n") +
      "\n"
  );
  await ingest(
    {source: {type: "files", orders: {...INVOICE_LINES, path, timeZone: "Europe/London"}}},
    KEY,
    join(WORK, "build")
  );
  db = await openBuildFolder(join(WORK, "build"));
  for (const name of ["customers", "customer_month", "customer_day"])
    await db.run(`CREATE TEMP VIEW ${name} AS SELECT * FROM out_${name}`);
  await db.run(`CREATE TEMP TABLE cohort_cube AS ${cohortCubeSql()}`);
  await db.run(`CREATE TEMP TABLE cohort_members AS ${cohortMembersSql()}`);
});

/** Cents of a line, by hand. */
const cents = ([, qty, , price]: (typeof LINES)[number]) => Math.round(qty * Number(price) * 100);
const month = (line: (typeof LINES)[number]) => line[2].slice(0, 7);

test("customer revenue is net of credits; orders count sales only; AOV follows", async () => {
  const rows = await queryRows<{customer_key: string; orders: number; revenue_cents: number; aov_cents: number}>(
    db,
    "SELECT customer_key, orders, revenue_cents, aov_cents FROM out_customers ORDER BY customer_key"
  );
  const expected = ["16446", "17850", "12345"].map((id) => {
    const mine = LINES.filter((l) => l[4] === id);
    const revenue = mine.reduce((s, l) => s + cents(l), 0);
    const orders = mine.filter((l) => !l[0].startsWith("C")).length;
    return {customer_key: key(id), orders, revenue_cents: revenue, aov_cents: Math.floor(revenue / orders + 0.5)};
  });
  expect(rows).toEqual(expected.sort((a, b) => a.customer_key.localeCompare(b.customer_key)));
  expect(expected.find((c) => c.customer_key === key("16446"))!.revenue_cents).toBe(290); // £168,472.50 before, £2.90 net
});

test("cohort revenue retention counts each credit in the month it was issued", async () => {
  const cells = await queryRows<CohortCell>(db, cohortSql({grain: "month", mode: "recurring", filters: {}}));
  const january = ["16446", "17850"]; // first purchase in January 2024
  const revenueIn = (m: string) =>
    LINES.filter((l) => january.includes(l[4]) && month(l) === m).reduce((s, l) => s + cents(l), 0);
  const first = revenueIn("2024-01");
  const jan = cells.filter((c) => c.cohort === "2024-01").sort((a, b) => a.period - b.period);
  expect(jan.map((c) => c.revenue_cents)).toEqual([first, revenueIn("2024-02"), revenueIn("2024-03")]);
  expect(jan[1].revenue_retention).toBeCloseTo(revenueIn("2024-02") / first, 12);
  expect(jan[2].revenue_retention).toBeCloseTo(revenueIn("2024-03") / first, 12); // negative: a month of credits
});

test("monthly AOV = the month's net revenue ÷ its sales", async () => {
  const months = await queryRows<LifecycleMonth>(db, lifecycleSql({}));
  for (const m of months) {
    const inMonth = LINES.filter((l) => month(l) === m.month);
    const revenue = inMonth.reduce((s, l) => s + cents(l), 0);
    const sales = inMonth.filter((l) => !l[0].startsWith("C")).length;
    expect(m.revenue_cents, m.month).toBe(revenue);
    expect(m.aov_cents!, m.month).toBeCloseTo(revenue / sales, 9);
  }
  expect(months.map((m) => m.month)).toEqual(["2024-01", "2024-02", "2024-03"]);
});

test("the data-quality amounts reconcile with the orders: credits negative, nothing counted twice", async () => {
  const reasons = await queryRows<{reason: string | null; rows: number; amount_cents: number}>(
    db,
    "SELECT reason, rows, amount_cents FROM quality WHERE source = 'orders' ORDER BY reason NULLS FIRST"
  );
  const credits = LINES.filter((l) => l[0].startsWith("C"));
  expect(reasons).toEqual([
    {
      reason: null,
      rows: LINES.length - credits.length,
      amount_cents: LINES.filter((l) => !l[0].startsWith("C")).reduce((s, l) => s + cents(l), 0)
    },
    {reason: "credit note", rows: credits.length, amount_cents: credits.reduce((s, l) => s + cents(l), 0)}
  ]);
  const [{net}] = await queryRows<{net: number}>(db, "SELECT sum(net_cents)::BIGINT AS net FROM out_orders");
  expect(net).toBe(LINES.reduce((s, l) => s + cents(l), 0));
});
