/**
 * A native DuckDB holding the published tables of a small generated sample under the names the
 * pages' SQL reads (customers, customer_month, customer_day), and the same rows as plain
 * objects (dates as ISO strings) for independent TypeScript computations.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {PREDICTIONS_FILE} from "../../loaders/derive/model-settings.js";
import {predict} from "../../loaders/derive/predict.js";
import {campaignTables, publishInDuckDB} from "../../loaders/derive/publish.js";
import {openDuckDB, queryRows} from "../../loaders/duckdb.js";
import {CANONICAL_TABLES} from "../../loaders/schema.js";
import {loadSample} from "../../loaders/sources/synthetic/index.js";

export interface CustomerRow {
  customer_key: string;
  signup_date: string | null;
  first_purchase: string | null;
  orders: number;
  revenue_cents: number;
  [column: string]: unknown;
}
export interface ActivityRow {
  customer_key: string;
  month: string;
  orders: number;
  revenue_cents: number;
}
export interface DayRow {
  customer_key: string;
  day: string;
  orders: number;
  revenue_cents: number;
}

export interface SampleDatabase {
  db: DuckDBConnection;
  customers: CustomerRow[];
  months: ActivityRow[];
  days: DayRow[];
}

/**
 * The sample simulated to `end` and published as of `asOf` (the end unless given: an earlier
 * date is a build that ran then, before the later data arrived).
 */
export async function sampleDatabase(
  customers = 3000,
  seed = 5,
  end = "2026-06-30",
  asOf = end
): Promise<SampleDatabase> {
  const db = await openDuckDB();
  await db.run("ATTACH ':memory:' AS gen; USE gen");
  for (const ddl of CANONICAL_TABLES) await db.run(ddl);
  await loadSample(db, {customers, seed, start: "2023-07-01", end}, (raw) => `k${raw}`);
  await publishInDuckDB(db, asOf);
  // The campaigns as a build publishes them (each with its response window).
  for (const [name, sql] of Object.entries(campaignTables(30)))
    await db.run(`CREATE TABLE memory.${name.replace("out_", "")} AS ${sql}`);
  await db.run("USE memory");
  for (const name of ["customers", "customer_month", "customer_day"])
    await db.run(`CREATE TABLE ${name} AS SELECT * FROM gen.out_${name}`);
  // The models, as a build runs them, on the published customer × day table.
  const dir = mkdtempSync(join(tmpdir(), "workbench-models-"));
  await predict(db, "customer_day", dir, asOf);
  await db.run(`CREATE TABLE predictions AS SELECT * FROM read_parquet('${join(dir, PREDICTIONS_FILE)}')`);
  rmSync(dir, {recursive: true, force: true});
  return {db, ...(await activityRows(db))};
}

/** The customers, customer_month and customer_day tables as plain rows, dates as ISO strings. */
export async function activityRows(db: DuckDBConnection): Promise<Omit<SampleDatabase, "db">> {
  return {
    customers: await queryRows<CustomerRow>(
      db,
      `SELECT * REPLACE (signup_date::VARCHAR AS signup_date, first_purchase::VARCHAR AS first_purchase, last_purchase::VARCHAR AS last_purchase, city_tier::VARCHAR AS city_tier) FROM customers`
    ),
    months: await queryRows<ActivityRow>(db, "SELECT * REPLACE (month::VARCHAR AS month) FROM customer_month"),
    days: await queryRows<DayRow>(db, "SELECT * REPLACE (day::VARCHAR AS day) FROM customer_day")
  };
}
