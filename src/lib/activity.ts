/**
 * Purchases to a date, per customer, from the customer × day table: the one definition the RFM
 * scores, the lifecycle stages and the stage flows read (a purchase is a day with a sale; returns
 * count in revenue on the day they were made).
 */
import {sqlDate} from "./sql.js";

/**
 * SQL: one row per customer with activity by `asOf` (ISO date): first_purchase, last_purchase
 * (NULL without a sale), orders and net revenue_cents to date.
 */
export function purchasesToDateSql(asOf: string): string {
  return `SELECT customer_key,
    min(day) FILTER (WHERE orders > 0) AS first_purchase,
    max(day) FILTER (WHERE orders > 0) AS last_purchase,
    CAST(sum(orders) AS INTEGER) AS orders,
    CAST(sum(revenue_cents) AS BIGINT) AS revenue_cents
  FROM customer_day WHERE day <= ${sqlDate(asOf, "as-of date")} GROUP BY customer_key`;
}
