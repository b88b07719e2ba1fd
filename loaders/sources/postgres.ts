/**
 * The PostgreSQL source: the canonical tables (customers, orders, stores, feedback; see the
 * README) live in the company's database, keyed by raw customer_id. The per-customer and
 * per-customer-month aggregation is pushed down as the same portable SQL the other sources run
 * in DuckDB, and only customer-level results come back, through a server-side cursor: the
 * loader's memory grows with customers, not orders. Customer ids are pseudonymized here, as
 * the rows stream in.
 *
 * The connection is read-only (one READ ONLY, REPEATABLE READ transaction: every statement sees
 * the same snapshot) with a statement timeout. The
 * connection string comes from an environment variable and is never written or logged.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import pg from "pg";
import {type Publish, publishedTables} from "../derive/publish.js";
import {queryRows} from "../duckdb.js";
import {normalizeIdPostgres} from "../ids.js";
import {sqlDate, sqlString} from "../../src/lib/sql.js";
import {UserError} from "../errors.js";
import {reasonSql} from "../../src/lib/quality.js";

export interface PostgresSource {
  type: "postgres";
  /** Environment variable with the connection string. Default WORKBENCH_DATABASE_URL. */
  urlVariable?: string;
  /** Schema of the canonical tables. Default public. */
  schema?: string;
  /** Longest a single statement may run. Default 10 minutes. */
  statementTimeoutMs?: number;
}

const BATCH = 20_000;

