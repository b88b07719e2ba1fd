/**
 * The customer table: one row per customer, as of a date, built from the canonical tables.
 * Purchases are orders of kind 'sale' with a customer key; returns reduce revenue;
 * cancellations and adjustments are left out (they are counted on the data-quality page).
 */
import {ageBandSql} from "../../src/lib/age.js";
import {sqlDate} from "../../src/lib/sql.js";

/** Columns of customers.parquet, in order; pages and rule sets may use these names. */
export const CUSTOMER_COLUMNS = [
  "customer_key", "signup_date", "first_purchase", "last_purchase", "orders", "revenue_cents",
  "aov_cents", "recency_days", "tenure_days", "ipi_mean_days", "ipi_sd_days", "discount_share",
  "complaints", "age_band", "gender", "region", "city", "city_tier", "home_store", "channel",
  "tier", "points", "consent"
] as const;

/** SQL for the customer table as of `asOf` (ISO date). */
export function customersSql(asOf: string): string {
  const asof = sqlDate(asOf, "as-of date");
  return `
WITH sales AS (
  SELECT customer_key, business_date AS d, net_cents, discount_cents
  FROM orders WHERE kind = 'sale' AND customer_key IS NOT NULL AND business_date <= ${asof}
), returned AS (
  SELECT customer_key, sum(net_cents) AS cents
  FROM orders WHERE kind = 'return' AND customer_key IS NOT NULL AND business_date <= ${asof}
  GROUP BY customer_key
), bought AS (
  SELECT customer_key, min(d) AS first_purchase, max(d) AS last_purchase, count(*) AS orders,
    sum(net_cents) AS sales_cents, count(*) FILTER (WHERE discount_cents > 0) / count(*) AS discount_share
  FROM sales GROUP BY customer_key
), gaps AS (
  SELECT customer_key, d - lag(d) OVER (PARTITION BY customer_key ORDER BY d) AS gap
  FROM (SELECT DISTINCT customer_key, d FROM sales)
), intervals AS (
  SELECT customer_key, avg(gap) AS ipi_mean_days, stddev_samp(gap) AS ipi_sd_days
  FROM gaps WHERE gap IS NOT NULL GROUP BY customer_key
), complaints AS (
  SELECT customer_key, count(*) AS complaints
  FROM feedback WHERE kind = 'complaint' AND feedback_date <= ${asof} GROUP BY customer_key
), everyone AS (
  SELECT customer_key FROM customers WHERE signup_date IS NULL OR signup_date <= ${asof}
  UNION SELECT customer_key FROM bought
)
SELECT
  e.customer_key,
  c.signup_date,
  b.first_purchase,
  b.last_purchase,
  coalesce(b.orders, 0)::INTEGER AS orders,
  (coalesce(b.sales_cents, 0) + coalesce(r.cents, 0))::BIGINT AS revenue_cents,
  CASE WHEN b.orders > 0 THEN round((b.sales_cents + coalesce(r.cents, 0)) / b.orders)::BIGINT END AS aov_cents,
  (${asof} - b.last_purchase)::INTEGER AS recency_days,
  (${asof} - b.first_purchase)::INTEGER AS tenure_days,
  i.ipi_mean_days,
  i.ipi_sd_days,
  b.discount_share,
  coalesce(k.complaints, 0)::INTEGER AS complaints,
  ${ageBandSql("c.birth_year", `year(${asof})`)} AS age_band,
  coalesce(c.gender, 'U') AS gender,
  coalesce(c.region, 'unknown') AS region,
  coalesce(c.city, 'unknown') AS city,
  s.city_tier,
  c.home_store,
  coalesce(c.channel, 'unknown') AS channel,
  coalesce(c.tier, 'unknown') AS tier,
  c.points,
  (c.marketing_consent IS TRUE AND (c.opt_out_date IS NULL OR c.opt_out_date > ${asof})) AS consent
FROM everyone e
LEFT JOIN customers c USING (customer_key)
LEFT JOIN bought b USING (customer_key)
LEFT JOIN returned r USING (customer_key)
LEFT JOIN intervals i USING (customer_key)
LEFT JOIN complaints k USING (customer_key)
LEFT JOIN (SELECT city, min(city_tier) AS city_tier FROM stores GROUP BY city) s ON s.city = c.city
ORDER BY e.customer_key`;
}
