/**
 * SQL expressions that read messy text fields. Each returns NULL for a value it cannot read,
 * and the ingestion turns that NULL into a rejected row with the field's reason.
 */
import {sqlDate, sqlString} from "../../../src/lib/sql.js";
import {UserError} from "../../errors.js";
import {reasonSql} from "../../../src/lib/quality.js";
import {type IdCase, normalizeIdSql, regexLiteral, trimSql} from "../../ids.js";

/** Text with surrounding blanks (tabs and Unicode spaces too: BLANKS) removed; empty becomes NULL. */
export const text = (col: string) => `nullif(${trimSql(col)}, '')`;

/** Largest amount a value may have, in cents (10 billion in the currency): larger is a typo, and sums must stay exact. */
export const MAX_CENTS = 1_000_000_000_000;
/** Largest quantity on one line. */
export const MAX_QTY = 1_000_000;

/**
 * Marks each currency may be written with (ISO code → marks); a file's amounts may carry only its
 * own. A dollar, yen or krona is written with its bare sign at home ("$12.50" in an Australian
 * export): the sign is the file's own when the mapping names that currency. Another ISO code is
 * its own only mark.
 */
export const CURRENCY_MARKS: Record<string, string[]> = {
  CNY: ["¥", "￥", "RMB", "CNY", "元"],
  GBP: ["£", "GBP"],
  USD: ["US$", "$", "USD"],
  EUR: ["€", "EUR"],
  JPY: ["¥", "￥", "JPY", "円"],
  HKD: ["HK$", "$", "HKD"],
  TWD: ["NT$", "$", "TWD"],
  AUD: ["AU$", "A$", "$", "AUD"],
  NZD: ["NZ$", "$", "NZD"],
  CAD: ["CA$", "C$", "$", "CAD"],
  SGD: ["S$", "$", "SGD"],
  MXN: ["MX$", "$", "MXN"],
  BRL: ["R$", "BRL"],
  INR: ["₹", "Rs.", "Rs", "INR"],
  KRW: ["₩", "KRW"],
  CHF: ["CHF", "Fr."],
  SEK: ["kr", "SEK"],
  NOK: ["kr", "NOK"],
  DKK: ["kr", "DKK"],
  PLN: ["zł", "PLN"],
  RUB: ["₽", "RUB"],
  THB: ["฿", "THB"],
  MYR: ["RM", "MYR"],
  IDR: ["Rp", "IDR"],
  PHP: ["₱", "PHP"],
  VND: ["₫", "VND"]
};

/** How a file writes amounts: its decimal mark, currency (ISO code) and most decimals (default 2). */
export interface AmountFormat {
  decimal?: "." | ",";
  currency?: string;
  decimals?: number;
}

/** Most decimals `amountDecimals` may allow: a tenth of a thousandth, what price lists go down to. */
export const MAX_DECIMALS = 4;

const escapeRegex = (mark: string) => mark.replace(/[.*+?^${}()|[\]\\$]/g, "\\$&");
// Longest first: at one place in the text "US$" is taken whole, not as "$" after "US".
const marksOf = (currency: string) => [...(CURRENCY_MARKS[currency] ?? [currency])].sort((a, b) => b.length - a.length);
/** Every mark of another currency than `currency` (a "$" amount in a yuan file is not yuan). */
const foreignMarks = (currency: string) =>
  [
    ...new Set(
      Object.entries(CURRENCY_MARKS)
        .filter(([c]) => c !== currency)
        .flatMap(([, m]) => m)
    )
  ].filter((m) => !marksOf(currency).includes(m));

/** Thousands separators beside a decimal comma: point, space, no-break space, narrow no-break space. */
const GROUPS_WITH_COMMA = "[. \u00a0\u202f]";

/** The decimals setting, checked before it reaches SQL. */
function decimalsOf(decimals = 2): number {
  if (!Number.isInteger(decimals) || decimals < 2 || decimals > MAX_DECIMALS)
    throw new UserError(`amountDecimals must be a whole number from 2 to ${MAX_DECIMALS}, not ${decimals}`);
  return decimals;
}

