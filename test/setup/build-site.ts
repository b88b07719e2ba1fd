/**
 * Builds the site once before the tests (the browser tests open dist/). The loader cache and the
 * ingested builds are removed first, so that the tests always see what the current code produces.
 * WORKBENCH_SKIP_BUILD=1 reuses an existing dist/ when iterating on unit tests.
 */
import {execFileSync} from "node:child_process";
import {existsSync, rmSync} from "node:fs";

export default function setup(): void {
  if (process.env.WORKBENCH_SKIP_BUILD === "1" && existsSync("dist/index.html")) return;
  rmSync("dist", {recursive: true, force: true});
  // Ingested builds too: a build is keyed by its code and inputs, but tests start from nothing.
  rmSync(".workbench/build", {recursive: true, force: true});
  rmSync("src/.observablehq/cache/data", {recursive: true, force: true});
  const started = Date.now();
  execFileSync("npm", ["run", "--silent", "build"], {stdio: ["ignore", "ignore", "inherit"]});
  console.log(`site built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
