/**
 * SQL over a scored customer table (rfmSql): the R × F grid, segment summaries, drill-down
 * lists and segment migration between two dates. Shared by the RFM, rules-lab and migration pages.
 */
import {withShares} from "./shares.js";
import {rfmSql, type RfmOptions} from "./rfm.js";
import {ruleIndexSql, segmentSql, type Rule} from "./rules.js";
import {sqlNumber, sqlString} from "./sql.js";
import type {RuleSet} from "./rulesets.js";

/** The scored customers a rule set classifies: buyers only, or everyone. */
export function populationSql(options: RfmOptions, population: RuleSet["population"]): string {
  const scored = rfmSql(options);
  return population === "buyers" ? `SELECT * FROM (${scored}) AS scored WHERE orders > 0` : scored;
}

/** Customers per R × F score cell (buyers): what RfmGrid draws. */
export interface GridCell {
  r_score: number;
  f_score: number;
  customers: number;
  revenue_cents: number;
  avg_monetary: number;
}

/** One segment of the population: size, orders, revenue, AOV, mean recency and frequency, shares. */
export interface SegmentSummary {
  group: string;
  customers: number;
  orders: number;
  revenue_cents: number;
  aov_cents: number | null;
  mean_recency_days: number | null;
  mean_frequency: number;
  customer_share: number;
  revenue_share: number;
}

/**
 * SQL: the RFM explorer's grid and segment table in one scan of the scored population —
 * customers per (R score, F score, first matching rule) with the sums both views add up
 * (rfmViews). Scoring once instead of once per view halves the work of every input change.
 */
export function rfmCellsSql(scored: string, rules: Rule[]): string {
  return `SELECT r_score, f_score, rule_index, CAST(count(*) AS INTEGER) AS customers, CAST(sum(orders) AS BIGINT) AS orders,
  CAST(sum(revenue_cents) AS BIGINT) AS revenue_cents, CAST(sum(recency_days) AS BIGINT) AS recency_days, CAST(count(recency_days) AS INTEGER) AS with_recency
FROM (SELECT r_score, f_score, orders, revenue_cents, recency_days, ${ruleIndexSql(rules)} AS rule_index FROM (${scored}) AS s) AS t
GROUP BY ALL`;
}

export type RfmCell = Record<"customers" | "orders" | "revenue_cents" | "recency_days" | "with_recency", number> & {
  r_score: number | null;
  f_score: number | null;
  rule_index: number | null;
};

/**
 * The grid (buyers: customers with scores) and the segment table (everyone in the population,
 * rules sharing a name add up, "(no rule)" for the unmatched; largest revenue first) from the
 * rows of rfmCellsSql.
 */
export function rfmViews(rules: Rule[], cells: RfmCell[]): {grid: GridCell[]; summary: SegmentSummary[]} {
  const n = Number; // DuckDB's BIGINT arrives as bigint from native DuckDB
  const grid = new Map<string, GridCell>();
  const groups = new Map<
    string,
    {customers: number; orders: number; revenue_cents: number; recency: number; with_recency: number}
  >();
  for (const c of cells) {
    if (c.r_score != null && c.f_score != null) {
      const key = `${c.r_score},${c.f_score}`;
      const g =
        grid.get(key) ??
        grid
          .set(key, {r_score: n(c.r_score), f_score: n(c.f_score), customers: 0, revenue_cents: 0, avg_monetary: 0})
          .get(key)!;
      g.customers += n(c.customers);
      g.revenue_cents += n(c.revenue_cents);
    }
    const name = c.rule_index == null ? "(no rule)" : rules[n(c.rule_index)].name;
    const s =
      groups.get(name) ??
      groups.set(name, {customers: 0, orders: 0, revenue_cents: 0, recency: 0, with_recency: 0}).get(name)!;
    s.customers += n(c.customers);
    s.orders += n(c.orders);
    s.revenue_cents += n(c.revenue_cents);
    s.recency += n(c.recency_days ?? 0);
    s.with_recency += n(c.with_recency);
  }
  for (const g of grid.values()) g.avg_monetary = g.revenue_cents / g.customers / 100;
  const summary = withShares(
    [...groups].map(([group, s]) => ({
      group,
      customers: s.customers,
      orders: s.orders,
      revenue_cents: s.revenue_cents,
      aov_cents: s.orders > 0 ? s.revenue_cents / s.orders : null,
      mean_recency_days: s.with_recency > 0 ? s.recency / s.with_recency : null,
      mean_frequency: s.orders / s.customers
    }))
  );
  return {grid: [...grid.values()].sort((a, b) => a.r_score - b.r_score || a.f_score - b.f_score), summary};
}

