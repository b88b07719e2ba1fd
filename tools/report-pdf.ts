/**
 * `npm run report:pdf [-- SITE [OUTPUT]]`: every period's leadership report as PDF, in each
 * language, printed by Debian's Chromium from a built site (default dist-report/, made by
 * `npm run build:report`; dist/ works too) into OUTPUT (default report-pdf/):
 * report-2026-06.zh-CN.pdf, report-2026-06.en.pdf, … The pages' own print styles (src/style.css,
 * A4, page numbers, period and build date in the footer) lay them out. It stops with what to
 * install rather than print a page whose characters no installed font can draw (tools/glyphs.ts).
 */
import {existsSync, mkdirSync, readdirSync} from "node:fs";
import {join, resolve} from "node:path";
import {UserError} from "../loaders/errors.js";
import {LANGUAGES} from "../src/lib/locale.js";
import {launchBrowser} from "./browser.js";
import {missingGlyphs} from "./glyphs.js";
import {serveStatic} from "./static-server.js";

/** Prints every period of the built site `site` (or those in `only`) into `output`; returns the files. */
export async function reportPdfs(site: string, output: string, only?: string[]): Promise<string[]> {
  const pages = join(site, "report");
  if (!existsSync(pages)) throw new UserError(`${site} has no report pages: run npm run build:report first`);
  const periods = readdirSync(pages)
    .filter((f) => /^\d{4}-(\d{2}|Q\d)\.html$/.test(f))
    .map((f) => f.replace(/\.html$/, ""))
    .filter((p) => !only || only.includes(p))
    .sort();
  mkdirSync(output, {recursive: true});
  const server = await serveStatic(site);
  const browser = await launchBrowser();
  const written: string[] = [];
  try {
    const page = await browser.newPage();
    for (const period of periods)
      for (const language of LANGUAGES) {
        await page.goto(`${server.origin}/report/${period}?lang=${language}`);
        // The page's script has chosen the language (and its footer) once the section is shown.
        await page.waitForSelector(`[data-lang-copy="${language}"][data-shown]`, {state: "attached"});
        await page.waitForFunction(
          (l) => !document.querySelector(`[data-lang-copy]:not([data-lang-copy="${l}"])[data-shown]`),
          language
        );
        // A machine without a Chinese font would print the Chinese report as boxes: refuse.
        const missing = await missingGlyphs(page);
        if (missing.length > 0)
          throw new UserError(
            `Chromium has no font for ${missing.slice(0, 12).join(" ")}${missing.length > 12 ? " …" : ""} ` +
              `(${missing.length} characters of /report/${period} in ${language}); the PDF would show boxes. ` +
              `Install a font that covers them, e.g. Debian's fonts-wqy-microhei (\`sudo apt-get install -y fonts-wqy-microhei\`; ` +
              `npm test installs it when run as root).`
          );
        const file = join(output, `report-${period}.${language}.pdf`);
        await page.pdf({path: file, preferCSSPageSize: true, printBackground: true});
        written.push(file);
      }
  } finally {
    await browser.close();
    await server.close();
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const site = resolve(process.argv[2] ?? "dist-report");
  const output = resolve(process.argv[3] ?? "report-pdf");
  try {
    const written = await reportPdfs(site, output);
    console.log(`${written.length} PDFs in ${output}`);
  } catch (error) {
    // An input error is explained in its message; anything else is a bug worth its stack.
    console.error(error instanceof UserError ? `error: ${error.message}` : error);
    process.exitCode = 1;
  }
}
