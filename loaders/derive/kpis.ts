/**
 * Headline figures as of a date, over all sales (walk-ins included) and over customers, and
 * the orders by kind that the data-quality page reconciles. Portable SQL, like customers.ts.
 */
import {sqlDate} from "../../src/lib/sql.js";
import type {KeyColumn} from "./customers.js";
import {knownCustomersSql} from "../../src/lib/known.js";

export function kpisSql(asOf: string, key: KeyColumn = "customer_key"): string {
  const asof = sqlDate(asOf, "as-of date");
  // One pass over the orders for the totals and one for the buyers: a CTE of the orders read
  // by six subqueries was materialized, and took four times as long at 1M orders.
  return `
WITH totals AS (
  SELECT
    count(*) FILTER (WHERE kind = 'sale') AS orders,
    count(*) FILTER (WHERE kind = 'sale' AND ${key} IS NOT NULL) AS customer_orders,
    coalesce(sum(net_cents) FILTER (WHERE kind IN ('sale', 'return')), 0) AS net_sales_cents,
    coalesce(sum(net_cents) FILTER (WHERE kind IN ('sale', 'return') AND ${key} IS NOT NULL), 0) AS customer_sales_cents,
    min(business_date) AS first_day,
    max(business_date) AS last_day
  FROM orders WHERE business_date <= ${asof}
), per_customer AS (
  -- n: sales. A customer with returns but no sale by the date (credited for a purchase made
  -- before the data begins) is in customer sales but in no buyer's revenue: counted apart, so
  -- that customer sales = the buyers' revenue + theirs.
  SELECT ${key} AS k, count(*) FILTER (WHERE kind = 'sale') AS n, sum(net_cents) AS net FROM orders
  WHERE kind IN ('sale', 'return') AND ${key} IS NOT NULL AND business_date <= ${asof} GROUP BY ${key}
), buyers AS (
  SELECT count(*) FILTER (WHERE n > 0) AS buyers, count(*) FILTER (WHERE n >= 2) AS repeat_buyers,
    count(*) FILTER (WHERE n = 0) AS returns_only, coalesce(sum(net) FILTER (WHERE n = 0), 0) AS returns_only_cents
  FROM per_customer
)
SELECT
  CAST((SELECT count(*) FROM (${knownCustomersSql(asOf, key, "(SELECT k, n > 0 AS sold FROM per_customer)")}) AS known) AS INTEGER) AS customers,
  CAST(b.buyers AS INTEGER) AS buyers,
  CAST(b.repeat_buyers AS INTEGER) AS repeat_buyers,
  CAST(b.returns_only AS INTEGER) AS returns_only_customers,
  CAST(b.returns_only_cents AS BIGINT) AS returns_only_cents,
  CAST(t.orders AS INTEGER) AS orders,
  CAST(t.customer_orders AS INTEGER) AS customer_orders,
  CAST(t.net_sales_cents AS BIGINT) AS net_sales_cents,
  CAST(t.customer_sales_cents AS BIGINT) AS customer_sales_cents,
  CAST(t.first_day AS VARCHAR) AS first_day,
  CAST(t.last_day AS VARCHAR) AS last_day
FROM totals t, buyers b`;
}

/** Orders by kind, with and without a customer, over all dates. */
export function orderSummarySql(key: KeyColumn = "customer_key"): string {
  return `
SELECT kind, ${key} IS NOT NULL AS with_customer, CAST(count(*) AS INTEGER) AS orders, CAST(sum(net_cents) AS BIGINT) AS net_cents
FROM orders GROUP BY kind, ${key} IS NOT NULL ORDER BY kind, with_customer DESC`;
}
