/**
 * How a user's export maps onto the canonical tables: which column holds which field. Set in
 * workbench.config.ts; INVOICE_LINES is ready for the common invoice-line export
 * (InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country).
 */
import {existsSync, readdirSync, statSync} from "node:fs";
import {join} from "node:path";
import type {IdCase} from "../../ids.js";
import {InputError} from "./errors.js";
import {UserError} from "../../errors.js";
import type {Delimiter, Encoding} from "./decode.js";
import type {DateWindow} from "./parse.js";

export const ORDER_FIELDS = [
  "order_id",
  "customer_id",
  "ordered_at",
  "store_id",
  "channel",
  "gross",
  "discount",
  "net",
  "items",
  "sku",
  "category",
  "qty",
  "unit_price",
  "region",
  "currency_code",
  "status"
] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];

export const CUSTOMER_FIELDS = [
  "customer_id",
  "signup_date",
  "birth_date",
  "birth_year",
  "birth_month",
  "gender",
  "region",
  "city",
  "home_store",
  "channel",
  "tier",
  "points",
  "marketing_consent",
  "opt_out_date"
] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

export const CAMPAIGN_FIELDS = ["campaign_id", "campaign_name", "sent_date", "offer", "window_days"] as const;
export type CampaignField = (typeof CAMPAIGN_FIELDS)[number];

export const CONTACT_FIELDS = ["campaign_id", "customer_id", "group", "sent", "redeemed"] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export interface FileOptions {
  /** Path of the export, relative to the project folder. */
  path: string;
  /**
   * By extension when omitted (.csv, .txt, .tsv → csv; .parquet → parquet; .json, .jsonl, .ndjson →
   * json: one object per line or an array of them, UTF-8). A gzip-compressed CSV or JSON file
   * (.csv.gz) is decompressed first; a spreadsheet workbook (.xlsx) is refused with what to do.
   */
  format?: "csv" | "parquet" | "json";
  /** By byte-order mark (UTF-8, UTF-16LE/BE) and validity when omitted: UTF-8, else GB18030. Any TextDecoder label. */
  encoding?: Encoding;
  /**
   * Line of the header (CSV), 1 unless a report's title lines come first; the lines above it are
   * not read. 0: the file has no header line (a legacy system's dump): every line is a row, and
   * the columns are named by their position, "1", "2", … (columns: {customer_id: "1", …}).
   */
  headerLine?: number;
  /**
   * Lines at the end of a CSV that are not rows (0 unless set): a WeChat Pay bill's totals under
   * a header of their own (2), a report's "Total" and "Printed by" lines. They are not read.
   */
  footerLines?: number;
  /**
   * Text written before every value so that Excel keeps it as written (WeChat Pay's bills put a
   * backtick, "`", before each): removed from each value that starts with it.
   */
  valuePrefix?: string;
  /**
   * Field delimiter of a CSV; sniffed from the header line when omitted. "whitespace": columns
   * separated by runs of spaces or tabs (a fixed-width printout), no value may hold a space.
   */
  delimiter?: Delimiter;
  /**
   * strptime format of the date columns, e.g. "%d/%m/%Y %H:%M". Without it only unambiguous
   * formats are read (2024-03-05, 2024/03/05, 20240305, 2024年3月5日, with optional time);
   * 05/03/2024 is rejected as ambiguous. "unix-seconds" or "unix-milliseconds": times written as a
   * count since 1970-01-01 UTC (1709620200), the instant converted to store time.
   */
  dateFormat?: string;
  /** Dates outside this window are rejected (default 1990-01-01 to the day after the build). */
  dates?: DateWindow;
  /** Decimal mark of amounts: "." (default; "," groups thousands) or "," ("." or a space groups). */
  decimal?: "." | ",";
  /** ISO currency of the amounts (default: the config's currency, else CNY); another currency's mark is rejected. */
  currency?: string;
  /** Letters in customer ids: compared as written (default) or folded to one case. */
  idCase?: IdCase;
}

