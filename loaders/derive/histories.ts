/**
 * Buyers' purchase histories as the models see them, in SQL over the published customer × day
 * table (the at-risk trend's month ends in one TypeScript pass over the same lists). A purchase
 * is a day with a sale (days with only returns are not); its value is the net revenue of that day
 * (returns made the same day included). At any date D (the as-of date, the end of the calibration
 * period, 30 days ago, each month end of the at-risk trend) a buyer has
 *
 *   x  = purchase days after the first (repeat purchases), t_x = days from the first purchase to
 *   the last, T = days from the first purchase to D, recency = days from the last purchase to D,
 *
 * and the overdue rule a store manager uses: days since the last purchase against the buyer's
 * own usual interval, mean + 2 standard deviations of the intervals between purchase days (with
 * one interval, twice it; with none, twice the median mean interval of all repeat buyers at D).
 *
 * One definition for every date, read from one row per buyer (buyer_days: the buyer's purchase days
 * in order, as a list, and the squared intervals between them): each date's history is a count of
 * the days on or before it and a few list lookups. Windows over the ten million purchase days at
 * 1M customers (a gap per day, running totals per date) took twice as long. test/reference/history.ts
 * recomputes it in TypeScript.
 */
import type {DuckDBConnection, DuckDBIntegerVector, DuckDBListVector} from "@duckdb/node-api";
import {median} from "simple-statistics";
import {queryRows} from "../duckdb.js";
import type {Rfm} from "../models/bgnbd.js";
import {sqlDate, sqlNumber} from "../../src/lib/sql.js";

/**
 * Table `buyer_days`: one row per buyer with a purchase up to `asOf`: `days`, their purchase days
 * in order (days since 1970-01-01); `squares`, the squared intervals between consecutive days (one
 * fewer); the first day's value (first_cents) and all purchase days' (cents); purchase days in the
 * year before `asOf` and in the year before that; and orders and revenue to date as the customer
 * table counts them (return-only days included: the clusters' features).
 */
export function buyerDaysSql(customerDay: string, asOf: string): string {
  const d = sqlDate(asOf, "as-of date");
  const bought = "orders > 0";
  // list() then list_sort: an ordered aggregate (list(... ORDER BY day) FILTER ...) took ten times as long.
  return `
CREATE OR REPLACE TEMP TABLE buyer_days AS
WITH lists AS (
  SELECT customer_key, list_sort(list(CAST(day - DATE '1970-01-01' AS INTEGER)) FILTER (WHERE ${bought})) AS days,
    arg_min(revenue_cents, day) FILTER (WHERE ${bought}) AS first_cents, sum(revenue_cents) FILTER (WHERE ${bought}) AS cents,
    CAST(count(*) FILTER (WHERE ${bought} AND day > ${d} - INTERVAL 365 DAY) AS INTEGER) AS purchases_12m,
    CAST(count(*) FILTER (WHERE ${bought} AND day > ${d} - INTERVAL 730 DAY AND day <= ${d} - INTERVAL 365 DAY) AS INTEGER) AS purchases_prior_12m,
    CAST(sum(orders) AS INTEGER) AS orders_to_date, sum(revenue_cents) AS revenue_to_date_cents
  FROM ${customerDay} WHERE day <= ${d} GROUP BY customer_key HAVING count(*) FILTER (WHERE ${bought}) > 0
)
SELECT *, list_transform(range(1, len(days)), i -> CAST(days[i + 1] - days[i] AS DOUBLE) * (days[i + 1] - days[i])) AS squares
FROM lists`;
}

/**
 * SQL: one row per buyer of table buyer_days with their history at each date of `dates`, a column
 * prefix ("" for the as-of date) → ISO date. At date D a buyer's n purchase days on or before D give
 * {p}x = n − 1, {p}tx = days[n] − days[1], {p}T = D − days[1], {p}recency = D − days[n] and
 * {p}gap_squares, the sum of the first n − 1 squared intervals; all NULL before the first purchase.
 * Then the buyer's values as of buyer_days' date: first_cents, m_cents (the mean value of the
 * repeat purchases, NULL without any), purchases_12m, purchases_prior_12m, orders_to_date and
 * revenue_to_date_cents.
 *
 * One row per buyer with a set of columns per date: a row per buyer and date, joined back per
 * buyer, took twice as long at a million buyers.
 */
export function historiesSql(dates: Record<string, string>): string {
  const columns = Object.entries(dates).map(([p, date]) => {
    const day = `CAST(${sqlDate(date, "model date")} - DATE '1970-01-01' AS INTEGER)`;
    const n = `${p}n`;
    return {
      count: `CAST(len(list_filter(days, v -> v <= ${day})) AS INTEGER) AS ${n}`,
      history: `CASE WHEN ${n} > 0 THEN ${n} - 1 END AS ${p}x, days[${n}] - days[1] AS ${p}tx,
  CASE WHEN ${n} > 0 THEN ${day} - days[1] END AS ${p}T, ${day} - days[${n}] AS ${p}recency,
  CASE WHEN ${n} > 0 THEN coalesce(list_sum(squares[1:${n} - 1]), 0) END AS ${p}gap_squares`
    };
  });
  return `
SELECT customer_key, ${columns.map((c) => c.history).join(",\n  ")},
  first_cents, CASE WHEN len(days) > 1 THEN CAST(cents - first_cents AS DOUBLE) / (len(days) - 1) END AS m_cents,
  purchases_12m, purchases_prior_12m, orders_to_date, revenue_to_date_cents
FROM (SELECT *, ${columns.map((c) => c.count).join(", ")} FROM buyer_days)`;
}

