/**
 * tools/fresh-build.ts, loaded into every build: Framework's cached loader outputs are removed
 * (so a new key, config, data file or database content is never served stale), downloads are
 * kept, and the loaders get one build id between them.
 */
import {spawnSync} from "node:child_process";
import {existsSync, mkdirSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {expect, test} from "vitest";

test("removes the site root's cached loader outputs, keeps its npm downloads, and sets one build id", () => {
  const project = process.cwd();
  const site = join(project, ".workbench", "test-sites", "fresh-build");
  rmSync(site, {recursive: true, force: true});
  const cache = join(site, "pages", ".observablehq", "cache");
  mkdirSync(join(cache, "data"), {recursive: true});
  mkdirSync(join(cache, "_npm", "d3@7.9.0"), {recursive: true});
  writeFileSync(join(cache, "data", "kpis.json"), "{}");
  // a page loader's output (the leadership report's pages)
  mkdirSync(join(cache, "report"), {recursive: true});
  writeFileSync(join(cache, "report", "2026-06.md"), "# stale");
  writeFileSync(join(site, "observablehq.config.js"), `export default {root: "pages"};\n`);
  const run = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      join(project, "tools/fresh-build.ts"),
      "-e",
      "console.log(process.env.WORKBENCH_BUILD_ID)"
    ],
    {
      cwd: site,
      encoding: "utf-8",
      env: {...process.env, NODE_PATH: join(project, "node_modules"), WORKBENCH_BUILD_ID: ""}
    }
  );
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
  expect(existsSync(join(cache, "data"))).toBe(false);
  expect(existsSync(join(cache, "report"))).toBe(false);
  expect(existsSync(join(cache, "_npm", "d3@7.9.0"))).toBe(true);
  rmSync(site, {recursive: true, force: true});
});