/**
 * An amount read exactly, as DECIMAL(·, decimals), or NULL. With decimal ".": 1234.50, 1,234.50
 * (a valid thousands grouping only), -12.30, (12.30), with the file's currency mark (¥1,234.50,
 * RMB 1,234). With decimal ",": 1234,50, 1.234,50, 1 234,50. Anything else is NULL (rejected, see
 * amountReason): more decimals than allowed, a decimal comma where the mapping says ".", a
 * grouping that is not in threes (12 50), another currency's mark. `scaled(exact, fast)` turns the
 * exact value into the result: `fast` when it is the DECIMAL(18, ·) of the fast path.
 */
function readAmount(
  col: string,
  {decimal = ".", currency = "CNY", decimals}: AmountFormat,
  scaled: (exact: string, fast: boolean) => string
): string {
  const d = decimalsOf(decimals);
  const v = trimSql(col);
  const marks = marksOf(currency).map(escapeRegex).join("|");
  const foreign = foreignMarks(currency).map(escapeRegex).join("|");
  // The file's marks gone, and a typographic minus (−, U+2212) read as "-".
  const unmarked = `trim(replace(regexp_replace(${v}, '${marks}', '', 'g'), '\u2212', '-'))`;
  // (12.30) and 12.30- (SAP and other ledgers put the minus last) are negative.
  const signed = `CASE WHEN regexp_full_match(${unmarked}, '\\(.*\\)') THEN '-' || trim(${unmarked}, '() ')
    WHEN regexp_full_match(${unmarked}, '[^-]*\\d-') THEN '-' || rtrim(${unmarked}, '-') ELSE ${unmarked} END`;
  // Thousands: "," with a decimal point (and an apostrophe in Swiss francs: 1'234.50, doubled in
  // the SQL literal); a point, a space, a no-break or a narrow no-break space with a decimal
  // comma (1.234,50, 1 234,50).
  const [group, point] = decimal === "." ? [currency === "CHF" ? "[,''’]" : ",", "\\."] : [GROUPS_WITH_COMMA, ","];
  // Rupees are grouped in lakhs and crores (1,23,45,678.00) as well as in thousands.
  const lakhs = currency === "INR" ? `|\\d{1,2}(${group}\\d{2})*${group}\\d{3}` : "";
  const grammar = `[+-]?(\\d+|\\d{1,3}(${group}\\d{3})+${lakhs})(${point}\\d{1,${d}})?`;
  const plain =
    decimal === "."
      ? `regexp_replace(${signed}, '${group}', '', 'g')`
      : `replace(regexp_replace(${signed}, '${GROUPS_WITH_COMMA}', '', 'g'), ',', '.')`;
  // Another currency's mark is looked for once the file's own are gone: "$" is in "R$".
  const slow = `CASE WHEN NOT regexp_matches(${unmarked}, '${foreign}') AND regexp_full_match(${signed}, '${grammar}')
    THEN ${scaled(`TRY_CAST(${plain} AS DECIMAL(38,${d}))`, false)} END`;
  if (decimal === ",") return slow;
  // Fast path for plain numbers (most rows): a cast (which allows surrounding blanks), kept
  // only when it lost no decimals, i.e. equals the same text read as a double (1.005 or 1e-3
  // do not; a value beyond 2^53 cents may not either and takes the exact slow path).
  // Below 10^15 (far above any accepted amount) ×100 cannot overflow DECIMAL(18,·): larger
  // values take the slow path, which works in DECIMAL(38,·) (slower: 128-bit arithmetic).
  const exact = `TRY_CAST(${col} AS DECIMAL(18,${d})) = TRY_CAST(${col} AS DOUBLE) AND abs(TRY_CAST(${col} AS DOUBLE)) < 1e15
    AND NOT (contains(${col}, 'e') OR contains(${col}, 'E'))`;
  // A CASE, not coalesce(fast, slow): DuckDB evaluated coalesce's second argument for every
  // row, which tripled the cost of reading plain amounts.
  return `CASE WHEN ${exact} THEN ${scaled(`TRY_CAST(${col} AS DECIMAL(18,${d}))`, true)} ELSE ${slow} END`;
}

