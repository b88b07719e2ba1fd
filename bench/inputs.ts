/**
 * Benchmark inputs: one large built-in sample (1M customers, about 11M orders, generated once
 * and kept under .workbench/bench/), exported as a retailer would: an order-level CSV in local
 * store time with amounts in yuan, and a customer master list.
 */
import {existsSync, mkdirSync} from "node:fs";
import {join} from "node:path";
import {openDuckDB, queryRows} from "../loaders/duckdb.js";
import {CANONICAL_TABLES} from "../loaders/schema.js";
import {loadSample} from "../loaders/sources/synthetic/index.js";
import {customersExportSql, ordersExportSql} from "../tools/exports.js";

export const BENCH_DIR = join(".workbench", "bench");

/** Generates (once) the sample and the CSV exports for each order count; returns their paths. */
export async function benchInputs(
  sizes: number[],
  log: (s: string) => void
): Promise<{customers: string; orders: Map<number, string>}> {
  mkdirSync(BENCH_DIR, {recursive: true});
  const dbPath = join(BENCH_DIR, "sample-1m-i5.duckdb");
  const customers = join(BENCH_DIR, "customers.csv");
  const orders = new Map(sizes.map((n) => [n, join(BENCH_DIR, `orders-${n}.csv`)]));
  if ([customers, ...orders.values()].every(existsSync)) return {customers, orders};
  const db = await openDuckDB(dbPath);
  const [{n}] = await queryRows<{n: number}>(
    db,
    "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'orders'"
  );
  if (n === 0) {
    log("generating the 1M-customer sample (once)...");
    const started = Date.now();
    for (const ddl of CANONICAL_TABLES) await db.run(ddl);
    const meta = await loadSample(
      db,
      {customers: 1_000_000, seed: 1, start: "2023-07-01", end: "2026-06-30", intensity: 5},
      (raw) => raw
    );
    log(
      `  ${meta.counts.customers} customers, ${meta.counts.orders} orders in ${((Date.now() - started) / 1000).toFixed(0)} s`
    );
  }
  await db.run(customersExportSql(customers));
  for (const [size, path] of orders) await db.run(ordersExportSql(path, size));
  db.closeSync();
  return {customers, orders};
}
