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
import {
  type BgNbdFit,
  type BgNbdParams,
  type Rfm,
  aliveFactorSql,
  fitBgNbd,
  pAlive,
  purchasesBeforeAlive
} from "../models/bgnbd.js";
import {discountedPurchases} from "../models/clv.js";
import {MODEL_DEFAULTS, MODELS_FILE, type ModelSettings, PREDICTIONS_FILE} from "./model-settings.js";
import {type Diagnostic, LIMITS, type Methods, diagnose} from "../models/diagnostics.js";
import {type GammaGammaFit, type GammaGammaParams, fitGammaGamma} from "../models/gammagamma.js";
import {PARQUET_OPTIONS, queryRows} from "../duckdb.js";
import {type Centre, FIT_SAMPLE as CLUSTER_SAMPLE, fitCentroids, namesByRevenue} from "../../src/lib/clusters.js";
import {addDays} from "../../src/lib/dates.js";
import {sqlNumber, sqlString} from "../../src/lib/sql.js";
import {allowedGapSql, atRiskTrend, buyerDaysSql, historiesSql, typicalGapSql} from "./histories.js";

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
  /** Median of the repeat buyers' mean intervals (days): the overdue rule's yardstick for one-time buyers (null: no repeat buyer). */
  typicalGapDays: number | null;
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

/**
 * Fits both models on a fixed sample of at most FIT_SAMPLE rows of `histories` (SQL with x, tx, T,
 * and m_cents unless `spend` is false: then Gamma-Gamma is not fitted), BG/NBD from `start` if given.
 */
async function fitModels(
  db: DuckDBConnection,
  histories: string,
  {spend = true, start}: {spend?: boolean; start?: BgNbdParams} = {}
): Promise<{
  buyers: number;
  fitted: number;
  repeaters: number;
  distinct: number;
  bgnbd?: BgNbdFit;
  gg?: GammaGammaFit;
}> {
  const sample = `(SELECT * FROM (${histories}) ORDER BY hash(customer_key), customer_key LIMIT ${FIT_SAMPLE})`;
  const distinct = await queryRows<Rfm>(db, `SELECT x, tx, T, count(*) AS n FROM ${sample} GROUP BY ALL`);
  const [{buyers}] = await queryRows<{buyers: number}>(db, `SELECT count(*) AS buyers FROM (${histories})`);
  const fitted = distinct.reduce((s, d) => s + d.n!, 0);
  const repeaters = distinct.reduce((s, d) => s + (d.x > 0 ? d.n! : 0), 0);
  const counts = {buyers, fitted, repeaters, distinct: distinct.length};
  if (repeaters < LIMITS.minRepeaters) return counts;
  const values = spend
    ? await queryRows<{x: number; m: number}>(
        db,
        `SELECT x, m_cents / 100 AS m FROM ${sample} WHERE x > 0 AND m_cents > 0`
      )
    : [];
  return {...counts, bgnbd: fitBgNbd(distinct, start), gg: values.length ? fitGammaGamma(values) : undefined};
}

/** A number as a SQL DOUBLE (a bare literal is a DECIMAL, which overflows in products). */
const double = (n: number) => `CAST(${sqlNumber(n)} AS DOUBLE)`;

/**
 * Table `name` (x, T, columns): for each distinct (x, T) of `histories`, the expected purchases
 * in each horizon before the division by the alive factor (which alone depends on t_x, and is SQL;
 * see purchasesBeforeAlive). Without the model, the own rate x / T (alive factor 1).
 */
