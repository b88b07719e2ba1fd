/**
 * Gets a CSV export ready for DuckDB, whose reader must only ever see valid UTF-8 (invalid bytes
 * in a later column made it fail with INTERNAL errors that invalidate the database). The
 * encoding is settled here, in Node, before DuckDB reads a byte:
 * - a file that is valid UTF-8 throughout (checked in chunks, fast) is read as it is;
 * - otherwise every line is classed as ASCII, valid UTF-8, or not: the majority of the non-ASCII
 *   lines decides between UTF-8 and GB18030 (GBK, what Chinese Excel writes), and a UTF-8 copy is
 *   written with Node's TextDecoder (DuckDB's encodings extension cannot be downloaded here). A
 *   line that is not valid in the chosen encoding gets U+FFFD for each of its non-ASCII bytes,
 *   so its row is rejected as undecodable (never read as mojibake); delimiters and quotes are
 *   ASCII and stay where they were, so line numbers and fields do not move;
 * - GB18030 decodes almost any bytes, Windows-1252 text too ("München" would become a Chinese
 *   character and "nchen"), so it is chosen only when the lines look like it: its characters are
 *   pairs of bytes from 0x81 up, while a Latin letter of a single-byte encoding (ü, é) is one
 *   such byte between ASCII ones. When most non-UTF-8 lines look single-byte, no encoding is
 *   guessed: they are all undecodable, which harms nothing in unmapped columns (a description)
 *   and rejects the rows whose mapped text is affected, until the mapping names the encoding;
 * - a byte-order mark or a configured encoding (any WHATWG label Node knows: "windows-1252",
 *   "iso-8859-15", "shift_jis", "big5", …) fixes the encoding; lines invalid in it are rejected
 *   the same way, and so are lines that are UTF-8 with non-ASCII bytes (mojibake otherwise).
 * - UTF-16 (Excel's "Unicode Text", what Chinese Excel users save to keep their characters, and
 *   some databases' exports) is read by its byte-order mark or when configured: decoded whole to
 *   a UTF-8 copy first (a byte 0x0A is not a line end there: 上 is 0A 4E), which is then read
 *   like any UTF-8 file; its unpaired surrogates become U+FFFD, so their rows are undecodable.
 *   Without a mark or a setting, a first line full of NUL bytes stops the build and says so.
 * - a whitespace-aligned file (columns lined up with runs of spaces, as old systems print them)
 *   is copied with one tab between fields, line for line, so DuckDB reads it as tab-separated.
 * - a file ending in lines that are not rows (footerLines: a bill's totals) is prepared from a
 *   copy without them.
 * Empty, header-only and truncated files are refused here with file and line.
 */
import {closeSync, copyFileSync, fstatSync, openSync, readSync, truncateSync, writeSync} from "node:fs";
import {isUtf8 as validUtf8} from "node:buffer";
import {UNTRIMMED} from "../../ids.js";
import {InputError} from "./errors.js";

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** What blanksIn looks for: a quote, and every blank DuckDB's trim() leaves but a line end (which only a quote lets into a value). */
const MARKS = ['"', ...Array.from(UNTRIMMED).filter((c) => c !== "\n" && c !== "\r")];

/** A text encoding: "utf-8", "gbk", "gb18030", or any other label Node's TextDecoder knows. */
export type Encoding = string;

/** A field delimiter; "whitespace": fields separated by runs of spaces or tabs (no quoting). */
export type Delimiter = "," | ";" | "\t" | "|" | "whitespace";

export interface PreparedCsv {
  /** The file DuckDB reads: the export itself, or its UTF-8 copy. */
  path: string;
  encoding: Encoding;
  /** How the encoding was chosen. */
  detected: "byte-order mark" | "configured" | "valid UTF-8" | "mostly UTF-8" | "mostly GB18030" | "not GB18030";
  /** Lines not valid in the encoding (their rows are rejected as undecodable). */
  undecodable: number;
  /** Field delimiter of `path`, sniffed from the header line (a whitespace-aligned file's copy is tab-separated). */
  delimiter: string;
  /** The delimiter as found in (or declared for) the file itself. */
  separator: Delimiter;
  /** Column names from the header line (DuckDB is told them, so it need not sniff the file). */
  header: string[];
  /** The header's line: as asked, or 2 after Excel's "sep=;" line (0: no header). */
  headerLine: number;
  /** The blanks DuckDB's trim() leaves (ids.ts UNTRIMMED) that a value read from `path` may hold: blanksIn. */
  blanks: string;
  /** Lines at the file's end that are not rows (totals, notes), left out of `path`: as the mapping says. */
  footerLines: number;
}

