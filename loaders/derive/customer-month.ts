/**
 * Customer × month activity for cohorts and lifecycle, as of a date: one row per customer and
 * month with a purchase or a return. A month with only returns has orders = 0 (the customer
 * was not active) but keeps its negative revenue, so revenue here sums to customers.revenue_cents.
 */
import {sqlDate} from "../../src/lib/sql.js";

export function customerMonthSql(asOf: string): string {
  const asof = sqlDate(asOf, "as-of date");
  return `
SELECT customer_key,
  date_trunc('month', business_date)::DATE AS month,
  count(*) FILTER (WHERE kind = 'sale')::INTEGER AS orders,
  sum(net_cents) FILTER (WHERE kind IN ('sale', 'return'))::BIGINT AS revenue_cents
FROM orders
WHERE customer_key IS NOT NULL AND kind IN ('sale', 'return') AND business_date <= ${asof}
GROUP BY ALL
ORDER BY month, customer_key`;
}
