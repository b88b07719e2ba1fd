/**
 * SQL expressions that read messy text fields. Each returns NULL for a value it cannot read,
 * and the ingestion turns that NULL into a rejected row with the field's reason.
 */
import {sqlString} from "../../../src/lib/sql.js";

/** Text with surrounding blanks removed; empty becomes NULL. */
export const text = (col: string) => `nullif(trim(${col}), '')`;

/**
 * An amount in integer cents: ¥1,234.50, ￥1234.5, RMB 1,234, -12.30 and (12.30) all read;
 * thousands separators and currency marks are dropped. More than two decimals is refused.
 */
export function cents(col: string): string {
  // Fast path for plain numbers (most rows): a cast (which allows surrounding blanks), kept
  // only when it lost no decimals, i.e. equals the same text read as a double (1.005 or 1e-3
  // do not; a value beyond 2^53 cents may not either and takes the exact slow path).
  const exact = `TRY_CAST(${col} AS DECIMAL(18,2)) = TRY_CAST(${col} AS DOUBLE)`;
  const fast = `CAST(TRY_CAST(${col} AS DECIMAL(18,2)) * 100 AS BIGINT)`;
  const v = `trim(${col})`;
  const cleaned = `regexp_replace(${v}, '[¥￥$€£,\\s]|RMB|CNY', '', 'g')`;
  const signed = `CASE WHEN regexp_full_match(${cleaned}, '\\(.*\\)') THEN '-' || trim(${cleaned}, '()') ELSE ${cleaned} END`;
  const slow = `CASE WHEN regexp_full_match(${signed}, '[+-]?\\d+(\\.\\d{1,2})?') THEN round(CAST(${signed} AS DECIMAL(18,2)) * 100)::BIGINT END`;
  // A CASE, not coalesce(fast, slow): DuckDB evaluated coalesce's second argument for every
  // row, which tripled the cost of reading plain amounts.
  return `CASE WHEN ${exact} THEN ${fast} ELSE ${slow} END`;
}

/** A whole number (quantities, item counts): a cast (blanks allowed) that must not have rounded. */
export const integer = (col: string) =>
  `CASE WHEN TRY_CAST(${col} AS INTEGER) = TRY_CAST(${col} AS DOUBLE) THEN TRY_CAST(${col} AS INTEGER) END`;

/** Formats read without configuration: none of them can swap day and month. */
export const UNAMBIGUOUS_FORMATS = [
  "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d",
  "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d", "%Y%m%d", "%Y年%m月%d日", "%Y年%m月%d日 %H:%M"
];

/**
 * A local timestamp, in the configured format or one of the unambiguous ones. ISO values (the
 * common case, and what Parquet timestamps become as text) take DuckDB's fast cast first.
 */
export function timestamp(col: string, format?: string): string {
  // Blank values (most opt-out dates) skip the list of formats.
  if (format) return `try_strptime(${text(col)}, ${sqlString(format)})`;
  // A CASE rather than coalesce(), which tried the list of formats on every row.
  const cast = `TRY_CAST(${col} AS TIMESTAMP)`;
  return `CASE WHEN ${cast} IS NOT NULL THEN ${cast} ELSE try_strptime(${text(col)}, [${UNAMBIGUOUS_FORMATS.map(sqlString).join(", ")}]) END`;
}

/** Why a timestamp did not read: day/month order unknown, or not a date at all. */
export function dateReason(col: string): string {
  return `CASE WHEN regexp_full_match(trim(${col}), '\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}.*')
    THEN 'ambiguous date (day and month order unknown: set dateFormat)' ELSE 'unreadable date' END`;
}

/** A yes/no flag; anything unreadable is NULL, which counts as no. */
export function flag(col: string): string {
  // A simple CASE: about twice as fast on a million rows as the same test with IN lists.
  return `CASE lower(trim(${col})) ${when(["1", "y", "yes", "true", "t", "是"], "true")} ${when(["0", "n", "no", "false", "f", "否"], "false")} END`;
}

/** Gender as F / M / U. */
export function gender(col: string): string {
  return `CASE lower(trim(${col})) ${when(["f", "female", "woman", "w", "女"], "'F'")} ${when(["m", "male", "man", "男"], "'M'")} ELSE 'U' END`;
}

const when = (values: string[], result: string) => values.map((v) => `WHEN ${sqlString(v)} THEN ${result}`).join(" ");
