/**
 * The offline build end to end on throwaway sites: a page importing an installed package builds,
 * its downloads answered from node_modules (the shim's log lists them) and the bundle in dist/; a
 * page that imports a package that is not installed fails the build with a message naming it.
 */
import {spawnSync} from "node:child_process";
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {expect, test} from "vitest";

const project = process.cwd();

/** A one-page site under .workbench/test-sites/NAME, built with the offline shim. */
function buildSite(name: string, page: string, env: Record<string, string> = {}) {
  const site = join(project, ".workbench", "test-sites", name);
  rmSync(site, {recursive: true, force: true});
  mkdirSync(join(site, "src"), {recursive: true});
  writeFileSync(join(site, "observablehq.config.js"), `export default {root: "src", globalStylesheets: []};\n`);
  writeFileSync(join(site, "src", "index.md"), page);
  // The shim answers from the node_modules of the folder the build runs in: the project's.
  symlinkSync(join(project, "node_modules"), join(site, "node_modules"));
  const result = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      join(project, "tools/offline/register.ts"),
      join(project, "node_modules/@observablehq/framework/dist/bin/observable.js"),
      "build"
    ],
    {cwd: site, encoding: "utf-8", env: {...process.env, NODE_PATH: join(project, "node_modules"), ...env}}
  );
  return {site, result, output: `${result.stdout}${result.stderr}`};
}

test("a page importing a package that is not installed fails the build, naming it", () => {
  const {site, result, output} = buildSite(
    "missing-npm",
    '```js\nimport leftPad from "npm:left-pad";\ndisplay(leftPad("x", 3));\n```\n'
  );
  expect(result.status).not.toBe(0);
  expect(output).toContain("npm:left-pad is imported by the site but is not installed");
  rmSync(site, {recursive: true, force: true});
});

test("a page importing an installed package builds offline: the shim answers its downloads from node_modules", () => {
  const log = join(project, ".workbench", "test-sites", "answered.txt");
  rmSync(log, {force: true});
  const {site, result, output} = buildSite(
    "installed-npm",
    '```js\nimport {sum} from "npm:d3-array";\ndisplay(sum([1, 2]));\n```\n',
    {WORKBENCH_OFFLINE_LOG: log}
  );
  expect(result.status, output).toBe(0);
  const version = JSON.parse(readFileSync(join(project, "node_modules/d3-array/package.json"), "utf-8")).version;
  const answered = readFileSync(log, "utf-8").trim().split("\n");
  expect(answered.some((u) => u.startsWith("https://registry.npmjs.org/d3-array"))).toBe(true);
  expect(answered).toContain(`https://cdn.jsdelivr.net/npm/d3-array@${version}/+esm`);
  expect(
    answered.every((u) => u.startsWith("https://registry.npmjs.org/") || u.startsWith("https://cdn.jsdelivr.net/"))
  ).toBe(true);
  const npm = join(site, "dist", "_npm");
  expect(existsSync(npm) && readdirSync(npm).some((d) => d.startsWith(`d3-array@${version}`))).toBe(true);
  rmSync(site, {recursive: true, force: true});
});
