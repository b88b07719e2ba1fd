/**
 * The columns an export leaves unmapped are virtual columns of parsed_orders (read.ts ParseQuery):
 * the same on every row, computed when read, never stored. The table must still read exactly as
 * if they were stored, and a mapped field must never become one.
 */
import {mkdirSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {beforeAll, expect, test} from "vitest";
import {openDuckDB, queryRows} from "../../loaders/duckdb.js";
import {type OrdersFile, ORDER_FIELDS, requiredOrderFields} from "../../loaders/sources/files/mapping.js";
import {parseOrdersSql} from "../../loaders/sources/files/orders.js";
import {type ParseQuery, readExport} from "../../loaders/sources/files/read.js";
import {readFiles} from "../../loaders/sources/files/index.js";

const DIR = join(process.cwd(), ".workbench", "test-parsed-columns");
let db: DuckDBConnection;

beforeAll(async () => {
  rmSync(DIR, {recursive: true, force: true});
  mkdirSync(DIR, {recursive: true});
  db = await openDuckDB();
});

/**
 * Reads `csvs` (one file, or several read as one export) with `file`'s mapping into parsed_orders,
 * in file order if `ordered`, as the file source does (readFiles); returns the parse query used.
 */
async function read(
  name: string,
  csvs: string[],
  file: Omit<OrdersFile, "path">,
  ordered: boolean
): Promise<ParseQuery> {
  const paths = csvs.map((csv, i) => {
    const path = join(DIR, `${name}-${i}.csv`);
    writeFileSync(path, csv);
    return path;
  });
  const mapped = ORDER_FIELDS.filter((f) => file.columns[f]);
  let used: ParseQuery | undefined;
  await readFiles(db, "parsed_orders", paths, (path, table) => {
    const orders: OrdersFile & {path: string} = {...file, path};
    return readExport(
      db,
      table,
      orders,
      requiredOrderFields(orders),
      DIR,
      (raw, check) => {
        used = parseOrdersSql(raw, orders, mapped, check);
        return used;
      },
      {ordered}
    );
  });
  return used!;
}

/** The table's columns: name and whether it is virtual (generated, not stored). */
const columns = async (table: string) =>
  (
    await queryRows<{name: string; sql: string}>(
      db,
      `SELECT column_name AS name, (SELECT sql FROM duckdb_tables() WHERE table_name = '${table}') AS sql
       FROM duckdb_columns() WHERE table_name = '${table}'`
    )
  ).map(({name, sql}) => ({
    name,
    virtual: new RegExp(`[(,]\\s*"?${name}"?\\s+[A-Z]+\\s+GENERATED ALWAYS AS`).test(sql)
  }));

/** Rows of `query` as sorted JSON lines of text, every column by name (virtual ones included). */
const rowsOf = async (query: string, names: string[]) =>
  (await queryRows(db, `SELECT ${names.map((n) => `CAST("${n}" AS VARCHAR) AS "${n}"`).join(", ")} FROM ${query}`))
    .map((r) => JSON.stringify(r))
    .sort();

const ORDER_LEVEL = `order_id,customer_id,ordered_at,net
A1,c1,2024-03-05 10:00,12.50
A2,c2,2024-03-06 11:00,-3.00
A3,,2024-03-07 12:00,5.00
A4,c4,not a date,1.00
A1,c1,2024-03-05 10:00,12.50
`;

for (const ordered of [false, true]) {
  test(`an order-level export's unmapped fields are virtual columns and read as stored ones would (${ordered ? "in file order" : "any order"})`, async () => {
    const file = {
      level: "orders",
      columns: {order_id: "order_id", customer_id: "customer_id", ordered_at: "ordered_at", net: "net"}
    } as const;
    const query = await read(`orders-${ordered}`, [ORDER_LEVEL], file, ordered);
    const virtual = (await columns("parsed_orders")).filter((c) => c.virtual).map((c) => c.name);
    expect(virtual.sort()).toEqual(
      [
        "region",
        "sku",
        "category",
        "qty_exact",
        "qty",
        "price_cents",
        "price_exact",
        "currency_unstated",
        "status_credit",
        "gross_cents",
        "items",
        "store_id",
        "channel"
      ].sort()
    );
    expect(query.virtual.map(([name]) => name).sort()).toEqual(virtual);
    // The same rows as the query with every column stored (CREATE TABLE AS, the constants selected back in).
    const names = (await columns("parsed_orders")).map((c) => c.name);
    await db.run(
      `CREATE OR REPLACE TEMP TABLE stored AS SELECT *, ${query.virtual.map(([name, expr]) => `${expr} AS ${name}`).join(", ")} FROM (${query.sql})`
    );
    expect(await rowsOf("parsed_orders", names)).toEqual(await rowsOf("stored", names));
    expect((await queryRows(db, "DESCRIBE parsed_orders")).map((r) => [r.column_name, r.column_type]).sort()).toEqual(
      (await queryRows(db, "DESCRIBE stored")).map((r) => [r.column_name, r.column_type]).sort()
    );
    // Five rows, one a date that cannot be read; qty is 1 on every row, status_credit false.
    const [summary] = await queryRows<{n: number; rejected: number; qty: number; credits: number}>(
      db,
      "SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE outcome = 'rejected')::INTEGER AS rejected, sum(qty)::INTEGER AS qty, count(*) FILTER (WHERE status_credit)::INTEGER AS credits FROM parsed_orders"
    );
    expect(summary).toEqual({n: 5, rejected: 1, qty: 5, credits: 0});
    // Rows can still be updated (duplicates and conflicts are marked so), and by rowid.
    await db.run("UPDATE parsed_orders SET reason = 'x' WHERE rowid = 0 AND sku IS NULL");
    const [{x}] = await queryRows<{x: number}>(
      db,
      "SELECT count(*)::INTEGER AS x FROM parsed_orders WHERE reason = 'x'"
    );
    expect(x).toBe(1);
  });
}

test("a mapped field is never a virtual column, even when it says the same on every row", async () => {
  const file = {
    level: "lines",
    columns: {
      order_id: "inv",
      ordered_at: "at",
      qty: "qty",
      unit_price: "price",
      sku: "sku",
      customer_id: "cust",
      store_id: "store"
    }
  } as const;
  await read(
    "lines",
    ["inv,at,qty,price,sku,cust,store\n1,2024-03-05,1,2.00,S,c1,X\n2,2024-03-05,1,2.00,S,c1,X\n"],
    file,
    false
  );
  const cols = await columns("parsed_orders");
  const virtual = cols.filter((c) => c.virtual).map((c) => c.name);
  for (const field of ["sku", "qty", "price_cents", "customer_raw", "store_id", "order_id"])
    expect(virtual).not.toContain(field);
  expect(virtual.sort()).toEqual(
    [
      "category",
      "channel",
      "currency_unstated",
      "gross_cents",
      "items",
      "net_cents",
      "price_exact",
      "qty_exact",
      "region",
      "status_credit"
    ].sort()
  );
  const [{sku}] = await queryRows<{sku: string}>(db, "SELECT min(sku) AS sku FROM parsed_orders");
  expect(sku).toBe("S");
});

test("several files read as one export keep the unmapped fields virtual, each row with its file and its row there", async () => {
  const file = {level: "orders", columns: {order_id: "order_id", ordered_at: "ordered_at", net: "net"}} as const;
  const [first, ...rest] = ORDER_LEVEL.trim()
    .split("\n")
    .map((line) =>
      line
        .split(",")
        .filter((_, i) => i !== 1)
        .join(",")
    );
  const header = first;
  await read(
    "monthly",
    [`${header}\n${rest.slice(0, 2).join("\n")}\n`, `${header}\n${rest.slice(2).join("\n")}\n`],
    file,
    false
  );
  const cols = await columns("parsed_orders");
  expect(cols.filter((c) => c.virtual).map((c) => c.name)).toContain("customer_raw");
  expect(cols.filter((c) => c.virtual).map((c) => c.name)).toContain("sku");
  expect(cols.filter((c) => !c.virtual).map((c) => c.name)).toEqual(
    expect.arrayContaining(["order_id", "net_cents", "file_index", "file_row"])
  );
  const rows = await queryRows<{
    order_id: string;
    file_index: number;
    file_row: number;
    customer_raw: string | null;
    qty: number;
  }>(
    db,
    "SELECT order_id, file_index::INTEGER AS file_index, file_row::INTEGER AS file_row, customer_raw, qty FROM parsed_orders ORDER BY rowid"
  );
  expect(rows.map((r) => [r.order_id, r.file_index, r.file_row])).toEqual([
    ["A1", 0, 0],
    ["A2", 0, 1],
    ["A3", 1, 0],
    ["A4", 1, 1],
    ["A1", 1, 2]
  ]);
  expect(rows.every((r) => r.customer_raw === null && r.qty === 1)).toBe(true);
});
