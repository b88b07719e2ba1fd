/**
 * Queries started at the input event. Framework computes the cells that depend on a changed input
 * at the next animation frame, 8 ms later on average and up to 17 ms, and only then does a cell
 * send its query to DuckDB-WASM. A page that can tell from its inputs' values which SQL the change
 * will run starts it at the event; the cell, asking a frame later for the same SQL, is handed the
 * query already running (queriesAhead, queryRows in db.ts): the frame's wait overlaps the query.
 */
import {type DeferredDatabase, queriesAhead} from "./db.js";

/**
 * On each input event of `input` (a form or an input: its value is current by then), starts the
 * SQL that `sqls()` says the change will run, each as soon as it is known; null for a query the
 * change will not run (a result prepared at build time). Pass the cell's `invalidation`, so that a
 * cell run again stops the listener it added before.
 */
export function queryOnInput(
  input: EventTarget,
  database: DeferredDatabase,
  sqls: () => (string | null | Promise<string | null>)[],
  invalidation?: Promise<unknown>
): void {
  const listener = () =>
    void database.ready
      .then((db) => {
        const start = queriesAhead(db);
        // The cell computes the same SQL and runs it: an error shows there.
        for (const sql of sqls())
          void Promise.resolve(sql)
            .then((s) => s !== null && start(s))
            .catch(() => undefined);
      })
      .catch(() => undefined);
  input.addEventListener("input", listener);
  void invalidation?.then(() => input.removeEventListener("input", listener));
}
