/**
 * The data-quality summary: per input file, rows read and what became of them, and what the
 * accepted and classified rows add up to in the orders table. Counts only: no row content.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import type {ReadAs} from "../../src/lib/quality.js";
import {queryRows} from "../duckdb.js";

export interface QualityReason {
  outcome: "accepted" | "classified" | "rejected";
  reason: string | null;
  column: string | null;
  rows: number;
  /** What the rows are worth (order rows that were not rejected), else null. */
  amount_cents: number | null;
}

export interface QualityFile {
  source: string;
  file: string;
  /** How the file was read; none for the built-in sample or a database. */
  read_as: ReadAs | null;
  read: number;
  accepted: number;
  classified: number;
  rejected: number;
  reasons: QualityReason[];
}

export interface QualitySummary {
  files: QualityFile[];
  /** Orders by kind, with and without a customer: what the sales totals are made of. */
  orders: {kind: string; with_customer: boolean; orders: number; net_cents: number}[];
}

export async function qualitySummary(db: DuckDBConnection): Promise<QualitySummary> {
  const rows = await queryRows<QualityReason & {source: string; file: string}>(
    db,
    "SELECT source, file, outcome, reason, column_name AS column, rows, amount_cents FROM quality ORDER BY source DESC, file, outcome, rows DESC"
  );
  const readAs = new Map(
    (await queryRows<ReadAs & {source: string; file: string}>(db, "SELECT * FROM input_files")).map(
      ({source, file, ...how}) => [`${source}\u0000${file}`, how]
    )
  );
  const files = new Map<string, QualityFile>();
  for (const {source, file, ...reason} of rows) {
    const key = `${source}\u0000${file}`;
    const f = files.get(key) ?? {
      source,
      file,
      read_as: readAs.get(key) ?? null,
      read: 0,
      accepted: 0,
      classified: 0,
      rejected: 0,
      reasons: []
    };
    f.read += reason.rows;
    f[reason.outcome] += reason.rows;
    f.reasons.push(reason);
    files.set(key, f);
  }
  const orders = await queryRows<QualitySummary["orders"][number]>(db, "SELECT * FROM out_orders");
  return {files: [...files.values()], orders};
}
