/**
 * Keeps Framework's npm cache (ROOT/.observablehq/cache/_npm) in step with node_modules.
 * Framework trusts any version folder it finds there before asking the registry, so after an
 * upgrade (or a placeholder for a missing package) it would keep serving the old copy.
 */
import {existsSync, readdirSync, rmSync} from "node:fs";
import {join} from "node:path";
import {type PackageIndex, parseSpecifier} from "./packages.js";

/** Removes every cached NAME@VERSION folder that node_modules does not hold; returns their names. */
export function pruneNpmCache(cacheRoot: string, index: PackageIndex): string[] {
  const dir = join(cacheRoot, ".observablehq", "cache", "_npm");
  if (!existsSync(dir)) return [];
  const entries = readdirSync(dir).flatMap((e) =>
    e.startsWith("@") ? readdirSync(join(dir, e)).map((s) => `${e}/${s}`) : [e]
  );
  const removed: string[] = [];
  for (const entry of entries) {
    const {name, range} = parseSpecifier(entry);
    if (range && index.versions(name).some((p) => p.version === range)) continue;
    rmSync(join(dir, entry), {recursive: true, force: true});
    removed.push(entry);
  }
  return removed;
}
