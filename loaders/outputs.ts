/**
 * What the site's data loaders publish. Each src/data/* entry file calls one of these and
 * writes the result to standard output; all of them share one ingestion (build.ts).
 * Only pseudonymous, minimal columns leave here.
 */
import {openBuild} from "./build.js";
import {customerMonthSql} from "./derive/customer-month.js";
import {customersSql} from "./derive/customers.js";
import {kpisSql} from "./derive/kpis.js";
import {qualitySummary} from "./derive/quality.js";
import {queryRows, toParquet} from "./duckdb.js";

/** customers.parquet: one row per customer (see derive/customers.ts). */
export async function customersParquet(): Promise<Buffer> {
  const {db, info} = await openBuild();
  return toParquet(db, customersSql(info.asOf));
}

/** customer-month.parquet: customer × month activity (see derive/customer-month.ts). */
export async function customerMonthParquet(): Promise<Buffer> {
  const {db, info} = await openBuild();
  return toParquet(db, customerMonthSql(info.asOf));
}

/** kpis.json: headline figures and the as-of date. */
export async function kpisJson(): Promise<string> {
  const {db, info} = await openBuild();
  const [kpis] = await queryRows(db, kpisSql(info.asOf));
  return JSON.stringify({asOf: info.asOf, builtAt: info.builtAt, source: info.source, ...kpis}, null, 2);
}

/** quality.json: rows read, accepted, classified and rejected per input file (counts only). */
export async function qualityJson(): Promise<string> {
  const {db, info} = await openBuild();
  return JSON.stringify({asOf: info.asOf, builtAt: info.builtAt, seconds: info.seconds, source: info.source, ...(await qualitySummary(db))}, null, 2);
}