/** SQL aggregate over historiesSql's rows: the typical interval at the date of prefix `p`, the median mean interval of its repeat buyers. */
export const typicalGapSql = (p = "") => `median(CAST(${p}tx AS DOUBLE) / ${p}x) FILTER (WHERE ${p}x > 0)`;

/**
 * SQL over historiesSql's columns of prefix `p`: the overdue rule's yardstick at that date. A
 * repeat buyer's comes from their own intervals: with one interval twice it, else the mean plus
 * twice the sample deviation of the x intervals, (Σg² − x·mean²) / (x − 1) with mean = tx / x. A
 * one-time buyer's is twice `typical` (typicalGapSql's; NULL, never overdue, without repeat buyers).
 */
export function allowedGapSql(p: string, typical: number | null): string {
  const [x, tx] = [`${p}x`, `CAST(${p}tx AS DOUBLE)`];
  // From its shortest decimal text, which reads back to the same double (a DECIMAL literal need not).
  const typicalSql = typical === null ? "NULL" : `CAST('${sqlNumber(typical)}' AS DOUBLE)`;
  return `CASE WHEN ${x} = 0 THEN 2 * ${typicalSql} WHEN ${x} = 1 THEN 2 * ${tx}
    ELSE ${tx} / ${x} + 2 * sqrt(greatest(0, (${p}gap_squares - ${tx} * ${p}tx / ${x}) / (${x} - 1))) END`;
}

/** One point of the at-risk trend: buyers at the date, at risk by the model and by the overdue rule. */
export interface TrendPoint {
  date: string;
  buyers: number;
  model: number;
  rule: number;
}

/**
 * The at-risk counts at each date, from table buyer_days without a row per buyer and date kept
 * anywhere: `atRisk` is the model's condition on x, t_x and T, the overdue rule is allowedGapSql's
 * (here in TypeScript; a one-time buyer is overdue past twice the median mean interval of the
 * repeat buyers at the date, known only once every buyer is read).
 *
 * One pass in TypeScript over the buyers' day lists as DuckDB streams them: each buyer's days are
 * walked once for all dates in order. The same counts in SQL (a row per buyer and date, grouped)
 * took 2.4 s at a million buyers, this 1.3 s; test/reference/history.ts checks both rules.
 */
export async function atRiskTrend(
  db: DuckDBConnection,
  dates: readonly string[],
  atRisk: (history: Rfm) => boolean
): Promise<TrendPoint[]> {
  const sorted = [...new Set(dates)].sort();
  const ends = sorted.map((date) => Date.parse(date) / 86_400_000);
  const [{repeaters, first}] = await queryRows<{repeaters: number; first: number | null}>(
    db,
    "SELECT count(*) FILTER (WHERE len(days) > 1) AS repeaters, min(days[1]) AS first FROM buyer_days"
  );
  // Per date: counts, the repeat buyers' mean intervals (a repeat buyer at a date is one at the
  // as-of date too, so `repeaters` bounds them) and how many one-time buyers have each recency (in
  // days, at most the date minus the first purchase day of all). Typed arrays sized so: twelve
  // arrays of every buyer took 120 MB at a million buyers, which pushed the step past 1 GB.
  const counts = sorted.map(() => ({buyers: 0, model: 0, rule: 0, repeat: 0}));
  const meanGaps = sorted.map(() => new Float64Array(repeaters));
  const oneTime = ends.map((end) => new Int32Array(Math.max(0, end - (first ?? end) + 1)));
  const result = await db.stream("SELECT days FROM buyer_days");
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const lists = chunk.getColumnVector(0) as DuckDBListVector;
    const days = lists.childVector as DuckDBIntegerVector;
    for (let row = 0; row < chunk.rowCount; row++) {
      const offset = lists.getEntryOffset(row);
      const length = lists.getEntryLength(row);
      const firstDay = days.getItem(offset)!;
      // n: purchase days on or before the date; squares: the sum of the squared intervals between them.
      let n = 0;
      let last = firstDay;
      let squares = 0;
      for (let d = 0; d < ends.length; d++) {
        const end = ends[d];
        for (; n < length; n++) {
          const day = days.getItem(offset + n)!;
          if (day > end) break;
          squares += (day - last) * (day - last);
          last = day;
        }
        if (n === 0) continue;
        const c = counts[d];
        const x = n - 1;
        const tx = last - firstDay;
        const recency = end - last;
        if (atRisk({x, tx, T: end - firstDay})) c.model++;
        if (x === 0) oneTime[d][recency]++;
        else {
          meanGaps[d][c.repeat++] = tx / x;
          // As allowedGapSql: twice the one interval, else the mean plus twice the sample deviation.
          const allowed = x === 1 ? 2 * tx : tx / x + 2 * Math.sqrt(Math.max(0, (squares - (tx * tx) / x) / (x - 1)));
          if (recency > allowed) c.rule++;
        }
        c.buyers++;
      }
    }
  }
  return sorted.map((date, d) => {
    const {buyers, model, rule, repeat} = counts[d];
    // Without any repeat buyer there is no typical interval, and no one-time buyer is overdue.
    let overdue = 0;
    if (repeat > 0) {
      const typical = median(meanGaps[d].subarray(0, repeat) as unknown as number[]);
      // Recencies are whole days: those past twice the typical interval start at its floor + 1.
      for (let recency = Math.floor(2 * typical) + 1; recency < oneTime[d].length; recency++)
        overdue += oneTime[d][recency];
    }
    return {date, buyers, model, rule: rule + overdue};
  });
}
