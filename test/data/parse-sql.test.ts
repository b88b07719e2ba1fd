/**
 * The expressions that read messy export fields, run on a real DuckDB: every value a retail
 * export may hold, and the ones that must be refused rather than rounded or guessed.
 */
import {beforeAll, expect, test} from "vitest";
import type {DuckDBConnection} from "@duckdb/node-api";
import {openDuckDB, queryRows} from "../../loaders/duckdb.js";
import {BLANKS, UNTRIMMED, narrowTrims, normalizeId, normalizeIdSql, trimSql} from "../../loaders/ids.js";
import {pseudonymizer} from "../../loaders/privacy.js";
import {
  amountReason,
  cents,
  dateReason,
  exactAmount,
  implausibleReason,
  integer,
  plausibleDate,
  quantity,
  text,
  timestamp
} from "../../loaders/sources/files/parse.js";
import {doubleText} from "../../loaders/sources/files/read.js";
import {REASON} from "../../src/lib/quality.js";
import {sqlString} from "../../src/lib/sql.js";

let db: DuckDBConnection;
beforeAll(async () => {
  db = await openDuckDB();
});

/** Applies `expr` (built over column v) to each text value. */
async function read(expr: (col: string) => string, values: string[]): Promise<unknown[]> {
  const rows = await queryRows<{out: unknown}>(
    db,
    `SELECT ${expr("v")}::VARCHAR AS out FROM (VALUES ${values.map((v, i) => `(${i}, ${sqlString(v)})`).join(", ")}) t(i, v) ORDER BY i`
  );
  return rows.map((r) => r.out);
}

test("amounts become exact integer cents, currency marks and separators dropped", async () => {
  const values = [
    "12.30",
    " 12.3 ",
    "0",
    "-5.00",
    "+3.10",
    "¥1,234.50",
    "￥1234.5",
    "RMB 1,234",
    "CNY12",
    "(12.30)",
    ".5",
    "12."
  ];
  expect(await read(cents, values)).toEqual([
    "1230",
    "1230",
    "0",
    "-500",
    "310",
    "123450",
    "123450",
    "123400",
    "1200",
    "-1230",
    "50",
    "1200"
  ]);
});

test("a mark of another currency is refused, the file's own is read", async () => {
  expect(await read((c) => cents(c), ["$7", "€7", "£7"])).toEqual([null, null, null]);
  expect(await read((c) => cents(c, {currency: "USD"}), ["$7", "US$ 1,000.50", "¥7"])).toEqual(["700", "100050", null]);
  expect(await read((c) => cents(c, {currency: "GBP"}), ["£2.90", "-£168,472.50"])).toEqual(["290", "-16847250"]);
});

test("currencies written as at home: bare dollar signs, R$, kr, rupees grouped in lakhs; a mark inside another is not foreign", async () => {
  expect(await read((c) => cents(c, {currency: "AUD"}), ["$12.50", "A$12.50", "AU$ 1,000", "US$12.50", "£1"])).toEqual([
    "1250",
    "1250",
    "100000",
    null,
    null
  ]);
  const brl = (c: string) => cents(c, {currency: "BRL", decimal: ","});
  expect(await read(brl, ["R$ 1.234,56", "R$12,50", "$7", "US$ 7"])).toEqual(["123456", "1250", null, null]);
  expect(await read((c) => cents(c, {currency: "USD"}), ["R$ 7", "$7", "HK$7"])).toEqual([null, "700", null]);
  expect(await read((c) => cents(c, {currency: "SEK", decimal: ","}), ["12,50 kr", "1 234,50 kr", "€12"])).toEqual([
    "1250",
    "123450",
    null
  ]);
  const inr = (c: string) => cents(c, {currency: "INR"});
  expect(await read(inr, ["₹1,23,456.00", "Rs. 1,234", "12,34,56,789.50", "1,23,45", "₹123,456"])).toEqual([
    "12345600",
    "123400",
    "12345678950",
    null,
    "12345600"
  ]);
  // Lakh grouping only for rupees: elsewhere 1,23,456 is a typo.
  expect(await read(cents, ["1,23,456"])).toEqual([null]);
  expect(await read((c) => amountReason(c, {currency: "BRL", decimal: ","}), ["$7", "US$ 7"])).toEqual([
    "amount in another currency",
    "amount in another currency"
  ]);
});

