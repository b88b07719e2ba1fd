/**
 * The overview page (src/index.md.ts): overview.md, beside this file, with its four headline
 * figures written in at build time in both languages. Written into the page, they paint before
 * any script runs: a page's scripts start only after every module it preloads (some eighty on the
 * overview, six at a time from one host) has arrived, which took over a second at 1M customers
 * (BENCHMARKS.md, bench:report).
 */
import {readFileSync} from "node:fs";
import {formatCents, formatCount, formatShare} from "../../src/lib/format.js";
import {t} from "../../src/lib/messages.js";
import {loadConfig, siteLocale} from "../config.js";
import {inEachLanguage} from "./languages.js";
import {kpisJson} from "../outputs.js";

const TEMPLATE = new URL("./overview.md", import.meta.url);
const MARKER = /^<!-- headline:.*-->$/m;

interface Kpis {
  customers: number;
  buyers: number;
  repeat_buyers: number;
  customer_sales_cents: number;
}

/** The four headline cards in the current language. */
function headline(k: Kpis): string {
  const m = t().overview;
  const card = (label: string, key: string, value: string) =>
    `<div class="card"><h2>${label}</h2><span class="big" data-kpi="${key}">${value}</span></div>`;
  return [
    card(m.customers, "customers", formatCount(k.customers)),
    card(m.buyers, "buyers", formatCount(k.buyers)),
    card(m.repeatBuyers, "repeat-rate", k.buyers > 0 ? formatShare(k.repeat_buyers / k.buyers) : "—"),
    card(m.customerSales, "customer-sales", formatCents(k.customer_sales_cents))
  ].join("");
}

export async function overviewMarkdown(): Promise<string> {
  const kpis = JSON.parse(await kpisJson()) as Kpis;
  const copies = inEachLanguage(
    siteLocale((await loadConfig()).config),
    (_, attributes) => `<div class="grid grid-cols-4" ${attributes}>${headline(kpis)}</div>`
  );
  const template = readFileSync(TEMPLATE, "utf-8");
  if (!MARKER.test(template)) throw new Error(`${TEMPLATE.pathname} has lost its headline marker`);
  return template.replace(MARKER, copies.join("\n"));
}
