/** Native DuckDB for the loaders: opened with extension downloads off, as in the browser. */
import {readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {randomUUID} from "node:crypto";
import {type DuckDBConnection, DuckDBInstance} from "@duckdb/node-api";

/** Opens (or creates) a DuckDB database file, or an in-memory one for ":memory:". */
export async function openDuckDB(path = ":memory:"): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(path, {
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false"
  });
  return instance.connect();
}

/**
 * Runs a query and returns its rows as plain objects. BIGINTs (counts, cents) become numbers,
 * which is exact below 2^53 (90 trillion yuan in cents); a larger value is an error, not a
 * silent rounding.
 */
export async function queryRows<T = Record<string, unknown>>(db: DuckDBConnection, sql: string): Promise<T[]> {
  const reader = await db.runAndReadAll(sql);
  return reader.getRowObjectsJS().map((row) => {
    for (const [k, v] of Object.entries(row)) {
      if (typeof v !== "bigint") continue;
      if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER))
        throw new Error(`${k} = ${v} exceeds 2^53`);
      row[k] = Number(v);
    }
    return row;
  }) as T[];
}

/**
 * Options of every Parquet file the loaders write: ZSTD at level 1, on the customer tables as
 * small as the default level 3 and twice as fast to write.
 */
export const PARQUET_OPTIONS = "(FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1)";

/** Runs a query and returns its result as a Parquet file in memory. */
export async function toParquet(db: DuckDBConnection, sql: string): Promise<Buffer> {
  const file = join(tmpdir(), `workbench-${randomUUID()}.parquet`);
  try {
    await db.run(`COPY (${sql}) TO '${file}' ${PARQUET_OPTIONS}`);
    return await readFile(file);
  } finally {
    await rm(file, {force: true});
  }
}
