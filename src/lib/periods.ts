/**
 * Reporting periods (calendar months or quarters) and what customers did in them, as SQL over
 * `customer_month` and `customers`. The leadership report computes every period's figures with it.
 *
 * For a period P with previous period P − 1 (the same length, just before it), a customer is
 * active in P with a purchase in P, and:
 * - new: active in P, first purchase in P;
 * - returning: active in P and in P − 1;
 * - resurrecting: active in P, not in P − 1, active some time before P − 1;
 * - dormant: active in P − 1, not in P.
 * For months these are lifecycle.ts's states (tested equal). A period's figures read only data
 * up to its end, so they never change when later data arrives.
 */
import {addDays, periodOf} from "./dates.js";
import {sqlDate, sqlMonthIndex, sqlMonthLabel, sqlName} from "./sql.js";

export type ReportGrain = "month" | "quarter";

export interface Period {
  /** 2026-06 or 2026-Q2 (dates.ts periodOf). */
  id: string;
  start: string;
  end: string;
}

const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const monthStart = (index: number) =>
  `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}-01`;
const step = (grain: ReportGrain) => (grain === "month" ? 1 : 3);

/** The period of `grain` that contains the ISO date. */
export function periodContaining(iso: string, grain: ReportGrain): Period {
  const first = monthIndex(iso) - (monthIndex(iso) % step(grain));
  const start = monthStart(first);
  return {id: periodOf(start, grain), start, end: addDays(monthStart(first + step(grain)), -1)};
}

/** The period `n` periods after `period` (negative: before). */
export const shiftPeriod = (period: Period, grain: ReportGrain, n: number): Period =>
  periodContaining(monthStart(monthIndex(period.start) + n * step(grain)), grain);

/** Periods a year apart: 12 months or 4 quarters. */
export const periodsPerYear = (grain: ReportGrain) => 12 / step(grain);

/**
 * The last `count` complete periods up to `asOf`, oldest first: a period whose last day is after
 * `asOf` has not ended and is left out (its figures would still change).
 */
export function completePeriods(asOf: string, grain: ReportGrain, count: number): Period[] {
  let last = periodContaining(asOf, grain);
  if (last.end > asOf) last = shiftPeriod(last, grain, -1);
  return Array.from({length: count}, (_, i) => shiftPeriod(last, grain, i - count + 1));
}

/** Attributes the report ranks groups by. */
export const REPORT_DIMENSIONS = ["region", "home_store"] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

/** One period's activity, for all customers or one group (see periodActivitySql). */
export interface PeriodActivity {
  /** The period's id (2026-06, 2026-Q2). */
  period: string;
  group: string | null;
  /** Customers with any purchase or return in the period: whom its revenue comes from. */
  customers: number;
  active: number;
  new: number;
  returning: number;
  resurrecting: number;
  dormant: number;
  /** Active in the previous period: the base of the retention rate. */
  previous_active: number;
  orders: number;
  revenue_cents: number;
  /** Σ of each active buyer's period revenue squared (cents²), for the spread of revenue per buyer. */
  revenue_squares: number;
}

/**
 * SQL: PeriodActivity rows of every period of `grain` (or of every period and value of
 * `dimension`), in one pass over customer_month (periods are whole months); a period
 * with nobody active nor dormant has no row. Each row reads only months up to its period's end.
 */
export function periodActivitySql(grain: ReportGrain, dimension?: ReportDimension): string {
  const n = step(grain);
  const group = dimension
    ? `CAST(c.${sqlName(dimension, REPORT_DIMENSIONS, "dimension")} AS VARCHAR)`
    : "CAST(NULL AS VARCHAR)";
  return `
WITH per AS (
  SELECT m.customer_key, ${group} AS g, ${sqlMonthIndex("m.month")} // ${n} AS i,
    sum(m.orders) AS orders, sum(m.revenue_cents) AS revenue_cents, bool_or(m.orders > 0) AS active
  FROM customer_month m ${dimension ? "JOIN customers c USING (customer_key)" : ""}
  GROUP BY ALL
), act AS (
  SELECT g, i, revenue_cents,
    min(i) OVER w AS first_i, lag(i) OVER w AS prev_i, lead(i) OVER w AS next_i
  FROM per WHERE active
  WINDOW w AS (PARTITION BY customer_key ORDER BY i)
), counts AS (
  SELECT i, g, count(*) AS active, count(*) FILTER (WHERE first_i = i) AS n_new,
    count(*) FILTER (WHERE prev_i = i - 1) AS n_returning, count(*) FILTER (WHERE prev_i < i - 1) AS n_resurrecting,
    sum(CAST(revenue_cents AS DOUBLE) * revenue_cents) AS revenue_squares
  FROM act GROUP BY ALL
), lapsed AS (
  -- the next period's base: active here; dormant there when the next purchase is later or never
  SELECT i + 1 AS i, g, count(*) AS previous_active, count(*) FILTER (WHERE next_i IS NULL OR next_i > i + 1) AS dormant
  FROM act GROUP BY ALL
), money AS (
  SELECT i, g, count(*) AS customers, sum(orders) AS orders, sum(revenue_cents) AS revenue_cents FROM per GROUP BY ALL
), keys AS (
  SELECT i, g FROM counts UNION SELECT i, g FROM lapsed UNION SELECT i, g FROM money
)
SELECT ${sqlMonthLabel(`k.i * ${n}`, grain)} AS period, k.g AS "group",
  CAST(coalesce(m.customers, 0) AS INTEGER) AS customers,
  CAST(coalesce(c.active, 0) AS INTEGER) AS active,
  CAST(coalesce(c.n_new, 0) AS INTEGER) AS "new",
  CAST(coalesce(c.n_returning, 0) AS INTEGER) AS "returning",
  CAST(coalesce(c.n_resurrecting, 0) AS INTEGER) AS resurrecting,
  CAST(coalesce(l.dormant, 0) AS INTEGER) AS dormant,
  CAST(coalesce(l.previous_active, 0) AS INTEGER) AS previous_active,
  CAST(coalesce(m.orders, 0) AS BIGINT) AS orders,
  CAST(coalesce(m.revenue_cents, 0) AS BIGINT) AS revenue_cents,
  coalesce(c.revenue_squares, 0) AS revenue_squares
FROM keys k
LEFT JOIN counts c ON c.i = k.i AND c.g IS NOT DISTINCT FROM k.g
LEFT JOIN lapsed l ON l.i = k.i AND l.g IS NOT DISTINCT FROM k.g
LEFT JOIN money m ON m.i = k.i AND m.g IS NOT DISTINCT FROM k.g
ORDER BY k.i, k.g`;
}

/**
 * SQL: the period's buyers as a customer-like relation (customer_key, orders, revenue_cents of
 * the period, from customer_month): what value contribution ranks (pareto.ts) and the type mix joins.
 */
export function periodBuyersSql(period: Period): string {
  return `SELECT customer_key, CAST(sum(orders) AS INTEGER) AS orders, CAST(sum(revenue_cents) AS BIGINT) AS revenue_cents
FROM customer_month WHERE month BETWEEN ${sqlDate(period.start)} AND ${sqlDate(period.end)} GROUP BY customer_key`;
}
