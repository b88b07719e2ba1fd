/**
 * openBuild and fingerprint (loaders/build.ts): a build is reused only while everything it was
 * made from is unchanged (config, key, input files, the code ingestion runs), the key rules hold,
 * and a failed ingestion is reported by one loader only.
 */
import {cpSync, mkdirSync, rmSync, writeFileSync, appendFileSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, expect, test} from "vitest";
import {openBuild} from "../../loaders/build.js";
import {CODE, fingerprint} from "../../loaders/build-folder.js";
import type {WorkbenchConfig} from "../../loaders/config.js";
import {queryRows} from "../../loaders/duckdb.js";
import {AlreadyReported} from "../../loaders/emit.js";
import {InputError} from "../../loaders/sources/files/errors.js";

const DIR = join(process.cwd(), ".workbench", "test-open-build");
const KEY = "open-build-test-key-0123";
let configs = 0;

/** A config module of its own (modules are cached by path) reading `orders`. */
function configFile(orders: string): string {
  const path = join(DIR, `config-${++configs}.ts`);
  const config: WorkbenchConfig = {
    source: {
      type: "files",
      orders: {
        path: orders,
        level: "orders",
        columns: {order_id: "id", customer_id: "customer", ordered_at: "at", net: "net"}
      }
    }
  };
  writeFileSync(path, `export default ${JSON.stringify(config)};\n`);
  return path;
}

const env = (config: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  WORKBENCH_CONFIG: config,
  WORKBENCH_PSEUDONYM_KEY: KEY,
  WORKBENCH_BUILD_ID: "test-build",
  ...extra
});

beforeAll(() => {
  rmSync(DIR, {recursive: true, force: true});
  mkdirSync(DIR, {recursive: true});
});

test("changed data files are ingested again without a config change; unchanged ones reuse the build", async () => {
  const orders = join(DIR, "orders.csv");
  writeFileSync(orders, "id,customer,at,net\n1,a,2024-01-02,10.00\n2,b,2024-01-03,20.00\n");
  const config = configFile(orders);
  const first = await openBuild(env(config));
  const again = await openBuild(env(config, {WORKBENCH_BUILD_ID: "another-build"}));
  expect(again.dir).toBe(first.dir);
  expect(again.info.builtAt).toBe(first.info.builtAt);
  appendFileSync(orders, "3,c,2024-01-04,30.00\n");
  const changed = await openBuild(env(config));
  expect(changed.dir).not.toBe(first.dir);
  const [kpis] = await queryRows<{orders: number; net_sales_cents: number}>(
    changed.db,
    "SELECT orders, net_sales_cents FROM out_kpis"
  );
  expect(kpis).toEqual({orders: 3, net_sales_cents: 6000});
});

test("the fingerprint covers the code ingestion runs, src/lib included, by content", () => {
  const root = join(DIR, "project");
  for (const path of CODE) cpSync(path, join(root, path), {recursive: true});
  const config: WorkbenchConfig = {
    source: {type: "sample", customers: 10, seed: 1, start: "2024-01-01", end: "2024-12-31"}
  };
  const before = fingerprint(config, "c.ts", KEY, "b", root);
  expect(fingerprint(config, "c.ts", KEY, "b", root)).toBe(before);
  appendFileSync(join(root, "src", "lib", "age.ts"), "\n// a change to an age band helper\n");
  const afterLib = fingerprint(config, "c.ts", KEY, "b", root);
  expect(afterLib).not.toBe(before);
  appendFileSync(join(root, "loaders", "schema.ts"), "\n");
  expect(fingerprint(config, "c.ts", KEY, "b", root)).not.toBe(afterLib);
  // A sample or files build is reused across builds; a PostgreSQL one only within its build.
  expect(fingerprint(config, "c.ts", KEY, "other build", root)).toBe(fingerprint(config, "c.ts", KEY, "b", root));
  const pg: WorkbenchConfig = {source: {type: "postgres"}};
  expect(fingerprint(pg, "c.ts", KEY, "other build", root)).not.toBe(fingerprint(pg, "c.ts", KEY, "b", root));
  expect(fingerprint(config, "c.ts", `${KEY}x`, "b", root)).not.toBe(fingerprint(config, "c.ts", KEY, "b", root));
});

test("the development key serves the built-in sample only; a short or empty key is an error", async () => {
  const orders = join(DIR, "orders-key.csv");
  writeFileSync(orders, "id,customer,at,net\n1,a,2024-01-02,10.00\n");
  const config = configFile(orders);
  const {WORKBENCH_PSEUDONYM_KEY: _, ...noKey} = env(config);
  await expect(openBuild(noKey)).rejects.toThrow(
    /WORKBENCH_PSEUDONYM_KEY is not set: the files source holds real customer ids/
  );
  await expect(openBuild(env(config, {WORKBENCH_PSEUDONYM_KEY: ""}))).rejects.toThrow(
    /at least 16 characters long \(it has 0\)/
  );
  await expect(openBuild(env(config, {WORKBENCH_PSEUDONYM_KEY: "short"}))).rejects.toThrow(/at least 16 characters/);
});

test("a failed ingestion is reported by the loader that ran it; the others of the build stop quietly", async () => {
  const orders = join(DIR, "orders-bad.csv");
  writeFileSync(orders, "id,customer,at\n1,a,2024-01-02\n"); // no net column
  const config = configFile(orders);
  const outcomes = await Promise.allSettled([openBuild(env(config)), openBuild(env(config)), openBuild(env(config))]);
  const errors = outcomes.map((o) => (o.status === "rejected" ? o.reason : null));
  expect(errors.filter((e) => e instanceof InputError && !(e instanceof AlreadyReported))).toHaveLength(1);
  expect(errors.filter((e) => e instanceof AlreadyReported)).toHaveLength(2);
  // A new build tries again (and fails again, loudly).
  await expect(openBuild(env(config, {WORKBENCH_BUILD_ID: "next-build"}))).rejects.toBeInstanceOf(InputError);
});
