/**
 * Reads one export (CSV or Parquet) into a temporary DuckDB table of text columns, keeping
 * only the mapped columns (personal columns such as names or phones are never read in), with
 * each row's line number. Fails with file, line and column on a missing column.
 */
import {mkdirSync} from "node:fs";
import {basename, extname, join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {queryRows} from "../../duckdb.js";
import {sqlString} from "../../../src/lib/sql.js";
import {prepareCsv} from "./decode.js";
import {InputError} from "./errors.js";
import type {CustomersFile, OrdersFile} from "./mapping.js";

export interface ReadResult {
  /** Rows read (data rows, header excluded). */
  rows: number;
  /** How the file was decoded, for the data-quality page. */
  encoding: string;
}

/**
 * Creates TEMP TABLE `table` (line INTEGER, then one VARCHAR column per mapped field, named
 * after the field) from `file`. `required` fields must be mapped and present.
 */
export async function readExport(
  db: DuckDBConnection,
  table: string,
  file: OrdersFile | CustomersFile,
  required: string[],
  workDir: string
): Promise<ReadResult> {
  const columns = file.columns as Record<string, string | undefined>;
  for (const field of required) {
    if (!columns[field]) throw new InputError(file.path, undefined, undefined, `the config maps no column to the required field "${field}"`);
  }
  const format = file.format ?? (extname(file.path).toLowerCase() === ".parquet" ? "parquet" : "csv");
  let from: string;
  let encoding = "parquet";
  if (format === "csv") {
    mkdirSync(workDir, {recursive: true});
    const prepared = prepareCsv(file.path, join(workDir, `${basename(file.path)}.utf8.csv`), file.encoding);
    encoding = `${prepared.encoding} (${prepared.detected})`;
    from = `read_csv(${sqlString(prepared.path)}, all_varchar = true, header = true, quote = '"', escape = '"',
      delim = ${sqlString(prepared.delimiter)}, null_padding = false, strict_mode = true)`;
  } else {
    from = `read_parquet(${sqlString(file.path)})`;
  }
  const header = (await queryRows<{column_name: string}>(db, `DESCRIBE SELECT * FROM ${from}`)).map((r) => r.column_name);
  for (const [field, column] of Object.entries(columns)) {
    if (column && !header.includes(column)) {
      const hint = required.includes(field) ? "required" : "mapped";
      throw new InputError(file.path, 1, column, `missing ${hint} column "${column}" (field ${field}); the header has: ${header.join(", ")}`);
    }
  }
  const mapped = Object.entries(columns).filter(([, c]) => c);
  const select = mapped.map(([field, column]) => `CAST("${column!.replaceAll('"', '""')}" AS VARCHAR) AS ${field}`).join(", ");
  try {
    // rowid follows file order (DuckDB preserves insertion order); the header is line 1.
    await db.run(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT ${select} FROM ${from}`);
  } catch (error) {
    const line = /line[: ]+(\d+)/i.exec(String(error))?.[1];
    throw new InputError(file.path, line ? Number(line) : undefined, undefined, `unreadable ${format.toUpperCase()}: ${(error as Error).message.split("\n")[0]}`);
  }
  await db.run(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT (rowid + 2)::INTEGER AS line, * FROM ${table}`);
  const [{n}] = await queryRows<{n: number}>(db, `SELECT count(*) AS n FROM ${table}`);
  if (n === 0) throw new InputError(file.path, 2, undefined, "the file has no data rows");
  return {rows: n, encoding};
}
