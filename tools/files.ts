/** Every file below a folder (full paths): what the site scans and the report-only build measure. */
import {readdirSync} from "node:fs";
import {join} from "node:path";

export const filesUnder = (dir: string): string[] =>
  readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