/**
 * An amount in integer cents (see readAmount for what reads). With more than two decimals
 * allowed (`decimals`), the amount is rounded to the cent, half away from zero.
 */
export function cents(col: string, format: AmountFormat = {}): string {
  // Two decimals on the fast path are whole cents already: no rounding to pay for.
  const whole = decimalsOf(format.decimals) === 2;
  return readAmount(col, format, (exact, fast) =>
    fast && whole ? `CAST(${exact} * 100 AS BIGINT)` : `TRY_CAST(round(${exact} * 100) AS BIGINT)`
  );
}

/** An amount exactly, as a DECIMAL with `decimals` places (for sums and products rounded once). */
export const exactAmount = (col: string, format: AmountFormat = {}): string =>
  readAmount(col, format, (exact) => `CAST(${exact} AS DECIMAL(38,${decimalsOf(format.decimals)}))`);

/**
 * Why an amount did not read (cents returned NULL): the rule that fired, as the rejection reason.
 * Too many decimals first: 0.30000000000000004 (a float's rounding error, as pandas writes it to a
 * CSV) has too many decimals, whatever its count of digits.
 */
export function amountReason(col: string, {decimal = ".", currency = "CNY", decimals}: AmountFormat = {}): string {
  const v = trimSql(col);
  const foreign = foreignMarks(currency).map(escapeRegex).join("|");
  const unmarked = `regexp_replace(${v}, '${marksOf(currency).map(escapeRegex).join("|")}', '', 'g')`;
  const point = decimal === "." ? "\\." : ",";
  return `CASE
    WHEN ${v} = '' THEN ${reasonSql("missingAmount")}
    WHEN regexp_matches(${v}, '${point}\\d{${decimalsOf(decimals) + 1},}\\)?$') THEN ${reasonSql("tooManyDecimals")}
    WHEN length(regexp_replace(${v}, '[^0-9]', '', 'g')) > 16 THEN ${reasonSql("amountOutOfRange")}
    WHEN regexp_matches(${unmarked}, '${foreign}') THEN ${reasonSql("otherCurrency")}
    WHEN regexp_matches(${v}, '[0-9][eE][+-]?[0-9]') THEN ${reasonSql("exponent")}
    ${decimal === "." ? `WHEN regexp_full_match(${v}, '.*\\d,\\d{1,2}\\)?') THEN ${reasonSql("decimalComma")}` : ""}
    WHEN regexp_matches(${v}, '\\d[, .\u00a0\u202f''’]\\d') THEN ${reasonSql("grouping")}
    ELSE ${reasonSql("notANumber")} END`;
}

/** Most decimals `qtyDecimals` may allow: grams of a kilogram. */
export const MAX_QTY_DECIMALS = 3;

/**
 * A quantity with up to `places` decimals (goods sold by weight or length: 0.532), written with
 * the file's decimal mark and nothing else (no grouping, no exponent), exactly as a DECIMAL; NULL
 * when it does not read.
 */
export function quantity(col: string, decimal: "." | "," = ".", places = 0): string {
  if (!Number.isInteger(places) || places < 1 || places > MAX_QTY_DECIMALS)
    throw new UserError(`qtyDecimals must be a whole number from 1 to ${MAX_QTY_DECIMALS}, not ${places}`);
  const point = decimal === "." ? "\\." : ",";
  return `CASE WHEN regexp_full_match(${trimSql(col)}, '[+-]?\\d{1,7}(${point}\\d{1,${places}})?')
    THEN CAST(replace(${trimSql(col)}, ',', '.') AS DECIMAL(18,${places})) END`;
}

/** A whole number (quantities, item counts): a cast (blanks allowed) that must not have rounded. */
export const integer = (col: string) =>
  `CASE WHEN TRY_CAST(${col} AS INTEGER) = TRY_CAST(${col} AS DOUBLE) THEN TRY_CAST(${col} AS INTEGER) END`;

