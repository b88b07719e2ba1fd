/**
 * npm run validate:cdnow — the workbench's own prediction pipeline on the CDNOW sample
 * (../shared/datasets/cdnow, real public data; not part of the test suite): the raw transactions
 * go in as a customer × day table, as a build publishes it; out come the histories and the
 * calibration fit, compared with the published figures (Fader, Hardie & Lee 2005):
 *   - x, t_x, T of every customer at 1997-09-30 equal the published summary (weeks × 7 = days);
 *   - BG/NBD r, a, b equal the published ones and α (per day) = 7 × the published α (per week);
 *   - Gamma-Gamma p, q and v on the repeat buyers' mean values;
 *   - predicted vs actual purchases in the 39-week holdout.
 * and, as a user would load them, CDNOW_master.txt and the headerless CDNOW_sample.txt through the
 * file source (whitespace-aligned, no order ids): every row read, each file's own sum and customer count.
 * Exits non-zero when a figure is off by more than 1e-3 relative.
 */
import {existsSync, mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {basename, join} from "node:path";
import {MODEL_DEFAULTS} from "../loaders/derive/model-settings.js";
import {predict} from "../loaders/derive/predict.js";
import {buyerDaysSql, historiesSql} from "../loaders/derive/histories.js";
import {fitGammaGamma} from "../loaders/models/gammagamma.js";
import {openDuckDB, queryRows} from "../loaders/duckdb.js";
import {ingest, openBuildFolder} from "../loaders/build.js";

const DIR = process.env.CDNOW_DIR ?? "../shared/datasets/cdnow";
const SAMPLE = join(DIR, "CDNOW_sample.txt");
if (!existsSync(SAMPLE)) {
  console.error(`${SAMPLE} not found: set CDNOW_DIR to the folder holding the CDNOW files.`);
  process.exit(2);
}
const PUBLISHED = {r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259, p: 6.25, q: 3.74, v: 15.44};
let failures = 0;
const check = (what: string, got: number, expected: number, tolerance = 1e-3) => {
  const rel = Math.abs(got - expected) / Math.abs(expected);
  const ok = rel <= tolerance;
  if (!ok) failures++;
  console.log(
    `${ok ? "ok  " : "FAIL"} ${what}: ${got.toPrecision(6)} (published ${expected}, ${(rel * 100).toFixed(3)} % off)`
  );
};

const db = await openDuckDB();
// Fixed-width, whitespace-separated: master id, sample id, YYYYMMDD, CDs, dollars. The customer is the sample id.
const lines = readFileSync(SAMPLE, "utf-8").trim().split(/\r?\n/);
await db.run("CREATE TABLE tx (customer_key VARCHAR, day DATE, cents BIGINT)");
const appender = await db.createAppender("tx");
for (const line of lines) {
  const [, id, date, , dollars] = line.trim().split(/\s+/);
  appender.appendVarchar(id.replace(/^0+/, ""));
  appender.appendDate({
    days: Math.round(Date.parse(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`) / 86_400_000)
  } as never);
  appender.appendBigInt(BigInt(Math.round(Number(dollars) * 100)));
  appender.endRow();
}
appender.closeSync();
await db.run(`CREATE TABLE customer_day AS SELECT customer_key, day, CAST(count(*) AS INTEGER) AS orders,
  CAST(sum(cents) AS BIGINT) AS revenue_cents FROM tx GROUP BY ALL`);
const [{rows, customers}] = await queryRows<{rows: number; customers: number}>(
  db,
  "SELECT count(*) AS rows, count(DISTINCT customer_key) AS customers FROM customer_day"
);
console.log(`${lines.length} transactions, ${rows} customer-days, ${customers} customers`);

// Histories at the end of the calibration period against the published summary (weeks).
await db.run(buyerDaysSql("customer_day", "1998-06-30"));
const ours = new Map(
  (
    await queryRows<{customer_key: string; x: number; tx: number; T: number}>(
      db,
      `SELECT customer_key, x, tx, T FROM (${historiesSql({"": "1997-09-30"})}) WHERE x IS NOT NULL`
    )
  ).map((h) => [h.customer_key, h])
);
let same = 0;
const summary = readFileSync(join(DIR, "cdnow_customers_summary_with_transactions.csv"), "utf-8")
  .trim()
  .split("\n")
  .slice(1);
for (const line of summary) {
  const [id, x, tx, T] = line.split(",").map(Number);
  const h = ours.get(String(id));
  if (h && h.x === x && Math.abs(h.tx / 7 - tx) < 0.01 && Math.abs(h.T / 7 - T) < 0.01) same++;
}
console.log(`${same} of ${summary.length} customers have the published x, t_x and T (in days / 7)`);
if (same !== summary.length) failures++;

// The calibration fit: the build's validation step with a 39-week holdout ending 1998-06-30.
const dir = mkdtempSync(join(tmpdir(), "cdnow-"));
const report = await predict(db, "customer_day", dir, "1998-06-30", {...MODEL_DEFAULTS, holdoutWeeks: 39});
rmSync(dir, {recursive: true, force: true});
const v = report.validation;
if (!v) throw new Error("the validation step was skipped");
console.log(`calibration ends ${v.calibrationEnd}, holdout ${v.holdoutDays} days, ${v.customers} customers`);
check("r", v.params.r, PUBLISHED.r);
check("α per day ÷ 7", v.params.alpha / 7, PUBLISHED.alpha);
check("a", v.params.a, PUBLISHED.a);
check("b", v.params.b, PUBLISHED.b);
console.log(
  `holdout purchases: predicted ${v.totals.predicted.toFixed(1)}, actual ${v.totals.actual} (naive rule ${v.totals.naive.toFixed(1)}); mean absolute error per customer ${v.mae.model.toFixed(3)} (naive ${v.mae.naive.toFixed(3)})`
);
for (const b of v.byRepeats)
  console.log(
    `  x = ${b.repeats === 7 ? "7+" : b.repeats}: ${b.customers} customers, actual ${b.actual.toFixed(3)}, predicted ${b.predicted.toFixed(3)}`
  );

// Gamma-Gamma on the calibration period's repeat buyers, their mean repeat value from the same SQL a build runs.
await db.run(buyerDaysSql("customer_day", "1997-09-30"));
const spend = await queryRows<{x: number; m: number}>(
  db,
  `SELECT x, m_cents / 100 AS m FROM (${historiesSql({"": "1997-09-30"})})`
);
const gg = fitGammaGamma(spend);
console.log(`Gamma-Gamma on ${gg.buyers} repeat buyers`);
check("Gamma-Gamma p", gg.params.p, PUBLISHED.p, 0.005 / PUBLISHED.p + 1e-3);
check("Gamma-Gamma q", gg.params.q, PUBLISHED.q, 0.005 / PUBLISHED.q + 1e-3);
check("Gamma-Gamma v", gg.params.v, PUBLISHED.v, 0.005 / PUBLISHED.v + 1e-3);
console.log(`diagnostics of the full-period build: ${report.diagnostics.map((d) => d.code).join(", ") || "none"}`);
// The files as exports: read by the file source exactly as a user's config would map them. The
// master file has a header; the sample has none (headerLine 0, columns named by position).
async function throughFileSource(
  path: string,
  headerLine: number,
  columns: {customer_id: string; ordered_at: string; net: string; items: string},
  at: {customer: number; amount: number}
): Promise<void> {
  const rows = readFileSync(path, "utf-8")
    .trim()
    .split(/\r?\n/)
    .slice(headerLine)
    .map((l) => l.trim().split(/\s+/));
  const fileCents = rows.reduce((s, r) => s + Math.round(Number(r[at.amount]) * 100), 0);
  const build = mkdtempSync(join(tmpdir(), "cdnow-files-"));
  await ingest(
    {
      currency: "USD",
      keepCanonical: true,
      source: {type: "files", orders: {path, level: "orders", headerLine, timeZone: "America/New_York", columns}}
    },
    "cdnow-validation-key-0123456789",
    build
  );
  const built = await openBuildFolder(build);
  const [q] = await queryRows<{read: number; rejected: number}>(
    built,
    "SELECT sum(rows)::INTEGER AS read, (sum(rows) FILTER (WHERE outcome = 'rejected'))::INTEGER AS rejected FROM quality"
  );
  const [o] = await queryRows<{cents: number; customers: number}>(
    built,
    "SELECT sum(net_cents)::BIGINT AS cents, count(DISTINCT customer_key)::INTEGER AS customers FROM orders"
  );
  rmSync(build, {recursive: true, force: true});
  const fileCustomers = new Set(rows.map((r) => r[at.customer])).size;
  console.log(
    `${basename(path)} through the file source: ${q.read} of ${rows.length} rows read, ${q.rejected ?? 0} rejected; ` +
      `$${(Number(o.cents) / 100).toFixed(2)} (file: $${(fileCents / 100).toFixed(2)}); ${o.customers} customers (file: ${fileCustomers})`
  );
  if (
    q.read !== rows.length ||
    (q.rejected ?? 0) !== 0 ||
    Number(o.cents) !== fileCents ||
    o.customers !== fileCustomers
  )
    failures++;
}
await throughFileSource(
  join(DIR, "CDNOW_master.txt"),
  1,
  {customer_id: "customer_id", ordered_at: "date", net: "dollar_value", items: "number_of_cds"},
  {customer: 0, amount: 3}
);
await throughFileSource(SAMPLE, 0, {customer_id: "2", ordered_at: "3", items: "4", net: "5"}, {customer: 1, amount: 4});

if (failures) {
  console.error(`${failures} check(s) failed`);
  process.exit(1);
}
console.log("all checks passed");
