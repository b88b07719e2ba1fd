/**
 * A module worker that turns Parquet files into Arrow IPC streams (db.ts): parquet-wasm decodes
 * here, off the page's main thread, which stays free for the user and for starting DuckDB's own
 * worker. A message {id, url} is answered with {id, bytes} (the stream, transferred) or {id, error}.
 */
import init, {readParquet} from "npm:parquet-wasm";

const ready = init(import.meta.resolve("npm:parquet-wasm/esm/parquet_wasm_bg.wasm"));

addEventListener("message", async (event: MessageEvent<{id: number; url: string}>) => {
  const {id, url} = event.data;
  try {
    const [, response] = await Promise.all([ready, fetch(url)]);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const stream = readParquet(new Uint8Array(await response.arrayBuffer())).intoIPCStream();
    // Transferred, not copied: a stream of its own buffer (slice() makes one if it is a view).
    const bytes = stream.byteOffset === 0 && stream.byteLength === stream.buffer.byteLength ? stream : stream.slice();
    postMessage({id, bytes}, {transfer: [bytes.buffer]});
  } catch (error) {
    postMessage({id, error: error instanceof Error ? error.message : String(error)});
  }
});
