/**
 * SQL over a scored customer table (rfmSql): the R × F grid, segment summaries, drill-down
 * lists and segment migration between two dates. Shared by the RFM, rules-lab and migration pages.
 */
import {rfmSql, type RfmOptions} from "./rfm.js";
import {segmentSql, type Rule} from "./rules.js";
import {sqlNumber, sqlString} from "./sql.js";
import type {RuleSet} from "./rulesets.js";

/** The scored customers a rule set classifies: buyers only, or everyone. */
export function populationSql(options: RfmOptions, population: RuleSet["population"]): string {
  const scored = rfmSql(options);
  return population === "buyers" ? `SELECT * FROM (${scored}) AS scored WHERE orders > 0` : scored;
}

/** Customers, revenue and mean monetary value per R × F cell (buyers). */
export function gridSql(scored: string): string {
  return `SELECT r_score, f_score, CAST(count(*) AS INTEGER) AS customers, CAST(sum(revenue_cents) AS BIGINT) AS revenue_cents,
  avg(revenue_cents) / 100 AS avg_monetary
FROM (${scored}) AS s WHERE orders > 0 GROUP BY r_score, f_score ORDER BY r_score, f_score`;
}

/** One row per segment: size, orders, revenue, AOV, mean recency and frequency, shares. */
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

/** The (pseudonymous) customers of a segment or a grid cell, for the table and the CSV export. */
export function drillSql(source: string, rules: Rule[], drill: Drill, limit = 100_000): string {
  const where = "segment" in drill
    ? drill.segment === "(no rule)" ? "segment IS NULL" : `segment = ${sqlString(drill.segment)}`
    : `r_score = ${sqlNumber(drill.r)} AND f_score = ${sqlNumber(drill.f)}`;
  return `SELECT customer_key, segment, r_score, f_score, m_score, recency_days, orders, revenue_cents / 100 AS revenue,
  CAST(last_purchase AS VARCHAR) AS last_purchase, region, channel, tier, age_band, consent
FROM (SELECT *, ${segmentSql(rules)} AS segment FROM (${source}) AS s) AS t
WHERE ${where} ORDER BY revenue_cents DESC, customer_key LIMIT ${sqlNumber(limit)}`;
}

/** Segment of each customer at two dates, counted by (from, to) with revenue since `from`. */
export function migrationOverTimeSql(before: RfmOptions, after: RfmOptions, set: RuleSet, rules: Rule[]): string {
  const seg = (o: RfmOptions) => `SELECT customer_key, ${segmentSql(rules)} AS segment, revenue_cents FROM (${populationSql(o, set.population)}) AS s`;
  return `SELECT coalesce(a.segment, '(not in population)') AS "from", coalesce(b.segment, '(not in population)') AS "to",
  CAST(count(*) AS INTEGER) AS customers,
  CAST(coalesce(sum(b.revenue_cents), 0) AS BIGINT) AS revenue_cents
FROM (${seg(before)}) AS a FULL JOIN (${seg(after)}) AS b USING (customer_key)
GROUP BY ALL ORDER BY customers DESC`;
}
