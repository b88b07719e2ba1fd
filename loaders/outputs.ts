/**
 * What the site's data loaders publish. Each src/data/* entry file calls one of these and
 * writes the result to standard output. All of them copy tables that ingestion computed once
 * (build.ts, derive/publish.ts). Only pseudonymous, minimal columns leave here.
 */
import {openBuild} from "./build.js";
import {qualitySummary} from "./derive/quality.js";
import {queryRows, toParquet} from "./duckdb.js";

/** customers.parquet: one row per customer (see derive/customers.ts). */
export async function customersParquet(): Promise<Buffer> {
  const {db} = await openBuild();
  return toParquet(db, "SELECT * FROM out_customers ORDER BY customer_key");
}

/** customer-month.parquet: customer × month activity (see derive/customer-month.ts). */
export async function customerMonthParquet(): Promise<Buffer> {
  const {db} = await openBuild();
  return toParquet(db, "SELECT * FROM out_customer_month ORDER BY month, customer_key");
}

/** customer-day.parquet: customer × day activity, for any as-of date in the browser. */
export async function customerDayParquet(): Promise<Buffer> {
  const {db} = await openBuild();
  return toParquet(db, "SELECT * FROM out_customer_day ORDER BY day, customer_key");
}

/** kpis.json: headline figures and the as-of date. */
export async function kpisJson(): Promise<string> {
  const {db, info} = await openBuild();
  const [kpis] = await queryRows(db, "SELECT * FROM out_kpis");
  return JSON.stringify({asOf: info.asOf, builtAt: info.builtAt, source: info.source, ...kpis}, null, 2);
}

/** quality.json: rows read, accepted, classified and rejected per input file (counts only). */
export async function qualityJson(): Promise<string> {
  const {db, info} = await openBuild();
  return JSON.stringify({asOf: info.asOf, builtAt: info.builtAt, seconds: info.seconds, source: info.source, ...(await qualitySummary(db))}, null, 2);
}
