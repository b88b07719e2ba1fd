/**
 * Every page of the built site, in headless Chromium and in both languages: it renders its
 * charts and numbers, logs no error, has no failed request, talks to no host but 127.0.0.1, and
 * speaks the chosen language (its title from that language's catalogue, no English catalogue
 * text on a Chinese page), and draws every character in a font (no missing-glyph boxes). The
 * language switch keeps the page and the choice.
 */
import {mkdirSync, readdirSync, readFileSync} from "node:fs";
import {join, relative} from "node:path";
import type {Browser, Locator, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {LANGUAGES} from "../../src/lib/locale.js";
import {QUERY_MEASURE} from "../../src/lib/measures.js";
import {MESSAGES} from "../../src/lib/messages.js";
import {launchBrowser, waitForPage, watchPage} from "../../tools/browser.js";
import {missingGlyphs} from "../../tools/glyphs.js";
import {serveStatic, type StaticServer} from "../../tools/static-server.js";

const DIST = join(process.cwd(), "dist");
const SCREENSHOTS = join(process.cwd(), "test", "screenshots");

/**
 * Every page, except that the leadership report's period pages, all written from one template,
 * are represented by the oldest and the latest (test/site/report-only.test.ts checks the others' files).
 */
function pagePaths(): string[] {
  const all = allPagePaths();
  const periods = all.filter((p) => /^\/report\/\d{4}-/.test(p)).sort();
  return all.filter((p) => !periods.includes(p) || p === periods[0] || p === periods.at(-1));
}

function allPagePaths(dir = DIST): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
    if (e.isDirectory()) return e.name.startsWith("_") ? [] : allPagePaths(join(dir, e.name));
    return e.name.endsWith(".html")
      ? [
          `/${relative(DIST, join(dir, e.name))
            .replace(/\.html$/, "")
            .replace(/(^|\/)index$/, "$1")}`
        ]
      : [];
  });
}

/** The catalogue section of each page. */
const PAGE_MESSAGES: Record<
  string,
  | "overview"
  | "rfm"
  | "rulesLab"
  | "migration"
  | "cohorts"
  | "lifecycle"
  | "value"
  | "demographics"
  | "quality"
  | "clv"
  | "churn"
  | "clusters"
  | "audiences"
  | "campaigns"
  | "loyalty"
  | "report"
> = {
  "/": "overview",
  "/rfm": "rfm",
  "/rules-lab": "rulesLab",
  "/segment-migration": "migration",
  "/cohorts": "cohorts",
  "/lifecycle": "lifecycle",
  "/value": "value",
  "/demographics": "demographics",
  "/data-quality": "quality",
  "/clv": "clv",
  "/churn": "churn",
  "/clusters": "clusters",
  "/audiences": "audiences",
  "/campaigns": "campaigns",
  "/loyalty": "loyalty",
  "/report/": "report"
};

/** A page's title in a language: the leadership report's period pages (/report/2026-06) name their period. */
function pageTitle(path: string, lang: (typeof LANGUAGES)[number]): string | undefined {
  const period = /^\/report\/(\d{4}-(?:\d{2}|Q\d))$/.exec(path)?.[1];
  if (period) return MESSAGES[lang].report.periodTitle(period);
  const key = PAGE_MESSAGES[path];
  return key && (MESSAGES[lang][key] as {title: string}).title;
}

// The pages whose first figures are written into the page at build time (loaders/pages/prerender.ts).
const PRERENDERED = [
  "/",
  "/rfm",
  "/rules-lab",
  "/audiences",
  "/segment-migration",
  "/cohorts",
  "/lifecycle",
  "/value",
  "/demographics",
  "/data-quality",
  "/clv",
  "/churn",
  "/clusters",
  "/campaigns",
  "/loyalty"
];

/**
 * The build-time copy of a page's first figures in `lang` says what the live page, now drawn in
 * its place, says: the same headline numbers, figure titles and first table's rows.
 */
