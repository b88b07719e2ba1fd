/**
 * Per-file accounting: every row read ends up accepted, classified or rejected, and the counts
 * must add up. Rejected rows (which may hold personal data) go to a private CSV under
 * .workbench/rejects/; only the counts are published.
 */
import {mkdirSync} from "node:fs";
import {basename, join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {queryRows} from "../../duckdb.js";
import {sqlString} from "../../../src/lib/sql.js";
import {InputError} from "./errors.js";
import {REASON, type ReadAs, reasonSql} from "../../../src/lib/quality.js";
import {createInOrder, lineOf} from "./read.js";

interface Count {
  outcome: string;
  reason: string | null;
  column_name: string | null;
  rows: number;
  /** As text: a sum of cents may exceed 2^53 in no engine, but is exact as text. */
  cents: string | null;
}

/** Where the rejected rows of one input file go (private). */
export const rejectsFile = (rejectsDir: string, source: string, file: string) =>
  join(rejectsDir, `${source}-${basename(file)}.rejected.csv`);

/**
 * Records the outcome counts of table `parsed` (read from `source`/`file`, a row per line
 * in file order) in the quality table, writes its rejected rows (their text from `raw`, the
 * subquery that reads the file) to the private folder, and stops the build when the counts do
 * not reconcile or the reject rate exceeds `maxRejectRate`.
 */
export async function accountFor(
  db: DuckDBConnection,
  {
    source,
    file,
    parsed,
    raw,
    read,
    firstLine,
    gaps,
    readAs,
    row = "rowid",
    maxRejectRate,
    rejectsDir
  }: {
    source: string;
    file: string;
    parsed: string;
    raw: string;
    read: number;
    /** Line of the file's first data row, and where rows stop being one a line (ReadResult). */
    firstLine: number;
    gaps?: string;
    /** How the file was read (ReadResult), recorded in input_files. */
    readAs: ReadAs;
    /** The column of `parsed` giving a row's place in the file (rowid when it holds one file). */
    row?: string;
    maxRejectRate: number;
    rejectsDir: string;
  }
): Promise<void> {
  const value = source === "orders" ? "sum(value_cents) FILTER (WHERE outcome <> 'rejected')" : "NULL";
  const counts = await queryRows<Count>(
    db,
    `SELECT outcome, reason, reject_column AS column_name, count(*)::BIGINT AS rows, CAST(${value} AS VARCHAR) AS cents
    FROM ${parsed} GROUP BY ALL ORDER BY ALL`
  );
  const total = counts.reduce((s, c) => s + c.rows, 0);
  if (total !== read) throw new InputError(file, undefined, undefined, `read ${read} rows but accounted for ${total}`);
  for (const c of counts) {
    await db.run(`INSERT INTO quality VALUES (${sqlString(source)}, ${sqlString(basename(file))}, ${sqlString(c.outcome)},
      ${c.reason === null ? "NULL" : sqlString(c.reason)}, ${c.column_name === null ? "NULL" : sqlString(c.column_name)}, ${c.rows},
      ${c.cents === null ? "NULL" : `CAST(${sqlString(c.cents)} AS BIGINT)`})`);
  }
  const literal = (v: string | number | null) =>
    v === null ? "NULL" : typeof v === "number" ? String(v) : sqlString(v);
  await db.run(
    `INSERT INTO input_files VALUES (${[source, basename(file), readAs.format, readAs.encoding, readAs.detected, readAs.delimiter, readAs.header_line, readAs.undecodable_lines, readAs.footer_lines].map(literal).join(", ")})`
  );
  const rejected = counts.filter((c) => c.outcome === "rejected").reduce((s, c) => s + c.rows, 0);
  // A CSV has lines; a Parquet or JSON file has rows, numbered from 1.
  const place = readAs.format === "csv" ? "line" : "row";
  // A rejected row's line: its place in the file read in order (blank lines and quoted line breaks counted).
  const at = lineOf({firstLine, gaps}, "p", row);
  let sample: {line: number; column: string; reason: string; value: unknown} | undefined;
  if (rejected > 0) {
    mkdirSync(rejectsDir, {recursive: true});
    const out = rejectsFile(rejectsDir, source, file);
    // The raw text was not kept (most files reject nothing): the file is read again, in order.
    await createInOrder(db, "rejected_raw", `SELECT * FROM ${raw}`);
    await db.run(`COPY (SELECT ${at.line} AS line, p.reject_column AS "column", p.reason, r.*
      FROM ${parsed} p ${at.join} JOIN rejected_raw r ON r.rowid = p.${row} WHERE p.outcome = 'rejected' ORDER BY line) TO ${sqlString(out)} (HEADER)`);
    if (rejected === read) {
      // Every row rejected: a mapping mistake (a wrong dateFormat, a wrong column) more likely
      // than bad data. Say so with the first row's column and value (printed, never published).
      const [first] = await queryRows<Record<string, unknown>>(
        db,
        `SELECT ${at.line} AS line, p.reject_column, p.reason, r.*
        FROM ${parsed} p ${at.join} JOIN rejected_raw r ON r.rowid = p.${row} ORDER BY line LIMIT 1`
      );
      sample = {
        line: first.line as number,
        column: first.reject_column as string,
        reason: first.reason as string,
        value: first[first.reject_column as string]
      };
    }
    await db.run("DROP TABLE rejected_raw");
  }
  if (sample) {
    const reasons = counts
      .filter((c) => c.outcome === "rejected")
      .map((c) => `${c.rows} ${c.reason} (column ${c.column_name})`);
    const dated = ["ordered_at", "signup_date", "sent_date"].includes(sample.column);
    // Ten or thirteen digits in a date column: most likely seconds or milliseconds since 1970.
    const count = dated && /^\s*(\d{10}|\d{13})\s*$/.test(String(sample.value ?? ""));
    throw new InputError(
      file,
      sample.line,
      sample.column,
      `every row was rejected (${reasons.join("; ")}); the first, ${place} ${sample.line}: ${sample.reason}, value ${JSON.stringify(sample.value)}. ` +
        `Check the mapping of this column${dated ? " and dateFormat" : ""}` +
        `${count ? ` (a count since 1970 reads with dateFormat "unix-seconds", or "unix-milliseconds" for 13 digits)` : ""}. All rejected rows: ${rejectsDir}`
    );
  }
  // Blank rows (a spreadsheet's cleared rows) held nothing: they are counted, not held against the file.
  const blank = counts.find((c) => c.outcome === "rejected" && c.reason === REASON.blankRow)?.rows ?? 0;
  if ((rejected - blank) / Math.max(read - blank, 1) > maxRejectRate) {
    const examples = await queryRows<{line: number; reject_column: string; reason: string}>(
      db,
      `SELECT ${at.line} AS line, p.reject_column, p.reason FROM ${parsed} p ${at.join}
      WHERE p.outcome = 'rejected' AND p.reason <> ${reasonSql("blankRow")} ORDER BY line LIMIT 5`
    );
    throw new InputError(
      file,
      examples[0]?.line,
      examples[0]?.reject_column,
      `${rejected - blank} of ${read - blank} rows rejected (${((100 * (rejected - blank)) / (read - blank)).toFixed(2)}%, limit ${(100 * maxRejectRate).toFixed(2)}%` +
        `${blank > 0 ? `; ${blank} blank rows not counted` : ""}). ` +
        `First: ${examples.map((e) => `${place} ${e.line} ${e.reject_column}: ${e.reason}`).join("; ")}. All rejected rows: ${rejectsDir}`
    );
  }
}
