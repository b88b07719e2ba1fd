/**
 * What the site's data loaders publish. Each src/data/* entry file calls one of these and
 * writes the result to standard output. All of them copy what ingestion computed once
 * (build.ts, derive/publish.ts). Only pseudonymous, minimal columns leave here.
 */
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {openBuild} from "./build.js";
import {PUBLISHED_FILES} from "./derive/published-files.js";
import {MODELS_FILE} from "./derive/model-settings.js";
import {qualitySummary} from "./derive/quality.js";
import {queryRows} from "./duckdb.js";
import {knownValuesSql} from "../src/lib/attributes.js";

/** A Parquet file ingestion wrote, as it is. */
async function publishedFile(table: string): Promise<Buffer> {
  const {dir} = await openBuild();
  return readFile(join(dir, PUBLISHED_FILES[table]));
}

/** customers.parquet: one row per customer (see derive/customers.ts). */
export const customersParquet = () => publishedFile("out_customers");

/** customer-month.parquet: customer × month activity (see derive/customer-month.ts). */
export const customerMonthParquet = () => publishedFile("out_customer_month");

/** customer-day.parquet: customer × day activity, for any as-of date in the browser. */
export const customerDayParquet = () => publishedFile("out_customer_day");

/** campaigns.parquet and campaign-contacts.parquet: the campaigns and who was contacted or held out (pseudonymous). */
export const campaignsParquet = () => publishedFile("out_campaigns");
export const campaignContactsParquet = () => publishedFile("out_campaign_contacts");

/** predictions.parquet: one row per buyer, the models' predictions (see derive/predict.ts). */
export const predictionsParquet = () => publishedFile("out_predictions");

/**
 * models.json: the fitted models, diagnostics, validation, at-risk trend and default clusters
 * (aggregates only), with the sample's true parameters when the data is the built-in sample.
 */
export async function modelsJson(): Promise<string> {
  const {info, dir} = await openBuild();
  const report = JSON.parse(await readFile(join(dir, MODELS_FILE), "utf-8"));
  return JSON.stringify({...report, builtAt: info.builtAt, truth: info.sample?.parameters ?? null}, null, 2);
}

/** kpis.json: headline figures and the as-of date. */
export async function kpisJson(): Promise<string> {
  const {db, info} = await openBuild();
  const [kpis] = await queryRows(db, "SELECT * FROM out_kpis");
  // Attributes the data does not have (every value unknown): pages hide them and say so.
  const known = await queryRows<{attribute: string; known: number}>(db, knownValuesSql("out_customers"));
  const missing = known.filter((k) => k.known === 0).map((k) => k.attribute);
  return JSON.stringify({asOf: info.asOf, builtAt: info.builtAt, source: info.source, ...kpis, missing}, null, 2);
}

/** quality.json: rows read, accepted, classified and rejected per input file (counts only). */
export async function qualityJson(): Promise<string> {
  const {db, info} = await openBuild();
  return JSON.stringify(
    {asOf: info.asOf, builtAt: info.builtAt, seconds: info.seconds, source: info.source, ...(await qualitySummary(db))},
    null,
    2
  );
}
