/**
 * The file source: a CSV or Parquet export of orders (order level or invoice lines) and an
 * optional customer master list, mapped by workbench.config.ts.
 */
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {pseudonymSql} from "../../privacy.js";
import {classifyCustomers, insertCustomers} from "./customers.js";
import {CUSTOMER_FIELDS, ORDER_FIELDS, type FilesSource, requiredOrderFields} from "./mapping.js";
import {classifyOrders, insertOrders} from "./orders.js";
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

  const orders = source.orders;
  const ordersRead = await readExport(db, "src_orders", orders, requiredOrderFields(orders), staging);
  await classifyOrders(db, orders, mappedOf(orders.columns, ORDER_FIELDS));
  await accountFor(db, {source: "orders", file: orders.path, parsed: "parsed_orders", raw: "src_orders", read: ordersRead.rows, maxRejectRate, rejectsDir});

  const master = source.customers;
  if (master) {
    const read = await readExport(db, "src_customers", master, ["customer_id"], staging);
    await classifyCustomers(db, master, mappedOf(master.columns, CUSTOMER_FIELDS));
    await accountFor(db, {source: "customers", file: master.path, parsed: "parsed_customers", raw: "src_customers", read: read.rows, maxRejectRate, rejectsDir});
  }

  // Pseudonyms: HMAC-SHA-256 inside DuckDB (privacy.ts), once per distinct buyer for the orders;
  // master-list rows (one per customer) get theirs as they are inserted, with no join.
  const pseudonym = (raw: string) => pseudonymSql(key, raw);
  await db.run(`CREATE OR REPLACE TEMP TABLE customer_keys AS SELECT raw, ${pseudonym("raw")} AS customer_key FROM (
    SELECT DISTINCT customer_raw AS raw FROM parsed_orders WHERE customer_raw IS NOT NULL) AS ids`);

  await insertOrders(db, orders);
  await insertCustomers(db, master ? pseudonym : undefined);
  for (const t of ["src_orders", "parsed_orders", "src_customers", "parsed_customers", "customer_keys"]) await db.run(`DROP TABLE IF EXISTS ${t}`);
}