async function expectCopyMatchesLive(page: Page, lang: string): Promise<void> {
  expect(await page.locator("[data-prerendered]").filter({visible: true}).count()).toBe(0);
  const copy = page.locator(`[data-prerendered][lang=${lang}]`);
  const live = page.locator("[data-live]");
  const texts = (l: Locator) => l.evaluateAll((els) => els.map((e) => e.textContent?.trim()));
  const bigs = await texts(copy.locator(".big"));
  expect((await texts(live.locator(".card .big"))).slice(0, bigs.length)).toEqual(bigs);
  const figures = await copy
    .locator("[data-figure]")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-figure")));
  for (const key of figures) {
    const title = await copy.locator(`[data-figure="${key}"] h2`).textContent();
    const liveTitle = await live.locator(`:is([data-chart="${key}"], [data-table="${key}"]) h2`).first().textContent();
    expect(liveTitle, `${key}`).toBe(title);
  }
  const rows = (l: Locator) =>
    l
      .locator("table")
      .first()
      .locator("tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent?.trim()).filter(Boolean))
      );
  if ((await copy.locator("table").count()) > 0) expect(await rows(live)).toEqual(await rows(copy));
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

  for (const path of pagePaths())
    for (const lang of LANGUAGES) {
      test(`${path} in ${lang} renders with no error and no outside request`, async () => {
        const page = await browser.newPage({viewport: {width: 1280, height: 900}});
        const watch = watchPage(page, server.origin);
        await page.goto(`${server.origin}${path}?lang=${lang}`);
        await waitForPage(page);
        await page.screenshot({
          path: join(SCREENSHOTS, `${path === "/" ? "index" : path.slice(1).replaceAll("/", "_")}-${lang}.png`),
          fullPage: true
        });
        expect(await page.getAttribute("html", "lang")).toBe(lang);
        // Every character shown is drawn by an installed font, not as a missing-glyph box.
        expect(await missingGlyphs(page)).toEqual([]);
        const key = path.startsWith("/report/") ? "report" : PAGE_MESSAGES[path];
        expect(key, `a catalogue section for ${path}`).toBeDefined();
        // The first visible heading: the report holds both languages, one shown.
        expect((await page.locator("h1:visible").first().textContent())?.trim()).toBe(pageTitle(path, lang));
        if (lang === "zh-CN") {
          // What the reader sees (innerText leaves out the hidden language).
          // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point here
          const text = await page.locator("#observablehq-main").innerText();
          // Every English string of the page's catalogue section, nested ones included (column
          // headers, reason names), that differs from its Chinese counterpart.
          const strings = (value: unknown): string[] =>
            typeof value === "string"
              ? [value]
              : value && typeof value === "object"
                ? Object.values(value).flatMap(strings)
                : [];
          const chinese = new Set(strings(MESSAGES["zh-CN"][key]));
          const english = strings(MESSAGES.en[key]).filter((v) => v.length > 12 && !chinese.has(v));
          expect(english.filter((v) => text.includes(v))).toEqual([]);
        }
        expect(await page.locator(".observablehq--error").allTextContents()).toEqual([]);
        expect(watch.consoleErrors).toEqual([]);
        expect(watch.failedRequests).toEqual([]);
        expect(watch.foreignRequests).toEqual([]);
        // A page that shows nothing is broken too: at least one chart or one number.
        expect(await page.locator("[data-chart] svg, [data-kpi]").count()).toBeGreaterThan(0);
        if (PRERENDERED.includes(path)) await expectCopyMatchesLive(page, lang);
        await page.close();
      });
    }
});

describe("first paint from build-time results", () => {
  for (const path of pagePaths())
    test(`${path} draws its first chart while DuckDB-WASM cannot load`, async () => {
      const page = await browser.newPage({viewport: {width: 1280, height: 900}});
      await page.route(/duckdb.*\.wasm/, () => undefined); // never answered: whatever waits for DuckDB waits forever
      await page.goto(`${server.origin}${path}?lang=en`);
      await page
        .locator("[data-chart] svg, [data-chart] table, [data-table] table")
        .filter({visible: true}) // the report holds both languages, one shown
        .first()
        .waitFor({timeout: 30_000});
      expect(await page.locator(".observablehq--error").allTextContents()).toEqual([]);
      await page.close();
    });
});

