/**
 * Orders from an export: every row is parsed, then accepted, classified or rejected — one
 * outcome and one reason per row, the first that applies in this order:
 *
 *   rejected    missing order id · unreadable, ambiguous or implausible date · a currency code
 *               not the file's · a customer id in exponent notation · quantity, price,
 *               amount or discount unreadable or out of range (the reason names the rule) · a
 *               discount larger than what it discounts · a line total and quantity of opposite
 *               signs · an order whose rows disagree
 *               (markConflictingOrders)
 *   classified  duplicate (an exact copy of an earlier row) · cancellation (order id starts with
 *               the cancel prefix) · adjustment (zero or negative price, zero quantity or amount,
 *               whatever the sign; a line total of zero) · credit note (order id starts with
 *               the credit prefix, or its status is a credit status) · return (negative quantity or amount) · no customer id (a
 *               sale, kept in totals)
 *   accepted    a customer's purchase (in a file without order ids, one identical to an earlier
 *               row is noted as such, see numberOrderRows)
 *
 * Invoice lines are then summed into orders, one per invoice. Duplicates and rejected rows go
 * no further.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {queryRows} from "../../duckdb.js";
import {sqlString} from "../../../src/lib/sql.js";
import {
  amountReason,
  blankRow,
  cents,
  customerId,
  exactAmount,
  dateReason,
  implausibleReason,
  idInExponent,
  integer,
  MAX_CENTS,
  quantity,
  MAX_QTY,
  plausibleDate,
  text,
  timestamp,
  zoneName,
  undecodableColumn
} from "./parse.js";
import {type ParseQuery, type ReadResult, type TextCheck, lineOf} from "./read.js";
import {REASON, reasonSql} from "../../../src/lib/quality.js";
import {type OrdersFile, unitPriceDiscount, usesLineTotals} from "./mapping.js";
import {markRepeats} from "./repeats.js";
import {UserError} from "../../errors.js";
import {trimSql} from "../../ids.js";

/** The mapping's cancelled statuses, lower-cased; a mapped status without them stops the build. */
function cancelledStatuses(file: OrdersFile): string[] {
  if (!file.cancelledStatuses)
    throw new UserError(
      `${typeof file.path === "string" ? file.path : file.path.join(", ")}: the status column is mapped but cancelledStatuses is not set: ` +
        'list the status values that mean an order did not count (e.g. cancelledStatuses: ["cancelled", "refunded"]), or [] for none; ' +
        "the values of credits against sales that stay in the file (a return slip, a refund row) go in creditStatuses"
    );
  const cancelled = file.cancelledStatuses.map((v) => v.trim().toLowerCase());
  const both = creditStatuses(file).filter((v) => cancelled.includes(v));
  if (both.length)
    throw new UserError(
      `${typeof file.path === "string" ? file.path : file.path.join(", ")}: the status ${both.join(", ")} is in both cancelledStatuses and creditStatuses: ` +
        "a row is either left out (the sale it undoes is not in the file) or a credit against a sale that is"
    );
  return cancelled;
}

/** The mapping's credit statuses (returns, refunds against sales that stay in the file), lower-cased. */
function creditStatuses(file: OrdersFile): string[] {
  return (file.creditStatuses ?? []).map((v) => v.trim().toLowerCase());
}

/**
 * The query (over `raw`, the export's mapped columns as text, see read.ts) that parses and
 * classifies every row into parsed_orders. Repeats are marked afterwards (markRepeatedOrders):
 * a row cannot see the rows before it while the file is being read.
 */
