/**
 * The browser's DuckDB: DuckDB-WASM with the site's Parquet files loaded as tables.
 *
 * DuckDB-WASM reads Parquet only through an extension it would download from DuckDB's host,
 * which the offline site cannot reach. So the Parquet is decoded by parquet-wasm, in a worker
 * (parquet-worker.ts), into an Arrow IPC stream, which DuckDB reads natively, and extension
 * autoloading is switched off: a query that needs an extension fails with a clear error instead
 * of a request.
 *
 * DuckDB-WASM's JavaScript and the decoder are loaded when the database opens, not with this
 * module: a page importing db.ts then draws its build-time figures without waiting for those
 * modules to download (Framework preloads only static imports).
 */
import type {DuckDBClient} from "npm:@observablehq/duckdb";
import {DATABASE_MEASURE, QUERY_MEASURE} from "./measures.js";

export type {DuckDBClient};

/** Opens DuckDB-WASM with one table per file: {customers: FileAttachment("data/customers.parquet")}. */
export async function openDatabase(files: Record<string, WorkbenchFile>): Promise<DuckDBClient> {
  const start = performance.now();
  const {DuckDBClient} = await import("npm:@observablehq/duckdb");
  // DuckDB's worker fetches and compiles its 35 MB wasm while the files download and decode in
  // the decoder's. Decoding first on the main thread (as FileAttachment.parquet() and
  // DuckDBClient.of(tables) do) held it until DuckDB's worker could start, a second later at 100k customers.
  const opening = DuckDBClient.of();
  const streams = Object.entries(files).map(async ([name, file]) => [name, await arrowStream(file)] as const);
  // A file that fails while DuckDB still opens is reported by the loop below, not as unhandled.
  for (const stream of streams) stream.catch(() => undefined);
  const db = await opening;
  const database = (db as unknown as {_db: ArrowDatabase})._db;
  for (const stream of streams) {
    const [name, bytes] = await stream;
    const connection = await database.connect();
    try {
      await connection.insertArrowFromIPCStream(bytes, {name, schema: "main"});
    } finally {
      await connection.close();
    }
  }
  await db.query("SET GLOBAL autoinstall_known_extensions = false");
  await db.query("SET GLOBAL autoload_known_extensions = false");
  performance.measure(DATABASE_MEASURE, {start, end: performance.now()});
  return db;
}

/** The part of DuckDB-WASM's AsyncDuckDB that inserts an Arrow IPC stream as a table. */
interface ArrowDatabase {
  connect(): Promise<{
    insertArrowFromIPCStream(bytes: Uint8Array, options: {name: string; schema: string}): Promise<void>;
    close(): Promise<void>;
  }>;
}

/** The page's Parquet decoder (parquet-worker.ts), started with the first database it opens. */
let decoder: {worker: Worker; next: number; pending: Map<number, (reply: DecoderReply) => void>} | undefined;

type DecoderReply = {bytes: Uint8Array; error?: undefined} | {error: string};

/**
 * A Parquet file as an Arrow IPC stream, what DuckDB reads, decoded by parquet-wasm in a worker.
 * On the main thread, as FileAttachment.parquet() does it, the decoding held the page for a
 * second at 100k customers, and going through an Arrow JS table decoded the stream in
 * JavaScript for DuckDB-WASM to encode it again.
 */
async function arrowStream(file: WorkbenchFile): Promise<Uint8Array> {
  if (!decoder) {
    const worker = new Worker(import.meta.resolve("./parquet-worker.js"), {type: "module"});
    const pending = new Map<number, (reply: DecoderReply) => void>();
    worker.addEventListener("message", ({data}: MessageEvent<DecoderReply & {id: number}>) => {
      pending.get(data.id)?.(data);
      pending.delete(data.id);
    });
    // A worker that cannot start (its module failed to load) fails every file it was sent.
    worker.addEventListener("error", (event) => {
      for (const resolve of pending.values()) resolve({error: event.message || "the Parquet decoder did not start"});
      pending.clear();
      decoder = undefined;
    });
    decoder = {worker, next: 0, pending};
  }
  const {worker, pending} = decoder;
  const id = decoder.next++;
  const url = new URL(await file.url(), location.href).href;
  const reply = await new Promise<DecoderReply>((resolve) => {
    pending.set(id, resolve);
    worker.postMessage({id, url});
  });
  if (reply.error !== undefined) throw new Error(`${file.name} could not be read: ${reply.error}`);
  return reply.bytes;
}

/** DuckDB-WASM that opens when first needed (see deferredDatabase). */
export interface DeferredDatabase {
  /** Opens now, if not yet, and resolves to the database: for queries an input change needs. */
  readonly ready: Promise<DuckDBClient>;
  /** Opens once the page has drawn what it is drawing and the browser is idle. */
  afterFirstPaint(): Promise<DuckDBClient>;
}

