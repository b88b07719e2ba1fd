/**
 * Predictions, once per build, after the published tables are written: BG/NBD and Gamma-Gamma
 * fitted on the buyers' histories as of the as-of date, every buyer scored (P(alive), expected
 * purchases, expected spend, CLV), the models validated on a holdout period, the churn signals
 * and their monthly trend, and the default k-means clusters. Reads only the published
 * customer × day file, so every source (sample, files, PostgreSQL) gets the same predictions.
 *
 * DuckDB does the per-buyer work (histories, spend, CLV, overdue rule, cluster assignment); the
 * TypeScript models run once per distinct history (x, t_x, T), far fewer than buyers.
 *
 * Out: predictions.parquet (one row per buyer: pseudonymous key and numbers) and models.json
 * (parameters, diagnostics, validation, trend, clusters: aggregates only).
 */
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {type BgNbdFit, type BgNbdParams, type Rfm, expectedPurchases, fitBgNbd, pAlive} from "../models/bgnbd.js";
import {type ClvSettings, discountedPurchases} from "../models/clv.js";
import {type Diagnostic, LIMITS, type Methods, diagnose} from "../models/diagnostics.js";
import {type GammaGammaFit, type GammaGammaParams, fitGammaGamma} from "../models/gammagamma.js";
import {PARQUET_OPTIONS, queryRows} from "../duckdb.js";
import {type Centre, FIT_SAMPLE as CLUSTER_SAMPLE, fitCentroids, namesByRevenue} from "../../src/lib/clusters.js";
import {addDays} from "../../src/lib/dates.js";
import {sqlNumber, sqlString} from "../../src/lib/sql.js";
import {historiesSql, purchaseDaysSql} from "./histories.js";

export interface ModelSettings extends ClvSettings {
  /** Weeks at the end of the data held out to validate the models (default 26). */
  holdoutWeeks: number;
  /** P(alive) below this counts as at risk (default 0.5). */
  riskThreshold: number;
  /** Clusters of the published default clustering (default 4; the clusters page picks any k). */
  clusters: number;
}

export const MODEL_DEFAULTS: ModelSettings = {
  horizonMonths: 12,
  monthlyDiscount: 0.01,
  margin: 1,
  holdoutWeeks: 26,
  riskThreshold: 0.5,
  clusters: 4
};

/**
 * Buyers the models are fitted on, at most: a sample of this many when there are more, the same
 * every build (the buyers with the smallest hash of their key). Population parameters from 50,000
 * buyers differ from a full fit by far less than their own uncertainty, every buyer is still
 * scored, and fitting on a million took over ten seconds.
 */
export const FIT_SAMPLE = 50_000;

/** Days the early warning looks back: a risk that crossed its threshold within this many days is new. */
export const RECENT_DAYS = 30;

export interface Calibration {
  /** Last day of the calibration period; the holdout is the days after it up to the as-of date. */
  calibrationEnd: string;
  holdoutDays: number;
  customers: number;
  params: BgNbdParams;
  /** By repeat purchases in calibration (7: seven or more): buyers, mean actual and predicted holdout purchases. */
  byRepeats: {repeats: number; customers: number; actual: number; predicted: number}[];
  totals: {actual: number; predicted: number; naive: number};
  /** Mean absolute error per buyer, of the model and of the naive rule (own rate x / T carried forward). */
  mae: {model: number; naive: number};
}

export interface ModelsReport {
  asOf: string;
  settings: ModelSettings;
  buyers: number;
  /** Buyers the models were fitted on (all, or a sample of FIT_SAMPLE) and the repeat buyers among them. */
  fitted: number;
  repeaters: number;
  /** Distinct (x, t_x, T) histories the BG/NBD likelihood sums over. */
  distinctHistories: number;
  bgnbd?: {params: BgNbdParams; logLikelihood: number; converged: boolean; iterations: number};
  gammaGamma?: {
    params: GammaGammaParams;
    logLikelihood: number;
    converged: boolean;
    buyers: number;
    correlation: number;
  };
  diagnostics: Diagnostic[];
  methods: Methods;
  validation?: Calibration;
  /** Median of the repeat buyers' mean intervals (days): the overdue rule's yardstick for one-time buyers. */
  typicalGapDays: number;
  totals: {expected90: number; clvCents: number; atRiskModel: number | null; atRiskRule: number; both: number | null};
  /** At-risk buyers at each month end of the last year: by P(alive) (current parameters) and by the overdue rule. */
  trend: {date: string; buyers: number; atRiskModel: number | null; atRiskRule: number}[];
  /** CLV distribution: buyers per band of CLV (yuan). */
  clvBands: {from: number; to: number | null; customers: number; clvCents: number}[];
  clusters?: {k: number; fitted: number; centres: Centre[]};
  seconds: {histories: number; fit: number; score: number; validation: number; clusters: number};
}

