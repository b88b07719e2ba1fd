/**
 * Inputs of npm run bench:models: the customer × day table of the benchmark sample (bench/inputs.ts,
 * 1M customers at intensity 5, about 11 orders each), as the build publishes it, for all customers
 * and for a tenth of them (100k), written once under .workbench/bench/.
 */
import {existsSync} from "node:fs";
import {join} from "node:path";
import {customerDaySql} from "../loaders/derive/customer-month.js";
import {openDuckDB} from "../loaders/duckdb.js";
import {PARQUET_OPTIONS} from "../loaders/duckdb.js";
import {BENCH_DIR, benchInputs} from "./inputs.js";

export const MODELS_AS_OF = "2026-06-30";

export async function modelInputs(log: (s: string) => void): Promise<Map<number, string>> {
  const files = new Map([
    [100_000, join(BENCH_DIR, "customer-day-100k.parquet")],
    [1_000_000, join(BENCH_DIR, "customer-day-1m.parquet")]
  ]);
  if ([...files.values()].every(existsSync)) return files;
  await benchInputs([100_000], log); // generates the sample database once
  const db = await openDuckDB(join(BENCH_DIR, "sample-1m-i5.duckdb"));
  await db.run(`CREATE TEMP TABLE cd AS ${customerDaySql(MODELS_AS_OF)}`);
  await db.run(`COPY cd TO '${files.get(1_000_000)}' ${PARQUET_OPTIONS}`);
  // A tenth of the customers, chosen by their id's hash.
  await db.run(
    `COPY (SELECT * FROM cd WHERE hash(customer_key) % 10 = 0) TO '${files.get(100_000)}' ${PARQUET_OPTIONS}`
  );
  db.closeSync();
  return files;
}