export function parseOrdersSql(raw: string, file: OrdersFile, mapped: string[], check?: TextCheck): ParseQuery {
  const has = (field: string) => mapped.includes(field);
  const lines = file.level === "lines";
  const fmt = {decimal: file.decimal, currency: file.currency, decimals: file.amountDecimals};
  // Sub-cent amounts (amountDecimals above 2) are kept exact until a line's or an order's value
  // is known, and rounded once, to the cent: 1,000 × 0.425 is 425.00, not 1,000 × 0.43.
  const subCent = (file.amountDecimals ?? 2) > 2;
  // Invoice lines priced by their line total (net, or gross and discount) rather than unit price.
  const lineTotals = lines && usesLineTotals(file);
  const priced = lines && !lineTotals;
  // Quantities with decimals (qtyDecimals: goods sold by weight): the exact quantity values the
  // line; a line of 0.532 kg counts as one item (−1 when returned).
  const weighed = lines && mapped.includes("qty") && (file.qtyDecimals ?? 0) > 0;
  const qtyExact = weighed ? quantity("qty", file.decimal, file.qtyDecimals) : "NULL";
  const qtyValue = weighed ? "qty_exact" : "qty";
  const amount = priced ? "price_cents" : "net_cents";
  // A cancellation by its id's mark, or by its status (read from the raw row, in p).
  const statusCancelled =
    has("status") && cancelledStatuses(file).length
      ? `coalesce(lower(${trimSql("status")}) IN (${cancelledStatuses(file).map(sqlString).join(", ")}), false)`
      : "false";
  // A credit by its id's mark, or by its status (a return slip written with a positive amount).
  const statusCredit =
    has("status") && creditStatuses(file).length
      ? `coalesce(lower(${trimSql("status")}) IN (${creditStatuses(file).map(sqlString).join(", ")}), false)`
      : "false";
  const cancel = `(${file.cancelPrefix ? `starts_with(order_id, ${sqlString(file.cancelPrefix)})` : "false"} OR status_cancelled)`;
  const credit = `(${file.creditPrefix ? `starts_with(order_id, ${sqlString(file.creditPrefix)})` : "false"} OR status_credit)`;
  const grossLessDiscount = subCent
    ? `TRY_CAST(round((${exactAmount("gross", fmt)} - coalesce(${has("discount") ? exactAmount("discount", fmt) : "0"}, 0)) * 100) AS BIGINT)`
    : `${cents("gross", fmt)} - coalesce(${has("discount") ? cents("discount", fmt) : "0"}, 0)`;
  const net = has("net") ? cents("net", fmt) : has("gross") ? grossLessDiscount : "NULL::BIGINT";
  // A line's value; a credit note's always reduces revenue, whatever sign the export wrote.
  const value = priced
    ? subCent
      ? `CAST(round(${qtyValue} * price_exact * 100) AS BIGINT)`
      : weighed
        ? "CAST(round(qty_exact * price_cents) AS BIGINT)"
        : "CAST(qty AS BIGINT) * price_cents"
    : "net_cents";
  // A discount on lines priced by unit (discountPer): off the whole line or off each unit's price.
  // Its size is taken off the size of what it discounts, whatever sign the export gave it: a
  // returned line (−2 × 10.00, discount 3.00) gives back 17.00, not 23.00.
  const per = priced ? unitPriceDiscount(file) : undefined;
  const off = subCent ? "abs(coalesce(discount_exact, 0))" : "abs(discount_cents)";
  const lineGross = subCent ? `(${qtyValue} * price_exact)` : value;
  const price = subCent ? "price_exact" : "price_cents";
  const discounted = !per
    ? value
    : per === "line"
      ? subCent
        ? `CAST(round((${lineGross} - sign(${lineGross}) * ${off}) * 100) AS BIGINT)`
        : `${value} - sign(${value}) * ${off}`
      : subCent
        ? `CAST(round(${qtyValue} * (price_exact - sign(price_exact) * ${off}) * 100) AS BIGINT)`
        : weighed
          ? `CAST(round(qty_exact * (price_cents - sign(price_cents) * ${off})) AS BIGINT)`
          : `CAST(qty AS BIGINT) * (price_cents - sign(price_cents) * ${off})`;
  // More off than there is to discount would turn a sale into a credit. Compared exactly: the
  // CASE below reaches this test only for rows whose product passed the range check.
  const exceeds = !per ? "false" : per === "line" ? `${off} > abs(${qtyValue} * ${price})` : `${off} > abs(${price})`;
  const amountField = priced ? "unit_price" : has("net") ? "net" : "gross";
  // A line total with a quantity of the other sign (a return of −2 worth 20.00) cannot be read
  // for certain: which sign is right is not known.
  const signsDisagree = lineTotals && has("qty") ? "sign(qty) * sign(net_cents) < 0" : "false";
  // A per-row currency column (exports of shops selling in several currencies): a row in another
  // currency than the file's is rejected, never counted as if it were the file's money. An
  // invoice line may leave it blank (web shops write order fields on an order's first row only):
  // the invoice's other lines settle it (markInvoiceCurrencies); an order-level row may not.
  const code = `upper(${trimSql("currency_code")})`;
  const otherCurrency = !has("currency_code")
    ? "false"
    : lines
      ? `coalesce(${code} <> '' AND ${code} <> ${sqlString(file.currency ?? "CNY")}, false)`
      : `${code} IS DISTINCT FROM ${sqlString(file.currency ?? "CNY")}`;
  const unstatedCurrency = lines && has("currency_code") ? `coalesce(${code}, '') = ''` : "false";
  // The parsed columns that reach parsed_orders, by name.
  const kept: [string, string][] = [
    // no order ids: a placeholder, replaced by the line number once read (numberOrderRows)
    ["order_id", has("order_id") ? text("order_id") : "'?'"],
    ["customer_raw", has("customer_id") ? customerId("customer_id", file.idCase) : "NULL::VARCHAR"],
    ["ts", timestamp("ordered_at", file.dateFormat, file.timeZone)],
    ["store_id", has("store_id") ? text("store_id") : "NULL::VARCHAR"],
    ["channel", has("channel") ? `lower(${text("channel")})` : "NULL::VARCHAR"],
    ["region", has("region") ? text("region") : "NULL::VARCHAR"],
    ["sku", has("sku") ? text("sku") : "NULL::VARCHAR"],
    ["category", has("category") ? text("category") : "NULL::VARCHAR"],
    ["qty_exact", qtyExact],
    [
      "qty",
      weighed
        ? `CASE WHEN ${qtyExact} = trunc(${qtyExact}) THEN CAST(${qtyExact} AS INTEGER) ELSE CAST(sign(${qtyExact}) AS INTEGER) END`
        : has("qty")
          ? integer("qty")
          : "1"
    ],
    ["price_cents", has("unit_price") ? cents("unit_price", fmt) : "NULL::BIGINT"],
    ["price_exact", priced && subCent ? exactAmount("unit_price", fmt) : "NULL"],
    ["gross_cents", has("gross") ? cents("gross", fmt) : "NULL::BIGINT"],
    ["net_cents", net],
    ["items", has("items") ? integer("items") : "NULL::INTEGER"],
    ["currency_unstated", unstatedCurrency],
    ["status_credit", statusCredit],
    ["text_hash", `hash(${mapped.join(", ")})`]
  ];
  // A column the same on every row (a field the mapping leaves out: NULL, false, 1) is a virtual
  // column of parsed_orders rather than a stored one (see ParseQuery).
  const constant = kept.filter(([, expr]) => CONSTANT.test(expr));
  const sql = `
WITH p AS (
  SELECT
    ${kept.map(([name, expr]) => `${expr} AS ${name}`).join(",\n    ")},
    ${has("customer_id") ? idInExponent("customer_id") : "false"} AS rounded_id,
    ordered_at AS ordered_at_text,
    ${per && subCent ? exactAmount("discount", fmt) : "NULL"} AS discount_exact,
    ${has("discount") ? cents("discount", fmt) : "0"} AS discount_parsed,
    ${has("discount") ? `${text("discount")} IS NOT NULL` : "false"} AS has_discount,
    ${has(amountField) ? amountField : "NULL"} AS amount_text,
    ${otherCurrency} AS other_currency,
    ${statusCancelled} AS status_cancelled,
    ${has("discount") ? "discount" : "NULL"} AS discount_text,
    ${undecodableColumn(mapped, check)} AS bad_text,
    ${blankRow(mapped, has("order_id") ? "order_id" : "ordered_at")} AS blank_row
  FROM ${raw}
), r AS (
SELECT * EXCLUDE (ordered_at_text, discount_parsed, has_discount, amount_text, discount_text, bad_text, other_currency, rounded_id, status_cancelled, blank_row),
  coalesce(discount_parsed, 0) AS discount_cents,
  CASE
    WHEN bad_text IS NOT NULL THEN bad_text
    WHEN order_id IS NULL THEN 'order_id'
    WHEN ts IS NULL OR NOT ${plausibleDate("ts", file.dates)} THEN 'ordered_at'
    WHEN other_currency THEN 'currency_code'
    WHEN rounded_id THEN 'customer_id'
    WHEN ${lines ? `qty IS NULL OR abs(qty) > ${MAX_QTY}` : "false"} THEN 'qty'
    WHEN ${amount} IS NULL OR abs(${amount}) > ${MAX_CENTS} OR ${priced ? `abs(CAST(${qtyValue} AS DOUBLE) * price_cents) > ${MAX_CENTS}` : "false"}
      THEN ${sqlString(amountField)}
    WHEN has_discount AND discount_parsed IS NULL THEN 'discount'
    WHEN ${exceeds} THEN 'discount'
    WHEN ${signsDisagree} THEN 'qty'
  END AS reject_column,
  CASE
    WHEN bad_text IS NOT NULL THEN ${reasonSql("undecodable")}
    WHEN order_id IS NULL THEN CASE WHEN blank_row THEN ${reasonSql("blankRow")} ELSE ${reasonSql("missingOrderId")} END
    WHEN ts IS NULL THEN CASE WHEN ${trimSql("ordered_at_text")} <> '' THEN ${dateReason("ordered_at_text")}
      WHEN blank_row THEN ${reasonSql("blankRow")} ELSE ${reasonSql("missingDate")} END
    WHEN NOT ${plausibleDate("ts", file.dates)} THEN ${implausibleReason("ordered_at_text")}
    WHEN other_currency THEN ${reasonSql("otherCurrencyCode")}
    WHEN rounded_id THEN ${reasonSql("exponentId")}
    WHEN ${lines ? "qty IS NULL" : "false"} THEN ${reasonSql(weighed ? "unreadableQuantity" : "notWholeQuantity")}
    WHEN ${lines ? `abs(qty) > ${MAX_QTY}` : "false"} THEN ${reasonSql("quantityOutOfRange")}
    WHEN ${amount} IS NULL THEN ${amountReason("amount_text", fmt)}
    WHEN abs(${amount}) > ${MAX_CENTS} OR ${priced ? `abs(CAST(${qtyValue} AS DOUBLE) * price_cents) > ${MAX_CENTS}` : "false"} THEN ${reasonSql("amountOutOfRange")}
    WHEN has_discount AND discount_parsed IS NULL THEN ${amountReason("discount_text", fmt)}
    WHEN ${exceeds} THEN ${reasonSql("discountExceeds")}
    WHEN ${signsDisagree} THEN ${reasonSql("signsDisagree")}
    WHEN ${cancel} THEN ${reasonSql("cancellation")}
    WHEN ${priced ? `${price} <= 0 OR qty = 0` : "net_cents = 0"} THEN ${reasonSql("adjustment")}
    WHEN ${credit} THEN ${reasonSql("creditNote")}
    WHEN ${priced ? "qty < 0" : "net_cents < 0"} THEN ${reasonSql("return")}
    WHEN customer_raw IS NULL THEN ${reasonSql("noCustomerId")}
  END AS reason
FROM p)
SELECT * EXCLUDE (${["discount_exact", ...constant.map(([name]) => name)].join(", ")})${per ? ` REPLACE (CASE WHEN reject_column IS NULL THEN abs(${value}) - abs(${discounted}) ELSE discount_cents END AS discount_cents)` : ""},
  CASE WHEN reject_column IS NOT NULL THEN 'rejected' WHEN reason IS NOT NULL THEN 'classified' ELSE 'accepted' END AS outcome,
  -- computed for readable rows only: an out-of-range product would overflow
  CASE WHEN reject_column IS NULL THEN (CASE WHEN ${credit} THEN -abs(${discounted}) ELSE ${discounted} END) END AS value_cents
FROM r`;
  return {sql, virtual: constant};
}