/** Lower bounds of the CLV bands, in yuan (a 1-2-5 scale). */
const BANDS = [0, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000];

/** Fits both models on the histories of table `hist` (GG in yuan), on a fixed sample of FIT_SAMPLE buyers. */
async function fitModels(db: DuckDBConnection): Promise<{
  buyers: number;
  fitted: number;
  repeaters: number;
  distinct: number;
  bgnbd?: BgNbdFit;
  gg?: GammaGammaFit;
}> {
  await db.run(
    `CREATE OR REPLACE TEMP TABLE fit_sample AS SELECT * FROM hist ORDER BY hash(customer_key), customer_key LIMIT ${FIT_SAMPLE}`
  );
  const distinct = await queryRows<Rfm>(db, "SELECT x, tx, T, count(*) AS n FROM fit_sample GROUP BY ALL");
  const spend = await queryRows<{x: number; m: number}>(
    db,
    "SELECT x, m_cents / 100 AS m FROM fit_sample WHERE x > 0 AND m_cents > 0"
  );
  const [{buyers}] = await queryRows<{buyers: number}>(db, "SELECT count(*) AS buyers FROM hist");
  const fitted = distinct.reduce((s, d) => s + d.n!, 0);
  const repeaters = distinct.reduce((s, d) => s + (d.x > 0 ? d.n! : 0), 0);
  const counts = {buyers, fitted, repeaters, distinct: distinct.length};
  if (repeaters < LIMITS.minRepeaters) return counts;
  return {...counts, bgnbd: fitBgNbd(distinct), gg: fitGammaGamma(spend)};
}

/** What a history predicts, the same for every buyer with this x, t_x and T. */
function forecast(h: Rfm, params: BgNbdParams | undefined, methods: Methods, settings: ClvSettings) {
  const ownRate = h.T > 0 ? h.x / h.T : 0;
  const purchases = (t: number) =>
    methods.purchases === "bgnbd" && params ? expectedPurchases(params, h, t) : ownRate * t;
  return {
    pAlive: methods.pAlive === "bgnbd" && params ? pAlive(params, h) : null,
    e30: purchases(30),
    e90: purchases(90),
    e365: purchases(365),
    discounted: discountedPurchases(purchases, settings)
  };
}

/** A number as a SQL DOUBLE (a bare literal is a DECIMAL, which overflows in products). */
const double = (n: number) => `CAST(${sqlNumber(n)} AS DOUBLE)`;

/** Expected value of a buyer's next purchase day in cents, as SQL over hist (x, m_cents, mean_cents). */
function spendSql(gg: GammaGammaParams | undefined, methods: Methods): string {
  const own = "coalesce(m_cents, first_cents)";
  if (methods.spend !== "gammagamma" || !gg) return own;
  const [p, q, v] = [gg.p, gg.q, gg.v].map(double);
  // p·(v + x·m) / (p·x + q − 1) in yuan; a buyer without repeat value gets the population mean p·v / (q − 1).
  return `CASE WHEN x > 0 AND m_cents > 0 THEN ${p} * (100 * ${v} + x * m_cents) / (${p} * x + ${q} - 1)
    ELSE ${p} * 100 * ${v} / (${q} - 1) END`;
}

/** Month ends of the last year and the as-of date: the points of the at-risk trend. */
export function trendDates(asOf: string): string[] {
  const dates = [asOf];
  for (let i = 0; i < 11; i++) dates.unshift(addDays(`${dates[0].slice(0, 7)}-01`, -1));
  return dates;
}

/**
 * Fits, scores and validates; writes predictions.parquet to `dir` and returns the report for
 * models.json. `customerDay` is the published customer × day relation (e.g. a read_parquet call).
 */