/** How the mapping lays a CSV file out; each is found in the file when not given. */
export interface CsvLayout {
  encoding?: Encoding;
  delimiter?: Delimiter;
  /** The header's line (1 unless set; 0: no header). */
  headerLine?: number;
  /** Lines at the file's end that are not rows (0 unless set). */
  footerLines?: number;
}

/** The replacement character marking bytes a line could not be decoded from: rows holding it are rejected. */
export const UNDECODABLE = "\uFFFD";

const CHUNK = 1 << 22;
const EDGE = 1 << 16;

/**
 * Checks the file's ends, settles its encoding and writes a UTF-8 copy to `copy` when needed.
 * The header is line `headerLine` (1 unless a report's title lines come first); 0 for a file
 * without one, whose columns are then named by position ("1", "2", …) after its first line.
 */
export function prepareCsv(file: string, copy: string, layout: CsvLayout = {}): PreparedCsv {
  const {encoding, delimiter, headerLine = 1, footerLines = 0} = layout;
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
  const wide = utf16(file, head, encoding);
  if (wide) return fromUtf16(file, copy, wide, layout);
  refuseUnmarkedUtf16(file, head);
  if (footerLines > 0) return withoutFooter(file, copy, layout);
  const bom = head.subarray(0, 3).equals(BOM);
  let used: Encoding;
  let detected: PreparedCsv["detected"];
  let lines: LineCounts | null = null;
  if (bom || encoding) {
    used = bom ? "utf-8" : knownEncoding(file, encoding!);
    detected = bom ? "byte-order mark" : "configured";
    if (used === "utf-8" && !allUtf8(file)) lines = classifyLines(file);
  } else if (allUtf8(file)) {
    used = "utf-8";
    detected = "valid UTF-8";
  } else {
    lines = classifyLines(file);
    // Single-byte text is not read as GB18030: it stays UTF-8, its lines undecodable.
    used = lines.utf8 >= lines.other || lines.singleByte > lines.other / 2 ? "utf-8" : "gb18030";
    detected = used === "gb18030" ? "mostly GB18030" : lines.utf8 >= lines.other ? "mostly UTF-8" : "not GB18030";
  }
  const decode = (b: Buffer) => new TextDecoder(used).decode(b);
  const text = decode(head)
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/);
  // Excel's "sep=;" line, written first so that Excel splits the file at that delimiter, declares
  // the delimiter, and the header follows it.
  const sepLine = /^sep=(.)$/i.exec(text[0] ?? "")?.[1];
  if (sepLine !== undefined && headerLine === 1) {
    if (![",", ";", "\t", "|"].includes(sepLine) || (delimiter && delimiter !== sepLine))
      throw new InputError(
        file,
        1,
        undefined,
        `the first line declares the delimiter ${JSON.stringify(sepLine)}, ${delimiter ? `but the mapping says ${JSON.stringify(delimiter)}` : "which is not one of , ; tab |"}`
      );
    return {...prepareCsv(file, copy, {...layout, delimiter: sepLine as Delimiter, headerLine: 2}), headerLine: 2};
  }
  // The header must lie in the file's first 64 KB. Without one, the first line sets the columns.
  const headed = headerLine > 0;
  const first = Math.max(headerLine, 1);
  if (text.length < first)
    throw new InputError(file, first, undefined, `there is no header line ${first}: the file is shorter`);
  const headerText = text[first - 1];
  const sep = delimiter ?? sniffDelimiter(headerText);
  const whole = tail.length === head.length && head.length < EDGE;
  checkEnds(file, text.slice(first - 1), decode(tail), whole, sep, first, headed);
  const names = headerOf(headerText, sep);
  const header = headed ? names : names.map((_, i) => String(i + 1));
  const aligned = sep === "whitespace";
  if (used === "utf-8" && !lines && !aligned) {
    const blanks = blanksIn(file, sep);
    return {
      path: file,
      encoding: used,
      detected,
      undecodable: 0,
      delimiter: sep,
      separator: sep,
      header,
      headerLine,
      blanks,
      footerLines: 0
    };
  }
  const undecodable = transcode(file, copy, used, aligned);
  return {
    blanks: blanksIn(copy, aligned ? "\t" : sep),
    path: copy,
    encoding: used,
    detected,
    undecodable,
    delimiter: aligned ? "\t" : sep,
    separator: sep,
    header,
    headerLine,
    footerLines: 0
  };
}

