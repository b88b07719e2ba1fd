/**
 * Data loaders whose output the build already keeps in its folder: the published Parquet files
 * and the pages' build-time reports (`once` in reports.ts). Framework runs each data loader in a
 * process of its own, and loading DuckDB and the SQL builders took over half a second of each; a
 * kept output is copied out with neither. Kept outputs are never stale: the folder is keyed by the
 * config, the data and the code (build-folder.ts), and is used only once ingested (info.json).
 */
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {buildFolder} from "./build-folder.js";
import {emit} from "./emit.js";

/** Where `once` keeps report `name` in a build's folder. */
export const reportFile = (name: string): string => join("reports", `${name}.json`);

/**
 * A data loader: writes `file` of this build's folder to standard output when the build has it,
 * else what `make` returns (which loads what it needs, ingests first if no loader has, and keeps it).
 */
export async function emitKept(file: string, make: () => Promise<string | Buffer>): Promise<void> {
  await emit(async () => {
    const {dir} = await buildFolder();
    const kept = join(dir, file);
    return existsSync(join(dir, "info.json")) && existsSync(kept) ? readFileSync(kept) : make();
  });
}
