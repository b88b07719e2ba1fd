/**
 * Monthly lifecycle and KPI trends as SQL over `customer_month` (and `customers` for filters).
 *
 * A customer is *active* in a month with at least one purchase. For each month m:
 * - new: active in m, and m is the month of their first purchase;
 * - returning: active in m and in m − 1;
 * - resurrecting: active in m, not in m − 1, and active in some month before m − 1;
 * - dormant: active in m − 1 and not in m (shown below zero).
 * So active(m) = new + returning + resurrecting, and active(m − 1) = returning + dormant.
 *
 * KPI trends per month: active and new customers; repeat purchase rate = share of the month's
 * active customers who had bought before (returning + resurrecting); retention rate = returning
 * ÷ active in m − 1; average order value = net revenue ÷ orders; purchase frequency = orders ÷
 * active customers.
 */
import {FILTER_ATTRIBUTES} from "./attributes.js";
import {sqlFilters, sqlMonthIndex, sqlMonthLabel, type Filters} from "./sql.js";

export const LIFECYCLE_FILTERS = FILTER_ATTRIBUTES;
export type LifecycleFilter = (typeof LIFECYCLE_FILTERS)[number];

export interface LifecycleMonth {
  month: string;
  active: number;
  new: number;
  returning: number;
  resurrecting: number;
  dormant: number;
  orders: number;
  revenue_cents: number;
  repeat_rate: number | null;
  retention_rate: number | null;
  aov_cents: number | null;
  frequency: number | null;
}

/** SQL: one row per month from the first month with a purchase to the last month of data. */
export function lifecycleSql(filters?: Filters<LifecycleFilter>): string {
  return `
WITH scoped AS (
  SELECT m.customer_key, ${sqlMonthIndex("m.month")} AS i, m.orders, m.revenue_cents
  FROM customer_month m JOIN customers c USING (customer_key)
  WHERE true ${sqlFilters(filters, LIFECYCLE_FILTERS, "c.")}
), active AS (
  SELECT customer_key, i, min(i) OVER (PARTITION BY customer_key) AS first_i,
    lag(i) OVER (PARTITION BY customer_key ORDER BY i) AS previous_i
  FROM scoped WHERE orders > 0
), span AS (
  -- every month from the first purchase to the last month of data, quiet months included
  SELECT unnest(range(min(i), (SELECT max(${sqlMonthIndex("month")}) FROM customer_month) + 1)) AS i FROM active
), states AS (
  SELECT i,
    count(*) FILTER (WHERE i = first_i) AS n_new,
    count(*) FILTER (WHERE previous_i = i - 1) AS n_returning,
    count(*) FILTER (WHERE previous_i < i - 1) AS n_resurrecting
  FROM active GROUP BY i
), lapsed AS (
  -- dormant in m: active in m − 1 with no purchase in m
  SELECT a.i + 1 AS i, count(*) AS n_dormant
  FROM active a WHERE NOT EXISTS (SELECT 1 FROM active b WHERE b.customer_key = a.customer_key AND b.i = a.i + 1)
  GROUP BY a.i + 1
), money AS (
  SELECT i, sum(orders) AS orders, sum(revenue_cents) AS revenue_cents FROM scoped GROUP BY i
), joined AS (
  SELECT s.i,
    coalesce(t.n_new, 0) AS n_new, coalesce(t.n_returning, 0) AS n_returning, coalesce(t.n_resurrecting, 0) AS n_resurrecting,
    coalesce(l.n_dormant, 0) AS n_dormant, coalesce(m.orders, 0) AS orders, coalesce(m.revenue_cents, 0) AS revenue_cents
  FROM span s LEFT JOIN states t USING (i) LEFT JOIN lapsed l USING (i) LEFT JOIN money m USING (i)
)
SELECT ${sqlMonthLabel("i")} AS month,
  CAST(n_new + n_returning + n_resurrecting AS INTEGER) AS active,
  CAST(n_new AS INTEGER) AS "new", CAST(n_returning AS INTEGER) AS "returning", CAST(n_resurrecting AS INTEGER) AS resurrecting,
  CAST(n_dormant AS INTEGER) AS dormant, CAST(orders AS INTEGER) AS orders, CAST(revenue_cents AS BIGINT) AS revenue_cents,
  (n_returning + n_resurrecting) / nullif(n_new + n_returning + n_resurrecting, 0) AS repeat_rate,
  n_returning / nullif(n_returning + n_dormant, 0) AS retention_rate,
  revenue_cents / nullif(orders, 0) AS aov_cents,
  orders / nullif(n_new + n_returning + n_resurrecting, 0) AS frequency
FROM joined ORDER BY i`;
}
