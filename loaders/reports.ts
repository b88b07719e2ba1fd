/**
 * Build-time results for the default inputs of the interactive pages (see src/lib/prepared.ts):
 * each page's own spec (defaults and SQL builders, src/lib/*-page.ts, overview.ts, migration.ts),
 * run in native DuckDB over the published tables. Aggregates only — no customer key leaves here.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {COHORT_FILTERS, cohortCubeSql, cohortMembersSql} from "../src/lib/cohorts.js";
import {COHORTS} from "../src/lib/cohorts-page.js";
import {DEMOGRAPHICS} from "../src/lib/demographics-page.js";
import {LIFECYCLE_FILTERS} from "../src/lib/lifecycle.js";
import {LIFECYCLE} from "../src/lib/lifecycle-page.js";
import {VALUE_FILTERS} from "../src/lib/pareto.js";
import {VALUE} from "../src/lib/value-page.js";
import {RULE_SETS, rulesOf, segmentOptions} from "../src/lib/rulesets.js";
import {evaluateRules, type LabInputs} from "../src/lib/lab.js";
import {PAGE_RULES} from "../src/lib/proposal.js";
import {defaultRfmPageInputs, RFM_PAGE_DEFAULTS, rfmPageOptions} from "../src/lib/rfm-options.js";
import {FILTER_COLUMNS, rfmInputs} from "../src/lib/rfm.js";
import {populationSql, rfmCellsSql} from "../src/lib/segments.js";
import {OVERVIEW_CONTRIBUTION} from "../src/lib/overview.js";
import {MIGRATION} from "../src/lib/migration.js";
import {canonicalOptions, type QuerySpec} from "../src/lib/prepared-key.js";
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {type Build, openBuild} from "./build.js";
import {queryRows, toParquet} from "./duckdb.js";
import {keepWhole, reportFile} from "./kept.js";

/** The build's database with the published tables under the names the pages' SQL uses. */
export async function siteTables(): Promise<Build & {asOf: string}> {
  const build = await openBuild();
  // Temporary views (over the published Parquet files) shadow the build file's canonical tables.
  for (const name of ["customers", "customer_month", "customer_day", "predictions", "campaigns", "campaign_contacts"])
    await build.db.run(`CREATE TEMP VIEW ${name} AS SELECT * FROM out_${name}`);
  return {...build, asOf: build.info.asOf};
}

/**
 * A report computed once per build and kept in the build's folder: a page's loader (loaders/pages,
 * which writes its first figures into the page) and its data loader (src/data) both ask for it.
 * The folder is keyed by the code (build.ts, fingerprint), so a kept report is never stale.
 */
export function once(name: string, make: () => Promise<string>): () => Promise<string> {
  return async () => {
    const file = join((await openBuild()).dir, reportFile(name));
    if (existsSync(file)) return readFileSync(file, "utf-8");
    const report = await make();
    keepWhole(file, report);
    return report;
  };
}

/** The values each filter column takes, for the pages' select inputs. */
export async function filterChoices(
  db: DuckDBConnection,
  columns: readonly string[]
): Promise<Record<string, string[]>> {
  const choices: Record<string, string[]> = {};
  for (const column of columns) {
    const rows = await queryRows<{v: string}>(
      db,
      `SELECT DISTINCT CAST(${column} AS VARCHAR) AS v FROM customers WHERE ${column} IS NOT NULL ORDER BY v`
    );
    choices[column] = rows.map((r) => r.v);
  }
  return choices;
}

async function prepared(db: DuckDBConnection, options: unknown, sql: string) {
  return {options, rows: await queryRows(db, sql)};
}

/**
 * A page query (QuerySpec) computed for its defaults; for a spec with `choices`, a list: the
 * defaults first, then every other choice.
 */
async function prepareSpec<O, T>(db: DuckDBConnection, spec: QuerySpec<O, T>) {
  if (!spec.choices) return prepared(db, spec.defaults, spec.sql(spec.defaults));
  const key = canonicalOptions(spec.defaults);
  const all = [];
  for (const options of [spec.defaults, ...spec.choices.filter((c) => canonicalOptions(c) !== key)])
    all.push(await prepared(db, options, spec.sql(options)));
  return all;
}

/** Every spec of a page (src/lib/*-page.ts) computed for its defaults, under the spec's name. */
async function prepareSpecs(db: DuckDBConnection, specs: object) {
  const all: Record<string, Awaited<ReturnType<typeof prepareSpec>>> = {};
  for (const [name, spec] of Object.entries(specs) as [string, QuerySpec<unknown, unknown>][])
    all[name] = await prepareSpec(db, spec);
  return all;
}

