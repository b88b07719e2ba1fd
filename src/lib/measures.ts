/**
 * The performance measure every page query records (src/lib/db.ts): benchmarks set the queries'
 * time beside the time a user waits (bench/reports.ts). Node-safe, unlike db.ts.
 */
export const QUERY_MEASURE = "workbench:query";
