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
  const cleaned = `regexp_replace(trim(${col}), '[¥￥$€£,\\s]|RMB|CNY', '', 'g')`;
  const signed = `CASE WHEN regexp_full_match(${cleaned}, '\\(.*\\)') THEN '-' || trim(${cleaned}, '()') ELSE ${cleaned} END`;
  return `CASE WHEN regexp_full_match(${signed}, '[+-]?\\d+(\\.\\d{1,2})?') THEN round(CAST(${signed} AS DECIMAL(18,2)) * 100)::BIGINT END`;
}

/** A whole number (quantities, item counts). */
export const integer = (col: string) => `CASE WHEN regexp_full_match(trim(${col}), '[+-]?\\d+') THEN TRY_CAST(trim(${col}) AS INTEGER) END`;

/** Formats read without configuration: none of them can swap day and month. */
export const UNAMBIGUOUS_FORMATS = [
  "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d",
  "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d", "%Y%m%d", "%Y年%m月%d日", "%Y年%m月%d日 %H:%M"
];

/** A local timestamp, in the configured format or one of the unambiguous ones. */
export function timestamp(col: string, format?: string): string {
  const formats = format ? [format] : UNAMBIGUOUS_FORMATS;
  return `try_strptime(trim(${col}), [${formats.map(sqlString).join(", ")}])`;
}

/** Why a timestamp did not read: day/month order unknown, or not a date at all. */
export function dateReason(col: string): string {
  return `CASE WHEN regexp_full_match(trim(${col}), '\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}.*')
    THEN 'ambiguous date (day and month order unknown: set dateFormat)' ELSE 'unreadable date' END`;
}

/** A yes/no flag; anything unreadable is NULL, which counts as no. */
export function flag(col: string): string {
  return `CASE WHEN lower(trim(${col})) IN ('1', 'y', 'yes', 'true', 't', '是') THEN true
    WHEN lower(trim(${col})) IN ('0', 'n', 'no', 'false', 'f', '否') THEN false END`;
}

/** Gender as F / M / U. */
export function gender(col: string): string {
  return `CASE WHEN lower(trim(${col})) IN ('f', 'female', 'woman', 'w', '女') THEN 'F'
    WHEN lower(trim(${col})) IN ('m', 'male', 'man', '男') THEN 'M' ELSE 'U' END`;
}
