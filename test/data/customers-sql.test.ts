/**
 * customersSql, customerMonthSql and kpisSql on a real DuckDB, checked against a plain TypeScript
 * computation over the same canonical rows (the independent reference).
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {beforeAll, expect, test} from "vitest";
import {publishInDuckDB} from "../../loaders/derive/publish.js";
import {openDuckDB, queryRows} from "../../loaders/duckdb.js";
import {CANONICAL_TABLES} from "../../loaders/schema.js";
import {loadSample} from "../../loaders/sources/synthetic/index.js";

const AS_OF = "2025-09-30"; // before the data's end: later orders must be ignored
let db: DuckDBConnection;

interface Order {
  customer_key: string | null;
  d: string;
  net_cents: number;
  discount_cents: number;
  kind: string;
  store_id: string | null;
}

beforeAll(async () => {
  db = await openDuckDB();
  for (const ddl of CANONICAL_TABLES) await db.run(ddl);
  await loadSample(db, {customers: 800, seed: 3, start: "2024-01-01", end: "2025-12-31"}, (raw) => `k${raw}`);
  // The sample buys at most once a day: add second purchases on a day that already has one,
  // for a few customers on their first day (at a store whose id sorts first) and on their last.
  await db.run(`INSERT INTO orders SELECT order_id || '-b', customer_key, ordered_at, business_date, 'A00', channel, gross_cents, discount_cents, net_cents + 1, items, kind
    FROM orders WHERE kind = 'sale' AND customer_key IS NOT NULL AND business_date <= DATE '${AS_OF}'
    QUALIFY row_number() OVER (PARTITION BY customer_key ORDER BY business_date) = 1 OR row_number() OVER (PARTITION BY customer_key ORDER BY business_date DESC) = 1
    ORDER BY order_id LIMIT 40`);
  // Customers the known-at rule (src/lib/known.ts) tells apart: a listed customer with no signup
  // date who never bought (known), one who first bought after the date (not yet known), one
  // who bought before it (known); order-only buyers before and after the date.
  await db.run(`UPDATE customers SET signup_date = NULL WHERE customer_key IN (
    (SELECT min(customer_key) FROM customers WHERE customer_key NOT IN (SELECT customer_key FROM orders WHERE customer_key IS NOT NULL)),
    (SELECT min(customer_key) FROM orders WHERE kind = 'sale' AND customer_key IS NOT NULL AND customer_key NOT IN
      (SELECT customer_key FROM orders WHERE kind = 'sale' AND customer_key IS NOT NULL AND business_date <= DATE '${AS_OF}')),
    (SELECT min(customer_key) FROM orders WHERE kind = 'sale' AND business_date <= DATE '${AS_OF}'))`);
  await db.run(`INSERT INTO orders SELECT order_id || '-x', 'order-only-' || (business_date <= DATE '${AS_OF}'), ordered_at, business_date, store_id, channel,
    gross_cents, discount_cents, net_cents, items, kind FROM orders WHERE kind = 'sale' AND customer_key IS NOT NULL
    AND business_date IN (DATE '2025-03-01', DATE '2025-11-01')`);
  // An order-only customer with returns and no sale (credited for a purchase before the data).
  await db.run(`INSERT INTO orders SELECT order_id || '-r', 'returns-only', ordered_at, business_date, store_id, channel,
    gross_cents, discount_cents, net_cents, items, kind FROM orders WHERE kind = 'return' AND business_date <= DATE '${AS_OF}'
    ORDER BY order_id LIMIT 2`);
  await publishInDuckDB(db, AS_OF);
});

/** The README's rule, from the canonical rows: signed up or bought by AS_OF; listed with neither date, always. */
function knownAtAsOf(signup: string | null, sales: Order[]): boolean {
  if (signup === null && sales.length === 0) return true;
  return (signup !== null && signup <= AS_OF) || sales.some((o) => o.d <= AS_OF);
}

const days = (a: string, b: string) => Math.round((Date.parse(a) - Date.parse(b)) / 86_400_000);