/** A UTF-16 file's byte order: from its byte-order mark (which wins), or as configured. */
function utf16(
  file: string,
  head: Buffer,
  encoding?: Encoding
): {encoding: "utf-16le" | "utf-16be"; detected: PreparedCsv["detected"]} | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return {encoding: "utf-16le", detected: "byte-order mark"};
  if (head[0] === 0xfe && head[1] === 0xff) return {encoding: "utf-16be", detected: "byte-order mark"};
  const utf8Bom = head.subarray(0, 3).equals(BOM);
  const configured = encoding && !utf8Bom ? knownEncoding(file, encoding) : undefined;
  return configured === "utf-16le" || configured === "utf-16be"
    ? {encoding: configured, detected: "configured"}
    : undefined;
}

/**
 * UTF-16 text without a byte-order mark (every other byte of its ASCII is NUL) is not read as
 * anything else: the build stops and says which setting reads it. A stray NUL in a field does
 * not trigger this: a quarter of the first line's bytes must be NUL.
 */
function refuseUnmarkedUtf16(file: string, head: Buffer): void {
  const end = head.indexOf(10);
  const first = head.subarray(0, Math.min(end === -1 ? head.length : end, 512));
  const nuls = first.reduce((n, b) => n + (b === 0 ? 1 : 0), 0);
  if (first.length >= 4 && nuls * 4 >= first.length)
    throw new InputError(
      file,
      1,
      undefined,
      'the first line is full of NUL bytes, as UTF-16 text without a byte-order mark is: set encoding: "utf-16le" ' +
        '(or "utf-16be") in the mapping, or save the file as CSV UTF-8'
    );
}

/**
 * A UTF-16 file: decoded to a UTF-8 copy, which is then prepared as a UTF-8 file would be (errors
 * still name the user's file; line numbers are the same in both).
 */
function fromUtf16(
  file: string,
  copy: string,
  wide: NonNullable<ReturnType<typeof utf16>>,
  layout: CsvLayout
): PreparedCsv {
  const decoded = `${copy}.from-utf-16`;
  const undecodable = decodeUtf16(file, decoded, wide.encoding);
  return {...asFile(file, () => prepareCsv(decoded, copy, {...layout, encoding: "utf-8"})), ...wide, undecodable};
}

/** `prepare()` of a copy of `file`, its errors naming `file` (line numbers are the same in both). */
function asFile(file: string, prepare: () => PreparedCsv): PreparedCsv {
  try {
    return prepare();
  } catch (error) {
    if (error instanceof InputError) throw new InputError(file, error.line, error.column, error.reason);
    throw error;
  }
}

/**
 * A file whose last lines are not rows (a bill's totals under a header of their own, a report's
 * "Total" and "Printed by" lines: footerLines in the mapping): a copy without them is prepared.
 * Blank lines at the very end are not counted. Rows keep their line numbers.
 */
function withoutFooter(file: string, copy: string, layout: CsvLayout): PreparedCsv {
  const footerLines = layout.footerLines ?? 0;
  const body = `${copy}.body`;
  const fd = openSync(file, "r");
  let end: number;
  try {
    const size = fstatSync(fd).size;
    // A footer is a few short lines: the last megabyte holds it.
    const tail = Buffer.alloc(Math.min(size, 1 << 20));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    let start = tail.length;
    while (start > 0 && [0x0a, 0x0d, 0x20, 0x09].includes(tail[start - 1])) start--;
    for (let n = 0; n < footerLines; n++) {
      const lineEnd = start > 0 ? tail.lastIndexOf(0x0a, start - 1) : -1;
      if (lineEnd === -1)
        throw new InputError(
          file,
          undefined,
          undefined,
          tail.length < size
            ? `footerLines is ${footerLines}, but the last megabyte of the file holds fewer lines`
            : `footerLines is ${footerLines}, but the file has no rows above its last ${footerLines} lines`
        );
      start = lineEnd;
    }
    end = size - tail.length + start + 1;
  } finally {
    closeSync(fd);
  }
  copyFileSync(file, body);
  truncateSync(body, end);
  return {...asFile(file, () => prepareCsv(body, copy, {...layout, footerLines: 0})), footerLines};
}