/**
 * DuckDB-WASM opened after the page's first charts. Compiling its 35 MB wasm and decoding the
 * Parquet (on the main thread) would hold up the first render on a small machine, and pages
 * that draw their first charts from build-time results (prepared.ts) do not need it yet: they
 * ask for it after the first paint, and an input change asks for it at once.
 */
export function deferredDatabase(open: () => Promise<DuckDBClient>): DeferredDatabase {
  let opened: Promise<DuckDBClient> | undefined;
  let scheduled: Promise<DuckDBClient> | undefined;
  const start = () => (opened ??= open());
  const idle = (resolve: () => void) =>
    typeof requestIdleCallback === "function"
      ? requestIdleCallback(resolve, {timeout: 1000})
      : setTimeout(resolve, 100);
  return {
    get ready() {
      return start();
    },
    afterFirstPaint() {
      // Two frames: the cells waiting on the current results render in the first.
      return (scheduled ??= new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => idle(resolve)))
      ).then(start));
    }
  };
}

/**
 * Queries started ahead of the cell that will ask for them (queriesAhead), by their SQL. Writing a
 * table (materialize) drops those whose SQL names it: the same SQL would now read other rows.
 */
const ahead = new WeakMap<DuckDBClient, Map<string, Promise<unknown[]>>>();

/**
 * A new batch of queries started ahead (early.ts: at an input's event, a frame before Framework
 * computes the cells that will ask for them, which queryRows hands the running query). The batch
 * replaces the queries an earlier one started and no cell took. Returns the batch's start.
 */
export function queriesAhead(db: DuckDBClient): (sql: string) => void {
  const started = new Map<string, Promise<unknown[]>>();
  ahead.set(db, started);
  return (sql) => {
    if (ahead.get(db) !== started || started.has(sql)) return;
    const rows = queryRows(db, sql);
    rows.catch(() => undefined); // a query no cell takes is no unhandled rejection; a cell taking it gets its error
    started.set(sql, rows);
  };
}

/**
 * Runs a query and returns plain row objects (the running query, if queriesAhead started the same
 * SQL). With a `signal`, the query is sent in steps on a connection of its own and cancelled when
 * the signal aborts (a superseded edit must not keep DuckDB-WASM, which runs one query at a time,
 * busy for the edits after it).
 */
export async function queryRows<T = Record<string, unknown>>(
  db: DuckDBClient,
  sql: string,
  {signal}: {signal?: AbortSignal} = {}
): Promise<T[]> {
  const started = signal ? undefined : ahead.get(db)?.get(sql);
  if (started) {
    ahead.get(db)?.delete(sql);
    return started as Promise<T[]>;
  }
  const start = performance.now();
  try {
    return await runQuery<T>(db, sql, signal);
  } finally {
    // What a benchmark sets beside the time a user waits (bench/reports.ts reads these marks).
    performance.measure(QUERY_MEASURE, {start, end: performance.now()});
  }
}

async function runQuery<T>(db: DuckDBClient, sql: string, signal: AbortSignal | undefined): Promise<T[]> {
  if (!signal) return (await db.query(sql)).toArray().map((row) => ({...row}) as T);
  if (signal.aborted) throw new Error("query cancelled: a newer input replaced it");
  const connection = await (db as unknown as {_db: AsyncDatabase})._db.connect();
  const cancel = () => void connection.cancelSent();
  signal.addEventListener("abort", cancel);
  try {
    const rows: T[] = [];
    for await (const batch of await connection.send(sql, true))
      for (const row of batch.toArray()) rows.push({...row} as T);
    if (signal.aborted) throw new Error("query cancelled: a newer input replaced it");
    return rows;
  } finally {
    signal.removeEventListener("abort", cancel);
    await connection.close();
  }
}

/** The parts of DuckDB-WASM's AsyncDuckDB that a cancellable query uses. */
interface AsyncDatabase {
  connect(): Promise<{
    send(sql: string, allowStreamResult?: boolean): Promise<AsyncIterable<{toArray(): Record<string, unknown>[]}>>;
    cancelSent(): Promise<boolean>;
    close(): Promise<void>;
  }>;
}

/**
 * Computes a query once into a table and returns `SELECT * FROM name`: pages score customers
 * once per input change, then every chart and rule reads the scored table. Pass `view: true`
 * when the query is a plain scan (no window): writing a table costs more than scanning twice.
 */
export async function materialize(
  db: DuckDBClient,
  name: string,
  sql: string,
  {view = false}: {view?: boolean} = {}
): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid table name: ${name}`);
  // A view and a table cannot share a name: each kind has its own.
  const target = view ? `${name}_view` : name;
  const started = ahead.get(db);
  for (const query of started?.keys() ?? []) if (query.includes(name)) started?.delete(query);
  const start = performance.now();
  await db.query(`CREATE OR REPLACE ${view ? "VIEW" : "TABLE"} ${target} AS ${sql}`);
  performance.measure(QUERY_MEASURE, {start, end: performance.now()});
  return `SELECT * FROM ${target}`;
}
