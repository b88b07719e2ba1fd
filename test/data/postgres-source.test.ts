/**
 * The PostgreSQL source against a real server: the published tables built by pushing the
 * aggregation down to PostgreSQL equal, value for value, those built from the same data as
 * CSV exports; the connection is read-only, time-limited and leaves no credentials behind.
 */
import {readFileSync, readdirSync, rmSync} from "node:fs";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import pg from "pg";
import {afterAll, beforeAll, expect, test} from "vitest";
import {ingest, openBuildFolder} from "../../loaders/build.js";
import type {WorkbenchConfig} from "../../loaders/config.js";
import {openDuckDB, queryRows} from "../../loaders/duckdb.js";
import {CANONICAL_TABLES} from "../../loaders/schema.js";
import {POSTGRES_SCHEMA} from "../../loaders/sources/postgres-schema.js";
import {loadSample} from "../../loaders/sources/synthetic/index.js";
import {EXPORT_CUSTOMER_COLUMNS, EXPORT_ORDER_COLUMNS, customersExportSql, ordersExportSql} from "../fixtures/exports.js";
import {startPostgres, type TestPostgres} from "../helpers/postgres.js";

const KEY = "postgres-test-key-0123456789";
const WORK = join(process.cwd(), ".workbench", "test-postgres");
const READER_PASSWORD = "reader-secret-pw-4711";
let server: TestPostgres;
let fromPostgres: DuckDBConnection;
let fromFiles: DuckDBConnection;

async function build(config: WorkbenchConfig, name: string): Promise<DuckDBConnection> {
  const dir = join(WORK, name);
  rmSync(dir, {recursive: true, force: true});
  await ingest(config, KEY, dir);
  return openBuildFolder(dir);
}

beforeAll(async () => {
  rmSync(WORK, {recursive: true, force: true});
  server = await startPostgres();

  // The same data for both paths: a small sample with raw ids (identity "pseudonyms").
  const sample = await openDuckDB();
  for (const ddl of CANONICAL_TABLES) await sample.run(ddl);
  await loadSample(sample, {customers: 1500, seed: 11, start: "2024-01-01", end: "2025-12-31"}, (raw) => raw);
  const out = (name: string) => join(server.dir, name);
  await sample.run(customersExportSql(out("customers.csv")));
  await sample.run(`COPY (SELECT * FROM orders) TO '${out("orders.csv")}' (HEADER)`);
  // As a retailer's exports: local store time, amounts in yuan, cancellations marked by id.
  await sample.run(ordersExportSql(out("export-orders.csv")));

  const admin = new pg.Client({connectionString: server.adminUrl()});
  await admin.connect();
  await admin.query(`CREATE ROLE reader LOGIN PASSWORD '${READER_PASSWORD}'`);
  await admin.query("CREATE DATABASE shop");
  await admin.end();
  const shop = new pg.Client({connectionString: server.adminUrl("shop")});
  await shop.connect();
  await shop.query(`CREATE SCHEMA retail; SET search_path TO retail; ${POSTGRES_SCHEMA}`);
  await shop.query(`COPY customers (customer_id, signup_date, birth_year, gender, region, city, home_store, channel, tier, points, marketing_consent, opt_out_date)
    FROM '${out("customers.csv")}' (FORMAT csv, HEADER)`);
  await shop.query(`COPY orders FROM '${out("orders.csv")}' (FORMAT csv, HEADER)`);
  // Personal columns a real master list has: present in the database, never selected.
  await shop.query("ALTER TABLE customers ADD COLUMN name text, ADD COLUMN phone text; UPDATE customers SET name = 'Person ' || customer_id, phone = '139' || customer_id");
  await shop.query("GRANT USAGE ON SCHEMA retail TO reader; GRANT SELECT ON ALL TABLES IN SCHEMA retail TO reader");
  await shop.end();

  process.env.WORKBENCH_TEST_PG_URL = server.url("reader", READER_PASSWORD, "shop");
  fromPostgres = await build({source: {type: "postgres", urlVariable: "WORKBENCH_TEST_PG_URL", schema: "retail"}}, "postgres");
  fromFiles = await build(
    {
      source: {
        type: "files",
        orders: {
          path: out("export-orders.csv"),
          level: "orders",
          cancelPrefix: "C",
          timeZone: "Asia/Shanghai",
          columns: EXPORT_ORDER_COLUMNS
        },
        customers: {
          path: out("customers.csv"),
          columns: EXPORT_CUSTOMER_COLUMNS
        }
      }
    },
    "files"
  );
}, 300_000);

afterAll(() => {
  server?.stop();
});

test.each([
  ["out_customers", "customer_key"],
  ["out_customer_month", "month, customer_key"],
  ["out_customer_day", "day, customer_key"],
  ["out_kpis", "customers"],
  ["out_orders", "kind, with_customer"]
])("%s from PostgreSQL equals the same table built from CSV exports", async (table, order) => {
  const a = await queryRows(fromPostgres, `SELECT * FROM ${table} ORDER BY ${order}`);
  const b = await queryRows(fromFiles, `SELECT * FROM ${table} ORDER BY ${order}`);
  expect(a.length).toBeGreaterThan(0);
  expect(a).toEqual(b);
});

test("the PostgreSQL build has every customer, pseudonymized", async () => {
  const [{n, raw}] = await queryRows<{n: number; raw: number}>(fromPostgres,
    "SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE customer_key LIKE 'C%')::INTEGER AS raw FROM out_customers");
  expect(n).toBe(1500);
  expect(raw).toBe(0);
});

test("no credential is written to the build folder", () => {
  const dir = join(WORK, "postgres");
  for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f)).includes(READER_PASSWORD)).toBe(false);
});

test("a statement over the time limit stops the build with PostgreSQL's message", async () => {
  await expect(
    ingest({source: {type: "postgres", urlVariable: "WORKBENCH_TEST_PG_URL", schema: "retail", statementTimeoutMs: 1}}, KEY, join(WORK, "timeout"))
  ).rejects.toThrow(/statement timeout/);
});

test("a missing connection string is a clear error", async () => {
  await expect(ingest({source: {type: "postgres", urlVariable: "WORKBENCH_NO_SUCH_URL"}}, KEY, join(WORK, "nourl"))).rejects.toThrow(
    "the postgres source needs a connection string in the environment variable WORKBENCH_NO_SUCH_URL"
  );
});
