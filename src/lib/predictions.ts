/**
 * SQL for the prediction pages (/clv, /churn), over a segmented population (crosstab.ts,
 * segmentedPopulationSql: one row per customer with RFM columns and `segment`) joined to the
 * build's predictions (loaders/derive/predict.ts; buyers only). Runs in DuckDB-WASM and in native
 * DuckDB (tests). Money stays in cents.
 *
 * Churn signals, side by side:
 * - the model: P(alive) below the threshold (default 0.5);
 * - the rule: days since the last purchase beyond the buyer's usual gap (overdue_days > 0).
 * At risk means either. A risk is *new* when it crossed its line in the last 30 days: P(alive)
 * was at or above the threshold 30 days ago, or the rule did not fire then.
 */
import {ATTRIBUTES} from "./attributes.js";
import {sqlName, sqlNumber} from "./sql.js";

export const GROUP_DIMENSIONS = ["segment", ...ATTRIBUTES] as const;
export type GroupDimension = (typeof GROUP_DIMENSIONS)[number];

/** The default P(alive) threshold (the build's riskThreshold is the same default). */
export const DEFAULT_RISK_THRESHOLD = 0.5;
/** "Valuable": CLV percentile at least this (the top fifth of buyers by CLV). */
export const DEFAULT_VALUABLE_PERCENTILE = 80;

/** Buyers of `source` with their predictions. */
export function withPredictionsSql(source: string): string {
  return `SELECT s.*, p.* EXCLUDE (customer_key, p_alive, expected_purchases_90d, cluster, recency_days)
FROM (${source}) AS s JOIN predictions p USING (customer_key)`;
}

export const riskSql = (threshold: number) => {
  const t = sqlNumber(threshold, "P(alive) threshold");
  return {
    model: `coalesce(p_alive < ${t}, false)`,
    rule: "coalesce(overdue_days > 0, false)",
    newModel: `coalesce(p_alive < ${t} AND p_alive_before >= ${t}, false)`,
    newRule: "coalesce(overdue_days > 0 AND NOT overdue_before, false)"
  };
};

/** Per group: buyers, CLV (total and mean), expected purchases in 90 days, mean P(alive), revenue to date. */
export function clvByGroupSql(source: string, dimension: GroupDimension): string {
  const d = sqlName(dimension, GROUP_DIMENSIONS, "dimension");
  return `SELECT coalesce(CAST(${d} AS VARCHAR), 'unknown') AS "group", CAST(count(*) AS INTEGER) AS buyers,
  CAST(sum(clv_cents) AS BIGINT) AS clv_cents, avg(clv_cents) AS mean_clv_cents,
  sum(expected_purchases_90d) AS expected_90d, avg(p_alive) AS mean_p_alive, CAST(sum(revenue_cents) AS BIGINT) AS revenue_cents
FROM (${withPredictionsSql(source)}) GROUP BY ALL ORDER BY clv_cents DESC, "group"`;
}

/** The `limit` buyers with the highest CLV (ties: the key). */
export function topClvSql(source: string, limit = 50): string {
  return `SELECT customer_key, segment, clv_cents, clv_percentile, p_alive, expected_purchases_90d, expected_order_cents,
  orders, revenue_cents, recency_days
FROM (${withPredictionsSql(source)}) ORDER BY clv_cents DESC, customer_key LIMIT ${sqlNumber(limit, "limit")}`;
}

/** The two signals against each other: buyers and CLV in each of the four combinations. */
export function signalsSql(source: string, threshold = DEFAULT_RISK_THRESHOLD): string {
  const r = riskSql(threshold);
  return `SELECT ${r.model} AS model, ${r.rule} AS rule, CAST(count(*) AS INTEGER) AS buyers, CAST(sum(clv_cents) AS BIGINT) AS clv_cents
FROM (${withPredictionsSql(source)}) GROUP BY ALL ORDER BY model, rule`;
}

