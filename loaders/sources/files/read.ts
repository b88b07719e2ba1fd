/**
 * Reads one export (CSV or Parquet) into a temporary DuckDB table, keeping only the mapped
 * columns (personal columns such as names or phones are never read in), as text. The caller's
 * query parses the text as it is read: the raw text is not kept (re-read only for rejected
 * rows, see quality.ts). Read in file order on request, so that a row's line number is its
 * rowid + firstLine (2, after a header on line 1); otherwise in any order, which is faster.
 * Fails with file, line and column on a missing column.
 */
import {closeSync, createReadStream, createWriteStream, mkdirSync, openSync, readSync} from "node:fs";
import {pipeline} from "node:stream/promises";
import {createGunzip} from "node:zlib";
import {basename, extname, join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {queryRows} from "../../duckdb.js";
import {UNTRIMMED, narrowTrims} from "../../ids.js";
import {sqlString} from "../../../src/lib/sql.js";
import {type PreparedCsv, allUtf8, lineGaps, prepareCsv, repeatedNames} from "./decode.js";
import type {ReadAs} from "../../../src/lib/quality.js";
import {InputError} from "./errors.js";
import {UserError} from "../../errors.js";
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
  /** Line of the first data row: read in file order, a row is at line rowid + firstLine (and gaps). */
  firstLine: number;
  /**
   * Read in file order, a CSV file whose rows are not one a line (a blank line, a line break in
   * a quoted value) has this table of where they stop being (row, extra: decode.ts lineGaps):
   * see lineOf.
   */
  gaps?: string;
  /** How the file was read (a row of the input_files table). */
  readAs: ReadAs;
  /** The table's virtual columns (ParseQuery). */
  virtual: ParseQuery["virtual"];
}

/**
 * A parse query's rows, with the columns that are the same on every row apart (name and SQL
 * literal): the table gets them as virtual columns, computed when read, not stored. DuckDB keeps
 * a table in memory uncompressed, so a column of NULLs costs as much as any: at 10M orders each
 * unmapped text column took 160 MB, and the benchmark's order-level export leaves nine unmapped.
 */