/** A literal the same on every row: NULL (typed or not), a boolean or an integer. */
const CONSTANT = /^(NULL(::[A-Z]+)?|true|false|-?\d+)$/;

const PARSED_VALUES = [
  "order_id",
  "customer_raw",
  "ts",
  "store_id",
  "channel",
  "region",
  "sku",
  "category",
  "qty",
  "price_cents",
  "gross_cents",
  "discount_cents",
  "net_cents",
  "items",
  "value_cents"
];

/**
 * Marks as duplicates the rows of parsed_orders that repeat an earlier row: the same text in
 * every mapped column, compared by its hash and by every parsed value (for two different texts
 * to pass, their 64-bit hashes would have to collide and they would still have to read the same).
 */
export const markRepeatedOrders = (db: DuckDBConnection) =>
  markRepeats(db, "parsed_orders", "text_hash", PARSED_VALUES);

/**
 * Inserts the parsed rows into the canonical orders (and order_lines) tables; `keys` maps
 * raw customer ids to pseudonyms. Local times are converted to UTC from the file's zone.
 */
export async function insertOrders(db: DuckDBConnection, file: OrdersFile): Promise<void> {
  const zone = zoneName(file.timeZone);
  const rows = `SELECT p.*, k.customer_key FROM parsed_orders p LEFT JOIN customer_keys k ON k.raw = p.customer_raw
    WHERE outcome = 'accepted' OR (outcome = 'classified' AND reason <> ${reasonSql("duplicate")})`;
  const lines = file.level === "lines";
  // An explicit offset in the text (2024-05-01 10:00:00+05) was applied when it was read (parse.ts).
  const utc = (ts: string) => `timezone(${sqlString(zone)}, ${ts})`;
  if (lines) {
    // One invoice is one order (its lines agree on customer and day: conflicting invoices were
    // rejected, see markConflictingOrders). Its kind comes from the invoice as a whole. Lines
    // valued by gross less discount, or by unit price with a discount, carry their discounts (a
    // returned line's discount is given back).
    const discount =
      usesLineTotals(file) || unitPriceDiscount(file)
        ? "sum(CASE WHEN value_cents < 0 THEN -abs(discount_cents) ELSE discount_cents END)::BIGINT"
        : "0";
    await db.run(`INSERT INTO orders
SELECT order_id, min(customer_key), ${utc("min(ts)")}, min(ts)::DATE, min(store_id), coalesce(min(channel), 'unknown'),
  sum(value_cents)::BIGINT + ${discount}, ${discount}, sum(value_cents)::BIGINT, sum(qty)::BIGINT::INTEGER,
  CASE WHEN bool_or(reason = ${reasonSql("cancellation")}) THEN 'cancellation'
       WHEN bool_or(reason = ${reasonSql("creditNote")}) THEN 'return'
       WHEN bool_and(reason IS NOT DISTINCT FROM ${reasonSql("adjustment")}) OR sum(value_cents) = 0 THEN 'adjustment'
       WHEN sum(value_cents) < 0 THEN 'return'
       ELSE 'sale' END
FROM (${rows}) GROUP BY order_id`);
  } else {
    // One row per order already: no grouping.
    const kind = `CASE reason WHEN ${reasonSql("cancellation")} THEN 'cancellation' WHEN ${reasonSql("return")} THEN 'return'
    WHEN ${reasonSql("creditNote")} THEN 'return' WHEN ${reasonSql("adjustment")} THEN 'adjustment' ELSE 'sale' END`;
    await db.run(`INSERT INTO orders
SELECT order_id, customer_key, ${utc("ts")}, ts::DATE, store_id, coalesce(channel, 'unknown'),
  coalesce(gross_cents, net_cents + discount_cents), discount_cents, value_cents, coalesce(items, 1), ${kind}
FROM (${rows})`);
  }
  if (lines) {
    // Lines priced by their total have no unit price: the total over the quantity, when there is one.
    const price = usesLineTotals(file)
      ? "CASE WHEN qty <> 0 THEN CAST(round(value_cents / qty) AS BIGINT) END"
      : "price_cents";
    await db.run(`INSERT INTO order_lines SELECT order_id, sku, category, qty, ${price} FROM (${rows})`);
  }
  // A store sold through two channels gets the first in alphabetical order.
  await db.run(`INSERT INTO stores SELECT store_id, store_id, 'unknown', 'unknown', NULL, min(coalesce(channel, 'store'))
    FROM parsed_orders WHERE store_id IS NOT NULL AND outcome <> 'rejected' GROUP BY store_id
    HAVING store_id NOT IN (SELECT store_id FROM stores)`);
}