export interface OrdersFile extends Omit<FileOptions, "path"> {
  /**
   * The export, relative to the project folder; or several files of the same export (monthly
   * exports), or a folder holding them: read as one, in the order given (a folder's files, .csv,
   * .tsv, .txt and .parquet, by name). A row repeated across files is a duplicate or a conflict
   * as within one file; each file is accounted for on its own.
   */
  path: string | string[];
  /**
   * "orders": one row per order; "lines": one row per invoice line, summed into orders, each line
   * worth qty × unit_price, or its line total (net, or gross less discount, mapped instead of
   * unit_price; qty then optional, 1 when unmapped). At order
   * level `order_id` may be left unmapped for a transaction log without ids: each row is then
   * one order (its id is its line number) and no row is taken for a duplicate.
   */
  level: "orders" | "lines";
  columns: Partial<Record<OrderField, string>>;
  /**
   * Order ids starting with this mark credit notes (returns, refunds, credits) against sales that
   * stay in the file: their lines reduce the customer's net revenue on the day they are issued,
   * whatever sign the export gives them. The usual meaning of a "C…" invoice (INVOICE_LINES).
   */
  creditPrefix?: string;
  /**
   * Order ids starting with this mark cancellations: the cancelled sale itself is NOT in the file
   * (or is marked), so these rows are left out of revenue and only counted. Use creditPrefix
   * instead when the original sale stays in the export (see the README to tell which you have).
   */
  cancelPrefix?: string;
  /**
   * With a `status` column mapped (an order status: "completed", "cancelled", "refunded", …), the
   * values (trimmed, any case) that mean the order did not happen or was undone whole: such rows
   * are cancellations, counted and left out of revenue. Required with `status`: which statuses
   * count is the retailer's to say, never guessed.
   */
  cancelledStatuses?: string[];
  /**
   * With `status` mapped, the values that mark credits against sales that stay in the file (a
   * point-of-sale "return slip" or a payment log's "refund" row, often written with a positive
   * amount): such rows reduce revenue, like creditPrefix, whatever sign the export gives them.
   * None by default; a value may not be in both lists.
   */
  creditStatuses?: string[];
  /** IANA zone of the timestamps in the file (store local time). Default Asia/Shanghai. */
  timeZone?: string;
  /**
   * Most decimals an amount or unit price may have: 2 (default; 0.001 is rejected) up to 4, for
   * exports that write prices to a tenth of a cent (0.425) or amounts computed to four places
   * (957.5775). Each line's value (quantity × unit price) or order amount is then rounded once,
   * to the cent, half away from zero.
   */
  amountDecimals?: number;
  /**
   * Most decimals a quantity may have (invoice lines): none by default (1.5 is rejected), up to 3
   * for goods sold by weight or length (0.532 kg). The exact quantity values the line (rounded
   * once, to the cent); a line with a fractional quantity counts as one item.
   */
  qtyDecimals?: number;
  /**
   * Invoice lines priced by unit_price with a `discount` column: whether the discount is an
   * amount off the whole line ("line": qty × unit_price − discount) or off each unit's price
   * ("unit": qty × (unit_price − discount)). Required then: exports write it both ways, and
   * the one cannot be told from the other.
   */
  discountPer?: "line" | "unit";
}

export interface CustomersFile extends Omit<FileOptions, "path"> {
  /**
   * The list, relative to the project folder; or several files of it (one per store or region,
   * monthly sign-ups), or a folder holding them: read as one, in the order given (a folder's
   * files by name). An id repeated across files keeps its first row, as within one file; each
   * file is accounted for on its own.
   */
  path: string | string[];
  /**
   * The words of the marketing_consent column (trimmed, any case), when the list writes consent
   * its own way (e.g. {yes: ["subscribed"], no: ["unsubscribed", "cleaned"]}): in place of
   * 1/0, y/n, yes/no, true/false, t/f, 是/否. Any other value is counted and means no consent.
   */
  consentValues?: {yes: string[]; no: string[]};
  /** IANA zone of timestamps with an offset in the list (their local date is taken there). Default Asia/Shanghai. */
  timeZone?: string;
  columns: Partial<Record<CustomerField, string>>;
}

/** A campaign list: one row per campaign. */
export interface CampaignsFile extends Omit<FileOptions, "path"> {
  /** The list; or several files of it, or a folder holding them, read as one (see OrdersFile.path). */
  path: string | string[];
  /** IANA zone of send dates with an offset. Default Asia/Shanghai. */
  timeZone?: string;
  columns: Partial<Record<CampaignField, string>>;
}

