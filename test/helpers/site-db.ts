/** Native DuckDB over the Parquet files of the built site: what the pages compute, recomputed. */
import type {DuckDBConnection} from "@duckdb/node-api";
import {openDuckDB} from "../../loaders/duckdb.js";
import {builtFile} from "./dist.js";
import {activityRows} from "./sample-db.js";

export async function siteDatabase(): Promise<DuckDBConnection> {
  const db = await openDuckDB();
  await db.run(
    `CREATE TABLE customers AS SELECT * FROM read_parquet('${builtFile("_file/data", "customers", ".parquet")}')`
  );
  await db.run(
    `CREATE TABLE customer_day AS SELECT * FROM read_parquet('${builtFile("_file/data", "customer-day", ".parquet")}')`
  );
  await db.run(
    `CREATE TABLE predictions AS SELECT * FROM read_parquet('${builtFile("_file/data", "predictions", ".parquet")}')`
  );
  await db.run(
    `CREATE TABLE customer_month AS SELECT * FROM read_parquet('${builtFile("_file/data", "customer-month", ".parquet")}')`
  );
  for (const [table, file] of [
    ["campaigns", "campaigns"],
    ["campaign_contacts", "campaign-contacts"]
  ])
    await db.run(`CREATE TABLE ${table} AS SELECT * FROM read_parquet('${builtFile("_file/data", file, ".parquet")}')`);
  return db;
}

/** The site's tables as plain rows (dates as ISO strings), for TypeScript reference computations. */
export async function siteRows() {
  return activityRows(await siteDatabase());
}
