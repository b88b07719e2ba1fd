/**
 * Buyers' purchase histories as the models see them, in SQL over the published customer × day
 * table. A purchase is a day with a sale (days with only returns are not); its value is the net
 * revenue of that day (returns made the same day included). At any date D (the as-of date, the
 * end of the calibration period, each month end of the at-risk trend) a buyer has
 *
 *   x  = purchase days after the first (repeat purchases), t_x = days from the first purchase to
 *   the last, T = days from the first purchase to D, m = mean value of the repeat purchase days,
 *
 * and the overdue rule a store manager uses: days since the last purchase against the buyer's
 * own usual interval, mean + 2 standard deviations of the intervals between purchase days (with
 * one interval, twice it; with none, twice the median mean interval of all repeat buyers at D).
 *
 * One definition for every date (test/reference/history.ts recomputes it in TypeScript).
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
 * One row per buyer with a purchase by `date`: x, tx, T, m_cents (NULL without repeat purchases),
 * recency, allowed_gap and holdout (purchase days after `date`, up to the last day of the table).
 */
export function historiesSql(date: string): string {
  const d = sqlDate(date, "model date");
  return `
WITH h AS (
  SELECT customer_key,
    CAST(count(*) FILTER (WHERE day <= ${d}) - 1 AS INTEGER) AS x,
    CAST(max(day) FILTER (WHERE day <= ${d}) - min(day) AS INTEGER) AS tx,
    CAST(${d} - min(day) AS INTEGER) AS T,
    CAST(${d} - max(day) FILTER (WHERE day <= ${d}) AS INTEGER) AS recency,
    sum(CAST(gap AS DOUBLE) * gap) FILTER (WHERE day <= ${d}) AS gap_squares,
    sum(cents) FILTER (WHERE day <= ${d} AND gap IS NOT NULL) AS repeat_cents,
    CAST(count(*) FILTER (WHERE day > ${d}) AS INTEGER) AS holdout
  FROM purchase_days GROUP BY customer_key HAVING min(day) <= ${d}
), typical AS (
  SELECT median(CAST(tx AS DOUBLE) / x) AS gap FROM h WHERE x > 0
)
SELECT h.customer_key, x, tx, T, recency, holdout,
  CASE WHEN x > 0 THEN CAST(repeat_cents AS DOUBLE) / x END AS m_cents,
  CASE
    WHEN x = 0 THEN 2 * typical.gap
    WHEN x = 1 THEN 2.0 * tx
    -- sample deviation of the x intervals: (Σg² − x·mean²) / (x − 1), mean = tx / x
    ELSE CAST(tx AS DOUBLE) / x + 2 * sqrt(greatest(0, (gap_squares - CAST(tx AS DOUBLE) * tx / x) / (x - 1)))
  END AS allowed_gap
FROM h, typical`;
}