/**
 * An order-level transaction log without order ids (read in file order): each row is one order,
 * named by its line ("line 2"). Nothing tells a copied row from a second purchase of the same
 * amount on the same day, so no row is a duplicate; a purchase identical to an earlier row is
 * kept and counted under its own note, so the user can see how many there are.
 */
export async function numberOrderRows(
  db: DuckDBConnection,
  read: Pick<ReadResult, "firstLine" | "gaps">,
  table = "parsed_orders",
  prefix = ""
): Promise<void> {
  const label = sqlString(`${prefix}line `);
  if (!read.gaps) await db.run(`UPDATE ${table} SET order_id = ${label} || (rowid + ${read.firstLine})`);
  else {
    // Rows past a blank line or a quoted line break: their lines, joined by rowid.
    const at = lineOf(read, "p", "rowid");
    await db.run(`UPDATE ${table} SET order_id = ${label} || lines.line
      FROM (SELECT p.rowid AS r, ${at.line} AS line FROM ${table} p ${at.join}) AS lines WHERE ${table}.rowid = lines.r`);
  }
  // By the hash of the mapped text: a collision of two different rows would only add a note.
  await db.run(`UPDATE ${table} SET reason = ${reasonSql("identicalKept")} WHERE rowid IN (
    SELECT rowid FROM (SELECT rowid, row_number() OVER (PARTITION BY text_hash ORDER BY rowid) AS n
      FROM ${table} WHERE outcome = 'accepted') WHERE n > 1)`);
}

