/**
 * "A customer known at date X": the one definition every count of customers uses (overview,
 * customer table, RFM "everyone", lifecycle stages, conversion, segment migration).
 *
 * A customer is known at X when they signed up on or before X, or bought on or before X
 * (whichever came first). A master-list customer with no signup date who never bought is known
 * at every date: they are on the list, and when they joined is unknown. A customer with no
 * signup date who did buy (an order-only customer, or a blank date on the list) is known from
 * their first purchase on. So a customer is never counted before they existed in the data, and
 * never dropped for a missing date.
 *
 * Two forms of the same rule: over the published customer table (first_purchase is the first
 * purchase to the build date, so the rule holds for any X up to it), and over the canonical
 * tables for the loaders (portable SQL, DuckDB and PostgreSQL).
 */
import {sqlDate} from "./sql.js";

/**
 * A boolean SQL condition over the published customer table (`alias` is its prefix, e.g. "c."):
 * true for the customers known at `asOf` (ISO date).
 */
export function knownAtSql(asOf: string, alias = ""): string {
  const asof = sqlDate(asOf, "as-of date");
  const signup = `${alias}signup_date`;
  const first = `${alias}first_purchase`;
  // least() ignores NULLs in DuckDB and PostgreSQL alike.
  return `(least(${signup}, ${first}) <= ${asof} OR (${signup} IS NULL AND ${first} IS NULL))`;
}

/**
 * SQL: the keys (as column k) of the customers known at `asOf`, over the canonical tables
 * `customers` and `orders` whose customer column is `key`: the signed-up, the listed who never
 * bought, and of `active`, a relation (columns k, and sold: a sale by the date) of everyone with a
 * sale or a return by the date that the caller has at hand already aggregated (scanning the
 * orders again for it cost seconds at 10M orders): its buyers, and those whose returns have no
 * sale after the date. So the customers missing from `customers` count too: a PostgreSQL source
 * may have orders of customers it does not list, and a customer whose only orders are returns
 * (credited for a purchase before the data begins) is a customer, known like a listed customer who
 * never bought. "Never bought" only needs the sales after the date: the sales up to it are in
 * `active` anyway, and at the usual as-of date (the data's last day) there are none.
 */
export function knownCustomersSql(asOf: string, key: "customer_key" | "customer_id", active: string): string {
  const asof = sqlDate(asOf, "as-of date");
  return `
SELECT c.${key} AS k FROM customers c
WHERE c.signup_date <= ${asof}
  OR (c.signup_date IS NULL AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.${key} = c.${key} AND o.kind = 'sale' AND o.business_date > ${asof}))
UNION
SELECT a.k FROM ${active} AS a
WHERE a.sold OR NOT EXISTS (SELECT 1 FROM orders o WHERE o.${key} = a.k AND o.kind = 'sale' AND o.business_date > ${asof})`;
}