/**
 * A date's formats with the times written after it: 24-hour, and 12-hour with AM or PM (any case;
 * DuckDB rejects 14:30 PM), as exports made in English-speaking countries write them.
 */
const withTimes = (date: string) => [`${date} %H:%M:%S`, `${date} %H:%M`, `${date} %I:%M:%S %p`, `${date} %I:%M %p`];

/**
 * Dates with the month's English name and a four-digit year, as spreadsheets and older systems
 * write them (1-Mar-2024, 01-MAR-2024, 1 Mar 2024, 1 March 2024, Mar 1, 2024, March 1, 2024), with
 * or without a time (withTimes): the name settles the month. A two-digit year (1-Mar-24) gets no
 * century (it reads as the year 24, outside the plausible window): dateFormat "%d-%b-%y" says it.
 */
const MONTH_NAME_FORMATS = ["%d-%b-%Y", "%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y"].flatMap((date) => [
  date,
  ...withTimes(date)
]);

/** Formats read without configuration: none of them can swap day and month. */
export const UNAMBIGUOUS_FORMATS = [
  "%Y-%m-%d %H:%M:%S",
  "%Y-%m-%d %H:%M:%S.%f",
  "%Y-%m-%dT%H:%M:%S",
  "%Y-%m-%d %H:%M",
  "%Y-%m-%d %I:%M:%S %p",
  "%Y-%m-%d %I:%M %p",
  "%Y-%m-%d",
  ...withTimes("%Y/%m/%d"),
  "%Y/%m/%d",
  // Year first with dots (2024.03.05): no one writes the day before the month after the year.
  "%Y.%m.%d %H:%M:%S",
  "%Y.%m.%d %H:%M",
  "%Y.%m.%d",
  "%Y年%m月%d日",
  ...withTimes("%Y年%m月%d日"),
  ...MONTH_NAME_FORMATS
];

/**
 * Chinese times write the half of the day before the time (2024/3/5 下午2:30, as Java's and
 * Windows' Chinese formats do, and 凌晨, 早上, 中午, 晚上 in ICU's finer ones): value `v` is
 * rewritten with the time first and AM or PM after it, as the 12-hour formats read it. 上午 and
 * 下午 name AM and PM at every hour; the finer names cover a few hours of the day each (CLDR: 中午
 * around noon, 晚上 the evening), so 中午11:50 is 11:50 and 中午1:00 13:00, while 中午9:00, 晚上12:00
 * (noon or midnight?), 晚上1:00 (13:00 is no evening) and 早上12:00 are doubtful and stay unread,
 * as 下午14:30 does.
 */
const DAY_HALVES = {凌晨: "AM", 早上: "AM", 上午: "AM", 中午: "PM", 下午: "PM", 晚上: "PM"};
const DOUBTFUL_HOURS = "(0?[1-5]|12):\\d{2}(:\\d{2})? 晚上|12:\\d{2}(:\\d{2})? 早上|(0?[3-9]|10):\\d{2}(:\\d{2})? 中午";
const halfOfDay = (v: string) => {
  const names = Object.keys(DAY_HALVES).join("|");
  const moved = `regexp_replace(${v}, '^(.*?)\\s*(${names})\\s*(\\d{1,2}:\\d{2}(:\\d{2})?)$', '\\1 \\3 \\2')`;
  // 中午 before noon: the morning's last hour.
  const beforeNoon = `regexp_replace(${moved}, '(\\s11:\\d{2}(:\\d{2})?) 中午$', '\\1 AM')`;
  const named = Object.entries(DAY_HALVES).reduce(
    (sql, [name, half]) => `replace(${sql}, '${name}', '${half}')`,
    beforeNoon
  );
  return `CASE WHEN NOT regexp_matches(${v}, '${names}') THEN ${v}
    WHEN NOT regexp_matches(${moved}, '\\s(${DOUBTFUL_HOURS})$') THEN ${named} END`;
};

