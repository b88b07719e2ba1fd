/**
 * The overview page (src/index.md.ts): overview.md, beside this file, with its title, headline
 * figures and first breakdown written in at build time in both languages (prerender.ts), so they
 * paint before any script runs.
 */
import {readFileSync} from "node:fs";
import {ShareBars} from "../../src/components/ShareBars.js";
import {formatCents, formatCount, formatShare} from "../../src/lib/format.js";
import {attributeName, t, withGroupNames} from "../../src/lib/messages.js";
import {OVERVIEW_CONTRIBUTION} from "../../src/lib/overview.js";
import {type Prepared, preparedRows} from "../../src/lib/prepared-key.js";
import type {ContributionRow} from "../../src/lib/contribution.js";
import {loadConfig, siteLocale} from "../config.js";
import {kpisJson} from "../outputs.js";
import {overviewReport} from "../reports.js";
import {esc} from "./dom.js";
import {inEachLanguage} from "./languages.js";
import {PRERENDER_WIDTH, prerenderedPage} from "./prerender.js";

const TEMPLATE = new URL("./overview.md", import.meta.url);
const MARKER = /^<!-- headline:.*-->$/m;

interface Kpis {
  asOf: string;
  source: string;
  builtAt: string;
  customers: number;
  buyers: number;
  repeat_buyers: number;
  customer_sales_cents: number;
  returns_only_customers: number;
  returns_only_cents: number;
  missing: string[];
}

/** The title, the data's line and the four headline cards in the current language. */
function headline(k: Kpis): string {
  const m = t().overview;
  const card = (label: string, key: string, value: string, note = "") =>
    `<div class="card"><h2>${esc(label)}</h2><span class="big" data-kpi="${key}">${esc(value)}</span>${note}</div>`;
  // Customer sales minus this is what the breakdown below adds up to (it counts buyers only).
  const returnsOnly =
    k.returns_only_customers > 0
      ? `<p class="muted" data-kpi="returns-only">${esc(m.returnsOnly(formatCount(k.returns_only_customers), formatCents(k.returns_only_cents)))}</p>`
      : "";
  return [
    `<h1>${esc(m.title)}</h1>`,
    `<p class="muted">${esc(m.meta(k.asOf, k.source, k.builtAt.slice(0, 16).replace("T", " ")))}</p>`,
    `<div class="grid grid-cols-4">`,
    card(m.customers, "customers", formatCount(k.customers)),
    card(m.buyers, "buyers", formatCount(k.buyers)),
    card(m.repeatBuyers, "repeat-rate", k.buyers > 0 ? formatShare(k.repeat_buyers / k.buyers) : "—"),
    card(m.customerSales, "customer-sales", formatCents(k.customer_sales_cents), returnsOnly),
    "</div>"
  ].join("");
}

/** The breakdown by the page's default dimension, as the page draws it first. */
function breakdown(rows: ContributionRow[]): string {
  const {dimension} = OVERVIEW_CONTRIBUTION.defaults;
  const label = attributeName(dimension);
  const chart = ShareBars(withGroupNames(rows, dimension), {width: PRERENDER_WIDTH, label});
  return `<div class="card" data-figure="contribution"><h2>${esc(t().overview.shareBy(label))}</h2>${chart.outerHTML}</div>`;
}

export async function overviewMarkdown(): Promise<string> {
  const kpis = JSON.parse(await kpisJson()) as Kpis;
  const report = JSON.parse(await overviewReport()) as {contribution: Prepared<ContributionRow>[]};
  const copies = inEachLanguage(
    siteLocale((await loadConfig()).config),
    (_, attributes) => `<div ${attributes}>${headline(kpis)}</div>`
  );
  const template = readFileSync(TEMPLATE, "utf-8");
  if (!MARKER.test(template)) throw new Error(`${TEMPLATE.pathname} has lost its headline marker`);
  // The page lists only the attributes the data has: no first breakdown by a missing one.
  const rows = kpis.missing.includes(OVERVIEW_CONTRIBUTION.defaults.dimension)
    ? undefined
    : preparedRows(report.contribution, OVERVIEW_CONTRIBUTION.defaults);
  return prerenderedPage(template.replace(MARKER, copies.join("\n")), () => (rows ? breakdown(rows) : null));
}
