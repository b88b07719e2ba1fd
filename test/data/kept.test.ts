/**
 * Data loaders copy out what the build keeps (loaders/kept.ts): the same bytes as computing it,
 * read from the build's folder once there. Runs the loaders as Framework does (a process each), on a
 * small sample of their own.
 */
import {execFileSync, type SpawnSyncReturns, spawnSync} from "node:child_process";
import {appendFileSync, readFileSync, readdirSync, renameSync} from "node:fs";
import {join} from "node:path";
import {expect, test} from "vitest";
import {BUILD_FILE} from "../../loaders/build.js";
import {buildFolder} from "../../loaders/build-folder.js";
import {REPORT_FOLDER, reportFile} from "../../loaders/kept.js";
import {reportIndex} from "../../loaders/report/index.js";

const ENV = {WORKBENCH_SAMPLE_CUSTOMERS: "1400"};
// The config module reads the sample's size from this process's environment too (for buildFolder below).
Object.assign(process.env, ENV);

const dataLoader = (file: string) =>
  execFileSync(process.execPath, ["--import", "tsx", join("src", "data", `${file}.ts`)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {...process.env, ...ENV}
  });

test("a report is computed once, kept, and copied out as kept by the next run of its loader", async () => {
  const first = dataLoader("value.json");
  expect(JSON.parse(first.toString()).asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const {dir} = await buildFolder();
  const kept = join(dir, reportFile("value"));
  expect(readFileSync(kept)).toEqual(first);
  appendFileSync(kept, " ");
  // Copied out without DuckDB: it works with the build's database file out of the way.
  const database = join(dir, BUILD_FILE);
  renameSync(database, `${database}.away`);
  try {
    expect(dataLoader("value.json").toString()).toBe(`${first} `);
  } finally {
    renameSync(`${database}.away`, database);
  }
});

test("a published Parquet file is copied out as the build wrote it", async () => {
  dataLoader("customers.parquet"); // ingests when no test has
  const {dir} = await buildFolder();
  const database = join(dir, BUILD_FILE);
  renameSync(database, `${database}.away`);
  let out: Buffer;
  try {
    out = dataLoader("customers.parquet");
  } finally {
    renameSync(`${database}.away`, database);
  }
  expect(out).toEqual(readFileSync(join(dir, "customers.parquet")));
});

test("a report period's JSON is copied out of the report's folder as published; a name that is no period is refused", async () => {
  const {periods} = await reportIndex(); // ingests and writes the report when no test has
  const {dir} = await buildFolder();
  const period = (id: string) =>
    spawnSync(process.execPath, ["--import", "tsx", join("src", "report", "[period].json.ts"), "--period", id], {
      encoding: "utf-8",
      env: {...process.env, ...ENV}
    });
  const [latest] = periods;
  const kept = join(dir, REPORT_FOLDER, `${latest.id}.json`);
  appendFileSync(kept, " ");
  const database = join(dir, BUILD_FILE);
  renameSync(database, `${database}.away`);
  let out: SpawnSyncReturns<string>;
  try {
    out = period(latest.id);
  } finally {
    renameSync(`${database}.away`, database);
  }
  expect(out.stdout).toBe(readFileSync(kept, "utf-8"));
  expect(JSON.parse(out.stdout).period.id).toBe(latest.id);
  for (const id of ["../info", "1999-01"]) {
    const refused = period(id);
    expect(refused.status, id).toBe(1);
    expect(refused.stdout, id).toBe("");
    expect(refused.stderr, id).toContain(`no report for the period ${id}`);
  }
});

test("every report a data loader copies out is one that reports.ts or act.ts keeps under that name", () => {
  const keepers = ["loaders/reports.ts", "loaders/act.ts"].map((f) => readFileSync(f, "utf-8")).join("\n");
  const named = readdirSync("src/data")
    .map((f) => /reportFile\("([^"]+)"\)/.exec(readFileSync(join("src", "data", f), "utf-8"))?.[1])
    .filter((name): name is string => name !== undefined);
  expect(named.length).toBe(11);
  for (const name of named) expect(keepers).toContain(`once("${name}",`);
});
