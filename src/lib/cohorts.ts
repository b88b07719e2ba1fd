/**
 * Cohorts as SQL (DuckDB-WASM on the cohorts page, native DuckDB in the report loader and tests).
 *
 * A customer's cohort is the month (or quarter) of their first purchase; period p is the p-th
 * month (quarter) after it, so period 0 holds every member and its retention is 100 % by
 * construction. Per cohort and period:
 * - customer retention: members with a purchase in period p ÷ members ("recurring"), or
 *   members with a purchase in period p or later ÷ members ("on or after");
 * - revenue retention: the cohort's net revenue in period p ÷ its net revenue in period 0 —
 *   money, not headcount, so a cohort whose remaining buyers spend more retains more revenue
 *   than customers;
 * - LTV: the cohort's cumulative net revenue to period p ÷ members.
 * The "All cohorts" row pools every cohort that has reached period p (a size-weighted mean).
 *
 * The page first builds `cohort_activity` (cohortActivitySql: customer × month with the
 * customer's cohort and filter columns), so an input change is one scan with no join.
 */
import {sqlName, sqlNumber, sqlString} from "./sql.js";

export type CohortGrain = "month" | "quarter";
export type RetentionMode = "recurring" | "on-or-after";
export const COHORT_FILTERS = ["region", "channel", "first_store", "tier"] as const;
export type CohortFilter = (typeof COHORT_FILTERS)[number];
export type Filters<K extends string> = Partial<Record<K, string[]>>;

export interface CohortOptions {
  grain: CohortGrain;
  mode: RetentionMode;
  filters?: Filters<CohortFilter>;
}

export interface CohortCell {
  cohort: string;
  period: number;
  members: number;
  active: number;
  revenue_cents: number;
  retention: number;
  revenue_retention: number | null;
  ltv_cents: number;
}

/** What the cohorts page shows first (and the report loader computes ahead). */
export const DEFAULT_COHORT_OPTIONS: CohortOptions = {grain: "month", mode: "recurring", filters: {}};

/** The label of the pooled row. */
export const ALL_COHORTS = "All cohorts";

/** `AND column IN (...)` for each non-empty filter; only whitelisted columns, quoted values. */
export function filterSql<K extends string>(filters: Filters<K> | undefined, allowed: readonly K[], alias = ""): string {
  return Object.entries(filters ?? {})
    .filter(([, values]) => Array.isArray(values) && values.length > 0)
    .map(([column, values]) => `AND CAST(${alias}${sqlName(column, allowed, "filter")} AS VARCHAR) IN (${(values as string[]).map((v) => sqlString(String(v))).join(", ")})`)
    .join(" ");
}

/** Month number since year 0 (January 2024 = 2024 × 12): months subtract as integers. */
const monthIndex = (date: string) => `(year(${date}) * 12 + month(${date}) - 1)`;

/** SQL for the cohort_activity table from `customers` and `customer_month`. */
export function cohortActivitySql(): string {
  return `
SELECT a.customer_key, ${monthIndex("c.first_purchase")} AS cohort_index, ${monthIndex("a.month")} AS month_index,
  a.orders, a.revenue_cents, ${COHORT_FILTERS.map((f) => `c.${f}`).join(", ")}
FROM customer_month a JOIN customers c USING (customer_key)
WHERE c.orders > 0 AND a.month >= date_trunc('month', c.first_purchase)`;
}

/** Label of a cohort index: 2024-03, or 2024-Q1 for quarters. */
function cohortLabelSql(index: string, grain: CohortGrain): string {
  return grain === "month"
    ? `printf('%04d-%02d', ${index} // 12, ${index} % 12 + 1)`
    : `printf('%04d-Q%d', ${index} // 12, ${index} % 12 // 3 + 1)`;
}

/**
 * SQL: one row per cohort and observed period (0 to the last month of data), then the pooled
 * "All cohorts" rows. Reads `cohort_activity` (or the table named).
 */
export function cohortSql(options: CohortOptions, table = "cohort_activity"): string {
  const step = options.grain === "month" ? 1 : 3;
  const source = sqlName(table, ["cohort_activity"], "table");
  const unit = (index: string) => `(${index}) // ${sqlNumber(step)}`;
  const where = filterSql(options.filters, COHORT_FILTERS);
  const activeSql =
    options.mode === "recurring"
      ? `count(*) FILTER (WHERE purchased)`
      : // members whose last purchase period is p or later
        `sum(count(*) FILTER (WHERE last_purchase)) OVER (PARTITION BY g.cohort ORDER BY g.period DESC)`;
  return `
WITH rows AS (
  SELECT customer_key, ${unit("cohort_index")} AS cohort, ${unit("month_index")} - ${unit("cohort_index")} AS period, orders, revenue_cents
  FROM ${source} WHERE true ${where}
), last_month AS (
  SELECT max(${unit("month_index")}) AS last FROM ${source}
), per_customer_period AS (
  SELECT customer_key, cohort, period, sum(orders) > 0 AS purchased, sum(revenue_cents) AS revenue_cents
  FROM rows GROUP BY ALL
), flagged AS (
  SELECT *, purchased AND period = max(period) FILTER (WHERE purchased) OVER (PARTITION BY customer_key) AS last_purchase
  FROM per_customer_period
), members AS (
  SELECT cohort, count(*) AS members FROM flagged WHERE period = 0 AND purchased GROUP BY cohort
), grid AS (
  SELECT m.cohort, m.members, unnest(range(0, l.last - m.cohort + 1)) AS period FROM members m, last_month l
), cells AS (
  SELECT g.cohort, g.period, g.members,
    CAST(${activeSql} AS INTEGER) AS active,
    CAST(coalesce(sum(f.revenue_cents), 0) AS BIGINT) AS revenue_cents
  FROM grid g LEFT JOIN flagged f ON f.cohort = g.cohort AND f.period = g.period
  GROUP BY g.cohort, g.period, g.members
), cumulative AS (
  SELECT *, sum(revenue_cents) OVER (PARTITION BY cohort ORDER BY period) AS cumulative_cents,
    first_value(revenue_cents) OVER (PARTITION BY cohort ORDER BY period) AS first_cents
  FROM cells
), labelled AS (
  SELECT ${cohortLabelSql(`cohort * ${step}`, options.grain)} AS cohort, period, members, active, revenue_cents, cumulative_cents, first_cents FROM cumulative
  UNION ALL
  SELECT ${sqlString(ALL_COHORTS)}, period, sum(members), sum(active), sum(revenue_cents), sum(cumulative_cents), sum(first_cents)
  FROM cumulative GROUP BY period
)
SELECT cohort, CAST(period AS INTEGER) AS period, CAST(members AS INTEGER) AS members, CAST(active AS INTEGER) AS active,
  CAST(revenue_cents AS BIGINT) AS revenue_cents,
  active / members AS retention,
  CASE WHEN first_cents > 0 THEN revenue_cents / first_cents END AS revenue_retention,
  cumulative_cents / members AS ltv_cents
FROM labelled
ORDER BY cohort = ${sqlString(ALL_COHORTS)} DESC, cohort, period`;
}