/** Writes UTF-16 file `file` as UTF-8 to `out`; returns how many of its lines hold an undecodable character. */
function decodeUtf16(file: string, out: string, encoding: "utf-16le" | "utf-16be"): number {
  // Its byte-order mark, if any, is dropped by the decoder.
  const decoder = new TextDecoder(encoding);
  const input = openSync(file, "r");
  const output = openSync(out, "w");
  const buffer = Buffer.alloc(CHUNK);
  let size = 0;
  let replaced = false;
  try {
    for (let n: number; (n = readSync(input, buffer, 0, CHUNK, null)) > 0; ) {
      size += n;
      const text = decoder.decode(buffer.subarray(0, n), {stream: true});
      replaced ||= text.includes(UNDECODABLE);
      writeSync(output, Buffer.from(text, "utf-8"));
    }
    if (size % 2 === 1)
      throw new InputError(
        file,
        undefined,
        undefined,
        `the file is truncated: it is ${encoding.toUpperCase()}, two bytes a character, and its ${size} bytes end in half of one`
      );
    const rest = decoder.decode();
    replaced ||= rest.includes(UNDECODABLE);
    writeSync(output, Buffer.from(rest, "utf-8"));
  } finally {
    closeSync(input);
    closeSync(output);
  }
  if (!replaced) return 0;
  const mark = Buffer.from(UNDECODABLE, "utf-8");
  let lines = 0;
  eachChunk(out, (chunk) => {
    eachLine(chunk, (line) => {
      if (line.includes(mark)) lines++;
    });
    return true;
  });
  return lines;
}

interface LineCounts {
  /** Lines with non-ASCII bytes that are valid UTF-8. */
  utf8: number;
  /** Lines with non-ASCII bytes that are not. */
  other: number;
  /** Of those, lines whose non-ASCII bytes mostly stand alone between ASCII ones (single-byte text). */
  singleByte: number;
}

/** The encoding's canonical name, or a clear error for a label Node does not know. */
function knownEncoding(file: string, label: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new InputError(
      file,
      undefined,
      undefined,
      `unknown encoding "${label}" (use a WHATWG label: "utf-8", "gb18030", "windows-1252", "shift_jis", …)`
    );
  }
}

/**
 * Whether the line's non-ASCII bytes mostly stand alone (ü in "München"), as in a single-byte
 * encoding, rather than come in pairs (a GB18030 character is a byte from 0x81 up and a second
 * byte, nearly always from 0xA1 up for the characters of names and places).
 */
function singleByteLike(line: Buffer): boolean {
  let alone = 0;
  let paired = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] < 0x80) continue;
    if (i + 1 < line.length && line[i + 1] >= 0x80) {
      paired++;
      i++;
    } else alone++;
  }
  return alone > paired;
}

/** Whether the whole file is valid UTF-8: chunks cut at a line end, checked natively. */
export function allUtf8(file: string): boolean {
  let ok = true;
  eachChunk(file, (chunk) => (ok = validUtf8(chunk)));
  return ok;
}

function classifyLines(file: string): LineCounts {
  const counts = {utf8: 0, other: 0, singleByte: 0};
  eachChunk(file, (chunk) => {
    eachLine(chunk, (line) => {
      if (ascii(line)) return;
      if (validUtf8(line)) counts.utf8++;
      else {
        counts.other++;
        if (singleByteLike(line)) counts.singleByte++;
      }
    });
    return true;
  });
  return counts;
}

/** Calls `f` with successive chunks of the file, each ending at a line end (or the file's end), while it returns true. */
function eachChunk(file: string, f: (chunk: Buffer) => boolean): void {
  const fd = openSync(file, "r");
  const buffer = Buffer.alloc(CHUNK);
  let carry = Buffer.alloc(0);
  try {
    for (let n: number; (n = readSync(fd, buffer, 0, CHUNK, null)) > 0; ) {
      const data = Buffer.concat([carry, buffer.subarray(0, n)]);
      const end = data.lastIndexOf(10) + 1;
      if (end === 0) {
        carry = data;
        continue;
      }
      carry = Buffer.from(data.subarray(end));
      if (!f(data.subarray(0, end))) return;
    }
    if (carry.length > 0) f(carry);
  } finally {
    closeSync(fd);
  }
}

function eachLine(chunk: Buffer, f: (line: Buffer) => void): void {
  for (let start = 0; start < chunk.length; ) {
    const nl = chunk.indexOf(10, start);
    const end = nl === -1 ? chunk.length : nl + 1;
    f(chunk.subarray(start, end));
    start = end;
  }
}

