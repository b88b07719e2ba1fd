/**
 * RFM scoring as SQL, the same in DuckDB-WASM (pages) and native DuckDB (tests, loaders).
 *
 * Recency, frequency and monetary value are recomputed from the customer × day table at any
 * as-of date, so an analyst can move the date and see the segments of that day.
 *
 * Quantile scores (1–k): a customer's score is 1 + ⌊k × w / n⌋, where n is the number of
 * buyers and w the number of buyers strictly worse on that dimension (larger recency, fewer
 * orders, less revenue). Customers with equal values therefore always get equal scores (ties at
 * a boundary all take the lower score), whatever the engine, thread count or row order.
 *
 * Threshold scores: ascending cut points per dimension; recency in days (≤ first cut scores k),
 * frequency in orders and monetary value in yuan (≥ last cut scores k).
 *
 * discount_share and complaints come from customers.parquet, as of the build's date; p_alive,
 * clv (yuan), expected_purchases_90d and cluster from predictions.parquet, also as of the build's
 * date (the models are fitted once per build; NULL for customers without a purchase by then).
 * Every page that scores RFM therefore opens both tables.
 */
import {purchasesToDateSql} from "./activity.js";
import {ATTRIBUTES} from "./attributes.js";
import {knownAtSql} from "./known.js";
import {locale} from "./locale.js";
import {sqlDate, sqlFilters, sqlNumber, type Filters} from "./sql.js";

export const FILTER_COLUMNS = ATTRIBUTES;
export type FilterColumn = (typeof FILTER_COLUMNS)[number];

export interface Thresholds {
  /** Days, ascending, k − 1 cut points: recency ≤ recency[0] scores k. */
  recency: number[];
  /** Orders, ascending: frequency ≥ frequency[k − 2] scores k. */
  frequency: number[];
  /** Yuan, ascending: revenue ≥ monetary[k − 2] scores k. */
  monetary: number[];
}

export interface RfmOptions {
  asOf: string;
  scale: 3 | 5;
  method: "quantile" | "thresholds";
  thresholds?: Thresholds;
  /**
   * Where purchases come from: the customer × day table (any date), or — when the date is the
   * build's as-of date — the customer table itself, which already holds them (no day scan).
   */
  activity?: "customer_day" | "customers";
  /** Only customers whose attribute is one of the listed values (an empty list: no filter). */
  filters?: Filters<FilterColumn>;
}

/**
 * Default cut points, per scale. Monetary cuts are shares of the site's high-value revenue
 * (locale.ts), the top one equal to it, to two significant digits: at 3,000 (yuan, the default)
 * 300, 800, 1,500, 3,000 on the 1–5 scale and 500, 2,000 on the 1–3, in any currency alike.
 */
export function defaultThresholds(scale: 3 | 5): Thresholds {
  const shares = {5: [1 / 10, 4 / 15, 1 / 2, 1], 3: [1 / 6, 2 / 3]}[scale];
  const monetary = shares.map((share) => Number((share * locale().highValue).toPrecision(2)));
  return scale === 5
    ? {recency: [30, 90, 180, 365], frequency: [2, 3, 5, 8], monetary}
    : {recency: [90, 365], frequency: [2, 5], monetary};
}

/** The build's predictions that rules may use (loaders/derive/predict.ts). */
export const PREDICTION_COLUMNS = ["p_alive", "clv", "expected_purchases_90d", "cluster"] as const;

/** Columns of the scored table that rules and pages may use. */
export const RFM_COLUMNS = [
  "customer_key",
  "r_score",
  "f_score",
  "m_score",
  "recency_days",
  "orders",
  "revenue",
  "revenue_cents",
  "aov",
  "tenure_days",
  "discount_share",
  "complaints",
  "first_purchase",
  "last_purchase",
  "signup_date",
  ...FILTER_COLUMNS,
  "city",
  "consent",
  "points",
  ...PREDICTION_COLUMNS
] as const;

