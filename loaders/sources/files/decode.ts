/**
 * Gets a CSV export ready for DuckDB. UTF-8 files (with or without byte-order mark) are read by
 * DuckDB as they are, which also validates them; a file that is not UTF-8 — GBK/GB18030, what
 * Chinese Excel writes — is transcoded to a UTF-8 copy with Node's TextDecoder (DuckDB's
 * encodings extension cannot be downloaded here), in chunks, never whole in memory.
 * Empty, header-only and truncated files are refused here with file and line.
 */
import {closeSync, fstatSync, openSync, readSync, writeSync} from "node:fs";
import {InputError} from "./errors.js";

export type Encoding = "utf-8" | "gbk" | "gb18030";

export interface PreparedCsv {
  /** The file DuckDB reads: the export itself, or its UTF-8 copy. */
  path: string;
  encoding: Encoding;
  /** How the encoding was chosen. */
  detected: "byte-order mark" | "configured" | "assumed UTF-8 (checked by DuckDB)" | "not UTF-8: read as GB18030";
  /** Field delimiter, sniffed from the header line. */
  delimiter: string;
  /** Column names from the header line (DuckDB is told them, so it need not sniff the file). */
  header: string[];
}

const CHUNK = 1 << 22;
const EDGE = 1 << 16;

/** Checks the file's ends, and transcodes it into `copy` when it is not UTF-8. */
export function prepareCsv(file: string, copy: string, encoding?: Encoding): PreparedCsv {
  const fd = openSync(file, "r");
  let head: Buffer;
  let tail: Buffer;
  try {
    const size = fstatSync(fd).size;
    head = Buffer.alloc(Math.min(size, EDGE));
    readSync(fd, head, 0, head.length, 0);
    tail = Buffer.alloc(Math.min(size, EDGE));
    readSync(fd, tail, 0, tail.length, size - tail.length);
  } finally {
    closeSync(fd);
  }
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  // A header line that is not UTF-8 settles it at once; otherwise DuckDB checks every byte.
  if (!bom && !encoding && !isUtf8(head.subarray(0, head.indexOf(10) === -1 ? head.length : head.indexOf(10)))) {
    checkEnds(file, new TextDecoder("gb18030").decode(head), new TextDecoder("gb18030").decode(tail), tail.length === head.length && head.length < EDGE);
    return prepareGb18030(file, copy);
  }
  const used: Encoding = bom ? "utf-8" : (encoding ?? "utf-8");
  const decode = (b: Buffer) => new TextDecoder(used).decode(b);
  checkEnds(file, decode(head), decode(tail), tail.length === head.length && head.length < EDGE);
  const {delimiter, header} = headerOf(decode(head).replace(/^\uFEFF/, ""));
  if (used !== "utf-8") {
    transcode(file, copy, used);
    return {path: copy, encoding: used, detected: "configured", delimiter, header};
  }
  return {path: file, encoding: "utf-8", detected: bom ? "byte-order mark" : encoding ? "configured" : "assumed UTF-8 (checked by DuckDB)", delimiter, header};
}

/** The fallback when DuckDB finds the file is not UTF-8: a GB18030 copy. */
export function prepareGb18030(file: string, copy: string): PreparedCsv {
  transcode(file, copy, "gb18030");
  const head = Buffer.alloc(EDGE);
  const fd = openSync(copy, "r");
  const n = readSync(fd, head, 0, EDGE, 0);
  closeSync(fd);
  return {path: copy, encoding: "gb18030", detected: "not UTF-8: read as GB18030", ...headerOf(head.subarray(0, n).toString("utf-8"))};
}

const isUtf8 = (bytes: Buffer) => {
  try {
    new TextDecoder("utf-8", {fatal: true}).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** Delimiter and column names of the text's first line (a quoted name may hold the delimiter). */
function headerOf(text: string): {delimiter: string; header: string[]} {
  const line = text.split(/\r?\n/)[0];
  const delimiter = sniffDelimiter(line);
  const names: string[] = [];
  let name = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') {
      if (quoted && line[i + 1] === '"') name += line[++i];
      else quoted = !quoted;
    } else if (line[i] === delimiter && !quoted) {
      names.push(name);
      name = "";
    } else {
      name += line[i];
    }
  }
  names.push(name);
  // Blank or repeated names get DuckDB's own kind of name, so every column can be declared.
  return {delimiter, header: names.map((n, i) => (n.trim() === "" ? `column${i}` : names.indexOf(n) < i ? `${n}_${i}` : n))};
}

function checkEnds(file: string, head: string, tail: string, whole: boolean): void {
  const lines = head.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[0].trim() === "") throw new InputError(file, 1, undefined, "the file is empty (no header line)");
  if (whole && lines.slice(1).every((l) => l.trim() === "")) throw new InputError(file, 2, undefined, "the file has a header but no data rows");
  // A file cut off mid-write: no line end after a last line with fewer fields than the header,
  // or with a quoted field left open.
  if (/[\r\n]$/.test(tail)) return;
  const last = tail.split(/\r?\n/).at(-1)!;
  const delimiter = sniffDelimiter(lines[0]);
  const fields = (line: string) => line.split(delimiter).length;
  if (fields(last) < fields(lines[0]) || (last.split('"').length - 1) % 2 === 1) {
    throw new InputError(file, countLines(file), undefined, `the file is truncated: the last line has ${fields(last)} of ${fields(lines[0])} fields and no line end`);
  }
}

/** Number of the last line (only needed for the error message). */
function countLines(file: string): number {
  const fd = openSync(file, "r");
  const buffer = Buffer.alloc(CHUNK);
  let lines = 1;
  try {
    for (let n; (n = readSync(fd, buffer, 0, CHUNK, null)) > 0; ) {
      for (let i = buffer.indexOf(10, 0); i !== -1 && i < n; i = buffer.indexOf(10, i + 1)) lines++;
    }
  } finally {
    closeSync(fd);
  }
  return lines;
}

function transcode(file: string, copy: string, encoding: Encoding): void {
  const decoder = new TextDecoder(encoding);
  const input = openSync(file, "r");
  const output = openSync(copy, "w");
  const buffer = Buffer.alloc(CHUNK);
  try {
    for (let n; (n = readSync(input, buffer, 0, CHUNK, null)) > 0; ) writeSync(output, decoder.decode(buffer.subarray(0, n), {stream: true}));
    writeSync(output, decoder.decode());
  } finally {
    closeSync(input);
    closeSync(output);
  }
}

/** The delimiter of a header line: the most frequent of comma, semicolon, tab and pipe. */
export function sniffDelimiter(header: string): string {
  const counts = [",", ";", "\t", "|"].map((d) => [d, header.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}
