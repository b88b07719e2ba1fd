/**
 * `npm run build:report` and `npm run report:pdf` as a user runs them, on the site's sample:
 * - the report-only site holds the report pages and their aggregate figures and nothing else:
 *   no customer-level file, no database engine, no pseudonymous key anywhere (every key of the
 *   full build's customer table is looked for), small enough to e-mail;
 * - every figures file passes the small-cell scan;
 * - it opens in Chromium from its front page, with no outside or failed request and no engine;
 * - periods print to PDF in both languages, and the PDF's text holds the headline figures, the
 *   page numbers and the period and build date of its footer, its Chinese drawn in a Chinese font;
 * - on a machine with no font for the page's characters it refuses to print (a PDF of boxes)
 *   and names what to install.
 */
import {execFileSync} from "node:child_process";
import {existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, expect, test} from "vitest";
import {openDuckDB, queryRows} from "../../loaders/duckdb.js";
import type {PeriodReport} from "../../loaders/report/report.js";
import {formatCount} from "../../src/lib/format.js";
import {setLocale} from "../../src/lib/locale.js";
import {MESSAGES} from "../../src/lib/messages.js";
import {launchBrowser, waitForPage, watchPage} from "../../tools/browser.js";
import {reportPdfs} from "../../tools/report-pdf.js";
import {serveStatic, type StaticServer} from "../../tools/static-server.js";
import {builtFile} from "../helpers/dist.js";
import {reportViolations} from "../helpers/report-scan.js";
import {filesUnder} from "../../tools/files.js";

const SITE = join(process.cwd(), ".workbench", "test-sites", "report-only");
const OUT = join(SITE, "dist");

let server: StaticServer;
beforeAll(async () => {
  execFileSync("npm", ["run", "--silent", "build:report", "--", OUT], {stdio: ["ignore", "ignore", "inherit"]});
  server = await serveStatic(OUT);
}, 600_000);
afterAll(async () => server?.close());

const figures = () => filesUnder(join(OUT, "_file")).filter((f) => f.endsWith(".json"));
const latest = (): PeriodReport =>
  figures()
    .map((f) => JSON.parse(readFileSync(f, "utf-8")) as PeriodReport)
    .sort((a, b) => b.period.id.localeCompare(a.period.id))[0];

test("the report-only site: report pages and aggregate figures only, no engine, under 5 MB", () => {
  const all = filesUnder(OUT);
  const pages = all.filter((f) => f.endsWith(".html")).map((f) => f.slice(OUT.length));
  expect(pages).toContain("/report/index.html");
  expect(pages.filter((p) => /^\/report\/\d{4}-\d{2}\.html$/.test(p))).toHaveLength(12);
  expect(pages.filter((p) => !p.startsWith("/report/"))).toEqual(["/index.html"]);
  expect(all.filter((f) => /\.parquet$|\.wasm$|duckdb|\.arrow$/i.test(f))).toEqual([]);
  // Framework's runtime names DuckDB among the libraries it could load on demand (the browser
  // test below shows it never does); nothing else in the site may mention it or a customer key.
  const ours = all.filter((f) => !f.includes(`${join(OUT, "_observablehq")}/`));
  expect(ours.map((f) => readFileSync(f, "latin1")).join("\n")).not.toMatch(/duckdb|customer_key|parquet-wasm/i);
  const bytes = all.reduce((s, f) => s + statSync(f).size, 0);
  expect(bytes).toBeLessThan(5e6);
});

test("no pseudonymous key of any customer appears in the report-only site", async () => {
  const db = await openDuckDB();
  const keys = await queryRows<{k: string}>(
    db,
    `SELECT customer_key AS k FROM read_parquet('${builtFile("_file/data", "customers", ".parquet")}')`
  );
  expect(keys.length).toBeGreaterThan(1000);
  const wanted = new Set(keys.map((r) => r.k));
  const found: string[] = [];
  for (const file of filesUnder(OUT)) {
    const text = readFileSync(file, "utf-8");
    for (const token of text.split(/[^0-9A-Za-z_-]+/)) if (wanted.has(token)) found.push(`${file}: ${token}`);
  }
  expect(found).toEqual([]);
});

test("every figures file passes the small-cell scan", () => {
  expect(figures().length).toBe(12);
  for (const file of figures()) expect(reportViolations(JSON.parse(readFileSync(file, "utf-8")), 10), file).toEqual([]);
});

