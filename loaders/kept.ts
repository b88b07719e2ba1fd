/**
 * Loaders whose output the build already keeps in its folder: the published Parquet files, the
 * pages' build-time reports (`once` in reports.ts), the leadership report's periods (report/index.ts)
 * and the pages themselves (pages/cached.ts).
 * Framework runs each loader in a process of its own, and loading DuckDB and the SQL builders took
 * over half a second of each (jsdom and Plot, two seconds for a page); a kept output is copied out
 * with none of them. Kept outputs are never stale: the folder is keyed by the
 * config, the data and the code (build-folder.ts), and is used only once ingested (info.json).
 */
import {existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {buildFolder} from "./build-folder.js";
import {emit} from "./emit.js";

/** Writes `text` to `file` whole, then renames it: a loader running at the same time never reads half of it. */
export function keepWhole(file: string, text: string): void {
  mkdirSync(join(file, ".."), {recursive: true});
  writeFileSync(`${file}.${process.pid}`, text);
  renameSync(`${file}.${process.pid}`, file);
}

/** Where `once` keeps report `name` in a build's folder. */
export const reportFile = (name: string): string => join("reports", `${name}.json`);

/** The leadership report's folder in a build's folder: each period's JSON as published and index.json. */
export const REPORT_FOLDER = "report";

/**
 * A loader: writes `file` of this build's folder to standard output when the build has it,
 * else what `make` returns (which loads what it needs, ingests first if no loader has, and keeps it).
 */
export async function emitKept(file: string, make: () => Promise<string | Buffer>): Promise<void> {
  await emit(async () => {
    const {dir} = await buildFolder();
    const kept = join(dir, file);
    return existsSync(join(dir, "info.json")) && existsSync(kept) ? readFileSync(kept) : make();
  });
}