export async function predict(
  db: DuckDBConnection,
  customerDay: string,
  dir: string,
  asOf: string,
  settings: ModelSettings = MODEL_DEFAULTS
): Promise<ModelsReport> {
  const clock = () => performance.now() / 1000;
  const seconds = {histories: 0, fit: 0, score: 0, validation: 0, clusters: 0};
  let t = clock();
  await db.run(purchaseDaysSql(customerDay, asOf));
  // Orders and revenue to date as the customer table counts them (return-only days included), for the clusters.
  await db.run(`CREATE OR REPLACE TEMP TABLE buyer_totals AS SELECT customer_key, CAST(sum(orders) AS INTEGER) AS orders,
    sum(revenue_cents) AS cents FROM ${customerDay} WHERE day <= ${sqlString(asOf)}::DATE GROUP BY ALL`);
  await db.run(`CREATE OR REPLACE TEMP TABLE hist AS
    SELECT h.*, f.first_cents FROM (${historiesSql(asOf)}) h
    JOIN (SELECT customer_key, cents AS first_cents FROM purchase_days WHERE gap IS NULL) f USING (customer_key)`);
  seconds.histories = clock() - t;

  t = clock();
  const fits = await fitModels(db);
  const {diagnostics, methods} = diagnose(fits.repeaters, fits.bgnbd, fits.gg);
  const params = fits.bgnbd?.params;
  const gg = fits.gg?.params;
  seconds.fit = clock() - t;

  // Forecasts per distinct history, now and RECENT_DAYS ago, in a table the per-buyer SQL joins.
  t = clock();
  const before = addDays(asOf, -RECENT_DAYS);
  await db.run(`CREATE OR REPLACE TEMP TABLE hist_before AS ${historiesSql(before)}`);
  await db.run(`CREATE OR REPLACE TEMP TABLE forecasts (x INTEGER, tx INTEGER, T INTEGER, p_alive DOUBLE,
    e30 DOUBLE, e90 DOUBLE, e365 DOUBLE, discounted DOUBLE)`);
  await db.run("CREATE OR REPLACE TEMP TABLE alive_before (x INTEGER, tx INTEGER, T INTEGER, p_alive DOUBLE)");
  const now = await queryRows<Rfm>(db, "SELECT DISTINCT x, tx, T FROM hist");
  const appender = await db.createAppender("forecasts");
  const nullable = (a: typeof appender, v: number | null) => (v === null ? a.appendNull() : a.appendDouble(v));
  for (const h of now) {
    const f = forecast(h, params, methods, settings);
    appender.appendInteger(h.x);
    appender.appendInteger(h.tx);
    appender.appendInteger(h.T);
    nullable(appender, f.pAlive);
    appender.appendDouble(f.e30);
    appender.appendDouble(f.e90);
    appender.appendDouble(f.e365);
    appender.appendDouble(f.discounted);
    appender.endRow();
  }
  appender.closeSync();
  if (methods.pAlive === "bgnbd" && params) {
    const then = await queryRows<Rfm>(db, "SELECT DISTINCT x, tx, T FROM hist_before");
    const alive = await db.createAppender("alive_before");
    for (const h of then) {
      alive.appendInteger(h.x);
      alive.appendInteger(h.tx);
      alive.appendInteger(h.T);
      alive.appendDouble(pAlive(params, h));
      alive.endRow();
    }
    alive.closeSync();
  }
  seconds.score = clock() - t;

  t = clock();
  const clusters = await clusterBuyers(db, settings.clusters);
  seconds.clusters = clock() - t;

  t = clock();
  const margin = double(settings.margin);
  await db.run(`CREATE OR REPLACE TEMP TABLE scored_buyers AS
WITH spend AS (SELECT *, ${spendSql(gg, methods)} AS spend_cents FROM hist)
SELECT s.customer_key, s.x AS repeat_purchases, f.p_alive, b.p_alive AS p_alive_before,
  f.e30 AS expected_purchases_30d, f.e90 AS expected_purchases_90d, f.e365 AS expected_purchases_365d,
  s.spend_cents AS expected_order_cents, f.discounted * s.spend_cents * ${margin} AS clv_cents,
  s.recency AS recency_days, CASE WHEN s.x > 0 THEN CAST(s.tx AS DOUBLE) / s.x END AS mean_gap_days,
  s.allowed_gap AS allowed_gap_days, s.recency - s.allowed_gap AS overdue_days,
  coalesce(hb.recency > hb.allowed_gap, false) AS overdue_before,
  CAST((SELECT count(*) FROM purchase_days d WHERE d.customer_key = s.customer_key AND d.day > ${sqlString(addDays(asOf, -365))}::DATE) AS INTEGER) AS purchases_12m,
  CAST((SELECT count(*) FROM purchase_days d WHERE d.customer_key = s.customer_key
    AND d.day > ${sqlString(addDays(asOf, -730))}::DATE AND d.day <= ${sqlString(addDays(asOf, -365))}::DATE) AS INTEGER) AS purchases_prior_12m,
  c.cluster
FROM spend s
JOIN forecasts f USING (x, tx, T)
LEFT JOIN hist_before hb USING (customer_key)
LEFT JOIN alive_before b ON b.x = hb.x AND b.tx = hb.tx AND b.T = hb.T
LEFT JOIN clusters c USING (customer_key)`);
  // Published at the precision a page can show: single floats for probabilities and counts, whole cents
  // for money (the file is then half as large).
  await db.run(`COPY (SELECT * REPLACE (
      CAST(p_alive AS FLOAT) AS p_alive, CAST(p_alive_before AS FLOAT) AS p_alive_before,
      CAST(expected_purchases_30d AS FLOAT) AS expected_purchases_30d, CAST(expected_purchases_90d AS FLOAT) AS expected_purchases_90d,
      CAST(expected_purchases_365d AS FLOAT) AS expected_purchases_365d,
      CAST(round(expected_order_cents) AS BIGINT) AS expected_order_cents, CAST(round(clv_cents) AS BIGINT) AS clv_cents,
      CAST(mean_gap_days AS FLOAT) AS mean_gap_days, CAST(allowed_gap_days AS FLOAT) AS allowed_gap_days, CAST(overdue_days AS FLOAT) AS overdue_days),
    CAST(round(100 * percent_rank() OVER (ORDER BY clv_cents)) AS INTEGER) AS clv_percentile
    FROM scored_buyers) TO ${sqlString(join(dir, PREDICTIONS_FILE))} ${PARQUET_OPTIONS}`);
  const threshold = double(settings.riskThreshold);
  const [totals] = await queryRows<ModelsReport["totals"]>(
    db,
    `SELECT sum(expected_purchases_90d) AS expected90, sum(clv_cents) AS "clvCents",
      count(*) FILTER (WHERE p_alive < ${threshold}) AS "atRiskModel",
      count(*) FILTER (WHERE overdue_days > 0) AS "atRiskRule",
      count(*) FILTER (WHERE p_alive < ${threshold} AND overdue_days > 0) AS both
    FROM scored_buyers`
  );
  const bands = await queryRows<{band: number; customers: number; clvCents: number}>(
    db,
    `SELECT band, count(*) AS customers, sum(clv_cents) AS "clvCents" FROM (
      SELECT clv_cents, (SELECT max(b) FROM unnest([${BANDS.join(", ")}]) AS t(b) WHERE b * 100 <= greatest(clv_cents, 0)) AS band
      FROM scored_buyers) GROUP BY band`
  );
  const [{gap}] = await queryRows<{gap: number}>(
    db,
    "SELECT median(CAST(tx AS DOUBLE) / x) AS gap FROM hist WHERE x > 0"
  );
  seconds.score += clock() - t;

  t = clock();
  const validation = await validate(db, asOf, settings);
  if (!validation && fits.bgnbd)
    diagnostics.push({code: "validation_skipped", values: {holdoutWeeks: settings.holdoutWeeks}});
  const trend = await atRiskTrend(db, asOf, params, methods, settings.riskThreshold);
  seconds.validation = clock() - t;
  for (const table of [
    "purchase_days",
    "buyer_totals",
    "hist",
    "hist_before",
    "forecasts",
    "alive_before",
    "fit_sample",
    "clusters",
    "scored_buyers"
  ])
    await db.run(`DROP TABLE IF EXISTS ${table}`);

  const withModel = methods.pAlive === "bgnbd";
  return {
    asOf,
    settings,
    buyers: fits.buyers,
    fitted: fits.fitted,
    repeaters: fits.repeaters,
    distinctHistories: fits.distinct,
    bgnbd: fits.bgnbd && {
      params: fits.bgnbd.params,
      logLikelihood: fits.bgnbd.logLikelihood,
      converged: fits.bgnbd.converged,
      iterations: fits.bgnbd.iterations
    },
    gammaGamma: fits.gg && {
      params: fits.gg.params,
      logLikelihood: fits.gg.logLikelihood,
      converged: fits.gg.converged,
      buyers: fits.gg.buyers,
      correlation: fits.gg.frequencySpendCorrelation
    },
    diagnostics,
    methods,
    validation,
    typicalGapDays: gap,
    totals: {...totals, atRiskModel: withModel ? totals.atRiskModel : null, both: withModel ? totals.both : null},
    trend,
    clvBands: BANDS.map((from, i) => {
      const row = bands.find((b) => b.band === from);
      return {from, to: BANDS[i + 1] ?? null, customers: row?.customers ?? 0, clvCents: row?.clvCents ?? 0};
    }),
    clusters,
    seconds
  };
}