test("ledger habits: a trailing minus, a typographic minus, Swiss apostrophes, narrow no-break spaces", async () => {
  expect(await read(cents, ["12.30-", "1,234.50-", "−12.30", "-12.30-", "12-30"])).toEqual([
    "-1230",
    "-123450",
    "-1230",
    null,
    null
  ]);
  expect(await read((c) => cents(c, {decimal: ","}), ["1.234,56-", "1\u202f234,50", "−5,00"])).toEqual([
    "-123456",
    "123450",
    "-500"
  ]);
  expect(await read((c) => cents(c, {currency: "CHF"}), ["1'234.50", "CHF 1’234.50", "1'23.50"])).toEqual([
    "123450",
    "123450",
    null
  ]);
  // An apostrophe groups only Swiss francs.
  expect(await read(cents, ["1'234.50"])).toEqual([null]);
});

test("thousands groupings are stripped only where valid; a decimal comma only where the mapping says so", async () => {
  // Decimal point (default): "12,50", "12,5" and "12 50" were 1,250.00, 125.00 and 1,250.00 once.
  expect(await read(cents, ["1,234.50", "12,50", "12,5", "12 50", "1,23,456", "1,234,567"])).toEqual([
    "123450",
    null,
    null,
    null,
    null,
    "123456700"
  ]);
  const comma = (c: string) => cents(c, {decimal: ","});
  expect(await read(comma, ["12,50", "12,5", "1.234,50", "1 234,50", "1234", "1.5", "12.50", "1,234.50"])).toEqual([
    "1250",
    "1250",
    "123450",
    "123450",
    "123400",
    null,
    null,
    null
  ]);
});

test("with amountDecimals above 2, sub-cent amounts read exactly and round to the cent once, half away from zero", async () => {
  const four = {decimals: 4};
  const values = ["957.5775", "0.425", "0.005", "-0.005", "1,234.5678", "(0.125)", "12.30", "0.00001", "$1"];
  expect(await read((c) => cents(c, four), values)).toEqual([
    "95758",
    "43",
    "1",
    "-1",
    "123457",
    "-13",
    "1230",
    null,
    null
  ]);
  expect(await read((c) => exactAmount(c, four), values.slice(0, 7))).toEqual([
    "957.5775",
    "0.4250",
    "0.0050",
    "-0.0050",
    "1234.5678",
    "-0.1250",
    "12.3000"
  ]);
  expect(await read((c) => cents(c, {decimals: 3, decimal: ","}), ["1.234,567", "0,425", "0,4255"])).toEqual([
    "123457",
    "43",
    null
  ]);
  expect(await read((c) => amountReason(c, four), ["0.00001"])).toEqual([
    "more decimals than the mapping allows (amountDecimals, 2 unless set)"
  ]);
  expect(() => cents("v", {decimals: 5})).toThrow(/amountDecimals must be a whole number from 2 to 4/);
});

test("a Parquet DOUBLE reads as the decimal it stands for, never rounded to fewer places than it has", async () => {
  // [SQL double, its text]: sums' rounding error goes; real decimals stay, however many.
  const cases: [string, string | null][] = [
    ["0.1::DOUBLE + 0.2::DOUBLE", "0.3"],
    ["10.1::DOUBLE * 3", "30.3"],
    ["-(0.1::DOUBLE + 0.2::DOUBLE)", "-0.3"],
    ["19.99::DOUBLE", "19.99"],
    ["17850.0::DOUBLE", "17850"],
    ["0::DOUBLE", "0"],
    ["12.345::DOUBLE", "12.345"],
    ["1234567.891::DOUBLE", "1234567.891"],
    ["0.4255::DOUBLE", "0.4255"],
    ["123456789.1235::DOUBLE", "123456789.1235"],
    ["1.0000001::DOUBLE", "1.0000001"],
    ["1e13::DOUBLE", "10000000000000.0"],
    ["'nan'::DOUBLE", "nan"],
    ["NULL::DOUBLE", null]
  ];
  const rows = await queryRows<{out: string | null}>(
    db,
    `${cases.map(([v], i) => `SELECT ${i} AS i, ${doubleText(`(${v})`)} AS out`).join(" UNION ALL ")} ORDER BY i`
  );
  expect(rows.map((r) => r.out)).toEqual(cases.map(([, text]) => text));
  // Read as an amount, the noisy sum is 30 cents; 12.345 still has too many decimals.
  expect(await read((c) => cents(c), ["0.3", "12.345"])).toEqual(["30", null]);
  expect(await read((c) => amountReason(c), ["0.30000000000000004"])).toEqual([
    "more decimals than the mapping allows (amountDecimals, 2 unless set)"
  ]);
});

