/** The value-contribution page (src/value.md.ts): its title, headline cards and Lorenz curve at build time. */
import {LorenzCurve} from "../../src/components/LorenzCurve.js";
import {formatCents, formatCount, formatShare} from "../../src/lib/format.js";
import {t} from "../../src/lib/messages.js";
import type {LorenzPoint, ParetoSummary} from "../../src/lib/pareto.js";
import {type Prepared, preparedRows} from "../../src/lib/prepared-key.js";
import {rich} from "../../src/lib/rich.js";
import {VALUE} from "../../src/lib/value-page.js";
import {valueReport} from "../reports.js";
import {esc} from "./dom.js";
import {card, figureCard, PRERENDER_WIDTH, prerenderedPage} from "./prerender.js";

export async function valueMarkdown(): Promise<string> {
  const report = JSON.parse(await valueReport()) as {
    asOf: string;
    lorenz: Prepared<LorenzPoint>;
    summary: Prepared<ParetoSummary>;
  };
  const spec = VALUE(report.asOf);
  const lorenz = preparedRows(report.lorenz, spec.lorenz.defaults);
  const [summary] = preparedRows(report.summary, spec.summary.defaults) ?? [];
  const {topPercent} = spec.summary.defaults;
  return prerenderedPage(new URL("./value.md", import.meta.url), () => {
    if (!lorenz || !summary) return null;
    const m = t();
    const chart = LorenzCurve(lorenz, {
      width: PRERENDER_WIDTH,
      topPercent,
      topShare: summary.top_share,
      gini: summary.gini
    });
    return [
      `<h1>${esc(m.value.title)}</h1>`,
      `<p>${rich(m.value.intro(report.asOf)).outerHTML}</p>`,
      `<div class="grid grid-cols-4">`,
      card(m.common.buyers, formatCount(summary.buyers)),
      card(
        m.value.topBring(topPercent),
        summary.top_share == null ? "–" : formatShare(summary.top_share),
        m.value.nBuyers(formatCount(summary.top_customers))
      ),
      card(m.value.gini, summary.gini == null ? "–" : summary.gini.toFixed(3)),
      card(
        m.common.netRevenue,
        formatCents(summary.revenue_cents),
        m.value.clipped(formatCount(summary.clipped), formatCents(0))
      ),
      "</div>",
      figureCard("lorenz", m.value.lorenz, chart)
    ].join("\n");
  });
}
