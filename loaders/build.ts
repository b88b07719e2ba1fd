/**
 * Ingestion, once per build. Framework runs each data loader in its own process, often several
 * at once; the first one to arrive ingests the configured source and writes the published
 * tables to a folder under .workbench/ (private: outside src/ and dist/): the large ones as
 * the Parquet files the site serves, the small ones in a DuckDB file (see derive/publish.ts).
 * The others wait for it and read the same folder. The canonical tables stay in memory: the
 * loaders never read them, and writing them out took about 0.6 s of a 7 s build at 1M orders
 * (keepCanonical copies them into the DuckDB file, for inspection).
 * The folder is keyed by a fingerprint of the config, the key, the input files and the code (see
 * fingerprint), so a change to any of them ingests again.
 */
import {existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {WORK_DIR, buildFolder} from "./build-folder.js";
import {type WorkbenchConfig, yuanDefaultsWarning, siteLocale} from "./config.js";
import {setLocale} from "../src/lib/locale.js";
import {queryRows} from "./duckdb.js";
import {AlreadyReported} from "./emit.js";
import {withLock} from "./lock.js";
import {DEVELOPMENT_KEY, developmentKeyWarning, pseudonymizer} from "./privacy.js";
import {CANONICAL_TABLES, INPUT_FILES, QUALITY} from "./schema.js";
import {campaignTables, publishInDuckDB, publishTo} from "./derive/publish.js";
import {PUBLISHED_FILES} from "./derive/published-files.js";
import {campaignSettings} from "../src/lib/campaigns.js";
import {MODEL_DEFAULTS} from "./derive/model-settings.js";
import {loadFiles} from "./sources/files/index.js";
import {loadPostgres} from "./sources/postgres.js";
import {type SampleMetadata, loadSample} from "./sources/synthetic/index.js";
import {sqlString} from "../src/lib/sql.js";
import {UserError} from "./errors.js";

export interface BuildInfo {
  /** ISO date the published tables are computed as of. */
  asOf: string;
  /** When ingestion ran (ISO timestamp) and how long it took. */
  builtAt: string;
  seconds: number;
  source: string;
  sample?: SampleMetadata;
}

export interface Build {
  /** The build file, with the Parquet files as views under their table names (out_customers…). */
  db: DuckDBConnection;
  info: BuildInfo;
  /** The build's folder. */
  dir: string;
}

/** Opens this build's ingested database, ingesting first if no process has yet. */
export async function openBuild(env: NodeJS.ProcessEnv = process.env): Promise<Build> {
  const {config, key, id, dir} = await buildFolder(env);
  // Every loader's SQL (rules naming high_value, stage thresholds, default cuts) uses the config's figure.
  setLocale({highValue: siteLocale(config).highValue});
  // An ingestion that failed in this build is reported by the loader that ran it; the others
  // stop without repeating it (a new build tries again).
  const failure = `${dir}.failed.json`;
  const failedHere = () =>
    existsSync(failure) && (JSON.parse(readFileSync(failure, "utf-8")) as {build: string}).build === id;
  const ready = () => existsSync(join(dir, "info.json"));
  mkdirSync(join(WORK_DIR, "build"), {recursive: true});
  await withLock(
    `${dir}.lock`,
    () => ready() || failedHere(),
    async () => {
      rmSync(failure, {force: true});
      if (key === DEVELOPMENT_KEY) console.warn(developmentKeyWarning());
      const amounts = yuanDefaultsWarning(config);
      if (amounts) console.warn(amounts);
      try {
        await ingest(config, key, dir);
      } catch (error) {
        writeFileSync(failure, JSON.stringify({build: id}));
        throw error;
      }
    }
  );
  if (!ready()) throw new AlreadyReported(`ingestion into ${dir} failed in another loader of this build`);
  const info = JSON.parse(readFileSync(join(dir, "info.json"), "utf-8")) as BuildInfo;
  return {db: await openBuildFolder(dir), info, dir};
}

/**
 * Opens the build in folder `dir` read-only: its DuckDB file, with the published Parquet
 * files as views under their table names (out_customers…), so that every published table
 * reads the same way.
 */
export async function openBuildFolder(dir: string): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(join(dir, BUILD_FILE), {
    access_mode: "READ_ONLY",
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false"
  });
  const db = await instance.connect();
  // Temporary views live outside the read-only file.
  for (const [name, file] of Object.entries(PUBLISHED_FILES)) {
    await db.run(`CREATE TEMP VIEW ${name} AS SELECT * FROM read_parquet(${sqlString(join(dir, file))})`);
  }
  return db;
}

/** The database file of a build: the small published tables (and the canonical ones with keepCanonical). */
export const BUILD_FILE = "build.duckdb";