test("customersSql matches a TypeScript computation for every customer", async () => {
  const allOrders = await queryRows<Order>(
    db,
    `SELECT customer_key, business_date::VARCHAR AS d, net_cents, discount_cents, kind, store_id FROM orders`
  );
  const orders = allOrders.filter((o) => o.d <= AS_OF);
  const complaints = await queryRows<{customer_key: string; n: number}>(
    db,
    `SELECT customer_key, count(*)::INTEGER AS n FROM feedback WHERE kind = 'complaint' AND feedback_date <= DATE '${AS_OF}' GROUP BY 1`
  );
  const master = await queryRows<{
    customer_key: string;
    signup: string | null;
    birth_year: number | null;
    consent: boolean | null;
    opt_out: string | null;
  }>(
    db,
    "SELECT customer_key, signup_date::VARCHAR AS signup, birth_year, marketing_consent AS consent, opt_out_date::VARCHAR AS opt_out FROM customers"
  );
  const listed = new Set(master.map((c) => c.customer_key));
  const orderOnly = [
    ...new Set(allOrders.map((o) => o.customer_key).filter((k): k is string => k !== null && !listed.has(k)))
  ];
  const expected = new Map<string, Record<string, unknown>>();
  let sameDay = 0;
  const noSignup = {known: 0, unknown: 0};
  for (const c of [
    ...master,
    ...orderOnly.map((customer_key) => ({customer_key, signup: null, birth_year: null, consent: null, opt_out: null}))
  ]) {
    const known = knownAtAsOf(
      c.signup,
      allOrders.filter((o) => o.customer_key === c.customer_key && o.kind === "sale")
    );
    if (c.signup === null) noSignup[known ? "known" : "unknown"]++;
    if (!known) continue;
    const mine = orders.filter((o) => o.customer_key === c.customer_key);
    const sales = mine.filter((o) => o.kind === "sale");
    const revenue = mine.filter((o) => o.kind === "sale" || o.kind === "return").reduce((s, o) => s + o.net_cents, 0);
    const dates = [...new Set(sales.map((o) => o.d))].sort();
    const gaps = dates.slice(1).map((d, i) => days(d, dates[i]));
    if (dates.length < sales.length) sameDay++;
    // the store of the first purchase; two on that day: the smaller store id
    const firstStores = sales
      .filter((o) => o.d === dates[0] && o.store_id !== null)
      .map((o) => o.store_id!)
      .sort();
    const mean = gaps.length ? gaps.reduce((a, b) => a + b, 0) / gaps.length : null;
    const sd = gaps.length > 1 ? Math.sqrt(gaps.reduce((s, g) => s + (g - mean!) ** 2, 0) / (gaps.length - 1)) : null;
    const age = 2025 - (c.birth_year ?? 0);
    expected.set(c.customer_key, {
      orders: sales.length,
      revenue_cents: revenue,
      first_purchase: dates[0] ?? null,
      last_purchase: dates.at(-1) ?? null,
      first_store: firstStores[0] ?? null,
      recency_days: dates.length ? days(AS_OF, dates.at(-1)!) : null,
      tenure_days: dates.length ? days(AS_OF, dates[0]) : null,
      aov_cents: sales.length ? Math.floor(revenue / sales.length + 0.5) : null,
      ipi_mean_days: mean,
      ipi_sd_days: sd,
      discount_share: sales.length ? sales.filter((o) => o.discount_cents > 0).length / sales.length : null,
      complaints: complaints.find((q) => q.customer_key === c.customer_key)?.n ?? 0,
      age_band:
        c.birth_year === null
          ? "unknown"
          : age < 25
            ? "<25"
            : age < 35
              ? "25-34"
              : age < 45
                ? "35-44"
                : age < 55
                  ? "45-54"
                  : "55+",
      // unknown (null) unless the source says yes or no; an opt-out by the date is no
      consent: c.opt_out !== null && c.opt_out <= AS_OF ? false : c.consent
    });
  }
  const actual = await queryRows<Record<string, unknown>>(
    db,
    `SELECT customer_key, orders, revenue_cents, first_purchase::VARCHAR AS first_purchase,
    last_purchase::VARCHAR AS last_purchase, first_store, recency_days, tenure_days, aov_cents, ipi_mean_days, ipi_sd_days, discount_share, complaints, age_band, consent
    FROM out_customers`
  );
  expect(actual.length).toBe(expected.size);
  // listed with no date (never bought; bought before), order-only before, returns only (known like
  // a listed customer who never bought); after the date: one listed, one order-only
  expect(noSignup).toEqual({known: 4, unknown: 2});
  expect(actual.some((c) => c.customer_key === "returns-only" && (c.revenue_cents as number) < 0)).toBe(true);
  expect(sameDay).toBeGreaterThan(0); // customers with two purchases on one day: one interval, not two
  for (const {customer_key, ipi_mean_days, ipi_sd_days, ...row} of actual) {
    const {ipi_mean_days: mean, ipi_sd_days: sd, ...want} = expected.get(customer_key as string)!;
    expect(row).toEqual(want);
    if (mean === null) expect(ipi_mean_days).toBeNull();
    else expect(ipi_mean_days as number).toBeCloseTo(mean as number, 9);
    if (sd === null) expect(ipi_sd_days).toBeNull();
    else expect(ipi_sd_days as number).toBeCloseTo(sd as number, 6);
  }
});

