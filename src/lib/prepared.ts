/**
 * Results computed at build time for a page's default inputs.
 *
 * DuckDB-WASM takes seconds to start (compiling a 35 MB wasm), so a page would show nothing
 * until then. Instead the report loaders run the same SQL builders in native DuckDB for the
 * default inputs; the page draws those rows at once, and DuckDB-WASM, started in the
 * background, answers as soon as an input changes.
 */
import {queryRows, type DeferredDatabase} from "./db.js";
import {type Prepared, type QuerySpec, preparedRows} from "./prepared-key.js";

export {canonicalOptions, preparedRows, type Prepared, type QuerySpec} from "./prepared-key.js";

/** The rows of a spec's query for `options`: prepared at build time for the defaults, else from DuckDB-WASM. */
export function specRows<O, T>(
  spec: QuerySpec<O, T>,
  prepared: Prepared<T> | readonly Prepared<T>[],
  options: O,
  database: DeferredDatabase
): Promise<T[]> {
  return preparedOrQuery(prepared, options, database, () => spec.sql(options));
}

/** The SQL a spec's query runs for `options`: null when the rows were prepared at build time. */
export function specSql<O, T>(
  spec: QuerySpec<O, T>,
  prepared: Prepared<T> | readonly Prepared<T>[],
  options: O
): string | null {
  return preparedRows(prepared, options) ? null : spec.sql(options);
}

/**
 * For a page with several specs (`specs`, each prepared under its name in `report`): the rows of
 * spec `name` for `options`, as specRows gives them.
 */
export function specReader(
  specs: object,
  report: Record<string, Prepared<unknown>>,
  database: DeferredDatabase
): (name: string, options: unknown) => Promise<unknown[]> {
  const byName = specs as Record<string, QuerySpec<unknown, unknown>>;
  return (name, options) => specRows(byName[name], report[name], options, database);
}

/**
 * The prepared rows for `options` if they are the prepared ones (DuckDB-WASM then opens after
 * the first paint, ready for the next change), else the query's rows from DuckDB-WASM.
 */
export async function preparedOrQuery<T>(
  prepared: Prepared<T> | readonly Prepared<T>[],
  options: unknown,
  database: DeferredDatabase,
  sql: () => string | Promise<string>
): Promise<T[]> {
  const rows = preparedRows(prepared, options);
  if (rows) {
    void database.afterFirstPaint();
    return rows;
  }
  return queryRows<T>(await database.ready, await sql());
}