async function horizonsTable(
  db: DuckDBConnection,
  name: string,
  histories: string,
  columns: Record<string, (purchases: (t: number) => number) => number>,
  params: BgNbdParams | undefined
): Promise<void> {
  const names = Object.keys(columns);
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${name} (x INTEGER, T INTEGER, ${names.map((c) => `${c} DOUBLE`).join(", ")})`
  );
  const pairs = await queryRows<{x: number; T: number}>(db, `SELECT DISTINCT x, T FROM (${histories})`);
  const appender = await db.createAppender(name);
  for (const {x, T} of pairs) {
    const purchases = (t: number) => (params ? purchasesBeforeAlive(params, x, T, t) : T > 0 ? (x / T) * t : 0);
    appender.appendInteger(x);
    appender.appendInteger(T);
    for (const c of names) appender.appendDouble(columns[c](purchases));
    appender.endRow();
  }
  appender.closeSync();
}

/** Expected value of a buyer's next purchase day in cents, as SQL over x, m_cents and first_cents. */
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
  const before = addDays(asOf, -RECENT_DAYS);
  const holdoutDays = settings.holdoutWeeks * 7;
  const calibrationEnd = addDays(asOf, -holdoutDays);
  const trend = trendDates(asOf);
  await db.run(buyerDaysSql(customerDay, asOf));
  // Columns per buyer only for the dates that need them (now, RECENT_DAYS ago, the end of the
  // calibration period: prefixes "", before_ and cal_); the trend's month ends are counted in one pass.
  await db.run(
    `CREATE OR REPLACE TEMP TABLE hist AS ${historiesSql({"": asOf, before_: before, cal_: calibrationEnd})}`
  );
  const [typical] = await queryRows<{now: number | null; before: number | null}>(
    db,
    `SELECT ${typicalGapSql()} AS now, ${typicalGapSql("before_")} AS before FROM hist`
  );
  seconds.histories = clock() - t;

  t = clock();
  const fits = await fitModels(db, "SELECT customer_key, x, tx, T, m_cents FROM hist");
  const {diagnostics, methods} = diagnose(fits.repeaters, fits.bgnbd, fits.gg);
  const params = methods.purchases === "bgnbd" ? fits.bgnbd?.params : undefined;
  const gg = fits.gg?.params;
  seconds.fit = clock() - t;

  // The at-risk trend needs the fitted parameters and every buyer's days; then the days go, before
  // the tables of the scoring are made.
  t = clock();
  const alive = params ? aliveFactorSql(params) : "1";
  const withPAlive = methods.pAlive === "bgnbd" && params;
  const threshold = double(settings.riskThreshold);
  const points = await atRiskTrend(
    db,
    trend,
    withPAlive ? (h) => pAlive(withPAlive, h) < settings.riskThreshold : () => false
  );
  const [{first}] = await queryRows<{first: Date | null}>(
    db,
    "SELECT DATE '1970-01-01' + min(days[1]) AS first FROM buyer_days"
  );
  await db.run("DROP TABLE buyer_days");
  seconds.histories += clock() - t;

  t = clock();
  const {clusters, assignment} = await clusterBuyers(db, settings.clusters);
  seconds.clusters = clock() - t;

  // Per buyer in SQL: the (x, T) part of the forecasts from JS, divided by the alive factor.
  t = clock();
  await horizonsTable(
    db,
    "horizons",
    "SELECT x, T FROM hist",
    {
      e30: (e) => e(30),
      e90: (e) => e(90),
      e365: (e) => e(365),
      discounted: (e) => discountedPurchases(e, settings)
    },
    params
  );
  const margin = double(settings.margin);
  await db.run(`CREATE OR REPLACE TEMP TABLE scored_buyers AS
WITH spend AS (SELECT *, ${spendSql(gg, methods)} AS spend_cents, ${alive} AS alive, ${assignment} AS cluster,
  ${allowedGapSql("", typical.now)} AS allowed_gap FROM hist)
SELECT s.customer_key, s.x AS repeat_purchases, ${withPAlive ? "1 / s.alive" : "NULL"} AS p_alive,
  ${withPAlive ? `CASE WHEN before_x IS NOT NULL THEN 1 / ${aliveFactorSql(withPAlive, "before_")} END` : "NULL"} AS p_alive_before,
  h.e30 / s.alive AS expected_purchases_30d, h.e90 / s.alive AS expected_purchases_90d, h.e365 / s.alive AS expected_purchases_365d,
  s.spend_cents AS expected_order_cents, h.discounted / s.alive * s.spend_cents * ${margin} AS clv_cents,
  s.recency AS recency_days, CASE WHEN s.x > 0 THEN CAST(s.tx AS DOUBLE) / s.x END AS mean_gap_days,
  s.allowed_gap AS allowed_gap_days, s.recency - s.allowed_gap AS overdue_days,
  coalesce(before_recency > ${allowedGapSql("before_", typical.before)}, false) AS overdue_before,
  s.purchases_12m, s.purchases_prior_12m, s.cluster
FROM spend s
JOIN horizons h USING (x, T)`);
  await db.run("DROP TABLE horizons");
  // Published at the precision a page can show: single floats for probabilities and counts, whole cents
  // for money (the file is then half as large).
  await db.run(`COPY (SELECT * REPLACE (
      CAST(p_alive AS FLOAT) AS p_alive, CAST(p_alive_before AS FLOAT) AS p_alive_before,
      CAST(expected_purchases_30d AS FLOAT) AS expected_purchases_30d, CAST(expected_purchases_90d AS FLOAT) AS expected_purchases_90d,
      CAST(expected_purchases_365d AS FLOAT) AS expected_purchases_365d,
      CAST(round(expected_order_cents) AS BIGINT) AS expected_order_cents, CAST(round(clv_cents) AS BIGINT) AS clv_cents,
      CAST(mean_gap_days AS FLOAT) AS mean_gap_days, CAST(allowed_gap_days AS FLOAT) AS allowed_gap_days,
      CAST(overdue_days AS FLOAT) AS overdue_days),
    CAST(round(100 * percent_rank() OVER (ORDER BY clv_cents)) AS INTEGER) AS clv_percentile
    FROM scored_buyers) TO ${sqlString(join(dir, PREDICTIONS_FILE))} ${PARQUET_OPTIONS}`);
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
      SELECT clv_cents, CASE ${[...BANDS]
        .reverse()
        .map((b) => `WHEN clv_cents >= ${b * 100} THEN ${b}`)
        .join(" ")} ELSE 0 END AS band
      FROM scored_buyers) GROUP BY band`
  );
  seconds.score = clock() - t;

  t = clock();
  const validation = await validate(db, first, calibrationEnd, holdoutDays, fits.bgnbd?.converged ? params : undefined);
  if (!validation && fits.bgnbd)
    diagnostics.push({code: "validation_skipped", values: {holdoutWeeks: settings.holdoutWeeks}});
  seconds.validation = clock() - t;
  for (const table of ["buyer_days", "hist", "horizons", "horizons_holdout", "calibration", "scored_buyers"])
    await db.run(`DROP TABLE IF EXISTS ${table}`);

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
    typicalGapDays: typical.now,
    totals: {...totals, atRiskModel: withPAlive ? totals.atRiskModel : null, both: withPAlive ? totals.both : null},
    trend: points.map((p) => ({
      date: p.date,
      buyers: p.buyers,
      atRiskModel: withPAlive ? p.model : null,
      atRiskRule: p.rule
    })),
    clvBands: BANDS.map((from, i) => {
      const row = bands.find((b) => b.band === from);
      return {from, to: BANDS[i + 1] ?? null, customers: row?.customers ?? 0, clvCents: row?.clvCents ?? 0};
    }),
    clusters,
    seconds
  };
}

