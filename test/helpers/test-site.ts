/**
 * A whole site built from a config of its own (its own site root, output and loader cache under
 * .workbench/test-sites/NAME), and its pages opened in Chromium: for the tests of exports that
 * differ from the built-in sample.
 */
import {execFileSync} from "node:child_process";
import {cpSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {expect} from "vitest";
import type {WorkbenchConfig} from "../../loaders/config.js";
import {launchBrowser, waitForPage, watchPage} from "../../tools/browser.js";
import {filesUnder} from "../../tools/files.js";
import {serveStatic} from "../../tools/static-server.js";

export interface TestSite {
  dir: string;
  /** A JSON file the build published (dist/_file/data/NAME.<hash>.json), parsed (of any shape). */
  published(name: string): ReturnType<typeof JSON.parse>;
  /**
   * Opens each path in English, in turn (a page of its own each: leaving a page while DuckDB-WASM
   * still loads would log an abort), for `check`; no page may show or log an error, fail a request
   * or ask another host for anything.
   */
  onPages(paths: string[], check: (path: string, page: Page) => Promise<void>): Promise<void>;
}

/** The folder of test site `name`. `make(dir)` writes the inputs there and returns the config. */
export function testSite(name: string): TestSite {
  const dir = join(process.cwd(), ".workbench", "test-sites", name);
  return {
    dir,
    published(file) {
      const path = filesUnder(join(dir, "dist", "_file", "data")).find((f) =>
        new RegExp(`/${file}\\.[0-9a-f]+\\.json$`).test(f)
      );
      if (!path) throw new Error(`test site ${name} published no ${file}.json`);
      return JSON.parse(readFileSync(path, "utf-8"));
    },
    async onPages(paths, check) {
      const server = await serveStatic(join(dir, "dist"));
      const browser = await launchBrowser();
      try {
        for (const path of paths) {
          const page = await browser.newPage();
          const watch = watchPage(page, server.origin);
          await page.goto(`${server.origin}${path}?lang=en`);
          await waitForPage(page);
          await check(path, page);
          expect(await page.locator(".observablehq--error").count(), path).toBe(0);
          expect([...watch.consoleErrors, ...watch.failedRequests, ...watch.foreignRequests], path).toEqual([]);
          await page.close();
        }
      } finally {
        await browser.close();
        await server.close();
      }
    }
  };
}

/** Builds the site into site.dir from `config` (after a clean start) with pseudonym key `key`. */
export function buildTestSite(site: TestSite, config: WorkbenchConfig, key: string): void {
  const {dir} = site;
  writeFileSync(join(dir, "workbench.config.ts"), `export default ${JSON.stringify(config, null, 2)};\n`);
  cpSync("src", join(dir, "src"), {recursive: true, filter: (f) => !f.includes(".observablehq")});
  execFileSync("npm", ["run", "--silent", "build"], {
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      WORKBENCH_CONFIG: join(dir, "workbench.config.ts"),
      WORKBENCH_SITE_ROOT: join(dir, "src"),
      WORKBENCH_OUTPUT: join(dir, "dist"),
      WORKBENCH_PSEUDONYM_KEY: key
    }
  });
}

/** Removes the site's folder (inputs, build and output) before it is made again. */
export const cleanTestSite = (site: TestSite): void => rmSync(site.dir, {recursive: true, force: true});