test("quantities with decimals read exactly with the file's mark, up to qtyDecimals", async () => {
  expect(await read((c) => quantity(c, ".", 3), ["0.532", " 2 ", "-0.25", "0.5321", "1,5", "1e3", "1,000"])).toEqual([
    "0.532",
    "2.000",
    "-0.250",
    null,
    null,
    null,
    null
  ]);
  expect(await read((c) => quantity(c, ",", 2), ["1,5", "1.5", "-0,25"])).toEqual(["1.50", null, "-0.25"]);
  expect(() => quantity("v", ".", 4)).toThrow(/qtyDecimals must be a whole number from 1 to 3/);
});

test("amountReason names the rule that fired", async () => {
  const values = ["0.001", "12,50", "$7", "abc", "1e15", "12 50", "99999999999999999999"];
  expect(await read((c) => amountReason(c), values)).toEqual([
    "more decimals than the mapping allows (amountDecimals, 2 unless set)",
    'decimal comma (set decimal: "," in the mapping)',
    "amount in another currency",
    "amount is not a number",
    "amount in exponent notation",
    "digit grouping not in threes",
    "amount out of range"
  ]);
});

test("customer ids: trimmed, a numeric id's trailing .0 dropped, case folded on request; SQL and TypeScript agree", async () => {
  const ids = ["17850", "17850.0", " 17850 ", "17850.00", "17850.5", "A17850.0", "ab12", "AB12", ""];
  const sql = await read((c) => normalizeIdSql(c), ids);
  expect(sql).toEqual(["17850", "17850", "17850", "17850", "17850.5", "A17850.0", "ab12", "AB12", null]);
  expect(ids.map((id) => normalizeId(id))).toEqual(sql);
  expect(await read((c) => normalizeIdSql(c, "lower"), ["AB12", "ab12"])).toEqual(["ab12", "ab12"]);
  const key = pseudonymizer("id-test-key-0123456789");
  expect(key("17850.0")).toBe(key("17850"));
});

test('customer ids: every blank trimmed (a tab appended to keep Excel off a long number too), Excel\'s ="…" unwrapped, full-width digits folded, in SQL as in TypeScript', async () => {
  // [as written, normalized]
  const cases: [string, string | null][] = [
    ["13800138000\t", "13800138000"],
    ["\t13800138000", "13800138000"],
    ["17850\r", "17850"],
    ["\u00a017850\u3000", "17850"],
    ["\ufeff17850", "17850"],
    ['="00123"', "00123"],
    [' ="17850.0"\t', "17850"],
    ['=" 17850 "', "17850"],
    ['=""', null],
    ["\t", null],
    ['="', '="'],
    ['="17850', '="17850'],
    ['17850"', '17850"'],
    ["17 850", "17 850"],
    // Full-width, as an input method in full-width mode types them.
    ["１３８００１３８０００", "13800138000"],
    ["Ａｂ１２", "Ab12"],
    ["１７８５０．０", "17850"],
    ["＝＂００１２３＂", "00123"]
  ];
  const ids = cases.map(([id]) => id);
  const sql = await read((c) => normalizeIdSql(c), ids);
  expect(sql).toEqual(cases.map(([, id]) => id));
  expect(ids.map((id) => normalizeId(id))).toEqual(sql);
  // Every character JavaScript's trim() removes, and only those, is a blank in SQL too.
  const blanks = Array.from({length: 0x10000}, (_, c) => String.fromCharCode(c)).filter((c) => `${c}x`.trim() === "x");
  expect(blanks.join("")).toBe(BLANKS);
  expect(await read((c) => text(c), [`${BLANKS}Shanghai${BLANKS}`, BLANKS, "上海\t"])).toEqual([
    "Shanghai",
    null,
    "上海"
  ]);
});

