/**
 * Gets a CSV export ready for DuckDB. UTF-8 files (with or without byte-order mark) are read
 * by DuckDB as they are; GBK/GB18030 files (what Chinese Excel writes) are transcoded to a
 * UTF-8 copy with Node's TextDecoder, since DuckDB's encodings extension cannot be downloaded
 * here. On the way it counts the records and refuses empty or truncated files with file and line.
 * Files are read in chunks: an export of tens of millions of rows never sits in memory whole.
 */
import {closeSync, openSync, readSync, writeSync} from "node:fs";
import {InputError} from "./errors.js";

export type Encoding = "utf-8" | "gbk" | "gb18030";

export interface PreparedCsv {
  /** The file DuckDB reads: the export itself, or its UTF-8 copy. */
  path: string;
  encoding: Encoding;
  /** How the encoding was chosen. */
  detected: "byte-order mark" | "configured" | "valid UTF-8" | "not UTF-8: read as GB18030";
  /** Lines after the header, blank lines excepted (a quoted field spanning lines counts more). */
  dataLines: number;
  /** Field delimiter, sniffed from the header line. */
  delimiter: string;
}

const CHUNK = 1 << 22;

/**
 * Checks (and if needed transcodes into `copy`) a CSV file. With no configured encoding, a
 * file that is not valid UTF-8 is read as GB18030, the superset of GBK.
 */
export function prepareCsv(file: string, copy: string, encoding?: Encoding): PreparedCsv {
  const head = Buffer.alloc(3);
  const fd = openSync(file, "r");
  const n = readSync(fd, head, 0, 3, 0);
  closeSync(fd);
  if (n === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return scan(file, "utf-8", "byte-order mark");
  if (encoding && encoding !== "utf-8") return scan(file, encoding, "configured", copy);
  try {
    return scan(file, "utf-8", encoding ? "configured" : "valid UTF-8");
  } catch (error) {
    if (encoding || !(error instanceof TypeError)) throw error; // TypeError: invalid UTF-8
    return scan(file, "gb18030", "not UTF-8: read as GB18030", copy);
  }
}

function scan(file: string, encoding: Encoding, detected: PreparedCsv["detected"], copy?: string): PreparedCsv {
  const decoder = new TextDecoder(encoding, {fatal: true, ignoreBOM: false});
  const input = openSync(file, "r");
  const output = copy ? openSync(copy, "w") : undefined;
  const buffer = Buffer.alloc(CHUNK);
  let header: string | undefined;
  let lines = 0; // non-blank lines, header included
  let current = ""; // the line being read (only its tail matters)
  try {
    for (let read; (read = readSync(input, buffer, 0, CHUNK, null)) > 0; ) {
      const text = decoder.decode(buffer.subarray(0, read), {stream: true});
      if (output !== undefined) writeSync(output, text);
      const parts = text.split("\n");
      for (let i = 0; i < parts.length - 1; i++) {
        const line = i === 0 ? current + parts[0] : parts[i];
        if (line.trim() !== "") {
          if (header === undefined) header = line;
          lines++;
        }
      }
      current = parts.length > 1 ? parts[parts.length - 1] : current + parts[0];
      if (current.length > 1 << 20) current = current.slice(-(1 << 20)); // one pathological line
    }
    const rest = decoder.decode();
    if (output !== undefined) writeSync(output, `${rest}${(current + rest).length > 0 ? "\n" : ""}`);
    current += rest;
  } finally {
    closeSync(input);
    if (output !== undefined) closeSync(output);
  }
  if (current.trim() !== "") {
    if (header === undefined) header = current;
    lines++;
    // No line end after the last line: a file cut off mid-write shows fewer fields than the
    // header, or a quoted field left open.
    const delimiter = sniffDelimiter(header);
    const fields = (line: string) => line.split(delimiter).length;
    if (lines > 1 && (fields(current) < fields(header) || (current.split('"').length - 1) % 2 === 1)) {
      throw new InputError(file, lines, undefined, `the file is truncated: the last line has ${fields(current)} of ${fields(header)} fields and no line end`);
    }
  }
  if (header === undefined) throw new InputError(file, 1, undefined, "the file is empty (no header line)");
  if (lines === 1) throw new InputError(file, 2, undefined, "the file has a header but no data rows");
  return {path: copy && encoding !== "utf-8" ? copy : file, encoding, detected, dataLines: lines - 1, delimiter: sniffDelimiter(header)};
}

/** The delimiter of a header line: the most frequent of comma, semicolon, tab and pipe. */
export function sniffDelimiter(header: string): string {
  const counts = [",", ";", "\t", "|"].map((d) => [d, header.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}