/**
 * The default clustering: centres fitted on a sample (src/lib/clusters.ts), clusters named by
 * revenue per member, on the features of table hist: recency, and orders and revenue to date as
 * the customer table counts them (return-only days included). `assignment` is SQL over hist giving
 * a buyer's named cluster (the nearest centre; NULL with fewer buyers than clusters), computed
 * where it is read rather than stored (an UPDATE of every row took longer).
 */
async function clusterBuyers(
  db: DuckDBConnection,
  k: number
): Promise<{clusters: ModelsReport["clusters"]; assignment: string}> {
  const sample = await queryRows<{recency_days: number; orders: number; revenue_cents: number}>(
    db,
    `SELECT recency AS recency_days, orders_to_date AS orders, revenue_to_date_cents AS revenue_cents FROM hist
     ORDER BY hash(customer_key), customer_key LIMIT ${CLUSTER_SAMPLE}`
  );
  if (sample.length < k) return {clusters: undefined, assignment: "CAST(NULL AS INTEGER)"};
  const {scale, centroids, fitted} = fitCentroids(sample, k);
  // The same features as features() in src/lib/clusters.ts, standardized with the sample's scaling.
  const f = [
    "ln(1 + greatest(0, recency))",
    "ln(greatest(1, orders_to_date))",
    "ln(1 + greatest(0, revenue_to_date_cents) / 100)"
  ].map((e, j) => `((${e}) - ${double(scale.mean[j])}) / ${double(scale.sd[j])}`);
  const distances = `[${centroids.map((c) => c.map((v, j) => `(${f[j]} - ${double(v)}) ** 2`).join(" + ")).join(", ")}]`;
  const nearest = `list_position(${distances}, list_min(${distances}))`;
  const groups = await queryRows<{
    cluster: number;
    customers: number;
    cents: number;
    recency: number;
    orders: number;
    median_cents: number;
  }>(
    db,
    `SELECT ${nearest} AS cluster, count(*) AS customers, sum(revenue_to_date_cents) AS cents, median(recency) AS recency,
      median(orders_to_date) AS orders, median(revenue_to_date_cents) AS median_cents FROM hist GROUP BY 1 ORDER BY 1`
  );
  const revenue = centroids.map((_, c) => groups.find((g) => g.cluster === c + 1)?.cents ?? 0);
  const members = centroids.map((_, c) => groups.find((g) => g.cluster === c + 1)?.customers ?? 0);
  const rank = namesByRevenue(revenue, members);
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
  return {clusters: {k, fitted, centres}, assignment: `([${Array.from(rank).join(", ")}])[${nearest}]`};
}