describe("first figures written into the page at build time", () => {
  test("the pages that have them", () => {
    const html = (path: string) =>
      readFileSync(join(DIST, `${path.endsWith("/") ? `${path}index` : path}.html`), "utf-8");
    expect(pagePaths().filter((p) => html(p).includes("data-prerendered"))).toEqual(
      pagePaths().filter((p) => PRERENDERED.includes(p))
    );
    for (const path of PRERENDERED) {
      // Element ids are unique: the live chart must not find the build-time copy's clip paths.
      const ids = [...html(path).matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
      expect(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        path
      ).toEqual([]);
    }
  });

  for (const path of PRERENDERED)
    test(`${path}: shown with scripts off in the site's language, and before the page's modules in the reader's`, async () => {
      const context = await browser.newContext({javaScriptEnabled: false, viewport: {width: 1280, height: 900}});
      const still = await context.newPage();
      await still.goto(`${server.origin}${path}`);
      const shown = still.locator("[data-prerendered]").filter({visible: true});
      expect(await shown.count()).toBe(1);
      expect(await shown.getAttribute("lang")).toBe("zh-CN"); // the site's default
      expect(await shown.locator("svg, table").filter({visible: true}).count()).toBeGreaterThan(0);
      await context.close();

      // Before the page's modules run (here: never), the copy in the reader's language shows.
      const waiting = await browser.newPage({viewport: {width: 1280, height: 900}});
      await waiting.route(/_observablehq\/client\./, () => undefined);
      await waiting.goto(`${server.origin}${path}?lang=en`, {waitUntil: "commit"});
      const first = waiting.locator("[data-prerendered]").filter({visible: true});
      await first.waitFor();
      expect(await first.getAttribute("lang")).toBe("en");
      expect(await waiting.locator("[data-lang-copy] h1").filter({visible: true}).textContent()).toBe(
        pageTitle(path, "en")
      );
      await waiting.close();
    });
});

// The pages whose every figure comes from a spec's prepared defaults (src/lib/*-page.ts, overview.ts,
// migration.ts): with DuckDB-WASM unable to load, a default that drifted from the prepared one
// would leave its figure loading for ever.
describe("every figure of a page with specs is prepared", () => {
  for (const path of ["/", "/cohorts", "/lifecycle", "/value", "/demographics", "/segment-migration"])
    test(`${path} settles without DuckDB-WASM`, async () => {
      const page = await browser.newPage({viewport: {width: 1280, height: 900}});
      await page.route(/duckdb.*\.wasm/, () => undefined);
      await page.goto(`${server.origin}${path}?lang=en`);
      await page.locator("[data-chart] svg").first().waitFor({timeout: 30_000});
      await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, null, {
        timeout: 30_000
      });
      expect(await page.locator(".observablehq--error").allTextContents()).toEqual([]);
      // No query ran: the figures are the build's (db.ts measures every DuckDB-WASM query).
      expect(await page.evaluate((name) => performance.getEntriesByName(name).length, QUERY_MEASURE)).toBe(0);
      await page.close();
    });
});

test("the language switch opens the same page in the other language, and the choice is kept on the next page", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/cohorts?lang=en`);
  await waitForPage(page);
  await page.locator("[data-language-switch] a[data-language=zh-CN]").click();
  await page.waitForURL(/\/cohorts\?lang=zh-CN/);
  await waitForPage(page);
  expect((await page.locator("h1").first().textContent())?.trim()).toBe(MESSAGES["zh-CN"].cohorts.title);
  await page.goto(`${server.origin}/value`);
  await waitForPage(page);
  expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
  expect((await page.locator("h1").first().textContent())?.trim()).toBe(MESSAGES["zh-CN"].value.title);
  await page.close();
});
