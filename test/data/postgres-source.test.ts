/**
 * The PostgreSQL source against a real server: the published tables built by pushing the
 * aggregation down to PostgreSQL equal, value for value, those built from the same data as
 * CSV exports; the connection is read-only, time-limited and leaves no credentials behind.
 */
import {readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import pg from "pg";
import {afterAll, beforeAll, expect, test} from "vitest";
import {ingest, openBuild, openBuildFolder} from "../../loaders/build.js";
import type {WorkbenchConfig} from "../../loaders/config.js";
import {openDuckDB, queryRows} from "../../loaders/duckdb.js";
import {pseudonymizer} from "../../loaders/privacy.js";
import {resolveAudience} from "../../loaders/resolve.js";
import {CANONICAL_TABLES} from "../../loaders/schema.js";
import {POSTGRES_SCHEMA} from "../../loaders/sources/postgres-schema.js";
import {loadSample} from "../../loaders/sources/synthetic/index.js";
import {
  EXPORT_CUSTOMER_COLUMNS,
  EXPORT_ORDER_COLUMNS,
  customersExportSql,
  ordersExportSql
} from "../../tools/exports.js";
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
  await shop.query(
    "ALTER TABLE customers ADD COLUMN name text, ADD COLUMN phone text; UPDATE customers SET name = 'Person ' || customer_id, phone = '139' || customer_id"
  );
  await shop.query("GRANT USAGE ON SCHEMA retail TO reader; GRANT SELECT ON ALL TABLES IN SCHEMA retail TO reader");
  await shop.end();

  process.env.WORKBENCH_TEST_PG_URL = server.url("reader", READER_PASSWORD, "shop");
  fromPostgres = await build(
    {source: {type: "postgres", urlVariable: "WORKBENCH_TEST_PG_URL", schema: "retail"}},
    "postgres"
  );
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
  const [{n, raw}] = await queryRows<{n: number; raw: number}>(
    fromPostgres,
    "SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE customer_key LIKE 'C%')::INTEGER AS raw FROM out_customers"
  );
  expect(n).toBe(1500);
  expect(raw).toBe(0);
});

test("no credential is written to the build folder", () => {
  const dir = join(WORK, "postgres");
  for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f)).includes(READER_PASSWORD)).toBe(false);
});

test("a statement over the time limit stops the build with PostgreSQL's message", async () => {
  await expect(
    ingest(
      {source: {type: "postgres", urlVariable: "WORKBENCH_TEST_PG_URL", schema: "retail", statementTimeoutMs: 1}},
      KEY,
      join(WORK, "timeout")
    )
  ).rejects.toThrow(/statement timeout/);
});

test("a missing connection string is a clear error", async () => {
  await expect(
    ingest({source: {type: "postgres", urlVariable: "WORKBENCH_NO_SUCH_URL"}}, KEY, join(WORK, "nourl"))
  ).rejects.toThrow("the postgres source needs a connection string in the environment variable WORKBENCH_NO_SUCH_URL");
});

/** Runs `sql` as the server's admin in the shop database. */
async function asAdmin<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  const admin = new pg.Client({connectionString: server.adminUrl("shop")});
  await admin.connect();
  try {
    return (await admin.query(sql)).rows as T[];
  } finally {
    await admin.end();
  }
}

/** A copy of the retail schema under `name`, readable by the loader's role. */
async function copySchema(name: string): Promise<void> {
  await asAdmin(`DROP SCHEMA IF EXISTS ${name} CASCADE; CREATE SCHEMA ${name};
    ${["stores", "customers", "orders", "feedback"].map((t) => `CREATE TABLE ${name}.${t} AS TABLE retail.${t};`).join(" ")}
    GRANT USAGE ON SCHEMA ${name} TO reader; GRANT SELECT ON ALL TABLES IN SCHEMA ${name} TO reader`);
}

