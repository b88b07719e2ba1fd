/** The clusters page (src/clusters.md.ts): its title and the build's default clusters at build time. */
import {type Centre, FIT_SAMPLE} from "../../src/lib/clusters.js";
import {formatCents, formatCount, formatShare} from "../../src/lib/format.js";
import {t} from "../../src/lib/messages.js";
import {modelsJson} from "../outputs.js";
import {esc} from "./dom.js";
import {prerenderedPage, table} from "./prerender.js";

const COLUMNS = ["cluster", "customers", "recencyDays", "orders", "revenue", "revenueShare"] as const;

export async function clustersMarkdown(): Promise<string> {
  const models = JSON.parse(await modelsJson());
  const centres = (models.clusters?.centres ?? []) as Centre[];
  return prerenderedPage(new URL("./clusters.md", import.meta.url), () => {
    if (centres.length === 0) return null;
    const m = t().clusters;
    const describe = centres.map(
      (c) =>
        `<li>${esc(m.describe(c.cluster, formatCount(c.recencyDays), formatCount(c.orders), formatCents(c.revenue * 100)))}</li>`
    );
    return [
      `<h1>${esc(m.title)}</h1>`,
      `<p>${esc(m.intro(formatCount(FIT_SAMPLE)))}</p>`,
      `<div class="card" data-figure="centres"><h2>${esc(m.centres)}</h2>`,
      `<p class="muted">${esc(m.buildTime(models.clusters.k))}</p><ul>${describe.join("")}</ul>`,
      table(centres, COLUMNS, m.columns as Record<string, string>, {
        customers: formatCount,
        recencyDays: formatCount,
        orders: formatCount,
        revenue: (v: number) => formatCents(v * 100),
        revenueShare: formatShare
      }),
      "</div>"
    ].join("\n");
  });
}
