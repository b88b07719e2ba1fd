/** The CLV page (src/clv.md.ts): its title, headline cards and CLV distribution at build time. */
import {ClvBands} from "../../src/components/ClvBands.js";
import {formatCents, formatCount, formatShare} from "../../src/lib/format.js";
import {t} from "../../src/lib/messages.js";
import {rich} from "../../src/lib/rich.js";
import {modelsJson} from "../outputs.js";
import {esc} from "./dom.js";
import {card, figureCard, PRERENDER_WIDTH, prerenderedPage} from "./prerender.js";

export async function clvMarkdown(): Promise<string> {
  const models = JSON.parse(await modelsJson());
  return prerenderedPage(new URL("./clv.md", import.meta.url), () => {
    const m = t().clv;
    const s = models.settings;
    const intro = m.intro(s.horizonMonths, formatShare(s.monthlyDiscount), formatShare(s.margin), models.asOf);
    return [
      `<h1>${esc(m.title)}</h1>`,
      `<p>${rich(intro).outerHTML}</p>`,
      `<div class="grid grid-cols-4">`,
      card(m.buyers, formatCount(models.buyers)),
      card(m.totalClv(s.horizonMonths), formatCents(models.totals.clvCents)),
      card(m.meanClv, formatCents(models.buyers ? models.totals.clvCents / models.buyers : 0)),
      card(m.expected90, formatCount(models.totals.expected90)),
      "</div>",
      figureCard("clv-bands", m.distribution, ClvBands(models.clvBands, {width: PRERENDER_WIDTH}))
    ].join("\n");
  });
}
