/**
 * The file source: a CSV or Parquet export of orders (order level or invoice lines) and an
 * optional customer master list, mapped by workbench.config.ts.
 */
import {randomUUID} from "node:crypto";
import {rmSync} from "node:fs";
import {basename, join} from "node:path";
import type {DuckDBConnection, DuckDBInstance} from "@duckdb/node-api";
import {queryRows} from "../../duckdb.js";
import {pseudonymSql} from "../../privacy.js";
import {adoptMasterList, insertOrderOnlyCustomers, markRepeatedCustomers, parseCustomersSql} from "./customers.js";
import {
  checkCampaigns,
  checkContacts,
  insertCampaigns,
  insertContacts,
  parseCampaignsSql,
  parseContactsSql
} from "./campaigns.js";
import {InputError} from "./errors.js";
import {
  CUSTOMER_FIELDS,
  type CampaignsFile,
  type ContactsFile,
  ORDER_FIELDS,
  type FilesSource,
  exportPaths,
  requiredOrderFields
} from "./mapping.js";
import {
  insertOrders,
  markConflictingOrders,
  markInvoiceCredits,
  markInvoiceCurrencies,
  markRepeatedOrders,
  numberOrderRows,
  parseOrdersSql
} from "./orders.js";
import {accountFor, rejectsFile} from "./quality.js";
import {createParsed, type ReadResult, readExport, type TextCheck} from "./read.js";

export type {CampaignsFile, ContactsFile, FilesSource} from "./mapping.js";
export {INVOICE_LINES} from "./mapping.js";

/**
 * Ingests the configured files into the canonical tables through `db`. The master list is
 * read and inserted on a second connection of `instance` while the orders are read and
 * inserted: each statement alone leaves part of the two cores idle.
 */