export interface ParseQuery {
  sql: string;
  virtual: [name: string, expr: string][];
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
  query: (raw: string, text: TextCheck) => string | ParseQuery,
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
  const format = file.format ?? formatOf(file.path);
  let prepared: PreparedCsv | undefined;
  const copy = join(workDir, `${table}-${basename(file.path)}.utf8.csv`);
  // Every column declared as text from our own reading of the header: DuckDB then skips
  // sniffing (a tenth of a second per file) and reads values exactly as written.
  let headerLine = file.headerLine ?? 1;
  if (!Number.isInteger(headerLine) || headerLine < 0)
    throw new InputError(
      file.path,
      undefined,
      undefined,
      `headerLine must be a line number from 1, or 0 for a file without a header, not ${headerLine}`
    );
  if (file.valuePrefix !== undefined && (typeof file.valuePrefix !== "string" || file.valuePrefix === ""))
    throw new InputError(
      file.path,
      undefined,
      undefined,
      'valuePrefix must be the text written before every value, such as "`"'
    );
  const footerLines = file.footerLines ?? 0;
  if (!Number.isInteger(footerLines) || footerLines < 0 || (footerLines > 0 && format !== "csv"))
    throw new InputError(
      file.path,
      undefined,
      undefined,
      format === "csv"
        ? `footerLines must be a count of lines (0 or more), not ${footerLines}`
        : `footerLines is for CSV files; this file is read as ${format.toUpperCase()}`
    );
  const headed = headerLine > 0;
  const csv = (
    p: PreparedCsv
  ) => `read_csv(${sqlString(p.path)}, auto_detect = false, header = ${headed}, skip = ${Math.max(headerLine - 1, 0)}, quote = '"', escape = '"',
      delim = ${sqlString(p.delimiter)}, null_padding = false, strict_mode = true,
      columns = {${p.header.map((name) => `${sqlString(name)}: 'VARCHAR'`).join(", ")}})`;
  // A JSON export (one object per line, or an array of them) is UTF-8, read by DuckDB with every
  // key as text: its keys are the header, and its rows are numbered from 1, as in a Parquet file.
  let json: string | undefined;
  if (format === "json") {
    mkdirSync(workDir, {recursive: true});
    json = await plainText(file.path, join(workDir, `${table}-${basename(file.path)}.gunzipped`));
    if (!allUtf8(json))
      throw new InputError(file.path, undefined, undefined, "not valid UTF-8, which a JSON file must be");
  }
  if (format === "csv") {
    mkdirSync(workDir, {recursive: true});
    const text = await plainText(file.path, join(workDir, `${table}-${basename(file.path)}.gunzipped`));
    try {
      prepared = prepareCsv(text, copy, {encoding: file.encoding, delimiter: file.delimiter, headerLine, footerLines});
      // 2 after Excel's "sep=;" line.
      headerLine = prepared.headerLine;
    } catch (error) {
      // Errors name the user's file, not the decompressed copy.
      if (error instanceof InputError && text !== file.path)
        throw new InputError(file.path, error.line, error.column, error.reason);
      throw error;
    }
  }
  const mapped = Object.entries(columns).filter(([, c]) => c);
  let raw = "";
  let virtual: ParseQuery["virtual"] = [];
  const load = async (source: string) => {
    // A CSV's columns are text; a Parquet file's have types, and its DOUBLE values need care (doubleText).
    // Every object of a JSON file is looked at for its keys, not a sample: a key first seen late is a column too.
    const described = prepared
      ? []
      : await queryRows<{column_name: string; column_type: string}>(db, `DESCRIBE SELECT * FROM ${source}`);
    const header = prepared?.header ?? described.map((r) => r.column_name);
    // JSON values are read as text, each key declared (a number as written, an object as its JSON).
    const from = json
      ? `read_json(${sqlString(json)}, columns = {${header.map((key) => `${sqlString(key)}: 'VARCHAR'`).join(", ")}})`
      : source;
    const doubles = new Set(described.filter((r) => r.column_type === "DOUBLE" && !json).map((r) => r.column_name));
    // A name padded with blanks in the header ("Amount ", as some exports write it) is the mapped
    // name when no other name is: the blanks cannot be seen in the error that would list them.
    const resolve = (column: string) => {
      if (header.includes(column)) return column;
      const padded = header.filter((name) => name.trim() === column.trim());
      return padded.length === 1 ? padded[0] : undefined;
    };
    const named = Object.values(columns).filter((c): c is string => Boolean(c));
    for (const [field, column] of Object.entries(columns)) {
      if (column && resolve(column) === undefined) {
        const hint = required.includes(field) ? "required" : "mapped";
        // No mapped name in the header at all: the first line may be a row, not a header.
        const headerless =
          headed && prepared && !named.some((c) => resolve(c) !== undefined)
            ? ` (if the file has no header line, set headerLine: 0 and map the columns by position: "1" to "${header.length}")`
            : "";
        // A name the header repeats: which column is meant cannot be told.
        const repeated = repeatedNames(header, column);
        if (repeated.length > 1)
          throw new InputError(
            file.path,
            headerLine,
            column,
            `the header has ${repeated.length} columns named "${column}" (field ${field}): map the one meant by the name each was given, ${repeated.map((n) => `"${n}"`).join(" or ")}`
          );
        throw new InputError(
          file.path,
          headed ? headerLine : undefined,
          column,
          headed || !prepared
            ? `missing ${hint} column "${column}" (field ${field}); ${json ? "the file's keys are" : "the header has"}: ${header.join(", ")}${headerless}`
            : `missing ${hint} column "${column}" (field ${field}): without a header line the columns are named by position, "1" to "${header.length}"`
        );
      }
    }
    if (json) await refuseNested(db, file.path, json, mapped, described);
    // Text an export writes before every value to keep Excel off it (valuePrefix) is not part of it.
    const prefix = file.valuePrefix;
    const unprefixed = (value: string) =>
      prefix
        ? `CASE WHEN starts_with(${value}, ${sqlString(prefix)}) THEN substr(${value}, ${Array.from(prefix).length + 1}) ELSE ${value} END`
        : value;
    const select = mapped.map(([field, column]) => {
      const name = resolve(column!)!;
      const quoted = `"${name.replaceAll('"', '""')}"`;
      return `${doubles.has(name) ? doubleText(quoted) : unprefixed(`CAST(${quoted} AS VARCHAR)`)} AS ${field}`;
    });
    raw = `(SELECT ${select.join(", ")} FROM ${from})`;
    const check: TextCheck = {undecodable: (prepared?.undecodable ?? 0) > 0, encoding: prepared?.encoding ?? "utf-8"};
    // A CSV file's values hold only the blanks found in it; a Parquet or JSON file's may hold any.
    const parsed = query(raw, check);
    const sql = typeof parsed === "string" ? parsed : parsed.sql;
    virtual = typeof parsed === "string" ? [] : parsed.virtual;
    await createParsed(db, table, narrowTrims(sql, prepared?.blanks ?? UNTRIMMED), virtual, {ordered, shared});
  };
  try {
    await load(
      prepared
        ? csv(prepared)
        : json
          ? `read_json(${sqlString(json)}, sample_size = -1)`
          : `read_parquet(${sqlString(file.path)})`
    );
  } catch (error) {
    // A file or mapping problem found while the query was made says so itself.
    if (error instanceof UserError) throw error;
    fail(file.path, format, error);
  }
  const [{n}] = await queryRows<{n: number}>(db, `SELECT count(*) AS n FROM ${table}`);
  if (n === 0)
    throw new InputError(
      file.path,
      headerLine + 1,
      undefined,
      headed ? "the file has a header but no data rows" : "the file is empty"
    );
  const readAs: ReadAs = prepared
    ? {
        format: "csv",
        encoding: prepared.encoding,
        detected: prepared.detected,
        delimiter: prepared.separator,
        header_line: headerLine,
        undecodable_lines: prepared.undecodable,
        footer_lines: prepared.footerLines
      }
    : {
        format: json ? "json" : "parquet",
        encoding: null,
        detected: null,
        delimiter: null,
        header_line: null,
        undecodable_lines: null,
        footer_lines: null
      };
  // A Parquet or JSON file has rows, not lines: its rows are numbered from 1.
  const firstLine = prepared ? headerLine + 1 : 1;
  return {
    rows: n,
    raw,
    firstLine,
    gaps: prepared && ordered ? await gapsTable(db, table, prepared.path, headerLine) : undefined,
    readAs,
    virtual
  };
}