/**
 * The default clustering: centres fitted on a sample (src/lib/clusters.ts), every buyer assigned
 * to the nearest centre in SQL (table `clusters`), clusters named by revenue per member.
 */
async function clusterBuyers(db: DuckDBConnection, k: number): Promise<ModelsReport["clusters"]> {
  const sample = await queryRows<{recency_days: number; orders: number; revenue_cents: number}>(
    db,
    `SELECT h.recency AS recency_days, r.orders, r.cents AS revenue_cents FROM hist h JOIN buyer_totals r USING (customer_key)
     ORDER BY hash(customer_key), customer_key LIMIT ${CLUSTER_SAMPLE}`
  );
  if (sample.length < k) {
    // Fewer buyers than clusters: no clustering, every buyer's cluster NULL.
    await db.run("CREATE OR REPLACE TEMP TABLE clusters (customer_key VARCHAR, cluster INTEGER)");
    return undefined;
  }
  const {scale, centroids, fitted} = fitCentroids(sample, k);
  // The same features as features() in src/lib/clusters.ts, standardized with the sample's scaling.
  const f = ["ln(1 + greatest(0, recency))", "ln(greatest(1, orders))", "ln(1 + greatest(0, cents) / 100)"].map(
    (e, j) => `((${e}) - ${double(scale.mean[j])}) / ${double(scale.sd[j])}`
  );
  const distances = centroids.map((c) => c.map((v, j) => `(${f[j]} - ${double(v)}) ** 2`).join(" + "));
  await db.run(`CREATE OR REPLACE TEMP TABLE clusters AS
    SELECT customer_key, recency, orders, cents, CAST(list_position(d, list_min(d)) AS INTEGER) AS cluster
    FROM (SELECT h.customer_key, h.recency, r.orders, r.cents, [${distances.join(", ")}] AS d
      FROM hist h JOIN buyer_totals r USING (customer_key))`);
  const groups = await queryRows<{
    cluster: number;
    customers: number;
    cents: number;
    recency: number;
    orders: number;
    median_cents: number;
  }>(
    db,
    `SELECT cluster, count(*) AS customers, sum(cents) AS cents, median(recency) AS recency, median(orders) AS orders,
      median(cents) AS median_cents FROM clusters GROUP BY cluster ORDER BY cluster`
  );
  const revenue = centroids.map((_, c) => groups.find((g) => g.cluster === c + 1)?.cents ?? 0);
  const members = centroids.map((_, c) => groups.find((g) => g.cluster === c + 1)?.customers ?? 0);
  const rank = namesByRevenue(revenue, members);
  await db.run(`UPDATE clusters SET cluster = ([${Array.from(rank).join(", ")}])[cluster]`);
  const total = revenue.reduce((s, r) => s + r, 0);
  const centres = groups
    .map((g) => ({
      cluster: rank[g.cluster - 1],
      customers: g.customers,
      recencyDays: g.recency,
      orders: g.orders,
      revenue: g.median_cents / 100,
      revenueShare: total > 0 ? g.cents / total : 0
    }))
    .sort((a, b) => a.cluster - b.cluster);
  return {k, fitted, centres};
}