/**
 * Ingests the configured source and writes the published tables to DIR (Parquet files and
 * build.duckdb) and DIR/info.json. Exported for tests; the site goes through openBuild.
 */
export async function ingest(config: WorkbenchConfig, key: string, dir: string): Promise<void> {
  const started = Date.now();
  const tmp = `${dir}.tmp`;
  rmSync(tmp, {recursive: true, force: true});
  mkdirSync(tmp, {recursive: true});
  const {instance, db} = await openIngestion(tmp);
  const pseudonym = pseudonymizer(key);
  const source = config.source;
  let sample: SampleMetadata | undefined;
  let asOf: string;
  const publish = publishTo(db, tmp, "build");
  if (source.type === "postgres") {
    asOf = await loadPostgres(db, source, pseudonym, publish, config.asOf);
  } else {
    if (source.type === "sample") sample = await loadSample(db, source, pseudonym);
    else if (source.type === "files") {
      // The file's amounts are in the site's currency unless its mapping names another (mapping.ts).
      const currency = source.orders.currency ?? siteLocale(config).currency;
      await loadFiles(instance, db, {...source, orders: {...source.orders, currency}}, key, join(WORK_DIR, "files"));
    } else throw new UserError(`unknown source type: ${(source as {type: string}).type}`);
    const [{last}] = await queryRows<{last: Date | null}>(db, "SELECT max(business_date) AS last FROM orders");
    if (!last && !config.asOf)
      throw new UserError("the source has no orders, so there is no as-of date; set asOf in workbench.config.ts");
    asOf = config.asOf ?? last!.toISOString().slice(0, 10);
    await publishInDuckDB(db, asOf, publish);
  }
  for (const [name, sql] of Object.entries(campaignTables(campaignSettings(config.campaigns).window)))
    await publish(name, sql);
  // The models read the published customer × day file: the same input whatever the source. Loaded
  // here only: every loader process imports this file, and the models with k-means take 0.5 s to load.
  const {predictInto} = await import("./derive/predict.js");
  await predictInto(db, tmp, join(tmp, PUBLISHED_FILES.out_customer_day), asOf, {...MODEL_DEFAULTS, ...config.models});
  const info: BuildInfo = {
    asOf,
    builtAt: new Date(started).toISOString(),
    seconds: (Date.now() - started) / 1000,
    source: source.type,
    sample
  };
  await writeCanonical(db, config.keepCanonical ? CANONICAL_TABLES : [QUALITY, INPUT_FILES]);
  await db.run("CHECKPOINT build");
  db.closeSync();
  instance.closeSync();
  writeFileSync(join(tmp, "info.json"), JSON.stringify(info, null, 2));
  rmSync(dir, {recursive: true, force: true});
  renameSync(tmp, dir);
}

/**
 * The in-memory DuckDB an ingestion works in: the canonical tables created, folder `tmp`'s
 * build file attached as `build`. Exported for the data benchmark's floor build, which must run with the same settings.
 */
export async function openIngestion(tmp: string): Promise<{instance: DuckDBInstance; db: DuckDBConnection}> {
  // A memory limit below the 4 GB budget: past it DuckDB spills to disk instead of growing.
  const instance = await DuckDBInstance.create(":memory:", {
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
    memory_limit: process.env.WORKBENCH_DUCKDB_MEMORY ?? "2500MB",
    // Row order of the tables is never relied on (whoever reads a published table sorts it), which lets
    // DuckDB write in parallel and hold less in memory. Reads that need file order ask for it.
    preserve_insertion_order: "false",
    temp_directory: join(tmp, "spill")
  });
  const db = await instance.connect();
  // The canonical tables in memory; the small published tables go straight to the build file,
  // in the newest storage format: a third faster to write than the default (which older DuckDB
  // versions can read); only this DuckDB version reads the file.
  await db.run(`ATTACH '${join(tmp, BUILD_FILE)}' AS build (STORAGE_VERSION 'latest')`);
  for (const ddl of CANONICAL_TABLES) await db.run(ddl);
  return {instance, db};
}

/**
 * Copies canonical tables (their DDL: the same schema, constraints included) from memory to
 * the build file: the quality counts and how the files were read always, all of them with keepCanonical.
 */
async function writeCanonical(db: DuckDBConnection, tables: string[]): Promise<void> {
  await db.run("USE build");
  for (const ddl of tables) await db.run(ddl);
  await db.run("USE memory");
  const names = await queryRows<{name: string}>(
    db,
    "SELECT table_name AS name FROM duckdb_tables() WHERE database_name = 'build' AND NOT starts_with(table_name, 'out_')"
  );
  for (const {name} of names) await db.run(`INSERT INTO build.${name} SELECT * FROM memory.${name}`);
}
