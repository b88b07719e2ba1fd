/**
 * The customer master list from an export. Only mapped fields are read; the exact birth date
 * becomes a birth year and month here and goes no further (the day is dropped). Rows without an id or with an id seen before
 * are rejected/classified like order rows.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {queryRows} from "../../duckdb.js";
import {reasonSql} from "../../../src/lib/quality.js";
import {
  blankRow,
  customerId,
  dateReason,
  flag,
  gender,
  idInExponent,
  integer,
  plausibleDate,
  text,
  timestamp,
  undecodableColumn
} from "./parse.js";
import type {TextCheck} from "./read.js";
import type {CustomersFile} from "./mapping.js";
import {markRepeats} from "./repeats.js";

/**
 * The query (over `raw`, the list's mapped columns as text, see read.ts) that parses every row
 * into parsed_customers: the columns of the canonical customers table, the id pseudonymized by
 * `pseudonym` (a SQL expression of the raw id), then the working columns.
 */
export function parseCustomersSql(
  raw: string,
  file: CustomersFile,
  mapped: string[],
  pseudonym: (raw: string) => string,
  check?: TextCheck
): string {
  const has = (f: string) => mapped.includes(f);
  const date = (f: string) => (has(f) ? `${timestamp(f, file.dateFormat, file.timeZone)}::DATE` : "NULL::DATE");
  const written = (f: string) => (has(f) ? `(${text(f)} IS NOT NULL)` : "false");
  return `
WITH p AS (
  SELECT ${customerId("customer_id", file.idCase)} AS customer_raw,
    ${idInExponent("customer_id")} AS rounded_id,
    ${date("signup_date")} AS signup_date,
    coalesce(${has("birth_year") ? integer("birth_year") : "NULL::INTEGER"}, year(${date("birth_date")})) AS birth_year,
    coalesce(${has("birth_month") ? `CASE WHEN ${integer("birth_month")} BETWEEN 1 AND 12 THEN ${integer("birth_month")} END` : "NULL::INTEGER"}, month(${date("birth_date")})) AS birth_month,
    ${has("gender") ? gender("gender") : "'U'"} AS gender,
    ${has("region") ? text("region") : "NULL::VARCHAR"} AS region,
    ${has("city") ? text("city") : "NULL::VARCHAR"} AS city,
    ${has("home_store") ? text("home_store") : "NULL::VARCHAR"} AS home_store,
    ${has("channel") ? `lower(${text("channel")})` : "NULL::VARCHAR"} AS channel,
    ${has("tier") ? text("tier") : "NULL::VARCHAR"} AS tier,
    ${has("points") ? integer("points") : "NULL::INTEGER"} AS points,
    ${has("marketing_consent") ? flag("marketing_consent", file.consentValues) : "NULL::BOOLEAN"} AS marketing_consent,
    ${date("opt_out_date")} AS opt_out_date,
    ${written("signup_date")} AS has_signup,
    ${has("signup_date") ? "signup_date" : "NULL::VARCHAR"} AS signup_text,
    ${written("opt_out_date")} AND ${date("opt_out_date")} IS NULL AS bad_opt_out,
    ${written("birth_date")} AND ${date("birth_date")} IS NULL OR ${written("birth_year")} AND ${has("birth_year") ? integer("birth_year") : "NULL"} IS NULL
      OR ${written("birth_month")} AND ${has("birth_month") ? `coalesce(${integer("birth_month")} NOT BETWEEN 1 AND 12, true)` : "false"} AS bad_birth,
    ${written("points")} AND ${has("points") ? integer("points") : "NULL"} IS NULL AS bad_points,
    ${written("marketing_consent")} AND ${has("marketing_consent") ? flag("marketing_consent", file.consentValues) : "NULL"} IS NULL AS bad_consent,
    ${undecodableColumn(mapped, check)} AS bad_text,
    ${blankRow(mapped, "customer_id")} AS blank_row
  FROM ${raw}
), r AS (
  SELECT *, CASE WHEN bad_text IS NOT NULL THEN bad_text WHEN customer_raw IS NULL OR rounded_id THEN 'customer_id'
    WHEN has_signup AND (signup_date IS NULL OR NOT ${plausibleDate("signup_date", file.dates)}) THEN 'signup_date' END AS reject_column
  FROM p
)
SELECT ${pseudonym("customer_raw")} AS customer_key, signup_date, CAST(birth_year AS INTEGER) AS birth_year,
  CAST(birth_month AS INTEGER) AS birth_month, gender, region, city,
  home_store, channel, tier, points,
  -- an opt-out date that cannot be read may be an opt-out, and an unread consent is none: no consent
  CASE WHEN bad_opt_out OR bad_consent THEN false ELSE marketing_consent END AS marketing_consent, opt_out_date,
  customer_raw,
  reject_column,
  CASE WHEN reject_column IS NOT NULL THEN 'rejected' ELSE 'accepted' END AS outcome,
  CASE WHEN bad_text IS NOT NULL THEN ${reasonSql("undecodable")}
    WHEN customer_raw IS NULL THEN CASE WHEN blank_row THEN ${reasonSql("blankRow")} ELSE ${reasonSql("missingCustomerId")} END
    WHEN rounded_id THEN ${reasonSql("exponentId")}
    WHEN reject_column IS NOT NULL AND signup_date IS NULL THEN ${dateReason("signup_text")}
    WHEN reject_column IS NOT NULL THEN ${reasonSql("implausibleDate")}
    -- accepted, with a field that could not be read (counted on the data-quality page)
    WHEN bad_opt_out THEN ${reasonSql("unreadableOptOut")}
    WHEN bad_consent THEN ${reasonSql("unreadableConsent")}
    WHEN bad_birth THEN ${reasonSql("unreadableBirth")}
    WHEN bad_points THEN ${reasonSql("unreadablePoints")} END AS reason
FROM r`;
}

