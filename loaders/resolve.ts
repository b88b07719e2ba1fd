/**
 * Back from pseudonyms to the retailer's own customer ids, for an exported audience, on the
 * analyst's machine only (tools/audience-resolve.ts). The site holds no raw id and no key, so
 * this reads the configured source again, pseudonymizes every id it holds with the key (the
 * same way ingestion does) and looks the audience's keys up. Marketing consent is checked again
 * against the source as it is now: a customer who opted out since the export is refused.
 */
import {mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {basename, isAbsolute, join, relative, resolve} from "node:path";
import {type DSVRowArray, csvFormat, csvParse} from "d3";
import {type DuckDBConnection, DuckDBInstance} from "@duckdb/node-api";
import pg from "pg";
import type {WorkbenchConfig} from "./config.js";
import {queryRows} from "./duckdb.js";
import {UserError} from "./errors.js";
import {normalizeId} from "./ids.js";
import {keyFingerprint, pseudonymKey, pseudonymizer} from "./privacy.js";
import {CANONICAL_TABLES} from "./schema.js";
import {loadFiles} from "./sources/files/index.js";
import {loadSample} from "./sources/synthetic/index.js";

/** Where resolved ids go unless told: private, like everything under .workbench/. */
export const DEFAULT_RESOLVED_DIR = join(".workbench", "private", "audiences");

/** A customer of the source as resolving sees them. */
interface SourceCustomer {
  raw: string;
  /** Consent today: consent given and no opt-out on or before today. */
  consent: boolean;
}

export interface ResolveResult {
  file: string;
  resolved: number;
  treatment: number;
  holdout: number;
  refused: number;
  unknown: number;
}

/** Resolves `csvPath` (customer_key, group, …) to raw ids in `outDir`; throws UserError for anything it will not do. */
export async function resolveAudience(
  config: WorkbenchConfig,
  csvPath: string,
  outDir: string,
  env: NodeJS.ProcessEnv = process.env,
  today = new Date().toISOString().slice(0, 10)
): Promise<ResolveResult> {
  const key = pseudonymKey(env, config.source.type);
  const out = resolve(outDir);
  for (const published of ["src", "dist"]) {
    const inside = relative(resolve(published), out);
    if (inside === "" || (!inside.startsWith("..") && !isAbsolute(inside)))
      throw new UserError(
        `raw customer ids may not be written under ${published}/ (the site is built from it): choose another --out folder`
      );
  }
  const specPath = csvPath.replace(/\.csv$/i, ".json");
  let spec: {keyFingerprint?: string} | null = null;
  try {
    spec = JSON.parse(readFileSync(specPath, "utf-8"));
  } catch {
    spec = null; // no spec beside the file: the keys are still checked against the source
  }
  if (spec?.keyFingerprint && spec.keyFingerprint !== keyFingerprint(key))
    throw new UserError(
      `${basename(csvPath)} was exported from a build with another pseudonym key (fingerprint ${spec.keyFingerprint}, this key's ${keyFingerprint(key)}): set the key that build used`
    );
  let rows: DSVRowArray<string>;
  try {
    rows = csvParse(readFileSync(csvPath, "utf-8"));
  } catch (error) {
    throw new UserError(`cannot read ${csvPath}: ${(error as Error).message}`);
  }
  if (!rows.columns.includes("customer_key") || !rows.columns.includes("group"))
    throw new UserError(`${basename(csvPath)} needs the columns customer_key and group (the audience page's export)`);
  const customers = await sourceCustomers(config, key, today, env);
  const result: ResolveResult = {file: "", resolved: 0, treatment: 0, holdout: 0, refused: 0, unknown: 0};
  const resolved: {customer_id: string; group: string}[] = [];
  rows.forEach((row, i) => {
    if (row.group !== "treatment" && row.group !== "holdout")
      throw new UserError(`${basename(csvPath)} line ${i + 2}: group must be treatment or holdout, got ${row.group}`);
    const customer = customers.get(row.customer_key ?? "");
    if (!customer) result.unknown++;
    else if (!customer.consent) result.refused++;
    else {
      resolved.push({customer_id: customer.raw, group: row.group});
      result[row.group]++;
    }
  });
  result.resolved = resolved.length;
  mkdirSync(out, {recursive: true, mode: 0o700});
  result.file = join(out, `${basename(csvPath).replace(/\.csv$/i, "")}-ids.csv`);
  writeFileSync(result.file, `${csvFormat(resolved)}\n`, {mode: 0o600});
  return result;
}

/** Every customer of the configured source by pseudonym, with their raw id and consent today. */
async function sourceCustomers(
  config: WorkbenchConfig,
  key: string,
  today: string,
  env: NodeJS.ProcessEnv
): Promise<Map<string, SourceCustomer>> {
  const source = config.source;
  if (source.type === "postgres") return postgresCustomers(source, key, today, env);
  const instance = await DuckDBInstance.create(":memory:", {
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false"
  });
  const db = await instance.connect();
  for (const ddl of CANONICAL_TABLES) await db.run(ddl);
  const raw = new Map<string, string>();
  if (source.type === "sample") {
    const pseudonym = pseudonymizer(key);
    await loadSample(db, source, (id) => {
      const k = pseudonym(id);
      raw.set(k, id);
      return k;
    });
  } else {
    await loadFiles(instance, db, source, key, join(".workbench", "files-resolve"), {keepRawIds: true});
    for (const r of await queryRows<{customer_key: string; raw: string}>(db, "SELECT customer_key, raw FROM raw_ids"))
      raw.set(r.customer_key, r.raw);
  }
  return consentOf(db, raw, today);
}

async function consentOf(
  db: DuckDBConnection,
  raw: Map<string, string>,
  today: string
): Promise<Map<string, SourceCustomer>> {
  const rows = await queryRows<{customer_key: string; consent: boolean}>(
    db,
    `SELECT customer_key, coalesce(marketing_consent IS TRUE AND (opt_out_date IS NULL OR opt_out_date > DATE '${today}'), false) AS consent FROM customers`
  );
  const customers = new Map<string, SourceCustomer>();
  for (const r of rows) {
    const id = raw.get(r.customer_key);
    if (id !== undefined) customers.set(r.customer_key, {raw: id, consent: r.consent});
  }
  return customers;
}

/** The PostgreSQL source's customers (ids normalized as ingestion does; a repeated id consents only if every row does). */
async function postgresCustomers(
  source: Extract<WorkbenchConfig["source"], {type: "postgres"}>,
  key: string,
  today: string,
  env: NodeJS.ProcessEnv
): Promise<Map<string, SourceCustomer>> {
  const variable = source.urlVariable ?? "WORKBENCH_DATABASE_URL";
  const url = env[variable];
  if (!url)
    throw new UserError(`the postgres source needs a connection string in the environment variable ${variable}`);
  const schema = source.schema ?? "public";
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) throw new UserError(`invalid schema name: ${schema}`);
  const client = new pg.Client({connectionString: url, types: {getTypeParser: () => (value: string) => value}});
  await client.connect();
  try {
    await client.query("BEGIN READ ONLY");
    const {rows} = await client.query<{customer_id: string | null; consent: string}>(
      `SELECT customer_id, (coalesce(marketing_consent, false) AND (opt_out_date IS NULL OR opt_out_date > $1::date))::text AS consent FROM ${schema}.customers`,
      [today]
    );
    const pseudonym = pseudonymizer(key);
    const customers = new Map<string, SourceCustomer>();
    for (const r of rows) {
      const id = normalizeId(r.customer_id);
      if (id === null) continue;
      const k = pseudonym(id);
      const consent = r.consent === "true" && (customers.get(k)?.consent ?? true);
      customers.set(k, {raw: id, consent});
    }
    return customers;
  } finally {
    await client.end();
  }
}