/** The table of lineGaps of file `path` read into `table` (a TEMP table), or undefined when it has none. */
async function gapsTable(
  db: DuckDBConnection,
  table: string,
  path: string,
  headerLine: number
): Promise<string | undefined> {
  const gaps = lineGaps(path, headerLine);
  if (gaps.length === 0) return undefined;
  const name = `${table}_gaps`;
  await db.run(`CREATE OR REPLACE TEMP TABLE ${name} (row BIGINT, extra BIGINT)`);
  for (let i = 0; i < gaps.length; i += 10_000)
    await db.run(
      `INSERT INTO ${name} VALUES ${gaps
        .slice(i, i + 10_000)
        .map(([row, extra]) => `(${row}, ${extra})`)
        .join(", ")}`
    );
  return name;
}

/**
 * The line of a row of a file read in order, in SQL: `row` is its place in the file (rowid, or
 * file_row of several files) in the FROM item `alias`; `join` goes after that item in FROM.
 */
export function lineOf(
  read: Pick<ReadResult, "firstLine" | "gaps">,
  alias: string,
  row: string
): {join: string; line: string} {
  if (!read.gaps) return {join: "", line: `(${alias}.${row} + ${read.firstLine})`};
  const g = `${alias}_gap`;
  return {
    join: `ASOF LEFT JOIN ${read.gaps} ${g} ON ${alias}.${row} >= ${g}.row`,
    line: `(${alias}.${row} + ${read.firstLine} + coalesce(${g}.extra, 0))`
  };
}