/** The segment-migration page's matrix for its default dates and rule set (src/lib/migration.ts). */
export const migrationReport = once("migration", async (): Promise<string> => {
  const {db, asOf} = await siteTables();
  const [{firstDay}] = await queryRows<{firstDay: string}>(db, "SELECT first_day AS firstDay FROM out_kpis");
  return JSON.stringify({asOf, firstDay, migration: await prepareSpec(db, MIGRATION(asOf, firstDay))});
});

/** The overview's breakdown by every attribute, its default first (src/lib/overview.ts). */
export const overviewReport = once("overview", async (): Promise<string> => {
  const {db, asOf} = await siteTables();
  return JSON.stringify({asOf, contribution: await prepareSpec(db, OVERVIEW_CONTRIBUTION)});
});

/** cohort-cube.parquet and cohort-members.parquet: what the cohorts page queries (src/lib/cohorts.ts). */
export async function cohortCubeParquet(): Promise<Buffer> {
  const {db} = await siteTables();
  return toParquet(db, `${cohortCubeSql()} ORDER BY ALL`);
}

export async function cohortMembersParquet(): Promise<Buffer> {
  const {db} = await siteTables();
  return toParquet(db, `${cohortMembersSql()} ORDER BY ALL`);
}

export const cohortsReport = once("cohorts", async (): Promise<string> => {
  const {db, asOf} = await siteTables();
  await db.run(`CREATE TEMP TABLE cohort_cube AS ${cohortCubeSql()}`);
  await db.run(`CREATE TEMP TABLE cohort_members AS ${cohortMembersSql()}`);
  return JSON.stringify({
    asOf,
    choices: await filterChoices(db, COHORT_FILTERS),
    cohorts: await prepareSpec(db, COHORTS)
  });
});

export const lifecycleReport = once("lifecycle", async (): Promise<string> => {
  const {db, asOf} = await siteTables();
  return JSON.stringify({
    asOf,
    choices: await filterChoices(db, LIFECYCLE_FILTERS),
    ...(await prepareSpecs(db, LIFECYCLE(asOf)))
  });
});

export const valueReport = once("value", async (): Promise<string> => {
  const {db, asOf} = await siteTables();
  return JSON.stringify({
    asOf,
    choices: await filterChoices(db, VALUE_FILTERS),
    ...(await prepareSpecs(db, VALUE(asOf)))
  });
});

/** The RFM explorer's grid and segment table (as rfmCellsSql rows) for its default inputs, and its filter values. */
export const rfmReport = once("rfm", async (): Promise<string> => {
  const {db, asOf} = await siteTables();
  // The page's own defaults (src/lib/rfm-options.ts), so the first paint matches them.
  const {rfm} = rfmPageOptions(defaultRfmPageInputs(asOf));
  const set = RULE_SETS.find((r) => r.name === RFM_PAGE_DEFAULTS.ruleSet)!;
  const population = populationSql(rfm, set.population);
  return JSON.stringify({
    asOf,
    choices: await filterChoices(db, FILTER_COLUMNS),
    cells: await prepared(db, rfmInputs(rfm, set.name), rfmCellsSql(population, rulesOf(set)))
  });
});

/** The rules lab's result for its opening rules (src/lib/proposal.ts), baseline and population. */
export const rulesLabReport = once("rules-lab", async (): Promise<string> => {
  const {db, asOf} = await siteTables();
  const inputs: LabInputs = {text: PAGE_RULES, baseline: RULE_SETS[0].name, population: "buyers"};
  await db.run(`CREATE TEMP TABLE lab_population AS ${populationSql(segmentOptions(asOf, {}), inputs.population)}`);
  const baseline = rulesOf(RULE_SETS.find((r) => r.name === inputs.baseline)!);
  const result = await evaluateRules(
    (sql) => queryRows(db, sql),
    inputs.text,
    "SELECT * FROM lab_population",
    baseline
  );
  return JSON.stringify({asOf, lab: {options: inputs, rows: [result]}});
});

export const demographicsReport = once("demographics", async (): Promise<string> => {
  const {db, asOf} = await siteTables();
  return JSON.stringify({
    asOf,
    choices: await filterChoices(db, ["channel"]),
    ...(await prepareSpecs(db, DEMOGRAPHICS(asOf)))
  });
});
