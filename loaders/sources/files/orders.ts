/**
 * Orders from an export: every row is parsed, then accepted, classified or rejected — one
 * outcome and one reason per row, the first that applies in this order:
 *
 *   rejected    missing order id · unreadable/ambiguous date · quantity, price or amount unreadable
 *   classified  duplicate (an exact copy of an earlier row) · cancellation (order id starts with
 *               the cancel prefix) · return (negative quantity or amount) · adjustment (zero or
 *               negative price, zero amount) · no customer id (a sale, kept in sales totals)
 *   accepted    a customer's purchase
 *
 * Invoice lines are then summed into orders. Duplicates and rejected rows go no further.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {sqlString} from "../../../src/lib/sql.js";
import {cents, dateReason, integer, text, timestamp} from "./parse.js";
import type {OrdersFile} from "./mapping.js";
import {markRepeats} from "./repeats.js";
import {UserError} from "../../errors.js";

/**
 * The query (over `raw`, the export's mapped columns as text, see read.ts) that parses and
 * classifies every row into parsed_orders. Repeats are marked afterwards (markRepeatedOrders):
 * a row cannot see the rows before it while the file is being read.
 */
export function parseOrdersSql(raw: string, file: OrdersFile, mapped: string[]): string {
  const has = (field: string) => mapped.includes(field);
  const lines = file.level === "lines";
  const amount = lines ? "price_cents" : "net_cents";
  const prefix = file.cancelPrefix ? sqlString(file.cancelPrefix) : null;
  const net = has("net") ? cents("net") : has("gross") ? `${cents("gross")} - coalesce(${has("discount") ? cents("discount") : "0"}, 0)` : "NULL::BIGINT";
  return `
WITH p AS (
  SELECT
    ${text("order_id")} AS order_id,
    ${has("customer_id") ? text("customer_id") : "NULL::VARCHAR"} AS customer_raw,
    ${timestamp("ordered_at", file.dateFormat)} AS ts,
    ordered_at AS ordered_at_text,
    ${has("store_id") ? text("store_id") : "NULL::VARCHAR"} AS store_id,
    ${has("channel") ? `lower(${text("channel")})` : "NULL::VARCHAR"} AS channel,
    ${has("region") ? text("region") : "NULL::VARCHAR"} AS region,
    ${has("sku") ? text("sku") : "NULL::VARCHAR"} AS sku,
    ${has("category") ? text("category") : "NULL::VARCHAR"} AS category,
    ${has("qty") ? integer("qty") : "1"} AS qty,
    ${has("unit_price") ? cents("unit_price") : "NULL::BIGINT"} AS price_cents,
    ${has("gross") ? cents("gross") : "NULL::BIGINT"} AS gross_cents,
    ${has("discount") ? `coalesce(${cents("discount")}, 0)` : "0"} AS discount_cents,
    ${net} AS net_cents,
    ${has("items") ? integer("items") : "NULL::INTEGER"} AS items,
    hash(${mapped.join(", ")}) AS text_hash
  FROM ${raw}
), r AS (
SELECT * EXCLUDE (ordered_at_text),
  CASE
    WHEN order_id IS NULL THEN 'order_id'
    WHEN ts IS NULL THEN 'ordered_at'
    WHEN ${lines ? "qty IS NULL" : "false"} THEN 'qty'
    WHEN ${amount} IS NULL THEN ${lines ? "'unit_price'" : has("net") ? "'net'" : "'gross'"}
  END AS reject_column,
  CASE
    WHEN order_id IS NULL THEN 'missing order id'
    WHEN ts IS NULL THEN CASE WHEN trim(ordered_at_text) <> '' THEN ${dateReason("ordered_at_text")} ELSE 'missing date' END
    WHEN ${lines ? "qty IS NULL" : "false"} THEN 'quantity is not a whole number'
    WHEN ${amount} IS NULL THEN 'amount is not a number'
    WHEN ${prefix ? `starts_with(order_id, ${prefix})` : "false"} THEN 'cancellation'
    WHEN qty < 0 OR ${lines ? "false" : "net_cents < 0"} THEN 'return'
    WHEN ${amount} <= 0 THEN 'adjustment'
    WHEN customer_raw IS NULL THEN 'no customer id'
  END AS reason
FROM p)
SELECT *, CASE WHEN reject_column IS NOT NULL THEN 'rejected' WHEN reason IS NOT NULL THEN 'classified' ELSE 'accepted' END AS outcome
FROM r`;
}

const PARSED_VALUES = ["order_id", "customer_raw", "ts", "store_id", "channel", "region", "sku", "category", "qty",
  "price_cents", "gross_cents", "discount_cents", "net_cents", "items"];

/**
 * Marks as duplicates the rows of parsed_orders that repeat an earlier row: the same text in
 * every mapped column, compared by its hash and by every parsed value (for two different texts
 * to pass, their 64-bit hashes would have to collide and they would still have to read the same).
 */
export const markRepeatedOrders = (db: DuckDBConnection) => markRepeats(db, "parsed_orders", "text_hash", PARSED_VALUES);

/**
 * Inserts the parsed rows into the canonical orders (and order_lines) tables; `keys` maps
 * raw customer ids to pseudonyms. Local times are converted to UTC from the file's zone.
 */
export async function insertOrders(db: DuckDBConnection, file: OrdersFile): Promise<void> {
  const zone = file.timeZone ?? "Asia/Shanghai";
  if (!/^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/.test(zone)) throw new UserError(`invalid timeZone: ${zone}`);
  const kind = `CASE reason WHEN 'cancellation' THEN 'cancellation' WHEN 'return' THEN 'return' WHEN 'adjustment' THEN 'adjustment' ELSE 'sale' END`;
  const rows = `SELECT p.*, k.customer_key, ${kind} AS kind FROM parsed_orders p LEFT JOIN customer_keys k ON k.raw = p.customer_raw
    WHERE outcome = 'accepted' OR (outcome = 'classified' AND reason <> 'duplicate')`;
  const lines = file.level === "lines";
  const utc = (ts: string) => `timezone(${sqlString(zone)}, ${ts})`;
  if (lines) {
    await db.run(`INSERT INTO orders
SELECT order_id, min(customer_key), ${utc("min(ts)")}, min(ts)::DATE, min(store_id), coalesce(min(channel), 'unknown'),
  sum(qty * price_cents)::BIGINT, 0, sum(qty * price_cents)::BIGINT, sum(qty)::INTEGER, kind
FROM (${rows}) GROUP BY order_id, kind`);
  } else {
    // One row per order already: no grouping.
    await db.run(`INSERT INTO orders
SELECT order_id, customer_key, ${utc("ts")}, ts::DATE, store_id, coalesce(channel, 'unknown'),
  coalesce(gross_cents, net_cents + discount_cents), discount_cents, net_cents, coalesce(items, 1), kind
FROM (${rows})`);
  }
  if (lines) {
    await db.run(`INSERT INTO order_lines SELECT order_id, sku, category, qty, price_cents FROM (${rows})`);
  }
  // A store sold through two channels gets the first in alphabetical order.
  await db.run(`INSERT INTO stores SELECT store_id, store_id, 'unknown', 'unknown', NULL, min(coalesce(channel, 'store'))
    FROM parsed_orders WHERE store_id IS NOT NULL AND outcome <> 'rejected' GROUP BY store_id
    HAVING store_id NOT IN (SELECT store_id FROM stores)`);
}