/**
 * A mapped JSON key holding an object or a list in some row (its type is then a STRUCT, a MAP, a
 * list, or JSON when rows differ) stops the build at its first such row: a nested value is not
 * one value, and reading its JSON text as an id or a name would be a silent mistake.
 */
async function refuseNested(
  db: DuckDBConnection,
  path: string,
  json: string,
  mapped: [string, string | undefined][],
  described: {column_name: string; column_type: string}[]
): Promise<void> {
  const type = new Map(described.map((r) => [r.column_name, r.column_type]));
  for (const [field, key] of mapped) {
    const t = type.get(key!) ?? "";
    if (!(t === "JSON" || /^(STRUCT|MAP)/.test(t) || t.endsWith("]"))) continue;
    // Numbered in file order.
    const [first] = await inFileOrder(db, () =>
      queryRows<{row: number}>(
        db,
        `SELECT row::INTEGER AS row FROM (SELECT row_number() OVER () AS row, json_type(v) AS t
          FROM read_json(${sqlString(json)}, columns = {${sqlString(key!)}: 'JSON'}) AS r(v)) WHERE t IN ('OBJECT', 'ARRAY') ORDER BY row LIMIT 1`
      )
    );
    if (first)
      throw new InputError(
        path,
        first.row,
        key,
        `an object or a list where one value belongs (field ${field}): nested keys are not read; map a key whose values are text or numbers`
      );
  }
}

/** An export's format by its name: .parquet, .json/.jsonl/.ndjson (compressed or not), else CSV. */
export function formatOf(path: string): "csv" | "parquet" | "json" {
  if (extname(path).toLowerCase() === ".parquet") return "parquet";
  return /\.(json|jsonl|ndjson)(\.gz)?$/i.test(path) ? "json" : "csv";
}

/**
 * A Parquet DOUBLE as text. Binary floating point holds most decimals only approximately (0.3 is
 * 0.2999999999999999889), and a value computed before the export carries the error along (0.1 +
 * 0.2 is 0.30000000000000004, three times 10.1 is 30.299999999999997): such a value reads as the
 * shortest decimal, up to six places, within 1e-13 of it, relatively (hundreds of times the
 * error of such sums, and far below any real difference: 12.345 never reads as 12.35, 1234567.891
 * never as 1234567.89). A value needing more places, or beyond 10^12, keeps all its digits and is
 * judged as text would be (an amount with too many decimals is rejected).
 */
export function doubleText(col: string): string {
  const places = [0, 1, 2, 3, 4, 5, 6].map(
    (k) =>
      `WHEN abs(${col} - round(${col}, ${k})) <= abs(${col}) * 1e-13 THEN CAST(CAST(round(${col}, ${k}) AS DECIMAL(38,${k})) AS VARCHAR)`
  );
  return `CASE WHEN NOT isfinite(${col}) OR abs(${col}) >= 1e12 THEN CAST(${col} AS VARCHAR) ${places.join(" ")} ELSE CAST(${col} AS VARCHAR) END`;
}

/**
 * CREATE TEMP TABLE `table` AS `sql` (a table of the database if `shared`), in file order if
 * `ordered`, with `virtual` columns (ParseQuery) beside those of `sql`.
 */
