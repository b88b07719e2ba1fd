/**
 * Rows that repeat an earlier row of the same file. A window over every row (partitioned by
 * all the compared columns) costs more than reading the file; most files have few repeats.
 * So rows are first grouped by a hash of the compared values, and only rows whose hash occurs
 * more than once are compared exactly (a hash collision is then told apart by the window).
 */

/**
 * SQL (a query with one column, `line`) listing the line of every row of TEMP TABLE `table`
 * whose `values` equal those of an earlier row. The file's header is line 1, so line = rowid + 2.
 */
export function repeatedLinesSql(table: string, values: string[]): string {
  const list = values.join(", ");
  return `SELECT line FROM (
    SELECT rowid + 2 AS line, row_number() OVER (PARTITION BY ${list} ORDER BY rowid) AS copy
    FROM ${table} WHERE hash(${list}) IN (SELECT h FROM (SELECT hash(${list}) AS h FROM ${table}) GROUP BY h HAVING count(*) > 1))
  WHERE copy > 1`;
}
