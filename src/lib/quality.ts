/**
 * The data-quality vocabulary: every reason a row can be given, written once. The loaders put
 * these strings in the quality table (through `reasonSql`), and the data-quality page explains
 * them in the reader's language (messages `quality.reasons`); a test checks that every reason has
 * its explanation in every language.
 */
import {formatCount} from "./format.js";
import {t} from "./messages.js";

/** Every reason, by key. */
export const REASON = {
  duplicate: "duplicate",
  cancellation: "cancellation",
  creditNote: "credit note",
  return: "return",
  adjustment: "adjustment",
  noCustomerId: "no customer id",
  missingOrderId: "missing order id",
  blankRow: "blank row (every field empty)",
  missingDate: "missing date",
  unreadableDate: "unreadable date",
  ambiguousDate: "ambiguous date (day and month order unknown: set dateFormat)",
  implausibleDate: "date outside the plausible window",
  twoDigitYear: "two-digit year (century unknown: set dateFormat)",
  spreadsheetSerial: "a spreadsheet day number, not a date (export the column formatted as dates)",
  otherCurrencyCode: "currency code missing or not the file's currency",
  notWholeQuantity: "quantity is not a whole number",
  unreadableQuantity: "unreadable quantity (more decimals than qtyDecimals, or not a number)",
  signsDisagree: "quantity and line total of opposite signs",
  discountExceeds: "discount larger than what it discounts",
  quantityOutOfRange: "quantity out of range",
  missingAmount: "missing amount",
  amountOutOfRange: "amount out of range",
  otherCurrency: "amount in another currency",
  tooManyDecimals: "more decimals than the mapping allows (amountDecimals, 2 unless set)",
  exponent: "amount in exponent notation",
  decimalComma: 'decimal comma (set decimal: "," in the mapping)',
  grouping: "digit grouping not in threes",
  notANumber: "amount is not a number",
  undecodable:
    "undecodable text (not valid in the file's encoding; set encoding in the mapping if the file has another)",
  invoiceCustomers: "invoice lines name different customers",
  invoiceDays: "invoice lines fall on different days",
  repeatedOrderId: "order id repeated with different values",
  identicalKept: "identical to an earlier row (kept: the file has no order ids)",
  missingCustomerId: "missing customer id",
  exponentId: "customer id in exponent notation (digits lost in a spreadsheet)",
  unreadableOptOut: "unreadable opt-out date (counted as no consent)",
  unreadableConsent: "unreadable consent (counted as no consent)",
  unreadableBirth: "unreadable birth date (age unknown)",
  unreadablePoints: "unreadable points (left blank)",
  missingCampaignId: "missing campaign id",
  repeatedCampaignId: "campaign id repeated with different values",
  unreadableWindow: "unreadable response window (a whole number of days, 1 to 365)",
  unknownCampaign: "contact of a campaign not in the campaign list",
  unknownGroup: "group is neither treatment nor holdout (set groups in the mapping)",
  unreadableFlag: "unreadable yes/no flag"
} as const;

export type ReasonKey = keyof typeof REASON;

/** A reason as a SQL string literal. */
export const reasonSql = (key: ReasonKey) => `'${REASON[key].replaceAll("'", "''")}'`;

/** Where the value of an order of a kind went, with or without a customer id. */
export function orderEffect(kind: string, withCustomer: boolean): string {
  const effects = t().quality.effects;
  if (kind === "sale") return withCustomer ? effects.customerRevenue : effects.totalsOnly;
  if (kind === "return") return withCustomer ? effects.deducted : effects.deductedTotals;
  return effects.leftOut;
}

/** The explanation of a reason, in the reader's language (accepted rows without one are purchases or listed customers). */
export function reasonText(outcome: string, reason: string | null): string {
  const reasons = t().quality.reasons as Record<string, string>;
  if (reason && reasons[reason]) return reasons[reason];
  if (outcome === "accepted") return t().quality.accepted;
  return reason ?? "";
}

/** How an input file was read (the input_files table, loaders/schema.ts). */
export interface ReadAs {
  format: "csv" | "parquet" | "json";
  encoding: string | null;
  detected: string | null;
  delimiter: string | null;
  header_line: number | null;
  undecodable_lines: number | null;
  /** Lines at the end not read as rows (footerLines in the mapping). */
  footer_lines: number | null;
}

/** How a file was read, as a sentence in the reader's language: what was settled without the user is shown. */
export function readAsText(r: ReadAs): string {
  const m = t().quality.readAs;
  if (r.format === "parquet") return m.parquet;
  if (r.format === "json") return m.json;
  const count = (n: number | null) => (n ? formatCount(n) : "");
  return m.csv(
    (r.encoding ?? "").toUpperCase(),
    m.how[r.detected ?? ""] ?? r.detected ?? "",
    m.delimiters[r.delimiter ?? ""] ?? r.delimiter ?? "",
    r.header_line ?? 1,
    count(r.undecodable_lines),
    count(r.footer_lines)
  );
}