/** Fits on the data up to the start of the holdout and predicts each buyer's holdout purchases. */
async function validate(db: DuckDBConnection, asOf: string, settings: ModelSettings): Promise<Calibration | undefined> {
  const holdoutDays = settings.holdoutWeeks * 7;
  const end = addDays(asOf, -holdoutDays);
  // Validation needs a calibration period at least as long as the holdout.
  const [{first}] = await queryRows<{first: Date}>(db, "SELECT min(day) AS first FROM purchase_days");
  if (!first || addDays(first.toISOString().slice(0, 10), holdoutDays) > end) return undefined;
  const rows = await queryRows<Rfm & {holdout: number; n: number}>(
    db,
    `SELECT x, tx, T, holdout, count(*) AS n FROM (${historiesSql(end)}) GROUP BY ALL`
  );
  const sample = await queryRows<Rfm>(
    db,
    `SELECT x, tx, T, count(*) AS n FROM (SELECT * FROM (${historiesSql(end)}) ORDER BY hash(customer_key), customer_key LIMIT ${FIT_SAMPLE}) GROUP BY ALL`
  );
  if (sample.reduce((s, r) => s + (r.x > 0 ? r.n! : 0), 0) < LIMITS.minRepeaters) return undefined;
  const fit = fitBgNbd(sample);
  if (!fit.converged) return undefined;
  const buckets = Array.from({length: 8}, (_, repeats) => ({repeats, customers: 0, actual: 0, predicted: 0}));
  const totals = {actual: 0, predicted: 0, naive: 0};
  const mae = {model: 0, naive: 0};
  const predictedOf = new Map<string, number>();
  let customers = 0;
  for (const r of rows) {
    const id = `${r.x} ${r.tx} ${r.T}`;
    let predicted = predictedOf.get(id);
    if (predicted === undefined) predictedOf.set(id, (predicted = expectedPurchases(fit.params, r, holdoutDays)));
    const naive = r.T > 0 ? (r.x / r.T) * holdoutDays : 0;
    const b = buckets[Math.min(7, r.x)];
    b.customers += r.n!;
    b.actual += r.holdout * r.n!;
    b.predicted += predicted * r.n!;
    totals.actual += r.holdout * r.n!;
    totals.predicted += predicted * r.n!;
    totals.naive += naive * r.n!;
    mae.model += Math.abs(predicted - r.holdout) * r.n!;
    mae.naive += Math.abs(naive - r.holdout) * r.n!;
    customers += r.n!;
  }
  return {
    calibrationEnd: end,
    holdoutDays,
    customers,
    params: fit.params,
    byRepeats: buckets
      .filter((b) => b.customers > 0)
      .map((b) => ({...b, actual: b.actual / b.customers, predicted: b.predicted / b.customers})),
    totals,
    mae: {model: mae.model / customers, naive: mae.naive / customers}
  };
}

