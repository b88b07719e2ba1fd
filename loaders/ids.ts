/**
 * Customer ids as exports write them. The same customer is `17850.0` in one export (a column
 * that passed through a spreadsheet as a number) and `17850` in another, ` 17850` in a third:
 * their pseudonyms must be the same. Before keying, an id's full-width letters and digits are
 * folded to ASCII (１７８５０ is 17850), it is trimmed (of every blank: BLANKS), unwrapped from
 * Excel's text formula (`="00123"` is 00123), a numeric id loses a
 * trailing `.0` (any number of zeros; `17850.5` is left as it is: that is not a whole number and
 * would be a different id), and, when the mapping says so (`idCase`), its letters are folded to
 * one case. Every source normalizes the same way: the SQL form (files, in DuckDB) and the
 * TypeScript form (sample, PostgreSQL rows) are tested to agree.
 */
import {sqlString} from "../src/lib/sql.js";

/** How letters in ids compare: as written (default), or folded to lower or upper case. */
export type IdCase = "as-is" | "lower" | "upper";

/**
 * The blanks around a value that are not part of it: exactly what JavaScript's trim() removes
 * (spaces, tabs, line ends, no-break and other Unicode spaces, a stray byte-order mark). DuckDB's
 * and PostgreSQL's trim() remove fewer: neither removes a tab, which Chinese platforms append to
 * long numbers (order numbers, phone-number member ids) so that Excel keeps their digits.
 */
export const BLANKS =
  "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

/** The blanks DuckDB's own trim() leaves (it removes Unicode spaces only). */
export const UNTRIMMED = "\t\n\v\f\r\u2028\u2029\ufeff";

/** `text` as a regular expression matching exactly it (in JavaScript and in DuckDB's RE2 alike). */
export const regexLiteral = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Characters as a character class of DuckDB's regular expressions (RE2). */
const charClass = (chars: string) =>
  `[${Array.from(chars, (c) => `\\x{${c.charCodeAt(0).toString(16).toUpperCase()}}`).join("")}]`;

/**
 * Column `col` without its blanks (BLANKS), in DuckDB SQL; `col` is a column name (it is repeated).
 * The few values holding a blank DuckDB's trim() leaves (`untrimmed`, UNTRIMMED unless a file is
 * known to hold fewer: narrowTrims) take the slower, complete trim: a trim with a list of
 * characters cost six times the plain one on every value of a million-row file.
 */
export const trimSql = (col: string, untrimmed = UNTRIMMED) =>
  untrimmed === ""
    ? `trim(${col})`
    : `CASE WHEN regexp_matches(${col}, '${charClass(untrimmed)}') THEN trim(${col}, ${sqlString(BLANKS)}) ELSE trim(${col}) END`;

/**
 * `sql` with every trimSql in it for values that can hold only the blanks `untrimmed` of
 * UNTRIMMED (what a CSV file holds, decode.ts blanksIn): with none, each is DuckDB's plain
 * trim(). The test that picks the complete trim cost a tenth of a million-row build. A query is
 * rewritten, rather than every parser told, because all of them trim through trimSql.
 */
export function narrowTrims(sql: string, untrimmed: string): string {
  if (untrimmed === UNTRIMMED) return sql;
  // trimSql's own text around the column, which it writes three times.
  const [open, ...rest] = trimSql("\u0000").split("\u0000").map(regexLiteral);
  const pattern = new RegExp(`${open}([^,()']+?)${rest.join("\\1")}`, "g");
  return sql.replace(pattern, (_, col: string) => trimSql(col, untrimmed));
}

/**
 * Full-width ASCII (１３８００１３８０００, Ａ１２), which a Chinese or Japanese input method in
 * full-width mode types: the same letters and digits, folded to ASCII in ids.
 */
const FULL_WIDTH = Array.from({length: 0x5e}, (_, i) => String.fromCharCode(0xff01 + i)).join("");
const HALF_WIDTH = Array.from({length: 0x5e}, (_, i) => String.fromCharCode(0x21 + i)).join("");
const foldWidth = (id: string) => id.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** `="00123"`: an Excel formula for the text 00123, which exports write so that Excel keeps an id's digits. */
const EXCEL_TEXT = /^="(.*)"$/s;

/** The normalized id, or null for a blank one. */
export function normalizeId(raw: string | null | undefined, idCase: IdCase = "as-is"): string | null {
  if (raw === null || raw === undefined) return null;
  let id = foldWidth(raw).trim();
  const excel = EXCEL_TEXT.exec(id);
  if (excel) id = excel[1].trim();
  if (id === "") return null;
  if (/^[0-9]+\.0+$/.test(id)) id = id.slice(0, id.indexOf("."));
  return idCase === "lower" ? id.toLowerCase() : idCase === "upper" ? id.toUpperCase() : id;
}

/** The same as normalizeId, as a DuckDB SQL expression over a VARCHAR column. */
export function normalizeIdSql(col: string, idCase: IdCase = "as-is"): string {
  const trimmed = `nullif(trim(${col}), '')`;
  // contains() first: a regular expression on every id cost a fifth of reading a million-row list.
  const plain = `CASE WHEN contains(${col}, '.') AND regexp_full_match(${trimmed}, '[0-9]+\\.0+') THEN split_part(${trimmed}, '.', 1) ELSE ${trimmed} END`;
  // An id with a blank DuckDB's trim() leaves, an "=" (Excel's ="…") or a full-width character
  // takes the complete path.
  const blanks = sqlString(BLANKS);
  const folded = `translate(${col}, ${sqlString(FULL_WIDTH)}, ${sqlString(HALF_WIDTH)})`;
  const bare = `trim(regexp_replace(trim(${folded}, ${blanks}), '^(?s)="(.*)"$', '\\1'), ${blanks})`;
  const complete = `CASE WHEN regexp_full_match(${bare}, '[0-9]+\\.0+') THEN split_part(${bare}, '.', 1) ELSE nullif(${bare}, '') END`;
  const whole = `CASE WHEN regexp_matches(${col}, '${charClass(`=${UNTRIMMED}`).replace("[", "[\\x{FF01}-\\x{FF5E}")}') THEN ${complete} ELSE ${plain} END`;
  return idCase === "lower" ? `lower(${whole})` : idCase === "upper" ? `upper(${whole})` : whole;
}

/** The same as normalizeId, as a PostgreSQL expression (btrim takes the blanks to remove, as DuckDB's trim does). */
export function normalizeIdPostgres(col: string): string {
  const blanks = sqlString(BLANKS);
  const blankless = `btrim(translate(${col}, ${sqlString(FULL_WIDTH)}, ${sqlString(HALF_WIDTH)}), ${blanks})`;
  const unwrapped = `(CASE WHEN ${blankless} LIKE '="%"' AND length(${blankless}) >= 3
    THEN btrim(substr(${blankless}, 3, length(${blankless}) - 3), ${blanks}) ELSE ${blankless} END)`;
  return `CASE WHEN ${unwrapped} ~ '^[0-9]+\\.0+$' THEN split_part(${unwrapped}, '.', 1) ELSE nullif(${unwrapped}, '') END`;
}
