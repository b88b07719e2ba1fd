/**
 * Lifecycle stages as of any date, as SQL over `customers` and `customer_day`.
 *
 * Every customer registered by the date (or with a purchase by then) is in exactly one stage,
 * tested in this order:
 * - Prospect: registered, no purchase yet;
 * - Churned: last purchase more than `churnDays` ago;
 * - At risk: last purchase more than `atRiskDays` ago;
 * - High value: net revenue to date at least `highValue` (in the site's currency);
 * - Repeat: two orders or more;
 * - First purchase: one order.
 * Conversion: prospect → first purchase is the share of customers registered by the date who
 * bought by then; first → second purchase is the share of buyers with a second order. The
 * median days are from signup to first purchase (buyers who registered first) and from the
 * first purchase to the day of the second order (0 when both were on one day).
 */
import {purchasesToDateSql} from "./activity.js";
import {knownAtSql} from "./known.js";
import {locale} from "./locale.js";
import {LIFECYCLE_FILTERS, type LifecycleFilter} from "./lifecycle.js";
import {sqlDate, sqlFilters, sqlNumber, sqlString, type Filters} from "./sql.js";

export const STAGES = ["Prospect", "First purchase", "Repeat", "High value", "At risk", "Churned"] as const;
export type Stage = (typeof STAGES)[number];
/** The from-state of customers who were not yet registered at the earlier date. */
export const NOT_YET = "(not yet a customer)";

export interface StageOptions {
  asOf: string;
  atRiskDays: number;
  churnDays: number;
  highValue: number;
  filters?: Filters<LifecycleFilter>;
}

/** The lifecycle page's thresholds before the reader changes them; high value is the site's (locale.ts). */
export const defaultStageThresholds = () => ({atRiskDays: 180, churnDays: 365, highValue: locale().highValue});

/**
 * SQL: the stage expression over columns `orders`, `last_purchase` and `revenue_cents` of
 * `alias` (purchases to the date): the one definition stageSql and the audience builder use.
 */
export function stageCaseSql(options: Omit<StageOptions, "filters">, alias = ""): string {
  const asof = sqlDate(options.asOf, "as-of date");
  const atRisk = sqlNumber(options.atRiskDays, "at-risk days");
  const churn = sqlNumber(options.churnDays, "churn days");
  if (options.churnDays <= options.atRiskDays)
    throw new Error(`churn days (${options.churnDays}) must exceed at-risk days (${options.atRiskDays})`);
  const highValue = sqlNumber(options.highValue * 100, "high-value revenue");
  return `CASE
    WHEN coalesce(${alias}orders, 0) = 0 THEN ${sqlString("Prospect")}
    WHEN ${asof} - ${alias}last_purchase > ${churn} THEN ${sqlString("Churned")}
    WHEN ${asof} - ${alias}last_purchase > ${atRisk} THEN ${sqlString("At risk")}
    WHEN ${alias}revenue_cents >= ${highValue} THEN ${sqlString("High value")}
    WHEN ${alias}orders >= 2 THEN ${sqlString("Repeat")}
    ELSE ${sqlString("First purchase")} END`;
}

/** SQL: customer_key and stage of every customer known at the date. */
export function stageSql(options: StageOptions): string {
  return `
SELECT c.customer_key, ${stageCaseSql(options, "a.")} AS stage
FROM customers c LEFT JOIN (${purchasesToDateSql(options.asOf)}) AS a USING (customer_key)
WHERE ${knownAtSql(options.asOf, "c.")} ${sqlFilters(options.filters, LIFECYCLE_FILTERS, "c.")}`;
}

/** SQL: customers per stage as of one date. */
export function stageCountsSql(options: StageOptions): string {
  return `SELECT stage, CAST(count(*) AS INTEGER) AS customers FROM (${stageSql(options)}) AS s GROUP BY stage ORDER BY stage`;
}

/**
 * SQL: customers moving from their stage at `before` to their stage at `after` (same
 * thresholds), with their revenue to the later date. Customers new since `before` come from NOT_YET.
 */
export function stageFlowSql(before: string, after: StageOptions): string {
  return `
SELECT coalesce(b.stage, ${sqlString(NOT_YET)}) AS "from", a.stage AS "to", CAST(count(*) AS INTEGER) AS customers,
  CAST(coalesce(sum(r.revenue_cents), 0) AS BIGINT) AS revenue_cents
FROM (${stageSql(after)}) AS a
LEFT JOIN (${stageSql({...after, asOf: before})}) AS b USING (customer_key)
LEFT JOIN (${purchasesToDateSql(after.asOf)}) AS r USING (customer_key)
GROUP BY ALL ORDER BY "from", "to"`;
}

export interface Conversion {
  registered: number;
  converted: number;
  prospect_rate: number | null;
  median_days_to_first: number | null;
  buyers: number;
  repeaters: number;
  repeat_rate: number | null;
  median_days_to_second: number | null;
}

/**
 * SQL: each buyer's first purchase day and the day their purchases reached two (NULL before),
 * over all of `customer_day`. Whether a customer had converted by a date is then whether the day
 * is on or before it: a purchase after the date moves neither day, so one table serves every
 * date (the leadership report reads a year of dates from it).
 */
export function purchaseMilestonesSql(filters?: Filters<LifecycleFilter>): string {
  return `
WITH days AS (
  SELECT d.customer_key, d.day, sum(d.orders) OVER (PARTITION BY d.customer_key ORDER BY d.day) AS orders_to_date
  FROM customer_day d JOIN customers c USING (customer_key)
  WHERE d.orders > 0 ${sqlFilters(filters, LIFECYCLE_FILTERS, "c.")}
)
SELECT customer_key, min(day) AS first_day, min(day) FILTER (WHERE orders_to_date >= 2) AS second_day FROM days GROUP BY customer_key`;
}

/**
 * SQL: one row of conversion rates and median days as of the date (see the module comment).
 * `milestones` is a relation of purchaseMilestonesSql rows (computed here unless given).
 */
export function conversionSql(
  asOf: string,
  filters?: Filters<LifecycleFilter>,
  milestones = `(${purchaseMilestonesSql(filters)})`
): string {
  const asof = sqlDate(asOf, "as-of date");
  return `
WITH everyone AS (
  SELECT c.customer_key, c.signup_date,
    CASE WHEN p.first_day <= ${asof} THEN p.first_day END AS first_day,
    CASE WHEN p.second_day <= ${asof} THEN p.second_day END AS second_day
  FROM customers c LEFT JOIN ${milestones} AS p USING (customer_key)
  WHERE ${knownAtSql(asOf, "c.")} ${sqlFilters(filters, LIFECYCLE_FILTERS, "c.")}
)
SELECT
  CAST(count(*) FILTER (WHERE signup_date IS NOT NULL) AS INTEGER) AS registered,
  CAST(count(*) FILTER (WHERE signup_date IS NOT NULL AND first_day IS NOT NULL) AS INTEGER) AS converted,
  count(*) FILTER (WHERE signup_date IS NOT NULL AND first_day IS NOT NULL) / nullif(count(*) FILTER (WHERE signup_date IS NOT NULL), 0) AS prospect_rate,
  median(first_day - signup_date) FILTER (WHERE first_day >= signup_date) AS median_days_to_first,
  CAST(count(first_day) AS INTEGER) AS buyers,
  CAST(count(second_day) AS INTEGER) AS repeaters,
  count(second_day) / nullif(count(first_day), 0) AS repeat_rate,
  median(second_day - first_day) AS median_days_to_second
FROM everyone`;
}