/** At-risk buyers at each trend date, by P(alive) with the current parameters and by the overdue rule. */
async function atRiskTrend(
  db: DuckDBConnection,
  asOf: string,
  params: BgNbdParams | undefined,
  methods: Methods,
  threshold: number
): Promise<ModelsReport["trend"]> {
  const trend: ModelsReport["trend"] = [];
  for (const date of trendDates(asOf)) {
    const rows = await queryRows<Rfm & {overdue: boolean; n: number}>(
      db,
      `SELECT x, tx, T, recency > allowed_gap AS overdue, count(*) AS n FROM (${historiesSql(date)}) GROUP BY ALL`
    );
    let buyers = 0;
    let model = 0;
    let rule = 0;
    for (const r of rows) {
      buyers += r.n!;
      if (r.overdue) rule += r.n!;
      if (params && methods.pAlive === "bgnbd" && pAlive(params, r) < threshold) model += r.n!;
    }
    trend.push({date, buyers, atRiskModel: methods.pAlive === "bgnbd" ? model : null, atRiskRule: rule});
  }
  return trend;
}

export const PREDICTIONS_FILE = "predictions.parquet";
export const MODELS_FILE = "models.json";

/** Runs predict on a build folder being written and stores models.json beside predictions.parquet. */
export async function predictInto(
  db: DuckDBConnection,
  dir: string,
  customerDayFile: string,
  asOf: string,
  settings: ModelSettings
): Promise<ModelsReport> {
  const report = await predict(db, `read_parquet(${sqlString(customerDayFile)})`, dir, asOf, settings);
  writeFileSync(join(dir, MODELS_FILE), JSON.stringify(report, null, 2));
  return report;
}
