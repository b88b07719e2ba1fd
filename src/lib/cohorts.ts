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
 * The loaders publish two small tables built from customers and customer × month (cohort_cube,
 * cohort_members: counts by cohort, month and filter values), so an input change in the browser
 * scans thousands of rows, not millions.
 */
import {sqlFilters, sqlMonthIndex, sqlMonthLabel, sqlNumber, sqlString, type Filters} from "./sql.js";

export type CohortGrain = "month" | "quarter";
export type RetentionMode = "recurring" | "on-or-after";
export const COHORT_FILTERS = ["region", "channel", "first_store", "tier"] as const;
export type CohortFilter = (typeof COHORT_FILTERS)[number];

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

/** A cell without what the retention mode changes (active, retention): what the revenue charts draw. */
export type RevenueCell = Omit<CohortCell, "active" | "retention">;

/**
 * The cells as the revenue charts (revenue retention, lifetime value) see them: the same for either
 * retention mode, so a change of mode leaves them as they were (see keptChart, memo.ts).
 */
export const revenueCells = (cells: CohortCell[]): RevenueCell[] =>
  cells.map(({cohort, period, members, revenue_cents, revenue_retention, ltv_cents}) => ({
    cohort,
    period,
    members,
    revenue_cents,
    revenue_retention,
    ltv_cents
  }));

/** The label of the pooled row. */
export const ALL_COHORTS = "All cohorts";

const DIMENSIONS = COHORT_FILTERS.join(", ");

/**
 * SQL for the cohort_members table from `customers`: buyers counted by first purchase month,
 * last purchase month and filter values (for cohort sizes and on-or-after retention).
 */
export function cohortMembersSql(): string {
  return `
SELECT ${sqlMonthIndex("first_purchase")} AS cohort_index, ${sqlMonthIndex("last_purchase")} AS last_index, ${DIMENSIONS},
  CAST(count(*) AS INTEGER) AS customers
FROM customers WHERE orders > 0 GROUP BY ALL`;
}

/**
 * SQL for the cohort_cube table from `customers` and `customer_month`: per first purchase month,
 * calendar month and filter values, the buyers active in the month (`buyers`), those whose
 * purchase is their first in that calendar quarter (`quarter_buyers`, so quarterly counts need
 * no per-customer pass), and the revenue. Every column adds up over filter values, so any
 * filter, grain and mode is one scan of a table far smaller than customer × month.
 */
export function cohortCubeSql(): string {
  return `
WITH rows AS (
  SELECT a.customer_key, ${sqlMonthIndex("c.first_purchase")} AS cohort_index, ${sqlMonthIndex("a.month")} AS month_index,
    a.orders > 0 AS purchased, a.revenue_cents, ${COHORT_FILTERS.map((f) => `c.${f}`).join(", ")}
  FROM customer_month a JOIN customers c USING (customer_key)
  WHERE c.orders > 0 AND a.month >= date_trunc('month', c.first_purchase)
), flagged AS (
  SELECT *, purchased AND month_index = min(month_index) FILTER (WHERE purchased) OVER (PARTITION BY customer_key, month_index // 3) AS quarter_first
  FROM rows
)
SELECT cohort_index, month_index, ${DIMENSIONS},
  CAST(count(*) FILTER (WHERE purchased) AS INTEGER) AS buyers,
  CAST(count(*) FILTER (WHERE quarter_first) AS INTEGER) AS quarter_buyers,
  CAST(sum(revenue_cents) AS BIGINT) AS revenue_cents
FROM flagged GROUP BY ALL`;
}

/**
 * SQL: one row per cohort and observed period (0 to the last month of data), then the pooled
 * "All cohorts" rows. Reads `cohort_cube` and `cohort_members`.
 */
export function cohortSql(options: CohortOptions): string {
  const step = sqlNumber(options.grain === "month" ? 1 : 3);
  const unit = (index: string) => `(${index}) // ${step}`;
  const where = sqlFilters(options.filters, COHORT_FILTERS);
  const recurring = options.grain === "month" ? "buyers" : "quarter_buyers";
  return `
WITH activity AS (
  SELECT ${unit("cohort_index")} AS cohort, ${unit("month_index")} - ${unit("cohort_index")} AS period,
    sum(${recurring}) AS recurring, sum(revenue_cents) AS revenue_cents
  FROM cohort_cube WHERE true ${where} GROUP BY ALL
), lasts AS (
  -- buyers by the period of their last purchase: on-or-after retention sums those at p or later
  SELECT ${unit("cohort_index")} AS cohort, ${unit("last_index")} - ${unit("cohort_index")} AS period, sum(customers) AS customers
  FROM cohort_members WHERE true ${where} GROUP BY ALL
), members AS (
  SELECT cohort, sum(customers) AS members FROM lasts GROUP BY cohort
), grid AS (
  SELECT m.cohort, m.members, unnest(range(0, l.last - m.cohort + 1)) AS period
  FROM members m, (SELECT max(${unit("month_index")}) AS last FROM cohort_cube) AS l
), cells AS (
  SELECT g.cohort, g.period, g.members,
    ${
      options.mode === "recurring"
        ? "coalesce(a.recurring, 0)"
        : "sum(coalesce(l.customers, 0)) OVER (PARTITION BY g.cohort ORDER BY g.period DESC)"
    } AS active,
    coalesce(a.revenue_cents, 0) AS revenue_cents
  FROM grid g
  LEFT JOIN activity a ON a.cohort = g.cohort AND a.period = g.period
  LEFT JOIN lasts l ON l.cohort = g.cohort AND l.period = g.period
), cumulative AS (
  SELECT *, sum(revenue_cents) OVER (PARTITION BY cohort ORDER BY period) AS cumulative_cents,
    first_value(revenue_cents) OVER (PARTITION BY cohort ORDER BY period) AS first_cents
  FROM cells
), labelled AS (
  SELECT ${sqlMonthLabel(`cohort * ${step}`, options.grain)} AS cohort, period, members, active, revenue_cents, cumulative_cents, first_cents FROM cumulative
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