export async function createParsed(
  db: DuckDBConnection,
  table: string,
  sql: string,
  virtual: ParseQuery["virtual"],
  {ordered, shared}: {ordered: boolean; shared: boolean}
): Promise<void> {
  const create = `CREATE OR REPLACE ${shared ? "" : "TEMP "}TABLE ${table}`;
  let fill = `${create} AS ${sql}`;
  if (virtual.length) {
    // The columns' types as CREATE TABLE AS would give them (an untyped NULL is an INTEGER).
    const described = (query: string) =>
      queryRows<{column_name: string; column_type: string}>(db, `DESCRIBE ${query}`).then((rows) =>
        rows.map((r) => `"${r.column_name}" ${r.column_type}`)
      );
    const stored = await described(sql);
    const types = await described(`SELECT ${virtual.map(([name, expr]) => `${expr} AS "${name}"`).join(", ")}`);
    const generated = virtual.map(([, expr], i) => `${types[i]} GENERATED ALWAYS AS (${expr}) VIRTUAL`);
    await db.run(`${create} (${[...stored, ...generated].join(", ")})`);
    fill = `INSERT INTO ${table} BY NAME ${sql}`;
  }
  const run = () => db.run(fill);
  await (ordered ? inFileOrder(db, run) : run());
}

/**
 * CREATE TEMP TABLE `table` AS `sql` (a table of the database if `shared`), keeping the order
 * in which `sql` yields its rows, so that a row of a file read in is at rowid = line − firstLine. The
 * setting is changed for this connection only (files are read on two connections at once).
 */
export async function createInOrder(db: DuckDBConnection, table: string, sql: string, shared = false): Promise<void> {
  await inFileOrder(db, () => db.run(`CREATE OR REPLACE ${shared ? "" : "TEMP "}TABLE ${table} AS ${sql}`));
}

/** Runs `f` with the rows of a file read in file order, on this connection only. */
async function inFileOrder<T>(db: DuckDBConnection, f: () => Promise<T>): Promise<T> {
  const [{kept}] = await queryRows<{kept: boolean}>(db, "SELECT current_setting('preserve_insertion_order') AS kept");
  await db.run("SET SESSION preserve_insertion_order = true");
  try {
    return await f();
  } finally {
    await db.run(`SET SESSION preserve_insertion_order = ${kept}`);
  }
}

/**
 * The file's text: a gzip-compressed export (orders.csv.gz) is decompressed to `copy` first. A
 * spreadsheet workbook or a zip archive is not a CSV, whatever its name: the build stops and
 * says what to do, rather than read its bytes as text.
 */
async function plainText(path: string, copy: string): Promise<string> {
  const magic = Buffer.alloc(4);
  const fd = openSync(path, "r");
  try {
    readSync(fd, magic, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  if (magic[0] === 0x1f && magic[1] === 0x8b) {
    await pipeline(createReadStream(path), createGunzip(), createWriteStream(copy));
    return copy;
  }
  const zip = magic.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  const ole = magic.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
  if (zip || ole)
    throw new InputError(
      path,
      undefined,
      undefined,
      /\.(xlsx|xlsm|xls|ods|numbers)$/i.test(path) || ole
        ? "a spreadsheet workbook, not a CSV: save the sheet as CSV UTF-8 (Excel: File › Save As › CSV UTF-8) and map that file"
        : "a zip archive, not a CSV: unzip it and map the export inside (or a list of them)"
    );
  return path;
}

function fail(path: string, format: string, error: unknown): never {
  const message = (error as Error).message;
  // Only the CSV reader's own errors name a line of the file (others may name a line of the SQL).
  const line = /csv/i.test(message) ? /line[: ]+(\d+)/i.exec(message)?.[1] : undefined;
  throw new InputError(
    path,
    line ? Number(line) : undefined,
    undefined,
    `unreadable ${format.toUpperCase()}: ${(line && csvReason(message)) || message.split("\n")[0]}`
  );
}

/**
 * What DuckDB's CSV reader found wrong with a line, said without the line itself (it may hold
 * personal data) and without its advice to skip such lines (no row is dropped unseen here).
 */
function csvReason(message: string): string | undefined {
  const count = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (count)
    return (
      `this line has ${count[2]} fields where the header has ${count[1]}: a value holding the delimiter must be quoted; ` +
      "lines of totals or notes after the rows are not rows (footerLines: how many the file ends with)"
    );
  if (/unterminated quote/i.test(message))
    return 'a quoted value does not end where it should: a quote (") inside it must be doubled (""), and only the delimiter may follow its closing quote';
  return undefined;
}
