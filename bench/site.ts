/** Shared by the browser benchmarks: a built site per sample size, medians, and timed UI changes. */
import {execFileSync} from "node:child_process";
import {createHash} from "node:crypto";
import {cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import type {Browser, Locator, Page} from "playwright-core";

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The range of times `xs`, as a table cell: "80–155 ms". */
export const msRange = (xs: number[]) => `${Math.min(...xs)}–${Math.max(...xs)} ms`;

/** How much of the line the spans [start, end] cover, each stretch counted once however many spans overlap it. */
export function coveredLength(spans: [number, number][]): number {
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

/** A hash of the site's and loaders' source files: a bench site built from other code is stale. */
function sourceHash(): string {
  const hash = createHash("sha256");
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith(".")) continue;
      if (e.isDirectory()) walk(join(dir, e.name));
      else hash.update(join(dir, e.name)).update(readFileSync(join(dir, e.name)));
    }
  };
  ["src", "loaders"].forEach(walk);
  return hash.digest("hex");
}

/**
 * Builds the site for a sample size into .workbench/bench/site-N (its own loader cache), unless
 * a build of the same source with every page named is there already.
 */
export function buildSite(customers: number, pages: string[], {blank = false} = {}): string {
  const site = join(process.cwd(), ".workbench", "bench", `site-${customers}`);
  const source = sourceHash();
  const stamp = join(site, "source.sha256");
  const current = existsSync(stamp) && readFileSync(stamp, "utf-8") === source;
  const wanted = blank ? [...pages, "blank", "update-floor"] : pages;
  if (current && wanted.every((p) => existsSync(join(site, "dist", `${p}.html`)))) return join(site, "dist");
  rmSync(site, {recursive: true, force: true});
  cpSync("src", join(site, "src"), {recursive: true, filter: (f) => !f.includes(".observablehq")});
  // The floor of a page's first paint: a Framework page of the same site with one static chart.
  if (blank) {
    writeFileSync(
      join(site, "src", "blank.md"),
      '---\ntitle: Blank\ntoc: false\n---\n\n<div class="card" data-chart="blank"><svg width="100" height="20"></svg></div>\n'
    );
    writeFileSync(join(site, "src", "update-floor.md"), UPDATE_FLOOR);
  }
  const started = Date.now();
  execFileSync("npm", ["run", "--silent", "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      WORKBENCH_SAMPLE_CUSTOMERS: String(customers),
      WORKBENCH_SITE_ROOT: join(site, "src"),
      WORKBENCH_OUTPUT: join(site, "dist")
    }
  });
  writeFileSync(stamp, source);
  console.log(`built the ${customers}-customer site in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return join(site, "dist");
}

/**
 * The floor of an input change: a Framework page whose one input runs one DuckDB-WASM query, the
 * way the workbench's pages run theirs (db.ts: queryRows, timed by its measure; early.ts: the query
 * starts at the input event), and shows one number. Its end to end less its query is what Framework
 * and the browser add to any change: the frame's wait, the cells, the layout and the paint.
 */
const UPDATE_FLOOR = `---
title: Update floor
toc: false
---

\`\`\`js
import {deferredDatabase, openDatabase, queryRows} from "./lib/db.js";
import {queryOnInput} from "./lib/early.js";
\`\`\`

\`\`\`js
const database = deferredDatabase(() => openDatabase({customer_day: FileAttachment("data/customer-day.parquet")}));
const buyersSql = (since) => \`SELECT count(DISTINCT customer_key)::INTEGER AS n FROM customer_day WHERE day >= DATE '\${since}'\`;
const sinceInput = Inputs.radio(["2025-01-01", "2025-07-01", "2026-01-01"], {label: "Buyers since", value: "2025-01-01"});
const since = view(sinceInput);
queryOnInput(sinceInput, database, () => [buyersSql(sinceInput.value)], invalidation);
\`\`\`

\`\`\`js
const [{n}] = await queryRows(await database.ready, buyersSql(since));
\`\`\`

<div class="card"><h2>Buyers</h2><span class="big" data-value="floor">\${n.toLocaleString("en-US")}</span></div>
`;

/**
 * Milliseconds from the first `input` event `act` causes (the user's edit, click or keystroke,
 * whatever the automation costs before it) to the frame that paints `selector` there with other
 * text than before: what a user waits for.
 * - Not while it is gone: a cell that redraws removes its old figure first, and a moment without it
 *   is not the change shown (the overview's chart was timed so before, by its legend's first swatch,
 *   whose text never changes).
 * - Seen in the frame's ResizeObserver callbacks, after its animation-frame callbacks (where
 *   Framework's runtime computes cells, k-means included) and its layout: a 1-pixel probe resized
 *   in every frame makes one fire each frame, and every element the page adds is watched too.
 * - Timed when that frame's work on the main thread is over: a message posted from the callback
 *   arrives after the rest of the frame, whatever it holds. The probe's callbacks run before those
 *   of observers made later, and a chart drawn by Framework's resize() is drawn in a callback of its
 *   own, then laid out again and painted in the same frame: timed in the callback itself (as until
 *   2026-12-04), such a chart's drawing, second layout and paint were left out.
 */
export async function timeChange(page: Page, selector: string, act: () => Promise<void>): Promise<number> {
  const before = await page.locator(selector).first().textContent();
  // A string: tsx would wrap a function's inner functions in a helper the page lacks.
  await page.evaluate(`{
    const w = window;
    const selector = ${JSON.stringify(selector)}, before = ${JSON.stringify(before)};
    w.probe?.stop();
    delete w.editAt;
    delete w.paintedAt;
    delete w.seen;
    document.addEventListener("input", () => (w.editAt ??= performance.now()), {capture: true, once: true});
    const check = () => {
      if (w.paintedAt !== undefined || w.editAt === undefined) return;
      const figure = document.querySelector(selector);
      if (w.seen || figure === null || figure.textContent === before) return;
      w.seen = true;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (w.paintedAt = performance.now());
      channel.port2.postMessage(0);
    };
    const tick = document.createElement("div");
    tick.style.cssText = "position: fixed; left: 0; top: 0; width: 1px; height: 1px; visibility: hidden";
    const frames = new ResizeObserver(check);
    frames.observe(tick);
    let running = true;
    const frame = () => {
      tick.style.width = tick.style.width === "1px" ? "2px" : "1px";
      if (running && w.paintedAt === undefined) requestAnimationFrame(frame);
    };
    const added = new ResizeObserver(check);
    const adds = new MutationObserver((records) => {
      for (const r of records) for (const node of r.addedNodes) if (node instanceof Element && node !== tick) added.observe(node);
    });
    adds.observe(document.body, {subtree: true, childList: true});
    document.body.append(tick);
    requestAnimationFrame(frame);
    w.probe = {stop: () => { running = false; adds.disconnect(); frames.disconnect(); added.disconnect(); tick.remove(); }};
  }`);
  await act();
  const elapsed = await page.waitForFunction(
    () => {
      const w = window as unknown as {editAt?: number; paintedAt?: number};
      return w.paintedAt !== undefined && w.editAt !== undefined ? w.paintedAt - w.editAt : false;
    },
    undefined,
    {timeout: 300_000}
  );
  return Math.round((await elapsed.jsonValue()) as number);
}

/**
 * Chooses the options labelled `labels` in a select as a user's choice reaches the page: one input
 * event. Playwright's selectOption dispatches an untrusted input event and a change event, and
 * Inputs.select, which cannot tell an untrusted input from none, answers the change with a second
 * input event: every change would be computed twice. (A browser's own input event is trusted, and
 * Inputs then leaves the change alone.)
 */
export function choose(select: Locator, labels: string[]): Promise<void> {
  return select.evaluate((element, wanted) => {
    for (const option of (element as HTMLSelectElement).options) option.selected = wanted.includes(option.label);
    element.dispatchEvent(new Event("input", {bubbles: true}));
  }, labels);
}

/**
 * Cold loads of `path` (a fresh browser context each): for each selector, the milliseconds from
 * the navigation's start to the first animation frame in which an element it matches is shown
 * (not hidden by display or visibility, not of zero height), timed in the page. Timed from Node,
 * waitForSelector would add the time its probe waits for a main thread busy compiling the page's
 * modules, which overstates a figure written into the HTML by up to a second.
 */
export async function coldLoads<K extends string>(
  browser: Browser,
  origin: string,
  path: string,
  n: number,
  selectors: Record<K, string>
): Promise<Record<K, number[]>> {
  const times = Object.fromEntries(Object.keys(selectors).map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < n; i++) {
    const context = await browser.newContext();
    // A string: tsx would wrap a function's inner functions in a helper the page lacks.
    await context.addInitScript(`{
      const shown = (selector) => [...document.querySelectorAll(selector)].some(
        (e) => e.checkVisibility({visibilityProperty: true}) && e.getBoundingClientRect().height > 0);
      window.shownAt = Object.fromEntries(Object.entries(${JSON.stringify(selectors)}).map(([key, selector]) => [
        key,
        new Promise((resolve) => {
          const frame = (time) => (shown(selector) ? resolve(time) : requestAnimationFrame(frame));
          requestAnimationFrame(frame);
        })
      ]));
    }`);
    const page = await context.newPage();
    await page.goto(`${origin}/${path}`);
    for (const key of Object.keys(selectors) as K[]) {
      const at = await page.evaluate(
        (k) => (window as unknown as {shownAt: Record<string, Promise<number>>}).shownAt[k],
        key
      );
      times[key].push(Math.round(at));
    }
    await context.close();
  }
  return times;
}
