/**
 * Reads one export (CSV or Parquet) into a temporary DuckDB table, keeping only the mapped
 * columns (personal columns such as names or phones are never read in), as text. The caller's
 * query parses the text as it is read: the raw text is not kept (re-read only for rejected
 * rows, see quality.ts). Read in file order on request, so that a row's line number is its
 * rowid + firstLine (2, after a header on line 1); otherwise in any order, which is faster. Fails with file, line and column on a
 * missing column.
 */
import {mkdirSync} from "node:fs";
import {basename, extname, join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {queryRows} from "../../duckdb.js";
import {sqlString} from "../../../src/lib/sql.js";
import {type PreparedCsv, prepareCsv} from "./decode.js";
import {InputError} from "./errors.js";
import type {FileOptions} from "./mapping.js";

/** Whether rows must be checked for undecodable text (lines not valid in the file's encoding, see decode.ts). */
export interface TextCheck {
  undecodable: boolean;
  encoding: string;
}

export interface ReadResult {
  /** Rows read (data rows, header excluded). */
  rows: number;
  /** A subquery giving the mapped columns as text, in file order, to read the file again. */
  raw: string;
  /** Line of the first data row: read in file order, a row is at line rowid + firstLine. */
  firstLine: number;
  /** How the file was read (the input_files table). */
  readAs: ReadAs;
}

/** A row of the input_files table (loaders/schema.ts), without source and file. */
export interface ReadAs {
  format: "csv" | "parquet";
  encoding: string | null;
  detected: string | null;
  delimiter: string | null;
  headerLine: number | null;
  undecodable: number | null;
}

/**
 * Creates table `table` from `file` as `query` over a subquery of the mapped columns as text
 * (one VARCHAR column per mapped field, named after the field), in file order if `ordered`:
 * a TEMP table of this connection, or a table of the database if `shared`. `required` fields
 * must be mapped and present.
 */
export async function readExport(
  db: DuckDBConnection,
  table: string,
  file: FileOptions & {columns: object},
  required: string[],
  workDir: string,
  query: (raw: string, text: TextCheck) => string,
  {ordered, shared = false}: {ordered: boolean; shared?: boolean}
): Promise<ReadResult> {
  const columns = file.columns as Record<string, string | undefined>;
  for (const field of required) {
    if (!columns[field])
      throw new InputError(
        file.path,
        undefined,
        undefined,
        `the config maps no column to the required field "${field}"`
      );
  }
  const format = file.format ?? (extname(file.path).toLowerCase() === ".parquet" ? "parquet" : "csv");
  let prepared: PreparedCsv | undefined;
  const copy = join(workDir, `${table}-${basename(file.path)}.utf8.csv`);
  // Every column declared as text from our own reading of the header: DuckDB then skips
  // sniffing (a tenth of a second per file) and reads values exactly as written.
  const headerLine = file.headerLine ?? 1;
  if (!Number.isInteger(headerLine) || headerLine < 1)
    throw new InputError(file.path, undefined, undefined, `headerLine must be a line number from 1, not ${headerLine}`);
  const csv = (
    p: PreparedCsv
  ) => `read_csv(${sqlString(p.path)}, auto_detect = false, header = true, skip = ${headerLine - 1}, quote = '"', escape = '"',
      delim = ${sqlString(p.delimiter)}, null_padding = false, strict_mode = true,
      columns = {${p.header.map((name) => `${sqlString(name)}: 'VARCHAR'`).join(", ")}})`;
  if (format === "csv") {
    mkdirSync(workDir, {recursive: true});
    prepared = prepareCsv(file.path, copy, file.encoding, file.delimiter, headerLine);
  }
  const mapped = Object.entries(columns).filter(([, c]) => c);
  const select = mapped
    .map(([field, column]) => `CAST("${column!.replaceAll('"', '""')}" AS VARCHAR) AS ${field}`)
    .join(", ");
  let raw = "";
  const load = async (from: string) => {
    const header =
      prepared?.header ??
      (await queryRows<{column_name: string}>(db, `DESCRIBE SELECT * FROM ${from}`)).map((r) => r.column_name);
    for (const [field, column] of Object.entries(columns)) {
      if (column && !header.includes(column)) {
        const hint = required.includes(field) ? "required" : "mapped";
        throw new InputError(
          file.path,
          headerLine,
          column,
          `missing ${hint} column "${column}" (field ${field}); the header has: ${header.join(", ")}`
        );
      }
    }
    raw = `(SELECT ${select} FROM ${from})`;
    const check: TextCheck = {undecodable: (prepared?.undecodable ?? 0) > 0, encoding: prepared?.encoding ?? "utf-8"};
    if (ordered) await createInOrder(db, table, query(raw, check), shared);
    else await db.run(`CREATE OR REPLACE ${shared ? "" : "TEMP "}TABLE ${table} AS ${query(raw, check)}`);
  };
  try {
    await load(prepared ? csv(prepared) : `read_parquet(${sqlString(file.path)})`);
  } catch (error) {
    if (error instanceof InputError) throw error;
    fail(file.path, format, error);
  }
  const [{n}] = await queryRows<{n: number}>(db, `SELECT count(*) AS n FROM ${table}`);
  if (n === 0) throw new InputError(file.path, headerLine + 1, undefined, "the file has a header but no data rows");
  const readAs: ReadAs = prepared
    ? {
        format: "csv",
        encoding: prepared.encoding,
        detected: prepared.detected,
        delimiter: prepared.separator,
        headerLine,
        undecodable: prepared.undecodable
      }
    : {format: "parquet", encoding: null, detected: null, delimiter: null, headerLine: null, undecodable: null};
  return {rows: n, raw, firstLine: headerLine + 1, readAs};
}

/**
 * CREATE TEMP TABLE `table` AS `sql` (a table of the database if `shared`), keeping the order
 * in which `sql` yields its rows, so that a row of a file read in is at rowid = line − firstLine. The
 * setting is changed for this connection only (files are read on two connections at once).
 */
export async function createInOrder(db: DuckDBConnection, table: string, sql: string, shared = false): Promise<void> {
  const [{kept}] = await queryRows<{kept: boolean}>(db, "SELECT current_setting('preserve_insertion_order') AS kept");
  await db.run("SET SESSION preserve_insertion_order = true");
  try {
    await db.run(`CREATE OR REPLACE ${shared ? "" : "TEMP "}TABLE ${table} AS ${sql}`);
  } finally {
    await db.run(`SET SESSION preserve_insertion_order = ${kept}`);
  }
}

function fail(path: string, format: string, error: unknown): never {
  // Only the CSV reader's own errors name a line of the file (others may name a line of the SQL).
  const line = /csv/i.test(String(error)) ? /line[: ]+(\d+)/i.exec(String(error))?.[1] : undefined;
  throw new InputError(
    path,
    line ? Number(line) : undefined,
    undefined,
    `unreadable ${format.toUpperCase()}: ${(error as Error).message.split("\n")[0]}`
  );
}