export async function loadFiles(
  instance: DuckDBInstance,
  db: DuckDBConnection,
  source: FilesSource,
  key: string,
  workDir: string,
  {keepRawIds = false}: {keepRawIds?: boolean} = {}
): Promise<void> {
  const maxRejectRate = source.maxRejectRate ?? 0.01;
  // Transcoded copies of the files (which may hold personal data) live only while this build
  // reads them; rejected rows stay (private, README) but only for the files' latest build.
  const staging = join(workDir, "staging", randomUUID());
  const rejectsDir = join(workDir, "rejects");
  for (const [name, file] of Object.entries(FILE_SOURCES)) {
    const paths = source[file] ? exportPaths(source[file], file) : [];
    for (const path of paths) rmSync(rejectsFile(rejectsDir, name, path), {force: true});
  }
  const mappedOf = (columns: Record<string, string | undefined>, fields: readonly string[]) =>
    fields.filter((f) => columns[f]);
  const pseudonym = (raw: string) => pseudonymSql(key, raw);

  // Each file is parsed and classified as it is read, in any order (faster); it is read again
  // in file order only when line numbers or first rows matter: for rejected rows (reported
  // with their line) and for repeated master-list ids (the first row wins). Repeated orders
  // are exact copies: which copy counts as the duplicate makes no difference.
  const orders = source.orders;
  const readOrders = async () => {
    const fields = mappedOf(orders.columns, ORDER_FIELDS);
    // Orders whose rows disagree are rejected right after reading, so that they count towards
    // the second, ordered read that gives rejected rows their line numbers. Rows without order
    // ids are named by their line: read in order at once.
    const numbered = !orders.columns.order_id;
    // Several files (monthly exports) are read each into a table of its own, then put together
    // in file order, each row with its file and its row there: an order repeated across files
    // (overlapping exports) is a duplicate or a conflict like one repeated within a file.
    const paths = exportPaths(orders);
    const read = async (ordered: boolean) => {
      const results = await readFiles(db, "parsed_orders", paths, async (path, table) => {
        const result = await readExport(
          db,
          table,
          {...orders, path},
          requiredOrderFields(orders),
          staging,
          (raw, check) => parseOrdersSql(raw, orders, fields, check),
          {ordered: ordered || numbered}
        );
        if (numbered) await numberOrderRows(db, result, table, paths.length > 1 ? `${basename(path)} ` : "");
        return result;
      });
      if (orders.level === "lines" && orders.columns.currency_code) await markInvoiceCurrencies(db);
      if (orders.level === "lines" && orders.columns.status && orders.creditStatuses?.length)
        await markInvoiceCredits(db);
      return {results, repeatedIds: await markConflictingOrders(db, orders)};
    };
    let result = await read(false);
    if (!numbered && (await anyRejected(db, "parsed_orders"))) result = await read(true);
    // An exact copy of an order-level row repeats its order id (a required, compared column): when
    // no id repeats there is no copy to look for (at 10M orders the search took 3 s).
    if (orders.level === "lines" || result.repeatedIds > 0) await markRepeatedOrders(db);
    await accountForFiles(db, "orders", "parsed_orders", result.results, {maxRejectRate, rejectsDir});
    // Pseudonyms: HMAC-SHA-256 inside DuckDB (privacy.ts), once per distinct buyer; master-list
    // rows (one per customer) get theirs as they are read, with no join.
    await db.run(`CREATE OR REPLACE TEMP TABLE customer_keys AS SELECT raw, ${pseudonym("raw")} AS customer_key FROM (
      SELECT DISTINCT customer_raw AS raw FROM parsed_orders WHERE customer_raw IS NOT NULL AND outcome <> 'rejected') AS ids`);
    await insertOrders(db, orders);
    // Resolving an audience (loaders/resolve.ts) needs the raw ids back; a build never keeps them.
    if (keepRawIds) await db.run("CREATE TABLE raw_ids AS SELECT customer_key, raw FROM customer_keys");
  };
  const master = source.customers;
  const second = master ? await instance.connect() : undefined;
  const readMasterList = async (db: DuckDBConnection) => {
    const fields = mappedOf(master!.columns, CUSTOMER_FIELDS);
    // Several files (one per store, monthly sign-ups) are read each into a table of their own,
    // then put together in file order, each row with its file and its row there: an id repeated
    // across files keeps its first row, as within one file.
    const paths = exportPaths(master!, "customers");
    const read = (ordered: boolean) =>
      readFiles(
        db,
        "parsed_customers",
        paths,
        (path, table) => {
          const file = {...master!, path};
          const query = (raw: string, check: TextCheck) => parseCustomersSql(raw, file, fields, pseudonym, check);
          return readExport(db, table, file, ["customer_id"], staging, query, {ordered, shared: true});
        },
        true
      );
    let results = await read(false);
    if ((await markRepeatedCustomers(db)) > 0 || (await anyRejected(db, "parsed_customers"))) {
      results = await read(true);
      await markRepeatedCustomers(db);
    }
    await accountForFiles(db, "customers", "parsed_customers", results, {maxRejectRate, rejectsDir});
    if (keepRawIds)
      await db.run(
        "CREATE TABLE master_raw_ids AS SELECT customer_key, customer_raw AS raw FROM parsed_customers WHERE outcome = 'accepted'"
      );
    await adoptMasterList(db);
  };
  try {
    // Both run to the end before a failure is reported (the orders' first), so that nothing
    // is still writing when the caller cleans up.
    const outcomes = await Promise.allSettled([readOrders(), second ? readMasterList(second) : Promise.resolve()]);
    for (const outcome of outcomes) if (outcome.status === "rejected") throw outcome.reason;
  } finally {
    second?.closeSync();
    rmSync(staging, {recursive: true, force: true});
  }
  await insertOrderOnlyCustomers(db);
  await loadCampaigns(db, source, pseudonym, staging, rejectsDir, maxRejectRate);
  if (keepRawIds && master) {
    await db.run(
      "INSERT INTO raw_ids SELECT * FROM master_raw_ids WHERE customer_key NOT IN (SELECT customer_key FROM raw_ids)"
    );
    await db.run("DROP TABLE master_raw_ids");
  }
  for (const t of ["parsed_orders", "customer_keys"]) await db.run(`DROP TABLE IF EXISTS ${t}`);
}

/**
 * Reads the files of an export into `table` with `readOne` (a file and the table to read it
 * into). One file is read straight into `table`; several are read each into a table of its own
 * (`table`_0, _1, …), then put together in file order, each row with its file (file_index) and
 * its row there (file_row): a row repeated across files is then a repeat as within one file.
 * A table of the database rather than a TEMP one if `shared`. Exported for tests.
 */
