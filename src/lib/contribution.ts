/**
 * Value contribution by a customer attribute: each group's share of customers beside its
 * share of revenue. Runs on the customers table in DuckDB-WASM and in native DuckDB.
 */
import {ATTRIBUTES} from "./attributes.js";
import {DEFAULT_RULE_SET, rulesOf, segmentOptions} from "./rulesets.js";
import {populationSql, segmentSummarySql} from "./segments.js";
import {sqlName} from "./sql.js";

/** Customer attributes a page may break revenue down by. */
export const CONTRIBUTION_DIMENSIONS = ATTRIBUTES;
export type ContributionDimension = (typeof CONTRIBUTION_DIMENSIONS)[number];

export interface ContributionRow {
  group: string;
  customers: number;
  revenue_cents: number;
  customer_share: number;
  revenue_share: number;
}

/** SQL: buyers and revenue per group of `dimension`, largest revenue first. */
export function contributionSql(dimension: ContributionDimension, table = "customers"): string {
  const column = sqlName(dimension, CONTRIBUTION_DIMENSIONS, "dimension");
  return `
SELECT coalesce(CAST(${column} AS VARCHAR), 'unknown') AS "group",
  count(*)::INTEGER AS customers,
  sum(revenue_cents)::BIGINT AS revenue_cents,
  count(*) / sum(count(*)) OVER () AS customer_share,
  sum(revenue_cents) / sum(sum(revenue_cents)) OVER () AS revenue_share
FROM ${sqlName(table, ["customers"], "table")}
WHERE orders > 0
GROUP BY ALL
ORDER BY revenue_cents DESC, "group"`;
}

/** SQL: the same shares by segment of the default rule set, buyers scored as of the build date `asOf`. */
export function segmentContributionSql(asOf: string): string {
  return segmentSummarySql(populationSql(segmentOptions(asOf, {}), "buyers"), rulesOf(DEFAULT_RULE_SET));
}