/** Who each campaign contacted or held out: one row per campaign and customer. */
export interface ContactsFile extends Omit<FileOptions, "path"> {
  /** The list; or several files (a contact list per campaign), or a folder holding them, read as one. */
  path: string | string[];
  columns: Partial<Record<ContactField, string>>;
  /**
   * The values of the group column that mean each group (trimmed, any case). Default
   * treatment: treatment, test, contacted; holdout: holdout, control. Any other value is rejected.
   */
  groups?: {treatment: string[]; holdout: string[]};
}

export interface FilesSource {
  type: "files";
  orders: OrdersFile;
  /** Optional master list; without it customers come from the orders alone. */
  customers?: CustomersFile;
  /** Optional campaign list and contact list (both or neither), for campaign evaluation. */
  campaigns?: CampaignsFile;
  contacts?: ContactsFile;
  /** Largest share of rows a file may reject before the build stops. Default 0.01. */
  maxRejectRate?: number;
}

/**
 * The invoice-line export (e.g. the UCI Online Retail data set): columns and conventions. A "C…"
 * invoice there is a credit note against an earlier invoice that stays in the file.
 */
export const INVOICE_LINES: Omit<OrdersFile, "path"> = {
  level: "lines",
  columns: {
    order_id: "InvoiceNo",
    sku: "StockCode",
    qty: "Quantity",
    ordered_at: "InvoiceDate",
    unit_price: "UnitPrice",
    customer_id: "CustomerID",
    region: "Country"
  },
  creditPrefix: "C"
};

const EXPORT_FILE = /\.(csv|tsv|txt|parquet|json|jsonl|ndjson)(\.gz)?$/i;

/** The files of an export (orders, master list): the path, each of the paths, a folder's export files by name. */
export function exportPaths(file: {path: string | string[]}, what = "orders"): string[] {
  const paths = (Array.isArray(file.path) ? file.path : [file.path]).flatMap((path) =>
    existsSync(path) && statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => EXPORT_FILE.test(name))
          .sort()
          .map((name) => join(path, name))
      : [path]
  );
  if (paths.length === 0)
    throw new InputError(
      String(file.path),
      undefined,
      undefined,
      `the ${what} path names no file (an empty list or folder)`
    );
  return paths;
}

/**
 * Whether invoice lines are valued by their line total (`net`, or `gross` less `discount`, mapped
 * without `unit_price`), as many point-of-sale exports write them, rather than quantity × unit price.
 */
export const usesLineTotals = (file: OrdersFile): boolean =>
  file.level === "lines" && !file.columns.unit_price && Boolean(file.columns.net || file.columns.gross);

/**
 * How a line priced by unit_price takes its discount (discountPer), or undefined when no
 * discount is mapped or lines are not priced by unit. A mapping that leaves the build to guess
 * stops it: a discount without discountPer, or a line total (net or gross) beside unit_price,
 * which would otherwise be read and ignored, so that revenue silently left out discounts.
 */
export function unitPriceDiscount(file: OrdersFile): "line" | "unit" | undefined {
  const where = typeof file.path === "string" ? file.path : file.path.join(", ");
  if (file.discountPer !== undefined && !["line", "unit"].includes(file.discountPer))
    throw new UserError(`${where}: discountPer must be "line" or "unit", not ${JSON.stringify(file.discountPer)}`);
  if (file.level !== "lines" || !file.columns.unit_price) return undefined;
  const totals = (["net", "gross"] as const).filter((f) => file.columns[f]);
  if (totals.length)
    throw new UserError(
      `${where}: invoice lines map both unit_price and a line total (${totals.join(", ")}): a line is valued by one of them. ` +
        "Map unit_price (with qty, and discount with discountPer) or the line total (net, or gross and discount), not both"
    );
  if (!file.columns.discount) return undefined;
  if (!file.discountPer)
    throw new UserError(
      `${where}: discount is mapped beside unit_price: set discountPer to "line" (an amount off the whole line: ` +
        'qty × unit_price − discount) or "unit" (an amount off each unit\'s price: qty × (unit_price − discount))'
    );
  return file.discountPer;
}

/** Fields a file must map, by level. */
export function requiredOrderFields(file: OrdersFile): OrderField[] {
  if (file.level === "orders") return ["ordered_at"];
  return usesLineTotals(file) ? ["order_id", "ordered_at"] : ["order_id", "ordered_at", "qty", "unit_price"];
}
