/** Finds the built files the browser tests compare against (their names carry content hashes). */
import {readdirSync} from "node:fs";
import {join} from "node:path";

/** Path of dist/DIR/NAME.<hash>.EXT, e.g. builtFile("_file/data", "customers", ".parquet"). */
export function builtFile(dir: string, name: string, ext: string): string {
  const folder = join(process.cwd(), "dist", dir);
  const file = readdirSync(folder).find(
    (f) => f.startsWith(`${name}.`) && f.endsWith(ext) && f.split(".").length === 3
  );
  if (!file) throw new Error(`no ${name}.*${ext} in ${folder}`);
  return join(folder, file);
}
