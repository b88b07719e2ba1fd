/** The campaigns page (src/campaigns.md.ts): its title and every campaign's response uplift at build time. */
import {UpliftChart} from "../../src/components/UpliftChart.js";
import {CAMPAIGN_PAGE_DEFAULTS, type CampaignGroup, evaluateCampaigns} from "../../src/lib/campaigns.js";
import {t} from "../../src/lib/messages.js";
import {type Prepared, preparedRows} from "../../src/lib/prepared-key.js";
import {rich} from "../../src/lib/rich.js";
import {campaignsReport} from "../act.js";
import {esc} from "./dom.js";
import {figureCard, PRERENDER_WIDTH, prerenderedPage} from "./prerender.js";

export async function campaignsMarkdown(): Promise<string> {
  const data = JSON.parse(await campaignsReport()) as {
    asOf: string;
    campaigns: unknown[];
    groups: Prepared<CampaignGroup>;
    truth: {campaign_id: string; true_uplift: number}[] | null;
  };
  const groups = preparedRows(data.groups, {window: CAMPAIGN_PAGE_DEFAULTS.window});
  const truthOf = (id: string) => data.truth?.find((c) => c.campaign_id === id)?.true_uplift ?? null;
  return prerenderedPage(new URL("./campaigns.md", import.meta.url), () => {
    // No campaigns: the page says so in a sentence, which needs no build-time copy.
    if (data.campaigns.length === 0 || !groups) return null;
    const m = t().campaigns;
    const uplifts = evaluateCampaigns(groups).map((e) => ({
      label: e.campaign_name,
      ...e.responseUplift,
      truth: truthOf(e.campaign_id),
      small: e.small
    }));
    const truthNote = data.truth ? `<p class="muted">${esc(m.truthNote)}</p>` : "";
    return [
      `<h1>${esc(m.title)}</h1>`,
      `<p>${rich(m.intro(data.asOf)).outerHTML}</p>`,
      figureCard("uplift", m.upliftTitle, UpliftChart(uplifts, {width: PRERENDER_WIDTH}), {after: truthNote})
    ].join("\n");
  });
}
