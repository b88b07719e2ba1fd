/**
 * Headline figures as of a date, over all sales (walk-ins included) and over customers, and
 * the orders by kind that the data-quality page reconciles. Portable SQL, like customers.ts.
 */
import {sqlDate} from "../../src/lib/sql.js";
import type {KeyColumn} from "./customers.js";

export function kpisSql(asOf: string, key: KeyColumn = "customer_key"): string {
  const asof = sqlDate(asOf, "as-of date");
  return `
WITH o AS (SELECT * FROM orders WHERE business_date <= ${asof}),
buyers AS (
  SELECT ${key} AS k, count(*) AS n FROM o
  WHERE kind = 'sale' AND ${key} IS NOT NULL GROUP BY ${key}
)
SELECT
  CAST((SELECT count(*) FROM customers WHERE signup_date IS NULL OR signup_date <= ${asof}) AS INTEGER) AS customers,
  CAST((SELECT count(*) FROM buyers) AS INTEGER) AS buyers,
  CAST((SELECT count(*) FROM buyers WHERE n >= 2) AS INTEGER) AS repeat_buyers,
  CAST((SELECT count(*) FROM o WHERE kind = 'sale') AS INTEGER) AS orders,
  CAST((SELECT count(*) FROM o WHERE kind = 'sale' AND ${key} IS NOT NULL) AS INTEGER) AS customer_orders,
  CAST((SELECT coalesce(sum(net_cents), 0) FROM o WHERE kind IN ('sale', 'return')) AS BIGINT) AS net_sales_cents,
  CAST((SELECT coalesce(sum(net_cents), 0) FROM o WHERE kind IN ('sale', 'return') AND ${key} IS NOT NULL) AS BIGINT) AS customer_sales_cents,
  CAST((SELECT min(business_date) FROM o) AS VARCHAR) AS first_day,
  CAST((SELECT max(business_date) FROM o) AS VARCHAR) AS last_day`;
}

/** Orders by kind, with and without a customer, over all dates. */
export function orderSummarySql(key: KeyColumn = "customer_key"): string {
  return `
SELECT kind, ${key} IS NOT NULL AS with_customer, CAST(count(*) AS INTEGER) AS orders, CAST(sum(net_cents) AS BIGINT) AS net_cents
FROM orders GROUP BY kind, ${key} IS NOT NULL ORDER BY kind, with_customer DESC`;
}