/** Classifies as duplicates the rows of parsed_customers whose id an earlier row already had (the first row is kept). */
export const markRepeatedCustomers = (db: DuckDBConnection) => markRepeats(db, "parsed_customers", "customer_raw");

/** The columns of parsed_customers that only ingestion uses, after the canonical ones. */
const WORKING_COLUMNS = ["customer_raw", "reject_column", "outcome", "reason"];

/**
 * Makes parsed_customers (a table of the database, see read.ts) the canonical customers table:
 * keeps its accepted rows and drops the raw id and the outcome columns. Its rows were
 * pseudonymized and typed as they were read, so nothing is copied (copying a million rows
 * took 0.3 s); its columns must be exactly the canonical table's, which is checked here.
 */
export async function adoptMasterList(db: DuckDBConnection): Promise<void> {
  await db.run("DELETE FROM parsed_customers WHERE outcome <> 'accepted'");
  for (const column of WORKING_COLUMNS) await db.run(`ALTER TABLE parsed_customers DROP COLUMN ${column}`);
  // Read from several files, the list also says which file and row each came from.
  for (const column of ["file_index", "file_row"])
    await db.run(`ALTER TABLE parsed_customers DROP COLUMN IF EXISTS ${column}`);
  const columns = (table: string) =>
    queryRows(
      db,
      `SELECT column_name, data_type FROM duckdb_columns()
    WHERE database_name = 'memory' AND schema_name = 'main' AND table_name = '${table}' ORDER BY column_index`
    );
  const [parsed, canonical] = [await columns("parsed_customers"), await columns("customers")];
  if (JSON.stringify(parsed) !== JSON.stringify(canonical)) {
    throw new Error(
      `parsed master list columns ${JSON.stringify(parsed)} differ from the canonical customers table's ${JSON.stringify(canonical)}`
    );
  }
  await db.run("DROP TABLE customers");
  await db.run("ALTER TABLE parsed_customers RENAME TO customers");
}

/**
 * Inserts every customer seen in orders (customer_keys) but not on the master list. Their
 * region is the one they buy in most; only their orders are looked at. NOT EXISTS rather than
 * NOT IN, which (minding NULLs) took 0.1-0.2 s against a million-row master list.
 */
export async function insertOrderOnlyCustomers(db: DuckDBConnection): Promise<void> {
  await db.run(`INSERT INTO customers (customer_key, region, gender)
    WITH missing AS (SELECT raw, customer_key FROM customer_keys k
      WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.customer_key = k.customer_key))
    SELECT m.customer_key, r.region, 'U' FROM missing m LEFT JOIN (
      SELECT customer_raw, mode(region) AS region FROM parsed_orders
      WHERE outcome <> 'rejected' AND region IS NOT NULL AND customer_raw IN (SELECT raw FROM missing)
      GROUP BY customer_raw) AS r ON r.customer_raw = m.raw`);
}
