/**
 * Reporting periods (calendar months or quarters) and what customers did in one, as SQL over
 * `customer_day` and `customers`. The leadership report computes every period's figures with it.
 *
 * For a period P with previous period P − 1 (the same length, just before it), a customer is
 * active in P with a purchase in P, and:
 * - new: active in P, first purchase in P;
 * - returning: active in P and in P − 1;
 * - resurrecting: active in P, not in P − 1, active some time before P − 1;
 * - dormant: active in P − 1, not in P.
 * For months these are lifecycle.ts's states (tested equal). Only days up to the period's end
 * are read, so a period's figures never change when later data arrives.
 */
import {addDays, periodOf} from "./dates.js";
import {sqlDate, sqlName} from "./sql.js";

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
 * SQL: one row (or one per value of `dimension`) of PeriodActivity for `period` and the period
 * before it. Reads `customer_day` up to the period's end, and `customers` for the dimension.
 */
export function periodActivitySql(period: Period, previous: Period, dimension?: ReportDimension): string {
  const [start, end, before] = [sqlDate(period.start), sqlDate(period.end), sqlDate(previous.start)];
  const group = dimension ? `CAST(c.${sqlName(dimension, REPORT_DIMENSIONS, "dimension")} AS VARCHAR)` : "NULL";
  return `
WITH per AS (
  SELECT customer_key,
    bool_or(day >= ${start}) AS touched,
    bool_or(orders > 0 AND day >= ${start}) AS active,
    bool_or(orders > 0 AND day >= ${before} AND day < ${start}) AS active_before,
    bool_or(orders > 0 AND day < ${before}) AS earlier,
    coalesce(sum(orders) FILTER (WHERE day >= ${start}), 0) AS orders,
    coalesce(sum(revenue_cents) FILTER (WHERE day >= ${start}), 0) AS revenue_cents
  FROM customer_day WHERE day <= ${end} GROUP BY customer_key
)
SELECT ${group} AS "group",
  CAST(count(*) FILTER (WHERE touched) AS INTEGER) AS customers,
  CAST(count(*) FILTER (WHERE active) AS INTEGER) AS active,
  CAST(count(*) FILTER (WHERE active AND NOT active_before AND NOT earlier) AS INTEGER) AS "new",
  CAST(count(*) FILTER (WHERE active AND active_before) AS INTEGER) AS "returning",
  CAST(count(*) FILTER (WHERE active AND NOT active_before AND earlier) AS INTEGER) AS resurrecting,
  CAST(count(*) FILTER (WHERE active_before AND NOT active) AS INTEGER) AS dormant,
  CAST(count(*) FILTER (WHERE active_before) AS INTEGER) AS previous_active,
  CAST(sum(p.orders) AS BIGINT) AS orders,
  CAST(sum(p.revenue_cents) AS BIGINT) AS revenue_cents,
  coalesce(sum(CAST(p.revenue_cents AS DOUBLE) * p.revenue_cents) FILTER (WHERE active), 0) AS revenue_squares
FROM per p ${dimension ? "JOIN customers c USING (customer_key)" : ""}
GROUP BY ALL ORDER BY ALL`;
}

/**
 * SQL: the period's buyers as a customer-like relation (customer_key, orders, revenue_cents of
 * the period): what value contribution ranks (pareto.ts) and the type mix joins.
 */
export function periodBuyersSql(period: Period): string {
  return `SELECT customer_key, CAST(sum(orders) AS INTEGER) AS orders, CAST(sum(revenue_cents) AS BIGINT) AS revenue_cents
FROM customer_day WHERE day BETWEEN ${sqlDate(period.start)} AND ${sqlDate(period.end)} GROUP BY customer_key`;
}
