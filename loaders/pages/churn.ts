/** The churn page (src/churn.md.ts): its title, at-risk counts and at-risk trend at build time. */
import {AtRiskTrend} from "../../src/components/AtRiskTrend.js";
import {formatCount} from "../../src/lib/format.js";
import {t} from "../../src/lib/messages.js";
import {rich} from "../../src/lib/rich.js";
import {modelsJson} from "../outputs.js";
import {esc} from "./dom.js";
import {card, figureCard, PRERENDER_WIDTH, prerenderedPage} from "./prerender.js";

export async function churnMarkdown(): Promise<string> {
  const models = JSON.parse(await modelsJson());
  return prerenderedPage(new URL("./churn.md", import.meta.url), () => {
    const m = t().churn;
    const count = (v: number | null) => (v == null ? "–" : formatCount(v));
    const of = m.buyersOf(formatCount(models.buyers));
    return [
      `<h1>${esc(m.title)}</h1>`,
      `<p>${rich(m.intro(models.settings.riskThreshold, models.asOf)).outerHTML}</p>`,
      `<div class="grid grid-cols-3">`,
      card(m.atRiskModel, count(models.totals.atRiskModel), of),
      card(m.atRiskRule, count(models.totals.atRiskRule), of),
      card(m.both, count(models.totals.both)),
      "</div>",
      models.methods.pAlive === "none" ? `<p class="muted">${esc(m.noModel)}</p>` : "",
      figureCard("at-risk-trend", m.trend, AtRiskTrend(models.trend, {width: PRERENDER_WIDTH}))
    ].join("\n");
  });
}