/**
 * Dates and times written as digits alone (20240305, 202403051030, 20240305103000, as POS systems
 * and payment APIs write them), by their length: DuckDB's strptime takes one digit for a field when
 * the next is not a digit, so a format of fields without separators would read 2024111 as
 * 2024-11-01 where 2024-01-11 is as likely. A run of digits of any other length is no date.
 */
const compactTimestamp = (v: string) =>
  `CASE length(${v}) WHEN 8 THEN try_strptime(${v}, '%Y%m%d') WHEN 12 THEN try_strptime(${v}, '%Y%m%d%H%M') WHEN 14 THEN try_strptime(${v}, '%Y%m%d%H%M%S') END`;

/**
 * A configured format (strptime) whose numeric fields follow each other without a separator
 * (%d%m%Y) reads a value only when each such field has all its digits: as above, 1032024 would
 * otherwise be read one way of two. Returns the regular expression a value must match, or
 * undefined when every numeric field is delimited.
 */
export function fixedWidths(format: string): string | undefined {
  const widths: Record<string, number> = {Y: 4, y: 2, m: 2, d: 2, H: 2, M: 2, S: 2};
  const tokens = format.match(/%.|[^%]+/gs) ?? [];
  const numeric = (t: string | undefined) => t !== undefined && t.length === 2 && t[1] in widths;
  if (!tokens.some((t, i) => numeric(t) && numeric(tokens[i + 1]))) return undefined;
  return tokens
    .map((t, i) =>
      numeric(t)
        ? numeric(tokens[i - 1]) || numeric(tokens[i + 1])
          ? `\\d{${widths[t[1]]}}`
          : `\\d{1,${widths[t[1]]}}`
        : t.startsWith("%")
          ? ".+?"
          : regexLiteral(t)
    )
    .join("");
}

/** The store time zone when a file names none. */
export const DEFAULT_ZONE = "Asia/Shanghai";

/** An IANA zone name, checked before it reaches SQL. */
export function zoneName(zone = DEFAULT_ZONE): string {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone)) throw new UserError(`invalid timeZone: ${zone}`);
  return zone;
}

/**
 * A local timestamp (store time in `zone`), in the configured format or one of the unambiguous
 * ones. ISO values (the common case, and what Parquet timestamps become as text) take DuckDB's
 * fast cast first. A value with an explicit offset (2024-05-01 10:00:00+05, …Z, a Parquet
 * TIMESTAMPTZ as text) is that instant, converted to the store's local time: the offset is never
 * dropped, and the machine's own time zone plays no part.
 */
