/**
 * The data-quality vocabulary: every reason a row can be given, written once. The loaders put
 * these strings in the quality table (through `reasonSql`), and the data-quality page explains
 * them with REASON_TEXT; a test checks that every reason has its explanation.
 */

export const OUTCOME_COLORS = {domain: ["accepted", "classified", "rejected"], range: ["#59a14f", "#f28e2b", "#e15759"]};

/** Every reason, by key. */
export const REASON = {
  duplicate: "duplicate",
  cancellation: "cancellation",
  creditNote: "credit note",
  return: "return",
  adjustment: "adjustment",
  noCustomerId: "no customer id",
  missingOrderId: "missing order id",
  missingDate: "missing date",
  unreadableDate: "unreadable date",
  ambiguousDate: "ambiguous date (day and month order unknown: set dateFormat)",
  implausibleDate: "date outside the plausible window",
  notWholeQuantity: "quantity is not a whole number",
  quantityOutOfRange: "quantity out of range",
  missingAmount: "missing amount",
  amountOutOfRange: "amount out of range",
  otherCurrency: "amount in another currency",
  tooManyDecimals: "more than two decimals",
  exponent: "amount in exponent notation",
  decimalComma: 'decimal comma (set decimal: "," in the mapping)',
  grouping: "digit grouping not in threes",
  notANumber: "amount is not a number",
  undecodable: "undecodable text (not valid in the file's encoding)",
  invoiceCustomers: "invoice lines name different customers",
  invoiceDays: "invoice lines fall on different days",
  repeatedOrderId: "order id repeated with different values",
  missingCustomerId: "missing customer id",
  unreadableOptOut: "unreadable opt-out date (counted as no consent)",
  unreadableBirth: "unreadable birth date (age unknown)",
  unreadablePoints: "unreadable points (left blank)"
} as const;

export type ReasonKey = keyof typeof REASON;

/** A reason as a SQL string literal. */
export const reasonSql = (key: ReasonKey) => `'${REASON[key].replaceAll("'", "''")}'`;

/** What each reason means and where the row's value went, in the words the page shows. */
export const REASON_TEXT: Record<(typeof REASON)[ReasonKey], string> = {
  "duplicate": "An exact copy of an earlier row (in a master list, an id seen before): counted once.",
  "cancellation": "A cancelled order whose sale is not in the file (order id with the cancel prefix): left out of revenue.",
  "credit note": "A credit note against a sale that stays in the file (order id with the credit prefix): deducted from the customer's revenue on the day it was issued.",
  "return": "Goods returned (negative quantity or amount): deducted from revenue.",
  "adjustment": "A line or order worth nothing to revenue (zero or negative price, zero quantity or amount: a correction, a fee, a write-off): left out of revenue.",
  "no customer id": "A sale without a customer id (a walk-in or guest sale): in sales totals, left out of customer tables.",
  "missing order id": "Rejected: the row has no order id.",
  "missing date": "Rejected: the row has no date.",
  "unreadable date": "Rejected: the date is in no known format.",
  "ambiguous date (day and month order unknown: set dateFormat)": "Rejected: 03/04/2024 could be March or April; set dateFormat in workbench.config.ts.",
  "date outside the plausible window": "Rejected: the date is before 1990 or after the build (a typo year would move every page); set dates in the mapping to widen the window.",
  "quantity is not a whole number": "Rejected: the quantity is not a whole number.",
  "quantity out of range": "Rejected: a quantity above a million on one line.",
  "missing amount": "Rejected: the price or amount is blank.",
  "amount out of range": "Rejected: an amount above ten billion: a typo, and sums must stay exact.",
  "amount in another currency": "Rejected: the amount carries another currency's mark than the configured currency.",
  "more than two decimals": "Rejected: more than two decimals (0.001): it would have to be rounded.",
  "amount in exponent notation": "Rejected: an amount written like 1e15.",
  'decimal comma (set decimal: "," in the mapping)': 'Rejected: 12,50 uses a decimal comma; set decimal: "," in the mapping if the file does.',
  "digit grouping not in threes": "Rejected: separators that are not a thousands grouping (12 50): the number cannot be read for certain.",
  "amount is not a number": "Rejected: the price or amount is not a number.",
  "undecodable text (not valid in the file's encoding)": "Rejected: the line's bytes are not valid in the file's encoding (a line from another program): it would be read as garbage.",
  "invoice lines name different customers": "Rejected: the lines of one invoice name different customers (or some none): whose purchase it is cannot be told.",
  "invoice lines fall on different days": "Rejected: the lines of one invoice fall on different days: its day cannot be told.",
  "order id repeated with different values": "Rejected: the same order id on rows that differ: which is right cannot be told.",
  "missing customer id": "Rejected: a master-list row without a customer id.",
  "unreadable opt-out date (counted as no consent)": "Accepted, but the opt-out date could not be read: the customer counts as not consenting to marketing.",
  "unreadable birth date (age unknown)": "Accepted, but the birth date could not be read: age band unknown.",
  "unreadable points (left blank)": "Accepted, but the points could not be read: left blank."
};

/** Where the value of an order of a kind went, with or without a customer id. */
export function orderEffect(kind: string, withCustomer: boolean): string {
  if (kind === "sale") return withCustomer ? "customer revenue" : "sales totals only";
  if (kind === "return") return withCustomer ? "deducted from customer revenue" : "deducted from sales totals only";
  return "left out of revenue";
}

/** The explanation of a reason (accepted rows without one are purchases or listed customers). */
export function reasonText(outcome: string, reason: string | null): string {
  if (reason && reason in REASON_TEXT) return REASON_TEXT[reason as keyof typeof REASON_TEXT];
  if (outcome === "accepted") return "A customer's purchase (or a customer on the master list).";
  return reason ?? "";
}