test("ids are normalized before aggregation: '123', ' 123', '123.0', a tab after it, =\"123\" and full-width １２３ are one customer with the files source's pseudonym", async () => {
  await asAdmin(`DROP SCHEMA IF EXISTS ids CASCADE; CREATE SCHEMA ids; SET search_path TO ids; ${POSTGRES_SCHEMA}
    INSERT INTO customers (customer_id, signup_date, region) VALUES ('123', '2024-01-01', 'North'), (' 124', '2024-01-02', 'South'), ('124', '2024-02-01', 'East');
    INSERT INTO orders VALUES ('o1', '123', '2024-03-01 10:00+08', '2024-03-01', NULL, 'store', 1000, 0, 1000, 1, 'sale'),
      ('o2', ' 123', '2024-03-02 10:00+08', '2024-03-02', NULL, 'store', 2000, 0, 2000, 1, 'sale'),
      ('o3', '123.0', '2024-03-03 10:00+08', '2024-03-03', NULL, 'store', 3000, 0, 3000, 1, 'sale'),
      ('o4', E'123\\t', '2024-03-04 10:00+08', '2024-03-04', NULL, 'store', 4000, 0, 4000, 1, 'sale'),
      ('o5', '="123"', '2024-03-05 10:00+08', '2024-03-05', NULL, 'store', 5000, 0, 5000, 1, 'sale'),
      ('o6', '１２３', '2024-03-06 10:00+08', '2024-03-06', NULL, 'store', 6000, 0, 6000, 1, 'sale');
    GRANT USAGE ON SCHEMA ids TO reader; GRANT SELECT ON ALL TABLES IN SCHEMA ids TO reader`);
  const db = await build({source: {type: "postgres", urlVariable: "WORKBENCH_TEST_PG_URL", schema: "ids"}}, "ids");
  const key = pseudonymizer(KEY);
  const rows = await queryRows(
    db,
    "SELECT customer_key, orders, revenue_cents, region FROM out_customers ORDER BY customer_key"
  );
  expect(rows).toEqual(
    [
      {customer_key: key("123"), orders: 6, revenue_cents: 21000, region: "North"},
      {customer_key: key("124"), orders: 0, revenue_cents: 0, region: "South"} // the earliest signup of the repeated id
    ].sort((a, b) => a.customer_key.localeCompare(b.customer_key))
  );
  const dupes = await queryRows(
    db,
    "SELECT outcome, reason, rows FROM quality WHERE source = 'customers' ORDER BY outcome"
  );
  expect(dupes).toEqual([
    {outcome: "accepted", reason: null, rows: 2},
    {outcome: "classified", reason: "duplicate", rows: 1}
  ]);
});

test("a customer the database does not list, whose only orders are returns, is a customer, as in the other sources", async () => {
  // '9' was credited for a purchase made before the data begins; the master list has only '1'.
  await asAdmin(`DROP SCHEMA IF EXISTS credits CASCADE; CREATE SCHEMA credits; SET search_path TO credits; ${POSTGRES_SCHEMA}
    INSERT INTO customers (customer_id, signup_date, region) VALUES ('1', '2024-01-01', 'North');
    INSERT INTO orders VALUES ('o1', '1', '2024-03-01 10:00+08', '2024-03-01', NULL, 'store', 1000, 0, 1000, 1, 'sale'),
      ('r1', '9', '2024-03-02 10:00+08', '2024-03-02', NULL, 'store', -500, 0, -500, -1, 'return'),
      ('r2', '9', '2024-03-03 10:00+08', '2024-03-03', NULL, 'store', -300, 0, -300, -1, 'return');
    GRANT USAGE ON SCHEMA credits TO reader; GRANT SELECT ON ALL TABLES IN SCHEMA credits TO reader`);
  const db = await build(
    {source: {type: "postgres", urlVariable: "WORKBENCH_TEST_PG_URL", schema: "credits"}},
    "credits"
  );
  const key = pseudonymizer(KEY);
  expect(
    await queryRows(db, "SELECT customer_key, orders, revenue_cents FROM out_customers ORDER BY revenue_cents")
  ).toEqual([
    {customer_key: key("9"), orders: 0, revenue_cents: -800},
    {customer_key: key("1"), orders: 1, revenue_cents: 1000}
  ]);
  expect(
    await queryRows(
      db,
      "SELECT customers, buyers, customer_sales_cents, returns_only_customers, returns_only_cents FROM out_kpis"
    )
  ).toEqual([
    {customers: 2, buyers: 1, customer_sales_cents: 200, returns_only_customers: 1, returns_only_cents: -800}
  ]);
  const [{months}] = await queryRows<{months: number}>(
    db,
    "SELECT sum(revenue_cents)::INTEGER AS months FROM out_customer_month"
  );
  expect(months).toBe(200); // the monthly table sums to the customer table
});