test("customer-month revenue sums to customer revenue, and orders to customer orders", async () => {
  const rows = await queryRows<{a: number; b: number; c: number; d: number}>(
    db,
    `SELECT
    (SELECT sum(revenue_cents) FROM out_customer_month)::BIGINT AS a, (SELECT sum(revenue_cents) FROM out_customers)::BIGINT AS b,
    (SELECT sum(orders) FROM out_customer_month)::BIGINT AS c, (SELECT sum(orders) FROM out_customers)::BIGINT AS d`
  );
  expect(rows[0].a).toBe(rows[0].b);
  expect(rows[0].c).toBe(rows[0].d);
  expect(rows[0].c).toBeGreaterThan(0);
});

test("kpisSql matches a TypeScript computation over all orders, walk-ins and returns included", async () => {
  const orders = await queryRows<Order>(
    db,
    `SELECT customer_key, business_date::VARCHAR AS d, net_cents, discount_cents, kind, store_id FROM orders`
  );
  const listed = await queryRows<{k: string; signup: string | null}>(
    db,
    "SELECT customer_key AS k, signup_date::VARCHAR AS signup FROM customers"
  );
  const keys = new Set([...listed.map((c) => c.k), ...orders.map((o) => o.customer_key).filter((k) => k !== null)]);
  const signupOf = new Map(listed.map((c) => [c.k, c.signup]));
  const upTo = orders.filter((o) => o.d <= AS_OF);
  const sales = upTo.filter((o) => o.kind === "sale");
  const perBuyer = new Map<string, number>();
  for (const o of sales)
    if (o.customer_key !== null) perBuyer.set(o.customer_key, (perBuyer.get(o.customer_key) ?? 0) + 1);
  const net = (rows: Order[]) =>
    rows.filter((o) => o.kind === "sale" || o.kind === "return").reduce((s, o) => s + o.net_cents, 0);
  const dates = upTo.map((o) => o.d).sort();
  // Customers with a return but no sale by the date: in customer sales, in no buyer's revenue.
  const returnsOnly = [
    ...new Set(upTo.filter((o) => o.kind === "return" && o.customer_key !== null).map((o) => o.customer_key))
  ].filter((k) => !perBuyer.has(k!));
  const expected = {
    customers: [...keys].filter((k) =>
      knownAtAsOf(
        signupOf.get(k!) ?? null,
        orders.filter((o) => o.customer_key === k && o.kind === "sale")
      )
    ).length,
    buyers: perBuyer.size,
    repeat_buyers: [...perBuyer.values()].filter((n) => n >= 2).length,
    orders: sales.length,
    customer_orders: sales.filter((o) => o.customer_key !== null).length,
    net_sales_cents: net(upTo),
    customer_sales_cents: net(upTo.filter((o) => o.customer_key !== null)),
    returns_only_customers: returnsOnly.length,
    returns_only_cents: net(upTo.filter((o) => returnsOnly.includes(o.customer_key))),
    first_day: dates[0],
    last_day: dates.at(-1)
  };
  // The fixture must exercise what the figures tell apart.
  expect(expected.orders).toBeGreaterThan(expected.customer_orders);
  expect(upTo.some((o) => o.kind === "return")).toBe(true);
  expect(orders.length).toBeGreaterThan(upTo.length);
  expect(returnsOnly.length).toBeGreaterThan(0);
  expect(await queryRows(db, "SELECT * FROM out_kpis")).toEqual([expected]);
});