/** Per group: buyers, buyers at risk (either signal), and the CLV and past-year revenue of those at risk. */
export function valueAtRiskSql(source: string, dimension: GroupDimension, threshold = DEFAULT_RISK_THRESHOLD): string {
  const d = sqlName(dimension, GROUP_DIMENSIONS, "dimension");
  const r = riskSql(threshold);
  return `SELECT coalesce(CAST(${d} AS VARCHAR), 'unknown') AS "group", CAST(count(*) AS INTEGER) AS buyers,
  CAST(count(*) FILTER (WHERE ${r.model} OR ${r.rule}) AS INTEGER) AS at_risk,
  CAST(coalesce(sum(clv_cents) FILTER (WHERE ${r.model} OR ${r.rule}), 0) AS BIGINT) AS clv_at_risk_cents,
  CAST(coalesce(sum(revenue_cents) FILTER (WHERE ${r.model} OR ${r.rule}), 0) AS BIGINT) AS revenue_at_risk_cents
FROM (${withPredictionsSql(source)}) GROUP BY ALL ORDER BY clv_at_risk_cents DESC, "group"`;
}

/**
 * Early warning: valuable buyers (CLV percentile ≥ `valuable`) whose risk is new (see the module
 * comment), most valuable first, with why: days overdue, P(alive) now and 30 days ago, purchases
 * in the last 12 months against the 12 before.
 */
export function earlyWarningSql(
  source: string,
  {threshold = DEFAULT_RISK_THRESHOLD, valuable = DEFAULT_VALUABLE_PERCENTILE, limit = 200} = {}
): string {
  const r = riskSql(threshold);
  return `SELECT customer_key, segment, clv_cents, clv_percentile, p_alive, p_alive_before, overdue_days,
  recency_days, allowed_gap_days, purchases_12m, purchases_prior_12m,
  ${r.newModel} AS model_new, ${r.newRule} AS rule_new
FROM (${withPredictionsSql(source)})
WHERE clv_percentile >= ${sqlNumber(valuable, "valuable percentile")} AND (${r.newModel} OR ${r.newRule})
ORDER BY clv_cents DESC, customer_key LIMIT ${sqlNumber(limit, "limit")}`;
}

/**
 * Win-back candidates: lapsed buyers (either signal), ranked by the value of winning them back,
 * stated as a year of purchases at their old pace: expected value per purchase × 365 / their mean
 * interval (the median interval of repeat buyers, `typicalGap`, for one-time buyers; without any
 * repeat buyer, null: their value is unknown, NULL, and ranks last). Consent is kept as it is
 * (true, false, NULL): the export takes consent IS TRUE only.
 */
export function winBackSql(source: string, typicalGap: number | null, threshold = DEFAULT_RISK_THRESHOLD): string {
  const r = riskSql(threshold);
  const typical = typicalGap === null ? "NULL" : sqlNumber(typicalGap, "typical gap");
  return `SELECT customer_key, segment, consent, recency_days, orders, revenue_cents, p_alive, overdue_days,
  -- greatest() skips NULLs: a missing interval must stay NULL, not become 1 day
  CAST(round(expected_order_cents * 365.0 / CASE WHEN coalesce(mean_gap_days, ${typical}) IS NOT NULL
    THEN greatest(1, coalesce(mean_gap_days, ${typical})) END) AS BIGINT) AS win_back_cents
FROM (${withPredictionsSql(source)}) WHERE ${r.model} OR ${r.rule}
ORDER BY win_back_cents DESC NULLS LAST, customer_key`;
}

/** Splits win-back rows by consent: only consent IS TRUE may be exported; the rest are counted. */
export function consentSplit<R extends {consent: boolean | null}>(rows: R[]) {
  return {
    exportable: rows.filter((r) => r.consent === true),
    refused: rows.filter((r) => r.consent === false).length,
    unknown: rows.filter((r) => r.consent === null || r.consent === undefined).length
  };
}
