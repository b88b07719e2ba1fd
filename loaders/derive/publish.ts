/**
 * The tables the site publishes, computed once per build right after ingestion and kept in
 * the build's DuckDB file as out_* tables; the data loaders only copy them out.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {customerDaySql, customerMonthSql} from "./customer-month.js";
import {customersSql} from "./customers.js";
import {kpisSql, orderSummarySql} from "./kpis.js";

/** Name of each published table and the SQL that makes it from the canonical tables. */
export function publishedTables(asOf: string, key: "customer_key" | "customer_id" = "customer_key"): Record<string, string> {
  return {
    out_customers: customersSql(asOf, key),
    out_customer_month: customerMonthSql(asOf, key),
    out_customer_day: customerDaySql(asOf, key),
    out_kpis: kpisSql(asOf, key),
    out_orders: orderSummarySql(key)
  };
}

/**
 * Computes the published tables inside DuckDB (sample and file sources), named with the
 * catalog prefix `out` (such as "build.") when they go to another database than the canonical ones.
 */
export async function publishInDuckDB(db: DuckDBConnection, asOf: string, out = ""): Promise<void> {
  for (const [name, sql] of Object.entries(publishedTables(asOf))) await db.run(`CREATE TABLE ${out}${name} AS ${sql}`);
}
