/**
 * Customer ids as exports write them. The same customer is `17850.0` in one export (a column
 * that passed through a spreadsheet as a number) and `17850` in another, ` 17850` in a third:
 * their pseudonyms must be the same. Before keying, an id is trimmed, a numeric id loses a
 * trailing `.0` (any number of zeros; `17850.5` is left as it is: that is not a whole number and
 * would be a different id), and, when the mapping says so (`idCase`), its letters are folded to
 * one case. Every source normalizes the same way: the SQL form (files, in DuckDB) and the
 * TypeScript form (sample, PostgreSQL rows) are tested to agree.
 */

/** How letters in ids compare: as written (default), or folded to lower or upper case. */
export type IdCase = "as-is" | "lower" | "upper";

/** The normalized id, or null for a blank one. */
export function normalizeId(raw: string | null | undefined, idCase: IdCase = "as-is"): string | null {
  if (raw === null || raw === undefined) return null;
  let id = raw.trim();
  if (id === "") return null;
  if (/^[0-9]+\.0+$/.test(id)) id = id.slice(0, id.indexOf("."));
  return idCase === "lower" ? id.toLowerCase() : idCase === "upper" ? id.toUpperCase() : id;
}

/** The same as normalizeId, as a DuckDB SQL expression over a VARCHAR column. */
export function normalizeIdSql(col: string, idCase: IdCase = "as-is"): string {
  const trimmed = `nullif(trim(${col}), '')`;
  // contains() first: a regular expression on every id cost a fifth of reading a million-row list.
  const whole = `CASE WHEN contains(${col}, '.') AND regexp_full_match(${trimmed}, '[0-9]+\\.0+') THEN split_part(${trimmed}, '.', 1) ELSE ${trimmed} END`;
  return idCase === "lower" ? `lower(${whole})` : idCase === "upper" ? `upper(${whole})` : whole;
}