test("one REPEATABLE READ snapshot: orders written during ingestion change no count, and every table agrees", async () => {
  await copySchema("busy");
  const writer = new pg.Client({connectionString: server.adminUrl("shop")});
  await writer.connect();
  let writing = true;
  let inserted = 0;
  // Bounded: stops when ingestion ends, and after 60 s at most.
  const started = Date.now();
  const loop = (async () => {
    while (writing && Date.now() - started < 60_000) {
      await writer.query(`INSERT INTO busy.orders SELECT order_id || '-w${inserted}', customer_id, ordered_at, business_date, store_id, channel,
        gross_cents, discount_cents, net_cents, items, kind FROM retail.orders WHERE kind = 'sale' LIMIT 200`);
      inserted++;
    }
  })();
  const db = await build(
    {source: {type: "postgres", urlVariable: "WORKBENCH_TEST_PG_URL", schema: "busy"}},
    "busy"
  ).finally(() => (writing = false));
  await loop;
  await writer.end();
  expect(inserted).toBeGreaterThan(1); // rows did arrive while the build read
  const [{quality}] = await queryRows<{quality: number}>(
    db,
    "SELECT sum(rows)::INTEGER AS quality FROM quality WHERE source = 'orders'"
  );
  const [{byKind}] = await queryRows<{byKind: number}>(db, "SELECT sum(orders)::INTEGER AS byKind FROM out_orders");
  const [{kpi, table}] = await queryRows<{kpi: number; table: number}>(
    db,
    "SELECT (SELECT customer_orders FROM out_kpis) AS kpi, (SELECT sum(orders)::INTEGER FROM out_customers) AS table"
  );
  expect(quality).toBe(byKind);
  expect(kpi).toBe(table);
});

test("a server that drops the connection mid-ingestion ends the build with a clear message, not a crash", async () => {
  await copySchema("dying");
  let done = false;
  const ingestion = build({source: {type: "postgres", urlVariable: "WORKBENCH_TEST_PG_URL", schema: "dying"}}, "dying")
    .then(
      () => new Error("the build succeeded"),
      (error: unknown) => error
    )
    .finally(() => (done = true));
  const started = Date.now();
  while (!done && Date.now() - started < 30_000) {
    await asAdmin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'reader'");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(String(await ingestion)).toMatch(
    /PostgreSQL connection \(WORKBENCH_TEST_PG_URL\) was lost during ingestion|cannot connect to PostgreSQL/
  );
});

test("openBuild reads a PostgreSQL source once per build, and again in the next build", async () => {
  const config = join(WORK, "pg-config.ts");
  writeFileSync(
    config,
    `export default {source: {type: "postgres", urlVariable: "WORKBENCH_TEST_PG_URL", schema: "retail"}};\n`
  );
  const env = (build: string): NodeJS.ProcessEnv => ({
    ...process.env,
    WORKBENCH_CONFIG: config,
    WORKBENCH_PSEUDONYM_KEY: KEY,
    WORKBENCH_BUILD_ID: build
  });
  const [a, b] = await Promise.all([openBuild(env("build-1")), openBuild(env("build-1"))]);
  expect(b.dir).toBe(a.dir);
  expect(b.info.builtAt).toBe(a.info.builtAt);
  const next = await openBuild(env("build-2"));
  expect(next.dir).not.toBe(a.dir);
});

test("audience:resolve reads the ids back from PostgreSQL: consent checked today, a repeated id consents only if every row does", async () => {
  await asAdmin(`DROP SCHEMA IF EXISTS members CASCADE; CREATE SCHEMA members; SET search_path TO members; ${POSTGRES_SCHEMA}
    INSERT INTO customers (customer_id, marketing_consent, opt_out_date) VALUES
      ('501', true, NULL), (' 502', true, NULL), ('502', false, NULL), ('503', NULL, NULL), ('504', true, '2026-01-01'), ('505.0', true, '2027-01-01');
    GRANT USAGE ON SCHEMA members TO reader; GRANT SELECT ON ALL TABLES IN SCHEMA members TO reader`);
  const key = pseudonymizer(KEY);
  const csv = join(WORK, "members-audience.csv");
  writeFileSync(
    csv,
    `customer_key,group\n${["501", "502", "503", "504", "505", "999"].map((id, i) => `${key(id)},${i % 2 ? "holdout" : "treatment"}`).join("\n")}\n`
  );
  const result = await resolveAudience(
    {source: {type: "postgres", urlVariable: "WORKBENCH_TEST_PG_URL", schema: "members"}},
    csv,
    join(WORK, "private"),
    {WORKBENCH_PSEUDONYM_KEY: KEY, WORKBENCH_TEST_PG_URL: process.env.WORKBENCH_TEST_PG_URL},
    "2026-12-02"
  );
  // 501 and 505 (opt-out dated in the future) resolve; 502 (one row says no), 503 (unknown), 504 (opted out) are refused.
  expect([result.resolved, result.refused, result.unknown]).toEqual([2, 3, 1]);
  expect(readFileSync(result.file, "utf-8").trim().split("\n")).toEqual([
    "customer_id,group",
    "501,treatment",
    "505,treatment"
  ]);
});
