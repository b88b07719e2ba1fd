/**
 * One measured run, in its own process so that peak memory is its own:
 *   node --import tsx bench/measure.ts bare|full ORDERS.csv CUSTOMERS.csv
 * bare: DuckDB reads both CSV files into tables and nothing else (the floor).
 * full: the workbench ingests them (validation, classification, pseudonyms) and builds every
 *       published table, Parquet files included. Prints {seconds, peakMB} as JSON.
 */
import {existsSync, readFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {ingest} from "../loaders/build.js";
import {openDuckDB} from "../loaders/duckdb.js";
import {EXPORT_CUSTOMER_COLUMNS, EXPORT_ORDER_COLUMNS} from "../tools/exports.js";

const [mode, orders, customers] = process.argv.slice(2);
const started = performance.now();
if (mode === "bare") {
  const db = await openDuckDB();
  await db.run(`CREATE TABLE o AS SELECT * FROM read_csv('${orders}')`);
  await db.run(`CREATE TABLE c AS SELECT * FROM read_csv('${customers}')`);
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
    "benchmark-key-0123456789",
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
