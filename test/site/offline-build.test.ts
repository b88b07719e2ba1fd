/**
 * The offline build end to end on a throwaway site: a page that imports a package that is not
 * installed fails the build with a message naming the package.
 */
import {spawnSync} from "node:child_process";
import {mkdirSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {expect, test} from "vitest";

const project = process.cwd();

test("a page importing a package that is not installed fails the build, naming it", () => {
  const site = join(project, ".workbench", "test-sites", "missing-npm");
  rmSync(site, {recursive: true, force: true});
  mkdirSync(join(site, "src"), {recursive: true});
  writeFileSync(join(site, "observablehq.config.js"), `export default {root: "src", globalStylesheets: []};\n`);
  writeFileSync(
    join(site, "src", "index.md"),
    '```js\nimport leftPad from "npm:left-pad";\ndisplay(leftPad("x", 3));\n```\n'
  );
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
    {cwd: site, encoding: "utf-8", env: {...process.env, NODE_PATH: join(project, "node_modules")}}
  );
  expect(result.status).not.toBe(0);
  expect(`${result.stdout}${result.stderr}`).toContain("npm:left-pad is imported by the site but is not installed");
  rmSync(site, {recursive: true, force: true});
});
