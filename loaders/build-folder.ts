/**
 * Which folder holds this build's ingested data, from the config, the key and the code alone:
 * the light half of build.ts (no DuckDB, no sources, no models), for the loaders that only need
 * to know where a build's results are (loaders/pages/cached.ts).
 */
import {type Hash, createHash, randomUUID} from "node:crypto";
import {readFileSync, readdirSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import {type WorkbenchConfig, loadConfig} from "./config.js";
import {exportPaths} from "./sources/files/mapping.js";
import {pseudonymKey} from "./privacy.js";

/** The private working folder: ingested databases, rejected rows. Never published. */
export const WORK_DIR = ".workbench";

/**
 * The id of this build: set once in the Framework process (tools/offline/register.ts) and
 * inherited by every loader it runs, so all loaders of one build share it; a process without
 * one (a script, a test) is a build of its own.
 */
export function buildId(env: NodeJS.ProcessEnv = process.env): string {
  return (env.WORKBENCH_BUILD_ID ??= randomUUID());
}

const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Where ingestion's code lives: every file under these folders of the project goes into the fingerprint. */
export const CODE = ["loaders", "src/lib", "package-lock.json"];

/**
 * Hash of everything ingestion depends on: config, key, the input files (path, size and
 * modification time), and the code that runs it, by content (loaders/ and src/lib/, whose SQL
 * helpers ingestion runs too, and the locked package versions: a new DuckDB may read
 * differently). A database changes without notice, so a PostgreSQL source is keyed by the build
 * too: read once per build, never reused by the next.
 */
export function fingerprint(
  config: WorkbenchConfig,
  configPath: string,
  key: string,
  build: string,
  root = PROJECT_ROOT
): string {
  const hash = createHash("sha256").update(JSON.stringify(config)).update(configPath).update(key);
  if (config.source.type === "postgres") hash.update(`build ${build}`);
  if (config.source.type === "files") {
    const {orders, customers, campaigns, contacts} = config.source;
    // A folder of exports: by its files, so that a new month's file is a new build.
    const files = {orders, customers, campaigns, contacts};
    const paths = Object.entries(files).flatMap(([name, file]) => (file ? exportPaths(file, name) : []));
    for (const path of paths) hash.update(`${path}:${statSync(path).size}:${statSync(path).mtimeMs}`);
  }
  return hashFiles(hash, CODE, root);
}

/** `hash` updated with every file under `paths` (of the project at `root`), by name and content: its first 16 hex digits. */
export function hashFiles(hash: Hash, paths: readonly string[], root = PROJECT_ROOT): string {
  const add = (path: string): void => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name));
    } else {
      hash.update(relative(root, path)).update(readFileSync(path));
    }
  };
  for (const path of paths) add(join(root, path));
  return hash.digest("hex").slice(0, 16);
}

/** This build's folder under .workbench/build (it may not be ingested yet), with what keys it. */
export async function buildFolder(
  env: NodeJS.ProcessEnv = process.env
): Promise<{config: WorkbenchConfig; key: string; id: string; dir: string}> {
  const {config, path} = await loadConfig(env);
  const key = pseudonymKey(env, config.source.type);
  const id = buildId(env);
  return {config, key, id, dir: join(WORK_DIR, "build", fingerprint(config, path, key, id))};
}
