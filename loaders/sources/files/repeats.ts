/**
 * Rows that repeat an earlier row of the same file. A window over every row (partitioned by
 * all the compared values) costs more than reading the file, and most files have few repeats;
 * so only rows whose key occurs more than once are compared, in file order (rowid).
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {reasonSql} from "../../../src/lib/quality.js";

/**
 * Classifies as duplicates the rows of table `table` (parsed, a row per line) whose `key`
 * and `values` equal those of an earlier row (by rowid: the file's order when it was read in
 * order). A duplicate is classified before anything else a row could be, but after a
 * rejection. Returns how many rows it marked.
 */
export async function markRepeats(
  db: DuckDBConnection,
  table: string,
  key: string,
  values: string[] = []
): Promise<number> {
  const result = await db.run(`UPDATE ${table} SET outcome = 'classified', reason = ${reasonSql("duplicate")}
    WHERE outcome <> 'rejected' AND rowid IN (SELECT id FROM (
      SELECT rowid AS id, row_number() OVER (PARTITION BY ${[key, ...values].join(", ")} ORDER BY rowid) AS copy
      FROM ${table} WHERE ${key} IN (SELECT ${key} FROM ${table} GROUP BY ${key} HAVING count(*) > 1))
    WHERE copy > 1)`);
  return result.rowsChanged;
}
