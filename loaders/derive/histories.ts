/**
 * Buyers' purchase histories as the models see them, in SQL over the published customer × day
 * table. A purchase is a day with a sale (days with only returns are not); its value is the net
 * revenue of that day (returns made the same day included). At any date D (the as-of date, the
 * end of the calibration period, 30 days ago, each month end of the at-risk trend) a buyer has
 *
 *   x  = purchase days after the first (repeat purchases), t_x = days from the first purchase to
 *   the last, T = days from the first purchase to D, recency = days from the last purchase to D,
 *
 * and the overdue rule a store manager uses: days since the last purchase against the buyer's
 * own usual interval, mean + 2 standard deviations of the intervals between purchase days (with
 * one interval, twice it; with none, twice the median mean interval of all repeat buyers at D).
 *
 * One definition for every date, computed for all dates in one pass over the purchase days (one
 * query per date took 14 passes over ten million rows at 1M customers). test/reference/history.ts
 * recomputes it in TypeScript.
 */
import {sqlDate} from "../../src/lib/sql.js";

/** Table `purchase_days`: one row per buyer and purchase day up to `asOf`, with the gap to the one before. */
export function purchaseDaysSql(customerDay: string, asOf: string): string {
  return `
CREATE OR REPLACE TEMP TABLE purchase_days AS
SELECT customer_key, day, revenue_cents AS cents,
  CAST(day - lag(day) OVER (PARTITION BY customer_key ORDER BY day) AS INTEGER) AS gap
FROM ${customerDay}
WHERE orders > 0 AND day <= ${sqlDate(asOf, "as-of date")}`;
}

/**
 * One row per buyer and date with a purchase by that date: date, x, tx, T, recency and
 * allowed_gap (the overdue rule's yardstick), from table purchase_days.
 *
 * In one pass: each purchase day falls in the bucket of the first date on or after it; counts,
 * last day and squared gaps are summed per buyer and bucket, accumulated over the buckets in date
 * order, and each buyer's running totals are repeated for the dates until their next bucket.
 * (Filtered aggregates per date took twice as long at 1M customers.)
 */
export function snapshotsSql(dates: readonly string[]): string {
  const sorted = [...new Set(dates)].sort();
  const ds = sorted.map((d) => sqlDate(d, "model date"));
  return `
WITH buckets AS (
  SELECT customer_key, CASE ${ds.map((d, i) => `WHEN day <= ${d} THEN ${i}`).join(" ")} END AS k,
    count(*) AS n, max(day) AS last, min(day) AS first, sum(CAST(gap AS DOUBLE) * gap) AS gap_squares
  FROM purchase_days GROUP BY ALL
), running AS (
  SELECT customer_key, k, lead(k) OVER w AS next_k, sum(n) OVER w AS n, max(last) OVER w AS last,
    min(first) OVER w AS first, sum(gap_squares) OVER w AS gap_squares
  FROM buckets WHERE k IS NOT NULL
  WINDOW w AS (PARTITION BY customer_key ORDER BY k)
), long AS (
  SELECT customer_key, ([${ds.join(", ")}])[unnest(range(k, coalesce(next_k, ${ds.length}))) + 1] AS date,
    n, last, first, gap_squares FROM running
), h AS (
  SELECT customer_key, date, CAST(n - 1 AS INTEGER) AS x, CAST(last - first AS INTEGER) AS tx,
    CAST(date - first AS INTEGER) AS T, CAST(date - last AS INTEGER) AS recency, coalesce(gap_squares, 0) AS gap_squares
  FROM long
), typical AS (
  SELECT date, median(CAST(tx AS DOUBLE) / x) AS gap FROM h WHERE x > 0 GROUP BY date
)
SELECT h.customer_key, h.date, x, tx, T, recency,
  CASE
    WHEN x = 0 THEN 2 * typical.gap
    WHEN x = 1 THEN 2.0 * tx
    -- sample deviation of the x intervals: (Σg² − x·mean²) / (x − 1), mean = tx / x
    ELSE CAST(tx AS DOUBLE) / x + 2 * sqrt(greatest(0, (gap_squares - CAST(tx AS DOUBLE) * tx / x) / (x - 1)))
  END AS allowed_gap
FROM h LEFT JOIN typical USING (date)`;
}

/**
 * One row per buyer as of the last date of purchase_days: the first purchase's value, the mean
 * value of the repeat purchases (m_cents, NULL without any), and purchase days in the year before
 * `asOf` and in the year before that.
 */
export function buyerValuesSql(asOf: string): string {
  const d = sqlDate(asOf, "as-of date");
  return `
SELECT customer_key, arg_min(cents, day) AS first_cents,
  CASE WHEN count(*) > 1 THEN CAST(sum(cents) - arg_min(cents, day) AS DOUBLE) / (count(*) - 1) END AS m_cents,
  CAST(count(*) FILTER (WHERE day > ${d} - INTERVAL 365 DAY) AS INTEGER) AS purchases_12m,
  CAST(count(*) FILTER (WHERE day > ${d} - INTERVAL 730 DAY AND day <= ${d} - INTERVAL 365 DAY) AS INTEGER) AS purchases_prior_12m
FROM purchase_days GROUP BY customer_key`;
}
