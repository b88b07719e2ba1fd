// Types for the Framework built-ins that browser modules in src/lib import.
declare module "npm:@observablehq/duckdb" {
  export class DuckDBClient {
    static of(sources?: Record<string, unknown>, config?: Record<string, unknown>): Promise<DuckDBClient>;
    query(sql: string, params?: unknown[]): Promise<QueryResult>;
    queryRow(sql: string, params?: unknown[]): Promise<Record<string, unknown> | null>;
  }
  export interface QueryResult extends Iterable<Record<string, unknown>> {
    numRows: number;
    toArray(): Record<string, unknown>[];
  }
}

/** The part of parquet-wasm (Framework serves it as npm:parquet-wasm) that parquet-worker.ts uses. */
declare module "npm:parquet-wasm" {
  export default function init(wasm: string): Promise<unknown>;
  export function readParquet(bytes: Uint8Array): {intoIPCStream(): Uint8Array};
}

/** The part of Framework's FileAttachment that src/lib uses. */
interface WorkbenchFile {
  name: string;
  url(): Promise<string>;
}

/** The part of Observable Inputs that components use (Framework serves it as npm:@observablehq/inputs). */
declare module "npm:@observablehq/inputs" {
  export function select<T>(
    data: Iterable<T>,
    options?: {label?: string; multiple?: boolean; format?: (value: T) => string; value?: T | T[]}
  ): HTMLElement;
  export function form(inputs: Record<string, HTMLElement>): HTMLElement;
}
