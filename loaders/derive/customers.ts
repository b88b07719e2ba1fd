/**
 * The customer table: one row per customer, as of a date, built from the canonical tables.
 * Purchases are orders of kind 'sale' with a customer; returns reduce revenue; cancellations
 * and adjustments are left out (they are counted on the data-quality page).
 *
 * The SQL is portable: it runs in DuckDB (sample and file sources) and is pushed down to
 * PostgreSQL (sources/postgres.ts), and both must give the same numbers to the last bit. Hence
 * no integer division (PostgreSQL truncates), means and deviations computed from exact integer
 * sums with one floating division, and AOV rounded half up by an explicit floor.
 */
import {ageBandSql} from "./age.js";
import {knownCustomersSql} from "../../src/lib/known.js";
import {sqlDate} from "../../src/lib/sql.js";

/** The customer column of the canonical tables: pseudonyms in DuckDB, raw ids in PostgreSQL. */
export type KeyColumn = "customer_key" | "customer_id";

const F = "DOUBLE PRECISION";

/**
 * SQL for the customer table as of `asOf` (ISO date); the key column comes out as customer_key.
 * Its rows are the customers known at the date (src/lib/known.ts), in no particular order.
 */
export function customersSql(asOf: string, key: KeyColumn = "customer_key"): string {
  const asof = sqlDate(asOf, "as-of date");
  return `
WITH sales AS (
  SELECT ${key} AS k, business_date AS d, net_cents, discount_cents, store_id
  FROM orders WHERE kind = 'sale' AND ${key} IS NOT NULL AND business_date <= ${asof}
), returned AS (
  SELECT ${key} AS k, sum(net_cents) AS cents
  FROM orders WHERE kind = 'return' AND ${key} IS NOT NULL AND business_date <= ${asof}
  GROUP BY ${key}
), ordered AS (
  -- One window over each customer's purchases in date order gives the gaps between purchase
  -- days (0 for a second purchase on the same day) and the first day. Sorting by date alone
  -- (not by date and store) made this query a fifth faster at 1M orders.
  SELECT k, d, net_cents, discount_cents, store_id,
    CAST(d - lag(d) OVER w AS BIGINT) AS gap,
    first_value(d) OVER w AS first_day
  FROM sales
  WINDOW w AS (PARTITION BY k ORDER BY d)
), bought AS (
  SELECT k, min(d) AS first_purchase, max(d) AS last_purchase, count(*) AS orders,
    sum(net_cents) AS sales_cents, CAST(count(*) FILTER (WHERE discount_cents > 0) AS ${F}) / count(*) AS discount_share,
    -- the store of the first purchase; two stores on the first day: the smaller store id
    min(store_id) FILTER (WHERE d = first_day) AS first_store,
    -- intervals between distinct purchase days: count, sum and sum of squares
    count(*) FILTER (WHERE gap > 0) AS n, sum(gap) AS s, sum(gap * gap) AS ss
  FROM ordered GROUP BY k
), complaints AS (
  SELECT ${key} AS k, count(*) AS complaints
  FROM feedback WHERE kind = 'complaint' AND feedback_date <= ${asof} GROUP BY ${key}
), everyone AS (${knownCustomersSql(asOf, key, "(SELECT k, true AS sold FROM bought UNION ALL SELECT k, false AS sold FROM returned)")}
), tiers AS (
  SELECT city, min(city_tier) AS city_tier FROM stores GROUP BY city
)
SELECT
  e.k AS customer_key,
  c.signup_date,
  b.first_purchase,
  b.last_purchase,
  CAST(coalesce(b.orders, 0) AS INTEGER) AS orders,
  CAST(coalesce(b.sales_cents, 0) + coalesce(r.cents, 0) AS BIGINT) AS revenue_cents,
  CAST(floor(CAST(2 * (b.sales_cents + coalesce(r.cents, 0)) + b.orders AS ${F}) / (2 * b.orders)) AS BIGINT) AS aov_cents,
  CAST(${asof} - b.last_purchase AS INTEGER) AS recency_days,
  CAST(${asof} - b.first_purchase AS INTEGER) AS tenure_days,
  CASE WHEN b.n > 0 THEN CAST(b.s AS ${F}) / b.n END AS ipi_mean_days,
  CASE WHEN b.n > 1 THEN sqrt(CAST(b.n * b.ss - b.s * b.s AS ${F}) / (b.n * (b.n - 1))) END AS ipi_sd_days,
  b.discount_share,
  CAST(coalesce(q.complaints, 0) AS INTEGER) AS complaints,
  ${ageBandSql("c.birth_year", `EXTRACT(YEAR FROM ${asof})`)} AS age_band,
  c.birth_month,
  coalesce(c.gender, 'U') AS gender,
  coalesce(c.region, 'unknown') AS region,
  coalesce(c.city, 'unknown') AS city,
  t.city_tier,
  c.home_store,
  b.first_store,
  coalesce(c.channel, 'unknown') AS channel,
  coalesce(c.tier, 'unknown') AS tier,
  c.points,
  -- Marketing consent: true, false, or NULL when the source does not say (a missing flag is
  -- "unknown", shown as such; it still counts as no for marketing: audiences take consent IS TRUE).
  CASE WHEN c.opt_out_date <= ${asof} THEN false ELSE c.marketing_consent END AS consent,
  coalesce(c.opt_out_date <= ${asof}, false) AS opted_out
FROM everyone e
LEFT JOIN customers c ON c.${key} = e.k
LEFT JOIN bought b ON b.k = e.k
LEFT JOIN returned r ON r.k = e.k
LEFT JOIN complaints q ON q.k = e.k
LEFT JOIN tiers t ON t.city = c.city`;
}