export function timestamp(col: string, format?: string, zone?: string): string {
  if (format !== undefined && format in EPOCH_UNITS)
    return epochTimestamp(col, format as keyof typeof EPOCH_UNITS, zone);
  // Cheap string tests first (a regular expression on every row cost a tenth of the build): an
  // offset needs a "+", a "Z", or a "-" after the date part.
  const maybe = `(contains(${col}, '+') OR ${col} LIKE '%:%-%' OR contains(${col}, 'Z') OR contains(${col}, 'z')
    OR contains(${col}, 'UTC') OR contains(${col}, 'utc') OR contains(${col}, 'GMT') OR contains(${col}, 'gmt'))`;
  // Written the way DuckDB reads it: "10:00:00 +0100" (a web shop's export) without the space, and
  // a trailing "UTC" or "GMT" (which DuckDB would otherwise drop, reading the time as local) as +00:00;
  // a time without seconds gets them (DuckDB reads "10:00+01:00" only as "10:00:00+01:00").
  const normalized = `regexp_replace(regexp_replace(regexp_replace(${trimSql(col)}, '\\s*(?i:UTC|GMT)$', '+00:00'),
    '\\s+([+-]\\d{2}(:?\\d{2})?|Z|z)$', '\\1'), '([ T]\\d{1,2}:\\d{2})([+-]\\d|Z|z)', '\\1:00\\2')`;
  const offset = `(regexp_full_match(${normalized}, '.*\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|z|[+-]\\d{2}(:?\\d{2})?)'))`;
  const withOffset = `timezone(${sqlString(zoneName(zone))}, TRY_CAST(${normalized} AS TIMESTAMPTZ))`;
  // Blank values (most opt-out dates) skip the list of formats.
  const widths = format ? fixedWidths(format) : undefined;
  const local = format
    ? widths
      ? `CASE WHEN regexp_full_match(${halfOfDay(text(col))}, ${sqlString(widths)}) THEN try_strptime(${halfOfDay(text(col))}, ${sqlString(format)}) END`
      : `try_strptime(${halfOfDay(text(col))}, ${sqlString(format)})`
    : // A CASE rather than coalesce(), which tried the list of formats on every row.
      `CASE WHEN TRY_CAST(${col} AS TIMESTAMP) IS NOT NULL THEN TRY_CAST(${col} AS TIMESTAMP)
        WHEN regexp_full_match(${text(col)}, '\\d+') THEN ${compactTimestamp(text(col))}
        ELSE try_strptime(${halfOfDay(text(col))}, [${UNAMBIGUOUS_FORMATS.map(sqlString).join(", ")}]) END`;
  // Nested so that most rows (no offset mark) test the mark and go straight to the local reading.
  return `CASE WHEN ${maybe} THEN (CASE WHEN ${offset} THEN ${withOffset} ELSE ${local} END) ELSE ${local} END`;
}

/**
 * dateFormat values for times written as a count since 1970-01-01 00:00 UTC, as platform APIs
 * and app databases export them: in seconds (1709620200) or milliseconds (1709620200000). The
 * mapping must say which: a count of digits does not tell seconds from a date written as digits.
 */
export const EPOCH_UNITS = {"unix-seconds": 1, "unix-milliseconds": 1000} as const;

/**
 * A count since the epoch, the instant it names converted to store time in `zone`; anything but
 * whole digits (up to 15, and a leading minus) is no time.
 */
function epochTimestamp(col: string, unit: keyof typeof EPOCH_UNITS, zone?: string): string {
  const value = text(col);
  const seconds = EPOCH_UNITS[unit] === 1 ? `CAST(${value} AS BIGINT)` : `CAST(${value} AS BIGINT) / 1000.0`;
  return `CASE WHEN regexp_full_match(${value}, '-?\\d{1,15}') THEN timezone(${sqlString(zoneName(zone))}, to_timestamp(${seconds})) END`;
}

/** The window of dates a file's rows may have, ISO; by default 1990-01-01 to the day after the build. */
export interface DateWindow {
  from?: string;
  to?: string;
}

/**
 * Whether timestamp `ts` falls in the window: a typo year (2204, 1900, 0001) would otherwise
 * move every page's as-of date or first month. The default end is the day after the build, so a
 * store a time zone ahead of the build machine is never cut off.
 */
export function plausibleDate(ts: string, window: DateWindow = {}): string {
  const to = window.to ?? new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  return `(CAST(${ts} AS DATE) BETWEEN ${sqlDate(window.from ?? "1990-01-01", "dates.from")} AND ${sqlDate(to, "dates.to")})`;
}

/**
 * The first of the mapped text columns holding U+FFFD (bytes decode.ts could not decode), or
 * NULL; only checked when the file had such lines.
 */
export function undecodableColumn(mapped: string[], check?: {undecodable: boolean}): string {
  if (!check?.undecodable) return "NULL::VARCHAR";
  // Quoted: a contact list's "group" is an SQL keyword.
  return `CASE ${mapped.map((f) => `WHEN contains("${f}", '\uFFFD') THEN ${sqlString(f)}`).join(" ")} END`;
}

/**
 * Whether every mapped column of the row is blank: a line of delimiters alone (,,,,,), which a
 * spreadsheet writes for a row whose cells were cleared. Such a row is rejected under a reason of
 * its own rather than for the first value it lacks. The other columns are looked at only when
 * `first` (the column whose lack would reject the row) is blank, so other rows pay one test.
 */