const ascii = (line: Buffer) => !line.some((b) => b >= 0x80);

/** The line with each non-ASCII byte as U+FFFD: ASCII (delimiters, quotes, line ends) stays put. */
const marked = (line: Buffer) =>
  Buffer.from(Array.from(line, (b) => (b < 0x80 ? String.fromCharCode(b) : UNDECODABLE)).join(""), "utf-8");

/** Text with each run of spaces and tabs between fields turned into one tab; line ends stay. */
const tabbed = (text: string) => text.replace(/^[ \t]+|[ \t]+(?=\r?$)/gm, "").replace(/[ \t]+/g, "\t");

/**
 * Writes the file as UTF-8 to `copy`, each line decoded from `encoding`, or marked undecodable
 * when it is not valid in it, and tab-separated if `aligned` (whitespace-aligned columns);
 * returns the number of undecodable lines.
 */
function transcode(file: string, copy: string, encoding: Encoding, aligned: boolean): number {
  const decoder = new TextDecoder(encoding, {fatal: true});
  const output = openSync(copy, "w");
  const write = (bytes: Buffer) =>
    writeSync(output, aligned ? Buffer.from(tabbed(bytes.toString("utf-8")), "utf-8") : bytes);
  let undecodable = 0;
  try {
    eachChunk(file, (chunk) => {
      // Most chunks of a UTF-8 file are valid whole; other chunks are taken line by line (a
      // GB18030 chunk may decode whole and still hold UTF-8 lines it would turn to mojibake).
      if (encoding === "utf-8" && validUtf8(chunk)) {
        write(chunk);
        return true;
      }
      eachLine(chunk, (line) => {
        // In a file of another encoding, a line that is valid UTF-8 with non-ASCII bytes is
        // UTF-8: its reading in that encoding would be mojibake.
        const valid =
          ascii(line) || (encoding === "utf-8" ? validUtf8(line) : !validUtf8(line) && decodes(decoder, line));
        if (!valid) undecodable++;
        write(!valid ? marked(line) : encoding === "utf-8" ? line : Buffer.from(decoder.decode(line), "utf-8"));
      });
      return true;
    });
  } finally {
    closeSync(output);
  }
  return undecodable;
}