function thresholdScore(column: string, cuts: number[], scale: number, lowerIsBetter: boolean, unit = 1): string {
  if (cuts.length !== scale - 1)
    throw new Error(`${column}: ${scale - 1} thresholds expected for a 1–${scale} scale, got ${cuts.length}`);
  cuts.forEach((c, i) => {
    sqlNumber(c, `${column} threshold`);
    if (i > 0 && c <= cuts[i - 1]) throw new Error(`${column} thresholds must increase: ${cuts.join(", ")}`);
  });
  const arms = lowerIsBetter
    ? cuts.map((c, i) => `WHEN ${column} <= ${sqlNumber(c * unit)} THEN ${scale - i}`)
    : [...cuts].reverse().map((c, i) => `WHEN ${column} >= ${sqlNumber(c * unit)} THEN ${scale - i}`);
  return `CASE ${arms.join(" ")} ELSE 1 END`;
}

/**
 * SQL: one row per customer of the (filtered) population as of the date, with RFM scores for
 * buyers (NULL for customers without a purchase by then). Reads tables `customers` and
 * `customer_day`.
 */
export function rfmSql(options: RfmOptions): string {
  const asof = sqlDate(options.asOf, "as-of date");
  const k = sqlNumber(options.scale, "scale");
  if (options.scale !== 3 && options.scale !== 5) throw new Error(`scale must be 3 or 5, got ${options.scale}`);
  const t = options.thresholds ?? defaultThresholds(options.scale);
  const quantile = (order: string) =>
    `CASE WHEN orders > 0 THEN CAST(1 + floor(${k} * (rank() OVER (PARTITION BY orders > 0 ORDER BY ${order}) - 1) / count(*) OVER (PARTITION BY orders > 0)) AS INTEGER) END`;
  const scores =
    options.method === "quantile"
      ? {r: quantile("recency_days DESC"), f: quantile("orders ASC"), m: quantile("revenue_cents ASC")}
      : {
          r: `CASE WHEN orders > 0 THEN ${thresholdScore("recency_days", t.recency, options.scale, true)} END`,
          f: `CASE WHEN orders > 0 THEN ${thresholdScore("orders", t.frequency, options.scale, false)} END`,
          m: `CASE WHEN orders > 0 THEN ${thresholdScore("revenue_cents", t.monetary, options.scale, false, 100)} END`
        };
  // At the build date the customer table holds the purchases itself: read them in place (a
  // self-join on a million string keys costs more than all the scoring).
  const inPlace = options.activity === "customers";
  const a = inPlace ? "c" : "a";
  const from = inPlace
    ? "customers c LEFT JOIN predictions p USING (customer_key)"
    : `customers c LEFT JOIN predictions p USING (customer_key) LEFT JOIN (${purchasesToDateSql(options.asOf)}) AS a USING (customer_key)`;
  return `
WITH base AS (
  SELECT c.customer_key, c.signup_date, ${FILTER_COLUMNS.map((f) => `c.${f}`).join(", ")}, c.city, c.consent, c.points,
    c.discount_share, c.complaints,
    p.p_alive, p.clv_cents / 100.0 AS clv, p.expected_purchases_90d, p.cluster,
    ${a}.first_purchase, ${a}.last_purchase,
    coalesce(${a}.orders, 0) AS orders,
    coalesce(${a}.revenue_cents, 0) AS revenue_cents,
    coalesce(${a}.revenue_cents, 0) / 100.0 AS revenue,
    CASE WHEN ${a}.orders > 0 THEN ${a}.revenue_cents / 100.0 / ${a}.orders END AS aov,
    CAST(${asof} - ${a}.last_purchase AS INTEGER) AS recency_days,
    CAST(${asof} - ${a}.first_purchase AS INTEGER) AS tenure_days
  FROM ${from}
  WHERE ${knownAtSql(options.asOf, "c.")} ${sqlFilters(options.filters, FILTER_COLUMNS, "c.")}
)
SELECT *, ${scores.r} AS r_score, ${scores.f} AS f_score, ${scores.m} AS m_score FROM base`;
}

/**
 * What the RFM explorer's grid and segment table depend on: the key of their build-time results
 * (prepared.ts). Thresholds count only for threshold scoring; where purchases are read from
 * does not change the numbers.
 */
export function rfmInputs(options: RfmOptions, ruleSet: string): Record<string, unknown> {
  const {asOf, scale, method, thresholds, filters} = options;
  return {
    asOf,
    scale,
    method,
    thresholds: method === "thresholds" ? thresholds : null,
    filters: filters ?? {},
    ruleSet
  };
}
