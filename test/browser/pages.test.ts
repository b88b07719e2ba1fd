/**
 * Every page of the built site, in headless Chromium: it renders its charts and numbers,
 * logs no error, has no failed request and talks to no host but 127.0.0.1.
 */
import {mkdirSync, readdirSync} from "node:fs";
import {join, relative} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {launchBrowser, waitForPage, watchPage} from "../helpers/browser.js";
import {serveStatic, type StaticServer} from "../helpers/server.js";

const DIST = join(process.cwd(), "dist");
const SCREENSHOTS = join(process.cwd(), "test", "screenshots");

function pagePaths(dir = DIST): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
    if (e.isDirectory()) return e.name.startsWith("_") ? [] : pagePaths(join(dir, e.name));
    return e.name.endsWith(".html") ? [`/${relative(DIST, join(dir, e.name)).replace(/\.html$/, "").replace(/(^|\/)index$/, "$1")}`] : [];
  });
}

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic(DIST);
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, {recursive: true});
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("every page", () => {
  test("the site has pages", () => {
    expect(pagePaths()).toContain("/");
  });

  for (const path of pagePaths()) {
    test(`${path} renders with no error and no outside request`, async () => {
      const page = await browser.newPage({viewport: {width: 1280, height: 900}});
      const watch = watchPage(page, server.origin);
      await page.goto(`${server.origin}${path}`);
      await waitForPage(page);
      await page.screenshot({path: join(SCREENSHOTS, `${path === "/" ? "index" : path.slice(1).replaceAll("/", "_")}.png`), fullPage: true});
      expect(await page.locator(".observablehq--error").allTextContents()).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.failedRequests).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
      // A page that shows nothing is broken too: at least one chart or one number.
      expect(await page.locator("[data-chart] svg, [data-kpi]").count()).toBeGreaterThan(0);
      await page.close();
    });
  }
});
