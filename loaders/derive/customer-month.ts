/**
 * Customer × month activity for cohorts and lifecycle, as of a date: one row per customer and
 * month with a purchase or a return. A month with only returns has orders = 0 (the customer
 * was not active) but keeps its negative revenue, so revenue here sums to customers.revenue_cents.
 * Portable SQL (DuckDB and PostgreSQL), like customers.ts, and unsorted like it.
 */
import {sqlDate} from "../../src/lib/sql.js";
import type {KeyColumn} from "./customers.js";

export function customerMonthSql(asOf: string, key: KeyColumn = "customer_key"): string {
  const asof = sqlDate(asOf, "as-of date");
  return `
SELECT ${key} AS customer_key,
  CAST(date_trunc('month', business_date) AS DATE) AS month,
  CAST(count(*) FILTER (WHERE kind = 'sale') AS INTEGER) AS orders,
  CAST(sum(net_cents) AS BIGINT) AS revenue_cents
FROM orders
WHERE ${key} IS NOT NULL AND kind IN ('sale', 'return') AND business_date <= ${asof}
GROUP BY ${key}, CAST(date_trunc('month', business_date) AS DATE)`;
}

/**
 * Customer × day: the same, by business date. The browser recomputes recency, frequency and
 * monetary value from it at any as-of date the analyst picks.
 */
export function customerDaySql(asOf: string, key: KeyColumn = "customer_key"): string {
  const asof = sqlDate(asOf, "as-of date");
  return `
SELECT ${key} AS customer_key,
  business_date AS day,
  CAST(count(*) FILTER (WHERE kind = 'sale') AS INTEGER) AS orders,
  CAST(sum(net_cents) AS BIGINT) AS revenue_cents
FROM orders
WHERE ${key} IS NOT NULL AND kind IN ('sale', 'return') AND business_date <= ${asof}
GROUP BY ${key}, business_date`;
}