test("a query over values known to hold only some blanks trims them with a narrower test, or DuckDB's plain trim", async () => {
  const both = `${text("v")} || '|' || ${trimSql('"v"')}`;
  expect(narrowTrims(both, UNTRIMMED)).toBe(both);
  expect(narrowTrims(both, "")).toBe(`nullif(trim(v), '') || '|' || trim("v")`);
  const values = [`\u3000\u00a0上海 `, "上海\r\n", "\u2028上海", "\t上海"];
  // DuckDB's own trim removes the Unicode spaces only: why a file's other blanks must be known.
  expect(await read((c) => narrowTrims(text(c), ""), values)).toEqual(["上海", "上海\r\n", "\u2028上海", "\t上海"]);
  // Narrowed to the line ends and the line separator, those values take the complete trim.
  expect(await read((c) => narrowTrims(text(c), "\n\r\u2028"), values)).toEqual(["上海", "上海", "上海", "\t上海"]);
  expect(await read((c) => narrowTrims(text(c), UNTRIMMED), values)).toEqual(["上海", "上海", "上海", "上海"]);
});

test("an explicit offset is honoured, whatever the session's time zone; TIMESTAMPTZ text too", async () => {
  const values = [
    "2024-05-01 10:00:00+05",
    "2024-05-01T23:30:00Z",
    "2024-05-01 10:00:00+05:30",
    "2024-05-01 10:00:00",
    "2024-05-01"
  ];
  const expected = [
    "2024-05-01 13:00:00",
    "2024-05-02 07:30:00",
    "2024-05-01 12:30:00",
    "2024-05-01 10:00:00",
    "2024-05-01 00:00:00"
  ];
  for (const zone of ["UTC", "Asia/Shanghai", "America/New_York"]) {
    await db.run(`SET TimeZone = '${zone}'`);
    expect(await read((c) => timestamp(c, undefined, "Asia/Shanghai"), values)).toEqual(expected);
    // A Parquet TIMESTAMPTZ read as text is rendered in the session's zone: the same instant.
    const [{local}] = await queryRows<{local: string}>(
      db,
      `SELECT (${timestamp("CAST(TIMESTAMPTZ '2024-05-01 16:30:00+00' AS VARCHAR)", undefined, "Asia/Shanghai")})::VARCHAR AS local`
    );
    expect(local).toBe("2024-05-02 00:30:00");
  }
  await db.run("SET TimeZone = 'UTC'");
});

test("offsets as web shops and logs write them: a space before +0100, a trailing UTC or GMT, no seconds; an unknown zone name is refused", async () => {
  const values = [
    "2024-03-01 10:00:00 +0100",
    "2024-03-01 10:00:00 -0500",
    "2024-03-01 10:00:00 UTC",
    "2024-03-01 10:00 GMT",
    "2024-03-01T10:00+01:00",
    "2024-03-01 10:00:00 utc",
    "2024-03-01 10:00:00 +01",
    "2024-03-01 10:00:00 Z",
    "2024-03-01 10:00:00 CET"
  ];
  expect(await read((c) => timestamp(c, undefined, "Asia/Shanghai"), values)).toEqual([
    "2024-03-01 17:00:00",
    "2024-03-01 23:00:00",
    "2024-03-01 18:00:00",
    "2024-03-01 18:00:00",
    "2024-03-01 17:00:00",
    "2024-03-01 18:00:00",
    "2024-03-01 17:00:00",
    "2024-03-01 18:00:00",
    null
  ]);
});

test("dates outside the plausible window are refused", async () => {
  const inWindow = (c: string) => plausibleDate(timestamp(c), {from: "1990-01-01", to: "2026-12-31"});
  expect(
    await read(inWindow, ["2024-05-01", "2204-05-01", "1900-01-01", "0001-01-01", "1990-01-01", "2026-12-31"])
  ).toEqual(["true", "false", "false", "false", "true", "true"]);
});

test("amounts that would be rounded or guessed are refused", async () => {
  expect(await read(cents, ["1.005", "1e-3", "12.345", "abc", "", "1.2.3", "NaN", "inf", "--5"])).toEqual([
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null
  ]);
});

test("whole numbers: blanks allowed, fractions and hex refused", async () => {
  expect(await read(integer, ["3", " 4 ", "-2", "2.5", "0x10", "", "x"])).toEqual([
    "3",
    "4",
    "-2",
    null,
    null,
    null,
    null
  ]);
});

