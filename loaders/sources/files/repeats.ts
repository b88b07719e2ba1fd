/**
 * Rows that repeat an earlier row of the same file. A window over every row (partitioned by
 * all the compared values) costs more than reading the file, and most files have few repeats;
 * so only rows whose key occurs more than once are compared, in file order (rowid).
 */

/**
 * SQL (a query with one column, `id`) listing the rowid of every row of TEMP TABLE `table`
 * whose `key` and `values` equal those of an earlier row.
 */
export function repeatedRowsSql(table: string, key: string, values: string[] = []): string {
  return `SELECT id FROM (
    SELECT rowid AS id, row_number() OVER (PARTITION BY ${[key, ...values].join(", ")} ORDER BY rowid) AS copy
    FROM ${table} WHERE ${key} IN (SELECT ${key} FROM ${table} GROUP BY ${key} HAVING count(*) > 1))
  WHERE copy > 1`;
}
