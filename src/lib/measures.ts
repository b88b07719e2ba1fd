/**
 * The performance measure every page query records (src/lib/db.ts): benchmarks set the queries'
 * time beside the time a user waits (bench/reports.ts). Node-safe, unlike db.ts.
 */
export const QUERY_MEASURE = "workbench:query";

/** The measure of opening DuckDB-WASM with a page's tables, from the start to the first query it could take (bench/duckdb.ts). */
export const DATABASE_MEASURE = "workbench:database";

/** The measure of the browser's own computation a change runs (the clusters page's k-means). */
export const COMPUTE_MEASURE = "workbench:compute";

/** Runs `f` and records its time as a COMPUTE_MEASURE, beside which a benchmark sets the user's wait. */
export function measured<T>(f: () => T): T {
  const start = performance.now();
  try {
    return f();
  } finally {
    performance.measure(COMPUTE_MEASURE, {start, end: performance.now()});
  }
}