/** Streams the published tables from PostgreSQL through `db` to `publish`; returns the as-of date used. */
export async function loadPostgres(
  db: DuckDBConnection,
  source: PostgresSource,
  pseudonym: (raw: string) => string,
  publish: Publish,
  asOf?: string
): Promise<string> {
  const variable = source.urlVariable ?? "WORKBENCH_DATABASE_URL";
  const url = process.env[variable];
  if (!url)
    throw new UserError(`the postgres source needs a connection string in the environment variable ${variable}`);
  const schema = source.schema ?? "public";
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) throw new UserError(`invalid schema name: ${schema}`);
  const timeout = Math.round(source.statementTimeoutMs ?? 600_000);
  // Every value arrives as text and is cast by DuckDB to the type the same SQL has there:
  // no JavaScript Date (time zones) or float parsing on the way.
  const client = new pg.Client({connectionString: url, types: {getTypeParser: () => (value: string) => value}});
  // A server that dies mid-query emits 'error' on the client, which would crash the process
  // without a listener; the query in flight fails too, and that failure ends the build.
  let lost: Error | undefined;
  client.on("error", (error) => (lost = error));
  try {
    await client.connect();
  } catch (error) {
    throw new UserError(`cannot connect to PostgreSQL (${variable}): ${(error as Error).message}`);
  }
  try {
    // One snapshot for every statement: orders written while the build reads must not make the
    // customer table and the quality counts disagree (READ COMMITTED takes one per statement).
    await client.query("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    await client.query(`SET LOCAL statement_timeout = ${timeout}`);
    await client.query(`SET LOCAL search_path TO "${schema}"`);
    const last = asOf ?? (await client.query("SELECT CAST(max(business_date) AS VARCHAR) AS d FROM orders")).rows[0]?.d;
    if (!last)
      throw new UserError(
        "the PostgreSQL orders table is empty, so there is no as-of date; set asOf in workbench.config.ts"
      );
    sqlDate(last, "as-of date");
    const local = publishedTables(last);
    for (const [name, sql] of Object.entries(publishedTables(last, "customer_id"))) {
      await streamTable(client, db, name, normalized(sql), local[name], pseudonym, publish);
    }
    // Accounting: the rows of the orders table, and what became of them; master-list rows whose
    // id repeats another's once normalized are duplicates (the earliest signup kept).
    const counts = await client.query(
      normalized(`SELECT CASE WHEN kind = 'sale' AND customer_id IS NOT NULL THEN 'accepted' ELSE 'classified' END AS outcome,
        CASE WHEN kind <> 'sale' THEN kind WHEN customer_id IS NULL THEN ${reasonSql("noCustomerId")} END AS reason, count(*) AS n,
        CAST(sum(net_cents) AS VARCHAR) AS cents
      FROM orders GROUP BY 1, 2
      UNION ALL SELECT 'customers', NULL, count(*), NULL FROM customers
      UNION ALL SELECT 'customer duplicates', ${reasonSql("duplicate")}, (SELECT count(*) FROM listed WHERE customer_id IS NOT NULL) - (SELECT count(*) FROM customers), NULL
      UNION ALL SELECT 'customer blanks', ${reasonSql("missingCustomerId")}, (SELECT count(*) FROM listed WHERE customer_id IS NULL), NULL`)
    );
    for (const r of counts.rows) {
      if (r.outcome.startsWith("customer ") && Number(r.n) === 0) continue;
      const [src, outcome] = (
        {
          customers: ["customers", "accepted"],
          "customer duplicates": ["customers", "classified"],
          "customer blanks": ["customers", "rejected"]
        } as Record<string, string[]>
      )[r.outcome] ?? ["orders", r.outcome];
      await db.run(`INSERT INTO quality VALUES (${sqlString(src)}, ${sqlString(`postgres ${schema}.${src}`)}, ${sqlString(outcome)},
        ${r.reason === null ? "NULL" : sqlString(r.reason)}, NULL, ${Number(r.n)}, ${r.cents === null ? "NULL" : `CAST(${sqlString(r.cents)} AS BIGINT)`})`);
    }
    await client.query("COMMIT");
    return last;
  } catch (error) {
    if (lost || /terminat|connection/i.test(String(error))) {
      throw new UserError(
        `the PostgreSQL connection (${variable}) was lost during ingestion: ${(lost ?? (error as Error)).message}`
      );
    }
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * `sql` over the canonical tables with their customer ids normalized before any aggregation:
 * CTEs named like the tables shadow them (the database is read-only: no views). '123' and
 * ' 123' are one customer, as in the other sources; a master list repeating an id once
 * normalized keeps the row with the earliest signup (the others are counted as duplicates).
 * `listed` is the master list before that step. Columns are named: personal ones are never read.
 */
function normalized(sql: string): string {
  const customerColumns =
    "signup_date, birth_year, gender, region, city, home_store, channel, tier, points, marketing_consent, opt_out_date";
  // The PostgreSQL schema has a birth year and no birth month (README, PostgreSQL).
  return `WITH listed AS (SELECT ${normalizeIdPostgres("customer_id")} AS customer_id, ${customerColumns}, NULL::integer AS birth_month FROM customers),
customers AS (SELECT DISTINCT ON (customer_id) customer_id, ${customerColumns}, birth_month FROM listed WHERE customer_id IS NOT NULL
  ORDER BY customer_id, signup_date NULLS LAST, birth_year NULLS LAST),
orders AS (SELECT order_id, ${normalizeIdPostgres("customer_id")} AS customer_id, ordered_at, business_date, store_id, channel,
  gross_cents, discount_cents, net_cents, items, kind FROM orders),
feedback AS (SELECT ${normalizeIdPostgres("customer_id")} AS customer_id, feedback_date, kind, score FROM feedback)
SELECT * FROM (${sql}) AS normalized`;
}

/**
 * Runs `remoteSql` in PostgreSQL through a cursor, appends the rows to a staging table in
 * DuckDB and publishes them as `name`, typed like `localSql` (the same query in DuckDB's
 * canonical schema) would type them.
 */
async function streamTable(
  client: pg.Client,
  db: DuckDBConnection,
  name: string,
  remoteSql: string,
  localSql: string,
  pseudonym: (raw: string) => string,
  publish: Publish
): Promise<void> {
  const columns = await queryRows<{column_name: string; column_type: string}>(db, `DESCRIBE ${localSql}`);
  await db.run(`CREATE TEMP TABLE staging_${name} (${columns.map((c) => `"${c.column_name}" VARCHAR`).join(", ")})`);
  const appender = await db.createAppender(`staging_${name}`);
  await client.query(`DECLARE published_${name} NO SCROLL CURSOR FOR ${remoteSql}`);
  for (;;) {
    const {rows} = await client.query(`FETCH ${BATCH} FROM published_${name}`);
    for (const row of rows) {
      for (const {column_name} of columns) {
        const value = row[column_name] as string | null;
        if (value === null || value === undefined) appender.appendNull();
        else appender.appendVarchar(column_name === "customer_key" ? pseudonym(value) : value);
      }
      appender.endRow();
    }
    if (rows.length < BATCH) break;
  }
  appender.closeSync();
  await client.query(`CLOSE published_${name}`);
  await publish(
    name,
    `SELECT ${columns.map((c) => `CAST("${c.column_name}" AS ${c.column_type}) AS "${c.column_name}"`).join(", ")} FROM staging_${name}`
  );
  await db.run(`DROP TABLE staging_${name}`);
}
