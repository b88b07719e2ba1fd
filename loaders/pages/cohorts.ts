/** The cohorts page (src/cohorts.md.ts): its title, headline cards and retention heatmap at build time. */
import {CohortHeatmap} from "../../src/components/CohortHeatmap.js";
import {ALL_COHORTS, type CohortCell} from "../../src/lib/cohorts.js";
import {COHORTS} from "../../src/lib/cohorts-page.js";
import {partialMonth, periodOf} from "../../src/lib/dates.js";
import {formatCents, formatCount, formatShare} from "../../src/lib/format.js";
import {t} from "../../src/lib/messages.js";
import {type Prepared, preparedRows} from "../../src/lib/prepared-key.js";
import {rich} from "../../src/lib/rich.js";
import {kpisJson} from "../outputs.js";
import {cohortsReport} from "../reports.js";
import {esc} from "./dom.js";
import {card, chartNote, figureCard, PRERENDER_WIDTH, prerenderedPage} from "./prerender.js";

export async function cohortsMarkdown(): Promise<string> {
  const kpis = JSON.parse(await kpisJson()) as {first_day: string};
  const report = JSON.parse(await cohortsReport()) as {asOf: string; cohorts: Prepared<CohortCell>};
  const cells = preparedRows(report.cohorts, COHORTS.defaults);
  return prerenderedPage(new URL("./cohorts.md", import.meta.url), () => {
    if (!cells) return null;
    const m = t().cohorts;
    const {grain} = COHORTS.defaults;
    const at = (p: number) => cells.find((c) => c.cohort === ALL_COHORTS && c.period === p);
    const [first, second] = [at(0), at(1)];
    const marks = {dataStart: periodOf(kpis.first_day, grain), partial: partialMonth(report.asOf)};
    const chart = CohortHeatmap(cells, {
      width: PRERENDER_WIDTH,
      measure: "retention",
      periodLabel: m.periodLabel(grain),
      ...marks
    });
    return [
      `<h1>${esc(m.title)}</h1>`,
      `<p>${rich(m.intro(report.asOf)).outerHTML}</p>`,
      `<div class="grid grid-cols-4">`,
      card(m.members, formatCount(first?.members ?? 0)),
      card(m.retention1, second ? formatShare(second.retention) : "–"),
      card(m.revenueRetention1, second?.revenue_retention != null ? formatShare(second.revenue_retention) : "–"),
      card(m.ltv0, first ? formatCents(first.ltv_cents) : "–"),
      "</div>",
      figureCard("customer-retention", m.customerRetentionTitle, chart, {after: chartNote(marks.partial)})
    ].join("\n");
  });
}