function decodes(decoder: TextDecoder, bytes: Buffer): boolean {
  try {
    decoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Column names of a header line (a quoted name may hold the delimiter). */
function headerOf(line: string, delimiter: Delimiter): string[] {
  if (delimiter === "whitespace") return line.trim().split(/[ \t]+/);
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
  // Blank or repeated names get DuckDB's own kind of name, so every column can be declared. Every
  // column of a repeated name gets one (Price_2, Price_4), the first too: a mapping naming
  // "Price" cannot tell which is meant, and must name one of them (repeatedNames).
  const times = (n: string) => names.filter((m) => m === n).length;
  return names.map((n, i) => (n.trim() === "" ? `column${i}` : times(n) > 1 ? `${n}_${i}` : n));
}

/** The columns a header name that is repeated in `header` was given (headerOf): ["Price_2", "Price_4"] for "Price". */
export function repeatedNames(header: string[], name: string): string[] {
  return header.filter((h, i) => h === `${name}_${i}`);
}

/**
 * `lines`: the file's first lines from the header on, the header at line `headerLine` (without
 * a header, `headed` false: from the first row on, at line 1).
 */
function checkEnds(
  file: string,
  lines: string[],
  tail: string,
  whole: boolean,
  delimiter: Delimiter,
  headerLine: number,
  headed: boolean
): void {
  if (lines[0].trim() === "")
    throw new InputError(
      file,
      headerLine,
      undefined,
      headed ? `the file is empty (no header line${headerLine > 1 ? ` ${headerLine}` : ""})` : "the file is empty"
    );
  if (headed && whole && lines.slice(1).every((l) => l.trim() === ""))
    throw new InputError(file, headerLine + 1, undefined, "the file has a header but no data rows");
  // A file cut off mid-write: no line end after a last line with fewer fields than the header,
  // or with a quoted field left open.
  if (/[\r\n]$/.test(tail)) return;
  const last = tail.split(/\r?\n/).at(-1)!;
  const fields = (line: string) =>
    delimiter === "whitespace" ? line.trim().split(/[ \t]+/).length : line.split(delimiter).length;
  if (fields(last) < fields(lines[0]) || (last.split('"').length - 1) % 2 === 1) {
    throw new InputError(
      file,
      countLines(file),
      undefined,
      `the file is truncated: the last line has ${fields(last)} of ${fields(lines[0])} fields and no line end`
    );
  }
}

/**
 * The blanks DuckDB's trim() leaves (UNTRIMMED) that a value of CSV file `file` (UTF-8) may hold,
 * found in one pass of its bytes: a value holds a line end only between quotes (DuckDB ends a
 * line at an unquoted carriage return, and drops a leading byte-order mark), and a tab-separated
 * file's tab only there too. A file without them all lets every value be trimmed with DuckDB's
 * plain trim() (ids.ts narrowTrims).
 */
export function blanksIn(file: string, delimiter: string): string {
  const present = new Set<string>();
  let first = true;
  eachChunk(file, (chunk) => {
    const from = first && chunk.subarray(0, 3).equals(BOM) ? 3 : 0;
    first = false;
    for (const mark of MARKS) if (!present.has(mark) && chunk.indexOf(mark, from, "utf-8") !== -1) present.add(mark);
    return true;
  });
  const quoted = present.has('"');
  const possible = (c: string) =>
    c === "\n" || c === "\r" || (c === "\t" && delimiter === "\t") ? quoted : present.has(c);
  return Array.from(UNTRIMMED).filter(possible).join("");
}

/**
 * Where the rows of CSV file `file` (its data rows from the line after `headerLine`) stop being
 * one a line: DuckDB skips a blank line, and a quoted value may hold line breaks, so the row
 * read `n`-th is on line firstLine + n only until the first of them. Returns, for each row after
 * which the count changes, [row, lines above it that began no row since the first data row]
 * (row counted from 0); empty when every row is one line.
 */
export function lineGaps(file: string, headerLine: number): [number, number][] {
  const gaps: [number, number][] = [];
  let toSkip = Math.max(headerLine, 0);
  let row = 0;
  let extra = 0;
  let recorded = 0;
  let inQuote = false;
  let empty = true;
  let breaks = 0;
  eachChunk(file, (chunk) => {
    let i = 0;
    // The title lines and the header: DuckDB skips them as lines.
    while (toSkip > 0 && i < chunk.length) {
      const nl = chunk.indexOf(10, i);
      if (nl === -1) return true;
      i = nl + 1;
      toSkip--;
    }
    // The next quote of the chunk, searched for once per quote (a line without one costs nothing).
    let quote = chunk.indexOf(0x22, i);
    while (i < chunk.length) {
      const nl = chunk.indexOf(10, i);
      const end = nl === -1 ? chunk.length : nl;
      // Quotes between here and the line end (a doubled quote toggles twice).
      for (; quote !== -1 && quote < end; quote = chunk.indexOf(0x22, quote + 1)) inQuote = !inQuote;
      if (empty && end > i && !(end === i + 1 && chunk[i] === 0x0d)) empty = false;
      if (nl === -1) break;
      i = nl + 1;
      if (inQuote) {
        breaks++;
        continue;
      }
      if (empty) extra++;
      else {
        if (extra !== recorded) gaps.push([row, (recorded = extra)]);
        row++;
        extra += breaks;
      }
      breaks = 0;
      empty = true;
    }
    return true;
  });
  return gaps;
}

/** Number of the last line (only needed for the error message). */
function countLines(file: string): number {
  const fd = openSync(file, "r");
  const buffer = Buffer.alloc(CHUNK);
  let lines = 1;
  try {
    for (let n: number; (n = readSync(fd, buffer, 0, CHUNK, null)) > 0; ) {
      for (let i = buffer.indexOf(10, 0); i !== -1 && i < n; i = buffer.indexOf(10, i + 1)) lines++;
    }
  } finally {
    closeSync(fd);
  }
  return lines;
}

/**
 * The delimiter of a header line: the most frequent of comma, semicolon, tab and pipe; a line
 * with none of them but several names between spaces is whitespace-aligned. (A tab-separated
 * header is tab-separated even when its columns are padded with spaces.)
 */
export function sniffDelimiter(header: string): Delimiter {
  const counts = ([",", ";", "\t", "|"] as const).map((d) => [d, header.split(d).length] as const);
  const [best, n] = counts.sort((a, b) => b[1] - a[1])[0];
  return n === 1 && header.trim().split(/ +/).length > 1 ? "whitespace" : best;
}