test("the front page opens the report; pages show their figures with nothing from outside", async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const watch = watchPage(page, server.origin);
    await page.goto(`${server.origin}/?lang=en`);
    await page.waitForURL(/\/report\/\?lang=en$/);
    await waitForPage(page);
    expect((await page.locator("h1:visible").first().textContent())?.trim()).toBe(MESSAGES.en.report.title);
    const report = latest();
    await page.locator(`a[data-period="${report.period.id}"]:visible`).click();
    await page.waitForURL(new RegExp(`/report/${report.period.id}`));
    await waitForPage(page);
    setLocale({language: "en", currency: "CNY"});
    const active = page.locator('[data-lang-copy="en"] [data-kpi="active"] [data-value]');
    expect(await active.textContent()).toBe(formatCount(report.kpis.active.current.value!));
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.failedRequests).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.requests.filter((r) => /duckdb|\.wasm|\.parquet/.test(r))).toEqual([]);
  } finally {
    await browser.close();
  }
});

test("periods print to PDF in both languages with their figures, page numbers and footer", async () => {
  // The oldest and the latest period (all twelve print the same way; npm run report:pdf prints them all).
  const ids = figures()
    .map((f) => (JSON.parse(readFileSync(f, "utf-8")) as PeriodReport).period.id)
    .sort();
  const pdfs = await reportPdfs(OUT, join(SITE, "pdf"), [ids[0], ids.at(-1)!]);
  expect(pdfs).toHaveLength(4);
  const report = latest();
  const built = report.builtAt.slice(0, 16).replace("T", " ");
  for (const language of ["en", "zh-CN"] as const) {
    const file = pdfs.find((f) => f.endsWith(`report-${report.period.id}.${language}.pdf`))!;
    const text = execFileSync("pdftotext", ["-layout", file, "-"], {encoding: "utf-8"});
    setLocale({language, currency: "CNY"});
    const m = MESSAGES[language].report;
    expect(text).toContain(report.period.id);
    expect(text).toContain(formatCount(report.kpis.active.current.value!));
    expect(text).toContain(formatCount(report.kpis.customers.current.value!));
    expect(text).toContain(m.kpis.retention);
    // The footer: the period and build date, and "page / pages" on every page.
    expect(text).toContain(m.printedFrom(report.period.id, built));
    const pages = Number(execFileSync("pdfinfo", [file], {encoding: "utf-8"}).match(/Pages:\s+(\d+)/)![1]);
    expect(pages).toBeGreaterThan(1);
    for (let p = 1; p <= pages; p++) expect(text).toMatch(new RegExp(`${p} ?/ ?${pages}`));
  }
  // pdftotext reads a text layer that is right even where the page printed boxes; the fonts tell.
  // The Chinese report's characters need a font the English one does not use.
  const fonts = (language: string) => {
    const file = pdfs.find((f) => f.endsWith(`report-${report.period.id}.${language}.pdf`))!;
    const lines = execFileSync("pdffonts", [file], {encoding: "utf-8"}).trim().split("\n").slice(2);
    return new Set(lines.map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, "")));
  };
  const english = fonts("en");
  expect([...fonts("zh-CN")].filter((f) => !english.has(f))).not.toEqual([]);
}, 300_000);

test("a machine with no font for the report's characters gets an error naming the font to install, not a PDF of boxes", async () => {
  // Chromium finds its fonts through fontconfig (FONTCONFIG_FILE is read when the browser starts):
  // the system's configuration with every font that covers Simplified Chinese rejected is this
  // machine without its Chinese font. (With no font at all the page itself crashes.)
  const dir = join(SITE, "no-chinese-font");
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(dir, {recursive: true});
  const config = join(dir, "fonts.conf");
  writeFileSync(
    config,
    `<?xml version="1.0"?>
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><pattern><patelt name="lang"><string>zh-cn</string></patelt></pattern></rejectfont></selectfont>
</fontconfig>
`
  );
  const before = process.env.FONTCONFIG_FILE;
  process.env.FONTCONFIG_FILE = config;
  try {
    const id = latest().period.id;
    await expect(reportPdfs(OUT, join(dir, "pdf"), [id])).rejects.toThrow(
      new RegExp(`Chromium has no font for .+ \\(\\d+ characters of /report/${id} in zh-CN\\).*fonts-wqy-microhei`)
    );
    expect(existsSync(join(dir, "pdf", `report-${id}.zh-CN.pdf`))).toBe(false);
  } finally {
    if (before === undefined) delete process.env.FONTCONFIG_FILE;
    else process.env.FONTCONFIG_FILE = before;
  }
}, 300_000);
