/**
 * Revenue concentration over buyers, as SQL over `customers`: the Lorenz (Pareto) curve, the
 * Gini coefficient and "the top x % of customers bring y % of revenue".
 *
 * Buyers are sorted by net revenue, largest first. A buyer whose returns exceed their purchases
 * counts as 0 (a negative share has no place on a concentration curve); these buyers are few
 * and counted in `clipped`. Gini = (2 Σ i·xᵢ) ÷ (n Σ xᵢ) − (n + 1) ÷ n over revenue sorted
 * ascending (i = 1…n): 0 when everyone spends the same, → 1 when one buyer brings everything.
 */
import {FILTER_ATTRIBUTES} from "./attributes.js";
import {sqlFilters, sqlNumber, type Filters} from "./sql.js";

export const VALUE_FILTERS = FILTER_ATTRIBUTES;
export type ValueFilter = (typeof VALUE_FILTERS)[number];

/** The "top x %" the value page reads out first. */
export const DEFAULT_TOP_PERCENT = 20;

export interface LorenzPoint {
  customer_share: number;
  revenue_share: number;
}

export interface ParetoSummary {
  buyers: number;
  clipped: number;
  revenue_cents: number;
  gini: number | null;
  top_customers: number;
  top_share: number | null;
}

/**
 * Buyers ranked by revenue, largest first. `source` is the customer table or any relation with
 * its orders and revenue_cents columns (the leadership report ranks a period's buyers by the
 * period's revenue).
 */
function rankedSql(filters?: Filters<ValueFilter>, source = "customers"): string {
  return `SELECT greatest(revenue_cents, 0) AS v, revenue_cents < 0 AS clipped,
    row_number() OVER (ORDER BY greatest(revenue_cents, 0) DESC) AS i, count(*) OVER () AS n
  FROM ${source} WHERE orders > 0 ${sqlFilters(filters, VALUE_FILTERS)}`;
}

/** SQL: the Lorenz curve at `points` evenly spaced customer shares (plus the origin). */
export function lorenzSql(filters?: Filters<ValueFilter>, points = 200): string {
  const k = sqlNumber(points, "points");
  return `
WITH ranked AS (${rankedSql(filters)}),
cumulative AS (
  SELECT i, n, sum(v) OVER (ORDER BY i) AS running, sum(v) OVER () AS total FROM ranked
)
SELECT 0.0 AS customer_share, 0.0 AS revenue_share
UNION ALL
SELECT i / n AS customer_share, coalesce(running / nullif(total, 0), 0) AS revenue_share
FROM cumulative
-- the last buyer of each 1/k slice of buyers
WHERE floor(${k} * i / n) > floor(${k} * (i - 1) / n) OR i = n
ORDER BY customer_share`;
}

/** SQL: one row with buyers, Gini and the revenue share of the top `topPercent` % of buyers. */
export function paretoSummarySql(topPercent: number, filters?: Filters<ValueFilter>, source = "customers"): string {
  if (!(topPercent > 0 && topPercent <= 100)) throw new Error(`top percent must be in (0, 100], got ${topPercent}`);
  const x = sqlNumber(topPercent, "top percent");
  return `
WITH ranked AS (${rankedSql(filters, source)}),
top AS (SELECT CAST(ceil(max(n) * ${x} / 100) AS BIGINT) AS k FROM ranked)
SELECT CAST(count(*) AS INTEGER) AS buyers,
  CAST(count(*) FILTER (WHERE clipped) AS INTEGER) AS clipped,
  CAST(coalesce(sum(v), 0) AS BIGINT) AS revenue_cents,
  -- ascending rank n + 1 − i, in floating point: the sum of rank × cents overflows no integer type here
  2 * sum(CAST(n + 1 - i AS DOUBLE) * v) / nullif(CAST(count(*) AS DOUBLE) * sum(v), 0) - (count(*) + 1) / count(*) AS gini,
  CAST(max(top.k) AS INTEGER) AS top_customers,
  sum(v) FILTER (WHERE i <= top.k) / nullif(sum(v), 0) AS top_share
FROM ranked, top`;
}
