/**
 * One measured run, in its own process so that peak memory is its own:
 *   node --import tsx bench/measure.ts bare|floor|full ORDERS.csv CUSTOMERS.csv
 * bare: DuckDB reads both CSV files into tables and nothing else (the baseline).
 * full: the workbench ingests them (validation, classification, pseudonyms) and builds every
 *       published table, Parquet files included.
 * floor: what a build must do even with no validation: the bare read, pseudonyms, the canonical
 *       orders and customers, and the same published tables, written the same way; no
 *       checks, no quality accounting, no predictions. Shows what any build of this design
 *       costs beside the bare read.
 * Prints {seconds, modelSeconds, peakMB} as JSON.
 */
import {existsSync, mkdirSync, readFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {ingest, openIngestion} from "../loaders/build.js";
import {openDuckDB, queryRows} from "../loaders/duckdb.js";
import {publishInDuckDB, publishTo} from "../loaders/derive/publish.js";
import {pseudonymSql} from "../loaders/privacy.js";
import {EXPORT_CUSTOMER_COLUMNS, EXPORT_ORDER_COLUMNS} from "../tools/exports.js";

const [mode, orders, customers] = process.argv.slice(2);
const KEY = "benchmark-key-0123456789";
const started = performance.now();
if (mode === "bare") {
  const db = await openDuckDB();
  await db.run(`CREATE TABLE o AS SELECT * FROM read_csv('${orders}')`);
  await db.run(`CREATE TABLE c AS SELECT * FROM read_csv('${customers}')`);
} else if (mode === "floor") {
  await floor();
} else {
  const dir = join(".workbench", "bench", "build");
  rmSync(dir, {recursive: true, force: true});
  await ingest(
    {
      source: {
        type: "files",
        orders: {
          path: orders,
          level: "orders",
          cancelPrefix: "C",
          timeZone: "Asia/Shanghai",
          columns: EXPORT_ORDER_COLUMNS
        },
        customers: {path: customers, columns: EXPORT_CUSTOMER_COLUMNS}
      }
    },
    KEY,
    dir
  );
}
// The prediction step's own time (models.json records its parts), reported apart from the tables.
const modelsFile = join(".workbench", "bench", "build", "models.json");
const modelSeconds =
  mode === "full" && existsSync(modelsFile)
    ? Object.values(JSON.parse(readFileSync(modelsFile, "utf-8")).seconds as Record<string, number>).reduce(
        (a, b) => a + b,
        0
      )
    : 0;
console.log(
  JSON.stringify({
    seconds: (performance.now() - started) / 1000,
    modelSeconds,
    peakMB: Math.round(process.resourceUsage().maxRSS / 1024)
  })
);

/** The floor build (see the top): the build's DuckDB and canonical tables, no validation of any value. */
async function floor(): Promise<void> {
  const dir = join(".workbench", "bench", "floor");
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(dir, {recursive: true});
  const {db} = await openIngestion(dir);
  const key = (raw: string) => pseudonymSql(KEY, raw);
  await db.run(`CREATE TEMP TABLE o AS SELECT * FROM read_csv('${orders}')`);
  await db.run(`INSERT INTO customers SELECT ${key("customer_id")}, signup_date, birth_year, NULL, gender, region, city,
    home_store, channel, tier, points, marketing_consent, opt_out_date FROM read_csv('${customers}')`);
  await db.run(
    `CREATE TEMP TABLE k AS SELECT raw, ${key("raw")} AS customer_key FROM (SELECT DISTINCT customer_id AS raw FROM o)`
  );
  await db.run(`INSERT INTO orders SELECT order_id, customer_key, timezone('Asia/Shanghai', ordered_at), ordered_at::DATE,
    store_id, channel, round(gross * 100), round(discount * 100), round(net * 100), items,
    CASE WHEN starts_with(order_id, 'C') THEN 'cancellation' WHEN net < 0 THEN 'return' ELSE 'sale' END
    FROM o LEFT JOIN k ON k.raw = o.customer_id`);
  await db.run("DROP TABLE o");
  const [{last}] = await queryRows<{last: Date}>(db, "SELECT max(business_date) AS last FROM orders");
  await publishInDuckDB(db, last.toISOString().slice(0, 10), publishTo(db, dir, "build"));
}
