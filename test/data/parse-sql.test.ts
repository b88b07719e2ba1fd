/**
 * The expressions that read messy export fields, run on a real DuckDB: every value a retail
 * export may hold, and the ones that must be refused rather than rounded or guessed.
 */
import {beforeAll, expect, test} from "vitest";
import type {DuckDBConnection} from "@duckdb/node-api";
import {openDuckDB, queryRows} from "../../loaders/duckdb.js";
import {cents, integer, timestamp} from "../../loaders/sources/files/parse.js";
import {sqlString} from "../../src/lib/sql.js";

let db: DuckDBConnection;
beforeAll(async () => {
  db = await openDuckDB();
});

/** Applies `expr` (built over column v) to each text value. */
async function read(expr: (col: string) => string, values: string[]): Promise<unknown[]> {
  const rows = await queryRows<{out: unknown}>(db,
    `SELECT ${expr("v")}::VARCHAR AS out FROM (VALUES ${values.map((v, i) => `(${i}, ${sqlString(v)})`).join(", ")}) t(i, v) ORDER BY i`);
  return rows.map((r) => r.out);
}

test("amounts become exact integer cents, currency marks and separators dropped", async () => {
  const values = ["12.30", " 12.3 ", "0", "-5.00", "+3.10", "¥1,234.50", "￥1234.5", "RMB 1,234", "CNY12", "(12.30)", "$7", ".5", "12."];
  expect(await read(cents, values)).toEqual(["1230", "1230", "0", "-500", "310", "123450", "123450", "123400", "1200", "-1230", "700", "50", "1200"]);
});

test("amounts that would be rounded or guessed are refused", async () => {
  expect(await read(cents, ["1.005", "1e-3", "12.345", "abc", "", "1.2.3", "NaN", "inf", "--5"])).toEqual([null, null, null, null, null, null, null, null, null]);
});

test("whole numbers: blanks allowed, fractions and hex refused", async () => {
  expect(await read(integer, ["3", " 4 ", "-2", "2.5", "0x10", "", "x"])).toEqual(["3", "4", "-2", null, null, null, null]);
});

test("timestamps: unambiguous formats read, day/month order never guessed", async () => {
  const values = [" 2024-03-05 10:00:00 ", "2024/03/05 10:00", "20240305", "2024年3月5日", "05/03/2024", "2024-13-01"];
  expect(await read(timestamp, values)).toEqual(["2024-03-05 10:00:00", "2024-03-05 10:00:00", "2024-03-05 00:00:00", "2024-03-05 00:00:00", null, null]);
  expect(await read((c) => timestamp(c, "%d/%m/%Y"), ["05/03/2024"])).toEqual(["2024-03-05 00:00:00"]);
});