export const blankRow = (mapped: string[], first: string) =>
  // Quoted: a contact list's "group" is an SQL keyword.
  `CASE WHEN ${text(`"${first}"`)} IS NULL THEN ${mapped.map((f) => `${text(`"${f}"`)} IS NULL`).join(" AND ")} ELSE false END`;

/** A customer id, normalized (see loaders/ids.ts). */
export const customerId = (col: string, idCase?: IdCase) => normalizeIdSql(col, idCase);

/**
 * Whether an id is written in exponent notation (1.23457E+11): a spreadsheet turned a long
 * number (a card or phone-like member number) into a rounded one, so several customers may now
 * share it. Such a row is rejected, never keyed. The cheap test first, in a CASE: most ids hold
 * no "e", and DuckDB computes both sides of a selected AND for every row (a tenth of a second
 * per million ids).
 */
export const idInExponent = (col: string) =>
  `(CASE WHEN contains(${col}, 'E') OR contains(${col}, 'e') THEN regexp_full_match(${normalizeIdSql(col)}, '[0-9](\\.[0-9]+)?[eE]\\+?[0-9]+') ELSE false END)`;

/**
 * Why a date that read is still refused. DuckDB reads 05/03/24 as the year 5 (and the formats read
 * 5-Mar-24 as the year 24), outside the window: what is unknown there is the order of day and
 * month, or the century, and the reason says so rather than blame the window.
 */
export function implausibleReason(col: string): string {
  return `CASE WHEN regexp_full_match(${trimSql(col)}, '\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2}([ T].*)?') THEN ${reasonSql("ambiguousDate")}
    WHEN regexp_full_match(${trimSql(col)}, '\\d{1,2}[- ][A-Za-z]{3,9}[- ]\\d{2}([ T].*)?') THEN ${reasonSql("twoDigitYear")}
    ELSE ${reasonSql("implausibleDate")} END`;
}

/** Why a timestamp did not read: day/month order unknown, or not a date at all. */
export function dateReason(col: string): string {
  // A spreadsheet's day number (40513.35 is 2010-12-01 08:24 counted from 1900, or 1904 on an
  // old Mac): which calendar is not written down, so it is not converted.
  return `CASE WHEN regexp_full_match(${trimSql(col)}, '\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}.*')
    THEN ${reasonSql("ambiguousDate")}
    WHEN regexp_full_match(${trimSql(col)}, '\\d{5}([.,]\\d+)?') THEN ${reasonSql("spreadsheetSerial")}
    ELSE ${reasonSql("unreadableDate")} END`;
}

/** The words a yes/no flag is read from, unless a mapping names its own (trimmed, any case). */
export const FLAG_WORDS = {yes: ["1", "y", "yes", "true", "t", "是"], no: ["0", "n", "no", "false", "f", "否"]};

/** A yes/no flag; anything unreadable is NULL, which counts as no. `words`: the file's own, in place of FLAG_WORDS. */
export function flag(col: string, words: {yes: string[]; no: string[]} = FLAG_WORDS): string {
  const fold = (values: string[]) => values.map((v) => v.trim().toLowerCase());
  const [yes, no] = [fold(words.yes), fold(words.no)];
  const both = yes.filter((v) => no.includes(v));
  if (both.length) throw new UserError(`consentValues: ${both.join(", ")} cannot mean both yes and no`);
  // A simple CASE: about twice as fast on a million rows as the same test with IN lists.
  return `CASE lower(${trimSql(col)}) ${when(yes, "true")} ${when(no, "false")} END`;
}

/** Gender as F / M / U. */
export function gender(col: string): string {
  return `CASE lower(${trimSql(col)}) ${when(["f", "female", "woman", "w", "女"], "'F'")} ${when(["m", "male", "man", "男"], "'M'")} ELSE 'U' END`;
}

const when = (values: string[], result: string) => values.map((v) => `WHEN ${sqlString(v)} THEN ${result}`).join(" ");
