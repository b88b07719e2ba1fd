/** The segment-migration page (src/segment-migration.md.ts): its title, headline cards and matrix at build time. */
import {MigrationMatrix} from "../../src/components/MigrationMatrix.js";
import {formatCents, formatCount} from "../../src/lib/format.js";
import {segmentName, t} from "../../src/lib/messages.js";
import {MIGRATION, type MigrationRow} from "../../src/lib/migration.js";
import {type Prepared, preparedRows} from "../../src/lib/prepared-key.js";
import {migrationReport} from "../reports.js";
import {esc} from "./dom.js";
import {card, figureCard, PRERENDER_WIDTH, prerenderedPage} from "./prerender.js";

export async function migrationMarkdown(): Promise<string> {
  const report = JSON.parse(await migrationReport()) as {
    asOf: string;
    firstDay: string;
    migration: Prepared<MigrationRow>;
  };
  const {defaults} = MIGRATION(report.asOf, report.firstDay);
  const prepared = preparedRows(report.migration, defaults);
  return prerenderedPage(new URL("./segment-migration.md", import.meta.url), () => {
    if (!prepared) return null;
    const m = t().migration;
    const rows = prepared.map((r) => ({...r, from: segmentName(r.from), to: segmentName(r.to)}));
    const moved = rows.filter((r) => r.from !== r.to);
    const sum = (list: MigrationRow[], field: "customers" | "revenue_cents") => list.reduce((s, r) => s + r[field], 0);
    const {before, after} = defaults;
    const chart = MigrationMatrix(rows, {width: PRERENDER_WIDTH, fromLabel: before, toLabel: after});
    return [
      `<h1>${esc(m.title)}</h1>`,
      `<p>${esc(m.intro)}</p>`,
      `<div class="grid grid-cols-4">`,
      card(m.compared, formatCount(sum(rows, "customers"))),
      card(m.moved, formatCount(sum(moved, "customers"))),
      card(m.movedRevenue, formatCents(sum(moved, "revenue_cents"))),
      card(m.dates, `${before} → ${after}`),
      "</div>",
      figureCard("migration-matrix", m.matrix(before, after), chart)
    ].join("\n");
  });
}
