/** Headline figures as of a date, over all sales (walk-ins included) and over customers. */
import {sqlDate} from "../../src/lib/sql.js";

export function kpisSql(asOf: string): string {
  const asof = sqlDate(asOf, "as-of date");
  return `
WITH o AS (SELECT * FROM orders WHERE business_date <= ${asof}),
buyers AS (
  SELECT customer_key, count(*) AS n FROM o
  WHERE kind = 'sale' AND customer_key IS NOT NULL GROUP BY customer_key
)
SELECT
  (SELECT count(*) FROM customers WHERE signup_date IS NULL OR signup_date <= ${asof})::INTEGER AS customers,
  (SELECT count(*) FROM buyers)::INTEGER AS buyers,
  (SELECT count(*) FROM buyers WHERE n >= 2)::INTEGER AS repeat_buyers,
  (SELECT count(*) FROM o WHERE kind = 'sale')::INTEGER AS orders,
  (SELECT count(*) FROM o WHERE kind = 'sale' AND customer_key IS NOT NULL)::INTEGER AS customer_orders,
  (SELECT coalesce(sum(net_cents), 0) FROM o WHERE kind IN ('sale', 'return'))::BIGINT AS net_sales_cents,
  (SELECT coalesce(sum(net_cents), 0) FROM o WHERE kind IN ('sale', 'return') AND customer_key IS NOT NULL)::BIGINT AS customer_sales_cents,
  (SELECT min(business_date) FROM o)::VARCHAR AS first_day,
  (SELECT max(business_date) FROM o)::VARCHAR AS last_day`;
}