/**
 * Fits BG/NBD on the histories as of `end` (calibration) and predicts each buyer's purchases in
 * the holdout (`end`, asOf]; compares with what they did. Undefined when the calibration period
 * (from `first`, the first purchase day) is shorter than the holdout or the fit fails. The fit
 * starts from `start`, the as-of fit's parameters when it converged: the optimum is the same (the
 * fit restarts until it stops improving), reached in a third of the time at 1M customers.
 */
async function validate(
  db: DuckDBConnection,
  first: Date | null,
  end: string,
  holdoutDays: number,
  start: BgNbdParams | undefined
): Promise<Calibration | undefined> {
  // The calibration period, first purchase to `end` inclusive, must be at least as long as the holdout.
  if (!first || addDays(first.toISOString().slice(0, 10), holdoutDays - 1) > end) return undefined;
  // Each buyer's calibration history and holdout purchases, read by five queries below: made once.
  await db.run(`CREATE OR REPLACE TEMP TABLE calibration AS
    SELECT customer_key, cal_x AS x, cal_tx AS tx, cal_T AS T, x - cal_x AS holdout FROM hist WHERE cal_x IS NOT NULL`);
  const calibration = "SELECT * FROM calibration";
  const fits = await fitModels(db, calibration, {spend: false, start});
  if (!fits.bgnbd?.converged) return undefined;
  const params = fits.bgnbd.params;
  await horizonsTable(db, "horizons_holdout", calibration, {expected: (e) => e(holdoutDays)}, params);
  const scored = `SELECT least(x, 7) AS repeats, holdout AS actual, h.expected / ${aliveFactorSql(params)} AS predicted,
      CASE WHEN T > 0 THEN CAST(x AS DOUBLE) / T * ${holdoutDays} ELSE 0 END AS naive
    FROM (${calibration}) c JOIN horizons_holdout h USING (x, T)`;
  // One pass: the groups by repeat purchases, and the totals summed from them.
  const groups = await queryRows<{
    repeats: number;
    customers: number;
    actual: number;
    predicted: number;
    naive: number;
    error: number;
    naive_error: number;
  }>(
    db,
    `SELECT repeats, count(*) AS customers, sum(actual) AS actual, sum(predicted) AS predicted, sum(naive) AS naive,
      sum(abs(predicted - actual)) AS error, sum(abs(naive - actual)) AS naive_error FROM (${scored})
     GROUP BY repeats ORDER BY repeats`
  );
  const total = (f: (g: (typeof groups)[number]) => number) => groups.reduce((s, g) => s + f(g), 0);
  const totals = {
    customers: total((g) => g.customers),
    actual: total((g) => g.actual),
    predicted: total((g) => g.predicted),
    naive: total((g) => g.naive),
    mae: total((g) => g.error) / total((g) => g.customers),
    naive_mae: total((g) => g.naive_error) / total((g) => g.customers)
  };
  const byRepeats = groups.map((g) => ({
    repeats: g.repeats,
    customers: g.customers,
    actual: g.actual / g.customers,
    predicted: g.predicted / g.customers
  }));
  return {
    calibrationEnd: end,
    holdoutDays,
    customers: totals.customers,
    params,
    byRepeats,
    totals: {actual: totals.actual, predicted: totals.predicted, naive: totals.naive},
    mae: {model: totals.mae, naive: totals.naive_mae}
  };
}

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