/**
 * Invoice lines with a currency column: an invoice whose lines state no currency at all, or one
 * of whose lines states another currency than the file's, is rejected whole (a blank code on one
 * line is the invoice's, stated on another).
 */
export async function markInvoiceCurrencies(db: DuckDBConnection): Promise<void> {
  await db.run(`UPDATE parsed_orders SET outcome = 'rejected', reject_column = 'currency_code', reason = ${reasonSql("otherCurrencyCode")}
    WHERE outcome <> 'rejected' AND order_id IN (SELECT order_id FROM parsed_orders GROUP BY order_id
      HAVING bool_and(currency_unstated) OR bool_or(reject_column = 'currency_code'))`);
}

/**
 * Invoice lines with credit statuses: an invoice one of whose lines has a credit status is a
 * credit whole (exports may state an invoice's type on its first line only): its other live
 * lines become credit lines too, worth their value taken off, unless they are cancellations or
 * adjustments.
 */
export async function markInvoiceCredits(db: DuckDBConnection): Promise<void> {
  await db.run(`UPDATE parsed_orders SET outcome = 'classified', reason = ${reasonSql("creditNote")}, value_cents = -abs(value_cents)
    WHERE outcome <> 'rejected' AND NOT status_credit
      AND coalesce(reason NOT IN (${reasonSql("cancellation")}, ${reasonSql("adjustment")}), true)
      AND order_id IN (SELECT order_id FROM parsed_orders WHERE status_credit AND outcome <> 'rejected')`);
}