test("timestamps: unambiguous formats read, day/month order never guessed", async () => {
  const values = [" 2024-03-05 10:00:00 ", "2024/03/05 10:00", "20240305", "2024年3月5日", "05/03/2024", "2024-13-01"];
  expect(await read(timestamp, values)).toEqual([
    "2024-03-05 10:00:00",
    "2024-03-05 10:00:00",
    "2024-03-05 00:00:00",
    "2024-03-05 00:00:00",
    null,
    null
  ]);
  expect(await read((c) => timestamp(c, "%d/%m/%Y"), ["05/03/2024"])).toEqual(["2024-03-05 00:00:00"]);
  // Digits alone, as POS systems and payment APIs write them, by their length; seven digits could
  // be 2024-11-01 or 2024-01-11, so they are no date (DuckDB's strptime would take the first).
  expect(await read(timestamp, ["20240305103000", "202403051030", "2024111", "2024030510300", "20241305"])).toEqual([
    "2024-03-05 10:30:00",
    "2024-03-05 10:30:00",
    null,
    null,
    null
  ]);
  // A configured format without separators reads a value only with all its digits.
  expect(await read((c) => timestamp(c, "%d%m%Y"), ["05032024", "5032024", "1112024"])).toEqual([
    "2024-03-05 00:00:00",
    null,
    null
  ]);
  expect(await read((c) => timestamp(c, "%d.%m.%Y"), ["5.3.2024"])).toEqual(["2024-03-05 00:00:00"]);
  // As Chinese Excel writes dates (no leading zeros), year first with dots, and a tab after them.
  const chinese = [
    "2024/3/5 9:05",
    "2024-3-5",
    "2024.03.05",
    "2024.3.5 10:15",
    "2024.3.5 10:15:30",
    "2024-03-05 10:00\t"
  ];
  expect(await read(timestamp, chinese)).toEqual([
    "2024-03-05 09:05:00",
    "2024-03-05 00:00:00",
    "2024-03-05 00:00:00",
    "2024-03-05 10:15:00",
    "2024-03-05 10:15:30",
    "2024-03-05 10:00:00"
  ]);
});

test("12-hour times with AM or PM read after an unambiguous date; a day-first or month-first one needs its dateFormat", async () => {
  const values = [
    "2024-03-05 2:30 PM",
    "2024-03-05 12:30:15 am",
    "2024/3/5 11:05 AM",
    "Mar 5, 2024 2:30 PM",
    "5-Mar-2024 12:00:00 PM",
    "2024-03-05 14:30 PM",
    "3/5/2024 2:30 PM"
  ];
  expect(await read(timestamp, values)).toEqual([
    "2024-03-05 14:30:00",
    "2024-03-05 00:30:15",
    "2024-03-05 11:05:00",
    "2024-03-05 14:30:00",
    "2024-03-05 12:00:00",
    null,
    null
  ]);
  expect(await read(dateReason, ["3/5/2024 2:30 PM"])).toEqual([REASON.ambiguousDate]);
  // A US export, as Excel writes its default date and time: month first, said by the mapping.
  expect(
    await read((c) => timestamp(c, "%m/%d/%Y %I:%M:%S %p"), ["3/5/2024 2:30:15 PM", "12/1/2010 8:26:00 AM"])
  ).toEqual(["2024-03-05 14:30:15", "2010-12-01 08:26:00"]);
});