export async function readFiles(
  db: DuckDBConnection,
  table: string,
  paths: string[],
  readOne: (path: string, table: string) => Promise<ReadResult>,
  shared = false
): Promise<(ReadResult & {path: string})[]> {
  if (paths.length === 1) return [{...(await readOne(paths[0], table)), path: paths[0]}];
  const results = [];
  for (const [i, path] of paths.entries()) results.push({...(await readOne(path, `${table}_${i}`)), path});
  // One mapping reads every file, so every table has the same virtual columns: they stay virtual.
  const {virtual} = results[0];
  const stored = virtual.length ? ` EXCLUDE (${virtual.map(([name]) => name).join(", ")})` : "";
  const each = paths.map((_, i) => `SELECT *${stored}, ${i} AS file_index, rowid AS file_row FROM ${table}_${i}`);
  const union = `${each.join(" UNION ALL ")} ORDER BY file_index, file_row`;
  await createParsed(db, table, union, virtual, {ordered: true, shared});
  for (const i of paths.keys()) await db.run(`DROP TABLE ${table}_${i}`);
  return results;
}

/** Accounts for each file of an export read into `parsed` (several files: put together by readFiles). */
async function accountForFiles(
  db: DuckDBConnection,
  source: string,
  parsed: string,
  results: (ReadResult & {path: string})[],
  limits: {maxRejectRate: number; rejectsDir: string}
): Promise<void> {
  const multi = results.length > 1;
  for (const [i, result] of results.entries()) {
    await accountFor(db, {
      source,
      file: result.path,
      parsed: multi ? `(SELECT * FROM ${parsed} WHERE file_index = ${i})` : parsed,
      row: multi ? "file_row" : "rowid",
      raw: result.raw,
      read: result.rows,
      firstLine: result.firstLine,
      gaps: result.gaps,
      readAs: result.readAs,
      ...limits
    });
  }
}

async function anyRejected(db: DuckDBConnection, table: string): Promise<boolean> {
  const [{n}] = await queryRows<{n: number}>(
    db,
    `SELECT count(*) AS n FROM (SELECT 1 FROM ${table} WHERE outcome = 'rejected' LIMIT 1)`
  );
  return n > 0;
}

/** The quality table's name for each file of the source. */
const FILE_SOURCES = {orders: "orders", customers: "customers", campaigns: "campaigns", contacts: "contacts"} as const;

/** The campaign and contact lists, when mapped (both or neither), into campaigns and campaign_contacts. */
async function loadCampaigns(
  db: DuckDBConnection,
  source: FilesSource,
  pseudonym: (raw: string) => string,
  staging: string,
  rejectsDir: string,
  maxRejectRate: number
): Promise<void> {
  const {campaigns, contacts} = source;
  if (!campaigns && !contacts) return;
  if (!campaigns || !contacts) {
    const [given, missing] = campaigns ? ["campaigns", "contacts"] : ["contacts", "campaigns"];
    throw new InputError(
      String((campaigns ?? contacts)!.path),
      undefined,
      undefined,
      `the config maps ${given} but not ${missing}: a campaign is evaluated from both lists`
    );
  }
  const mapped = (file: {columns: object}) =>
    Object.entries(file.columns)
      .filter(([, c]) => c)
      .map(([f]) => f);
  const read = async <F extends CampaignsFile | ContactsFile>(
    name: "campaigns" | "contacts",
    file: F,
    required: string[],
    query: (raw: string, check: TextCheck) => string,
    check: () => Promise<void>
  ) => {
    // Small files: read in order once, so rejected rows and repeats have their line numbers. A
    // list or folder of them (a contact list per campaign) is read as one, in file order.
    const results = await readFiles(db, `parsed_${name}`, exportPaths(file, name), (path, table) =>
      readExport(db, table, {...file, path}, required, staging, query, {ordered: true})
    );
    await check();
    await accountForFiles(db, name, `parsed_${name}`, results, {maxRejectRate, rejectsDir});
  };
  await read(
    "campaigns",
    campaigns,
    ["campaign_id", "sent_date"],
    (raw, check) => parseCampaignsSql(raw, campaigns, mapped(campaigns), check),
    () => checkCampaigns(db)
  );
  await insertCampaigns(db);
  await read(
    "contacts",
    contacts,
    ["campaign_id", "customer_id", "group"],
    (raw, check) => parseContactsSql(raw, contacts, mapped(contacts), pseudonym, check),
    () => checkContacts(db)
  );
  await insertContacts(db);
  for (const t of ["parsed_campaigns", "parsed_contacts"]) await db.run(`DROP TABLE ${t}`);
}
