/**
 * Resolving an exported audience back to the retailer's own ids: the round trip on the built-in
 * sample (every id written pseudonymizes to a key of the audience) and on exported files, the
 * refusals (no consent, unknown consent, opted out, unknown key), and the clear failures: no
 * key, another key than the export's, an output folder the site is built from.
 */
import {execFileSync} from "node:child_process";
import {mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {csvFormat, csvParse} from "d3";
import {beforeAll, expect, test} from "vitest";
import {queryRows} from "../../loaders/duckdb.js";
import {DEVELOPMENT_KEY, keyFingerprint, pseudonymizer} from "../../loaders/privacy.js";
import {resolveAudience} from "../../loaders/resolve.js";
import {DEFAULT_SAMPLE} from "../../loaders/sources/synthetic/index.js";
import {AUDIENCE_DEFAULTS, audienceCandidatesSql, audienceRules, audienceSql} from "../../src/lib/audiences.js";
import {fixtureConfig, writeFixtures} from "../fixtures/retail.js";
import {siteDatabase} from "../helpers/site-db.js";

const WORK = join(process.cwd(), ".workbench", "test-resolve");
const OUT = join(WORK, "private");
const KEY = "resolve-test-key-0123456789";

beforeAll(() => {
  rmSync(WORK, {recursive: true, force: true});
  mkdirSync(WORK, {recursive: true});
});

function writeAudience(name: string, rows: {customer_key: string; group: string}[], spec?: object): string {
  const path = join(WORK, `${name}.csv`);
  writeFileSync(path, csvFormat(rows));
  if (spec) writeFileSync(join(WORK, `${name}.json`), JSON.stringify(spec));
  return path;
}

test("built-in sample: the audience round-trips to raw ids; the non-consenting and unknown are refused", async () => {
  const db = await siteDatabase();
  const [{asOf}] = await queryRows<{asOf: string}>(db, "SELECT CAST(max(day) AS VARCHAR) AS asOf FROM customer_day");
  const audience = await queryRows<{customer_key: string; group: string}>(
    db,
    `SELECT customer_key, "group" FROM (${audienceSql(audienceCandidatesSql(asOf, audienceRules(AUDIENCE_DEFAULTS, 0.5).rules), AUDIENCE_DEFAULTS.holdout)})`
  );
  const [refusedKey] = await queryRows<{customer_key: string}>(
    db,
    "SELECT customer_key FROM customers WHERE consent = false ORDER BY customer_key LIMIT 1"
  );
  const path = writeAudience(
    "sample",
    [
      ...audience,
      {customer_key: refusedKey.customer_key, group: "treatment"},
      {customer_key: "ffffffffffffffff", group: "holdout"}
    ],
    {keyFingerprint: keyFingerprint(DEVELOPMENT_KEY)}
  );
  const config = {source: {type: "sample" as const, ...DEFAULT_SAMPLE}};
  const result = await resolveAudience(config, path, OUT, {});
  expect(result.resolved).toBe(audience.length);
  expect([result.refused, result.unknown]).toEqual([1, 1]);
  expect(result.holdout).toBe(audience.filter((r) => r.group === "holdout").length);
  const written = csvParse(readFileSync(result.file, "utf-8"));
  expect(written.columns).toEqual(["customer_id", "group"]);
  const pseudonym = pseudonymizer(DEVELOPMENT_KEY);
  const groups = new Map(audience.map((r) => [r.customer_key, r.group]));
  for (const r of written) {
    expect(r.customer_id).toMatch(/^C\d{7}$/);
    expect(groups.get(pseudonym(r.customer_id!))).toBe(r.group);
  }
  expect(result.file.startsWith(OUT)).toBe(true);
}, 300_000);

test("files: consent given, refused and unknown, a customer the source does not hold; another key, no key and a published folder fail clearly", async () => {
  const files = writeFixtures(join(WORK, "input"));
  const config = fixtureConfig(files);
  const key = pseudonymizer(KEY);
  // 17850 and 17853 consent; 14527 said no; 17852 left it blank; 17851's rows were all rejected.
  const rows = ["17850", "17853", "14527", "17852", "17851"].map((id, i) => ({
    customer_key: key(id),
    group: i === 1 ? "holdout" : "treatment"
  }));
  const path = writeAudience("files", rows, {keyFingerprint: keyFingerprint(KEY)});
  const env = {WORKBENCH_PSEUDONYM_KEY: KEY};
  const result = await resolveAudience(config, path, OUT, env, "2026-12-02");
  expect([result.resolved, result.treatment, result.holdout, result.refused, result.unknown]).toEqual([2, 1, 1, 2, 1]);
  expect(csvParse(readFileSync(result.file, "utf-8")).map((r) => `${r.customer_id}/${r.group}`)).toEqual([
    "17850/treatment",
    "17853/holdout"
  ]);
  await expect(resolveAudience(config, path, OUT, {})).rejects.toThrow(/WORKBENCH_PSEUDONYM_KEY is not set/);
  await expect(resolveAudience(config, path, OUT, {WORKBENCH_PSEUDONYM_KEY: "another-key-0123456789"})).rejects.toThrow(
    /another pseudonym key/
  );
  await expect(resolveAudience(config, path, join("dist", "ids"), env)).rejects.toThrow(
    /may not be written under dist/
  );
  await expect(resolveAudience(config, path, "src", env)).rejects.toThrow(/may not be written under src/);
}, 120_000);

test("the command says what it refused, and fails with a one-line error for a missing file", () => {
  let failure: {status: number; stderr: string} | undefined;
  try {
    execFileSync(process.execPath, ["--import", "tsx", "tools/audience-resolve.ts", join(WORK, "missing.csv")], {
      encoding: "utf-8",
      stdio: "pipe"
    });
  } catch (error) {
    failure = error as {status: number; stderr: string};
  }
  expect(failure?.status).toBe(1);
  expect(failure?.stderr.trim()).toMatch(/^error: cannot read .*missing\.csv/);
});