test("Chinese times with the half of the day before them (上午, 下午 and ICU's finer 凌晨 … 晚上) read as 12-hour times, the finer ones only at their hours", async () => {
  const values = [
    "2024-03-05 下午2:30",
    "2024/3/5 下午 02:30:15",
    "2024-03-05 上午12:30",
    "2024年3月5日 下午2:30",
    "2024-03-05 中午1:00",
    "2024-03-05 晚上8:05",
    "2024-03-05 凌晨1:15",
    "2024-03-05 早上7:00",
    "2024-03-05 下午14:30",
    "2024-03-05 下午",
    // The finer names at the hours they name, and not at others: noon or midnight cannot be told.
    "2024-03-05 中午11:50",
    "2024-03-05 中午12:10",
    "2024-03-05 凌晨12:30",
    "2024-03-05 晚上11:59",
    "2024-03-05 晚上12:00",
    "2024-03-05 晚上01:00",
    "2024-03-05 中午9:00",
    "2024-03-05 早上12:30"
  ];
  expect(await read(timestamp, values)).toEqual([
    "2024-03-05 14:30:00",
    "2024-03-05 14:30:15",
    "2024-03-05 00:30:00",
    "2024-03-05 14:30:00",
    "2024-03-05 13:00:00",
    "2024-03-05 20:05:00",
    "2024-03-05 01:15:00",
    "2024-03-05 07:00:00",
    null,
    null,
    "2024-03-05 11:50:00",
    "2024-03-05 12:10:00",
    "2024-03-05 00:30:00",
    "2024-03-05 23:59:00",
    null,
    null,
    null,
    null
  ]);
  // Day first or month first, the mapping's format says it, with the time's AM or PM at its end.
  expect(await read((c) => timestamp(c, "%d/%m/%Y %I:%M %p"), ["5/3/2024 下午2:30"])).toEqual(["2024-03-05 14:30:00"]);
  expect(await read((c) => timestamp(c, "%Y%m%d %I:%M %p"), ["20240305 下午2:30"])).toEqual(["2024-03-05 14:30:00"]);
  expect(await read(dateReason, ["5/3/2024 下午2:30"])).toEqual([REASON.ambiguousDate]);
});

test("times counted since 1970 read only when the mapping says seconds or milliseconds, as the instant in store time", async () => {
  // 1709620200 is 2024-03-05 06:30 UTC: 14:30 in Shanghai, 01:30 in New York (EST, before DST).
  const seconds = ["1709620200", " 1709620200 ", "1709620200.5", "17096x0200", "-86400", ""];
  expect(await read((c) => timestamp(c, "unix-seconds"), seconds)).toEqual([
    "2024-03-05 14:30:00",
    "2024-03-05 14:30:00",
    null,
    null,
    "1969-12-31 08:00:00",
    null
  ]);
  expect(await read((c) => timestamp(c, "unix-seconds", "America/New_York"), ["1709620200"])).toEqual([
    "2024-03-05 01:30:00"
  ]);
  // Seconds read as milliseconds fall in January 1970, which the plausible window rejects.
  expect(await read((c) => timestamp(c, "unix-milliseconds"), ["1709620200123", "1709620200"])).toEqual([
    "2024-03-05 14:30:00.123",
    "1970-01-21 02:53:40.2"
  ]);
  // Without the setting, ten digits are no date (not a date written as digits, not a guess at seconds).
  expect(await read(timestamp, ["1709620200"])).toEqual([null]);
});

test("timestamps with the month's English name and a four-digit year read; a two-digit year's century is not guessed", async () => {
  const values = [
    "5-Mar-2024",
    "05-MAR-2024 10:15",
    "5 Mar 2024 10:15:30",
    "5 March 2024",
    "Mar 5, 2024",
    "March 5, 2024 10:15",
    "5 Sept 2024"
  ];
  expect(await read(timestamp, values)).toEqual([
    "2024-03-05 00:00:00",
    "2024-03-05 10:15:00",
    "2024-03-05 10:15:30",
    "2024-03-05 00:00:00",
    "2024-03-05 00:00:00",
    "2024-03-05 10:15:00",
    null
  ]);
  // A two-digit year reads as the year 24, which the plausible window rejects (the row is not dated 1924 or 2024)...
  expect(await read((c) => `${plausibleDate(timestamp(c))}::VARCHAR`, ["5-Mar-24"])).toEqual(["false"]);
  // ...and said by the mapping, it reads.
  expect(await read((c) => timestamp(c, "%d-%b-%y"), ["5-Mar-24"])).toEqual(["2024-03-05 00:00:00"]);
  // DuckDB reads 05/03/24 as the year 5: refused too, with the reason for what is unknown.
  const short = ["5-Mar-24 10:00", "05/03/24", "5.3.24", "2204-05-01", "0001-01-01"];
  expect(await read((c) => `${plausibleDate(timestamp(c))}::VARCHAR`, short)).toEqual(short.map(() => "false"));
  expect(await read(implausibleReason, short)).toEqual([
    REASON.twoDigitYear,
    REASON.ambiguousDate,
    REASON.ambiguousDate,
    REASON.implausibleDate,
    REASON.implausibleDate
  ]);
});
