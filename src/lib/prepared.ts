/**
 * Results computed at build time for a page's default inputs.
 *
 * DuckDB-WASM takes seconds to start (compiling a 35 MB wasm), so a page would show nothing
 * until then. Instead the report loaders run the same SQL builders in native DuckDB for the
 * default inputs; the page draws those rows at once, and DuckDB-WASM, started in the
 * background, answers as soon as an input changes.
 */
import {queryRows, type DeferredDatabase} from "./db.js";

/** Rows and the inputs they were computed for. */
export interface Prepared<T> {
  options: unknown;
  rows: T[];
}

/** JSON with sorted keys and without empty filters, so equal inputs give equal text. */
export function canonicalOptions(value: unknown): string {
  const clean = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(clean);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (v && typeof v === "object") {
      const entries = Object.entries(v)
        .filter(([, x]) => x !== undefined && x !== null && !(Array.isArray(x) && x.length === 0))
        .map(([k, x]) => [k, clean(x)] as const)
        .filter(([, x]) => !(x && typeof x === "object" && !Array.isArray(x) && Object.keys(x).length === 0))
        .sort(([a], [b]) => a.localeCompare(b));
      return Object.fromEntries(entries);
    }
    return v;
  };
  return JSON.stringify(clean(value));
}

/** The prepared rows when `options` are the ones they were computed for, else null. */
export function preparedRows<T>(prepared: Prepared<T>, options: unknown): T[] | null {
  return canonicalOptions(prepared.options) === canonicalOptions(options) ? prepared.rows : null;
}

/**
 * The prepared rows for `options` if they are the prepared ones (DuckDB-WASM then opens after
 * the first paint, ready for the next change), else the query's rows from DuckDB-WASM.
 */
export async function preparedOrQuery<T>(prepared: Prepared<T>, options: unknown, database: DeferredDatabase, sql: () => string | Promise<string>): Promise<T[]> {
  const rows = preparedRows(prepared, options);
  if (rows) {
    void database.afterFirstPaint();
    return rows;
  }
  return queryRows<T>(await database.ready, await sql());
}