/** One row per segment: size, orders, revenue, AOV, mean recency and frequency, shares (ordered as withShares). */
export function segmentSummarySql(source: string, rules: Rule[]): string {
  return `SELECT coalesce(segment, '(no rule)') AS "group", CAST(count(*) AS INTEGER) AS customers, CAST(sum(orders) AS INTEGER) AS orders,
  CAST(sum(revenue_cents) AS BIGINT) AS revenue_cents,
  CASE WHEN sum(orders) > 0 THEN sum(revenue_cents) / sum(orders) END AS aov_cents,
  avg(recency_days) AS mean_recency_days, avg(orders) AS mean_frequency,
  count(*) / sum(count(*)) OVER () AS customer_share,
  coalesce(sum(revenue_cents) / nullif(sum(sum(revenue_cents)) OVER (), 0), 0) AS revenue_share
FROM (SELECT *, ${segmentSql(rules)} AS segment FROM (${source}) AS s) AS t
GROUP BY segment ORDER BY revenue_cents DESC, "group"`;
}

export type Drill = {segment: string} | {r: number; f: number};

/**
 * The (pseudonymous) customers of a segment or a grid cell, for the table and the CSV export,
 * largest revenue first. `OFFSET 0` keeps DuckDB from pushing the filter down into the scoring:
 * it would inline every score's CASE into every rule of the segment test, which made this
 * query two to three times slower than scoring everyone once.
 */
export function drillSql(source: string, rules: Rule[], drill: Drill, limit?: number): string {
  const where =
    "segment" in drill
      ? drill.segment === "(no rule)"
        ? "segment IS NULL"
        : `segment = ${sqlString(drill.segment)}`
      : `r_score = ${sqlNumber(drill.r)} AND f_score = ${sqlNumber(drill.f)}`;
  return `SELECT customer_key, segment, r_score, f_score, m_score, recency_days, orders, revenue_cents / 100 AS revenue,
  CAST(last_purchase AS VARCHAR) AS last_purchase, region, channel, tier, age_band, consent
FROM (SELECT *, ${segmentSql(rules)} AS segment FROM (${source}) AS s OFFSET 0) AS t
WHERE ${where} ORDER BY revenue_cents DESC, customer_key${limit === undefined ? "" : ` LIMIT ${sqlNumber(limit)}`}`;
}

/** SQL: each customer of the rule set's population at `options.asOf` with their segment and revenue to date. */
export function segmentsAtSql(options: RfmOptions, set: RuleSet, rules: Rule[]): string {
  return `SELECT customer_key, ${segmentSql(rules)} AS segment, revenue_cents FROM (${populationSql(options, set.population)}) AS s`;
}

/**
 * SQL: customers counted by (segment in `before`, segment in `after`), relations of
 * segmentsAtSql rows, with their revenue to the later date.
 */
export function migrationBetweenSql(before: string, after: string): string {
  return `SELECT coalesce(a.segment, '(not in population)') AS "from", coalesce(b.segment, '(not in population)') AS "to",
  CAST(count(*) AS INTEGER) AS customers,
  CAST(coalesce(sum(b.revenue_cents), 0) AS BIGINT) AS revenue_cents
FROM ${before} AS a FULL JOIN ${after} AS b USING (customer_key)
GROUP BY ALL ORDER BY customers DESC`;
}

/** Segment of each customer at two dates, counted by (from, to) with revenue since `from`. */
export function migrationOverTimeSql(before: RfmOptions, after: RfmOptions, set: RuleSet, rules: Rule[]): string {
  return migrationBetweenSql(`(${segmentsAtSql(before, set, rules)})`, `(${segmentsAtSql(after, set, rules)})`);
}