/**
 * Rejects every row of an order whose rows disagree (before duplicates are marked, so that exact
 * copies do not count as disagreement): invoice lines naming different customers (a missing
 * id counts as one) or different days; at order level, an order id repeated with other values.
 * Summing such rows into one order would give it to one customer or one day at random.
 * Returns how many live rows repeat an order id of another (before the rejections).
 */
export async function markConflictingOrders(db: DuckDBConnection, file: OrdersFile): Promise<number> {
  const live = "outcome <> 'rejected'";
  const conflicts =
    file.level === "lines"
      ? [
          ["customer_id", REASON.invoiceCustomers, "count(DISTINCT coalesce(customer_raw, chr(0))) > 1"],
          ["ordered_at", REASON.invoiceDays, "count(DISTINCT CAST(ts AS DATE)) > 1"],
          // the invoice's item count must fit the canonical INTEGER column
          ["qty", REASON.quantityOutOfRange, "abs(sum(CAST(qty AS BIGINT))) > 2147483647"]
        ]
      : [["order_id", REASON.repeatedOrderId, "count(DISTINCT text_hash) > 1"]];
  // Only ids on more than one row can disagree: found first, with one cheap grouping, so that the
  // distinct counts run over a few rows (at order level, next to none).
  // Most order-level exports repeat no id: one count of distinct hashes (integers) says so, and
  // nothing more is done. Equal ids have equal hashes, so no repeat can hide behind this test.
  const [{repeats}] = await queryRows<{repeats: number}>(
    db,
    `SELECT count(*) - count(DISTINCT hash(order_id)) AS repeats FROM parsed_orders WHERE ${live}`
  );
  if (repeats === 0) return 0;
  // Grouped by the ids' hashes (integers group faster than strings); a collision only adds an id to check.
  await db.run(`CREATE OR REPLACE TEMP TABLE repeated_ids AS SELECT DISTINCT order_id FROM parsed_orders WHERE ${live}
    AND hash(order_id) IN (SELECT hash(order_id) FROM parsed_orders WHERE ${live} GROUP BY 1 HAVING count(*) > 1)`);
  for (const [column, reason, having] of conflicts) {
    await db.run(`UPDATE parsed_orders SET outcome = 'rejected', reject_column = ${sqlString(column)}, reason = ${sqlString(reason)}
      WHERE ${live} AND order_id IN (SELECT order_id FROM parsed_orders WHERE ${live} AND order_id IN (SELECT order_id FROM repeated_ids)
        GROUP BY order_id HAVING ${having})`);
  }
  await db.run("DROP TABLE repeated_ids");
  return repeats;
}
