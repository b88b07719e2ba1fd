/**
 * How a user's export maps onto the canonical tables: which column holds which field. Set in
 * workbench.config.ts; INVOICE_LINES is ready for the common invoice-line export
 * (InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country).
 */
import type {Encoding} from "./decode.js";

export const ORDER_FIELDS = [
  "order_id", "customer_id", "ordered_at", "store_id", "channel", "gross", "discount", "net", "items",
  "sku", "category", "qty", "unit_price", "region"
] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];

export const CUSTOMER_FIELDS = [
  "customer_id", "signup_date", "birth_date", "birth_year", "gender", "region", "city", "home_store",
  "channel", "tier", "points", "marketing_consent", "opt_out_date"
] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

interface FileOptions {
  /** Path of the export, relative to the project folder. */
  path: string;
  /** By extension when omitted (.csv, .txt, .tsv → csv; .parquet → parquet). */
  format?: "csv" | "parquet";
  /** By byte-order mark and validity when omitted: UTF-8, else GB18030. */
  encoding?: Encoding;
  /**
   * strptime format of the date columns, e.g. "%d/%m/%Y %H:%M". Without it only unambiguous
   * formats are read (2024-03-05, 2024/03/05, 20240305, 2024年3月5日, with optional time);
   * 05/03/2024 is rejected as ambiguous.
   */
  dateFormat?: string;
}

export interface OrdersFile extends FileOptions {
  /** "orders": one row per order; "lines": one row per invoice line, summed into orders. */
  level: "orders" | "lines";
  columns: Partial<Record<OrderField, string>>;
  /** Order ids starting with this mark cancellations (invoice exports use "C"). */
  cancelPrefix?: string;
  /** IANA zone of the timestamps in the file (store local time). Default Asia/Shanghai. */
  timeZone?: string;
}

export interface CustomersFile extends FileOptions {
  columns: Partial<Record<CustomerField, string>>;
}

export interface FilesSource {
  type: "files";
  orders: OrdersFile;
  /** Optional master list; without it customers come from the orders alone. */
  customers?: CustomersFile;
  /** Largest share of rows a file may reject before the build stops. Default 0.01. */
  maxRejectRate?: number;
}

/** The invoice-line export (e.g. the UCI Online Retail data set): columns and conventions. */
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
  cancelPrefix: "C"
};

/** Fields a file must map, by level. */
export function requiredOrderFields(file: OrdersFile): OrderField[] {
  return file.level === "lines" ? ["order_id", "ordered_at", "qty", "unit_price"] : ["order_id", "ordered_at"];
}
