/**
 * The file source: a CSV or Parquet export of orders (order level or invoice lines) and an
 * optional customer master list, mapped by workbench.config.ts.
 */
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {pseudonymSql} from "../../privacy.js";
import {insertCustomers, markRepeatedCustomers, parseCustomersSql} from "./customers.js";
import {CUSTOMER_FIELDS, ORDER_FIELDS, type FilesSource, requiredOrderFields} from "./mapping.js";
import {insertOrders, markRepeatedOrders, parseOrdersSql} from "./orders.js";
import {accountFor} from "./quality.js";
import {readExport} from "./read.js";

export type {FilesSource} from "./mapping.js";
export {INVOICE_LINES} from "./mapping.js";

/** Ingests the configured files into the canonical tables of `db`. */
export async function loadFiles(db: DuckDBConnection, source: FilesSource, key: string, workDir: string): Promise<void> {
  const maxRejectRate = source.maxRejectRate ?? 0.01;
  const staging = join(workDir, "staging");
  const rejectsDir = join(workDir, "rejects");
  const mappedOf = (columns: Record<string, string | undefined>, fields: readonly string[]) => fields.filter((f) => columns[f]);

  // Each file is parsed and classified as it is read; only repeats need a second look.
  const orders = source.orders;
  const orderFields = mappedOf(orders.columns, ORDER_FIELDS);
  const ordersRead = await readExport(db, "parsed_orders", orders, requiredOrderFields(orders), staging, (raw) => parseOrdersSql(raw, orders, orderFields));
  await markRepeatedOrders(db);
  await accountFor(db, {source: "orders", file: orders.path, parsed: "parsed_orders", raw: ordersRead.raw, read: ordersRead.rows, maxRejectRate, rejectsDir});

  const master = source.customers;
  if (master) {
    const fields = mappedOf(master.columns, CUSTOMER_FIELDS);
    const read = await readExport(db, "parsed_customers", master, ["customer_id"], staging, (raw) => parseCustomersSql(raw, master, fields));
    await markRepeatedCustomers(db);
    await accountFor(db, {source: "customers", file: master.path, parsed: "parsed_customers", raw: read.raw, read: read.rows, maxRejectRate, rejectsDir});
  }

  // Pseudonyms: HMAC-SHA-256 inside DuckDB (privacy.ts), once per distinct buyer for the orders;
  // master-list rows (one per customer) get theirs as they are inserted, with no join.
  const pseudonym = (raw: string) => pseudonymSql(key, raw);
  await db.run(`CREATE OR REPLACE TEMP TABLE customer_keys AS SELECT raw, ${pseudonym("raw")} AS customer_key FROM (
    SELECT DISTINCT customer_raw AS raw FROM parsed_orders WHERE customer_raw IS NOT NULL) AS ids`);

  await insertOrders(db, orders);
  await insertCustomers(db, master ? pseudonym : undefined);
  for (const t of ["parsed_orders", "parsed_customers", "customer_keys"]) await db.run(`DROP TABLE IF EXISTS ${t}`);
}
