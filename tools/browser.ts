/**
 * Headless Chromium (Debian's package) driven by playwright-core, with a watch on everything
 * a page does that a user would call broken: console errors, failed requests, and any request
 * to a host other than the site's own.
 */
import {existsSync} from "node:fs";
import {chromium, type Browser, type Page} from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Launches Chromium, or fails with what to install: a missing browser is never a skipped test. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install Debian's package: \`sudo apt-get install -y chromium\` ` +
        `(npm test installs it by itself when run as root), or set CHROMIUM_PATH.`
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run"
    ]
  });
}

export interface PageWatch {
  consoleErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
  requests: string[];
}

/** Records errors and requests of a page; `origin` is the only host it may talk to. */
export function watchPage(page: Page, origin: string): PageWatch {
  const watch: PageWatch = {consoleErrors: [], failedRequests: [], foreignRequests: [], requests: []};
  page.on("console", (m) => m.type() === "error" && watch.consoleErrors.push(m.text()));
  page.on("pageerror", (e) => watch.consoleErrors.push(`uncaught: ${e.message}`));
  page.on("requestfailed", (r) => watch.failedRequests.push(`${r.url()} (${r.failure()?.errorText})`));
  page.on("response", (r) => r.status() >= 400 && watch.failedRequests.push(`${r.url()} (HTTP ${r.status()})`));
  page.on("request", (r) => {
    const url = r.url();
    watch.requests.push(url);
    if (!url.startsWith(`${origin}/`) && !url.startsWith("data:") && !url.startsWith("blob:"))
      watch.foreignRequests.push(url);
  });
  return watch;
}

/**
 * Waits until Framework has rendered every cell: no cell is still pending, every chart card
 * holds an SVG, and every element named by a [data-wait-for] selector exists. Framework shows an <observablehq-loading> element in place of a pending cell.
 */
export async function waitForPage(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector("#observablehq-main") !== null &&
      document.querySelectorAll("observablehq-loading").length === 0 &&
      Array.from(document.querySelectorAll("[data-chart]")).every((c) => c.querySelector("svg, .empty-state")) &&
      // A page whose results arrive without a loading indicator names what to wait for.
      Array.from(document.querySelectorAll("[data-wait-for]")).every((w) =>
        document.querySelector(w.getAttribute("data-wait-for")!)
      ),
    undefined,
    {timeout}
  );
  // Cells that compute without showing a loading indicator (display() in a cell still awaiting a
  // query) are done when the page has stopped changing for a moment.
  await page.evaluate(`new Promise((resolve) => {
    let timer = setTimeout(finish, 600);
    const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(finish, 600); });
    function finish() { observer.disconnect(); resolve(); }
    observer.observe(document.querySelector("#observablehq-main"), {subtree: true, childList: true, attributes: true, characterData: true});
  })`);
}
