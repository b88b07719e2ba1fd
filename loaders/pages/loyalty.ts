/** The loyalty page (src/loyalty.md.ts): its title and today's recorded tiers at build time. */
import {formatCents, formatCount, formatShare} from "../../src/lib/format.js";
import {type LoyaltyRules, type TierSummary, tierRows} from "../../src/lib/loyalty.js";
import {t} from "../../src/lib/messages.js";
import {rich} from "../../src/lib/rich.js";
import {loyaltyReport} from "../act.js";
import {esc} from "./dom.js";
import {prerenderedPage, table} from "./prerender.js";

const COLUMNS = [
  "tier",
  "customers",
  "buyers_12m",
  "revenue_12m_cents",
  "revenue_cents",
  "retention",
  "recorded_points",
  "liability_cents",
  "points_current",
  "rule_liability_cents"
] as const;

export async function loyaltyMarkdown(): Promise<string> {
  const data = JSON.parse(await loyaltyReport()) as {
    asOf: string;
    rules: LoyaltyRules;
    prepared: {rows: {recorded: TierSummary[]}[]};
  };
  const {rules} = data;
  const recorded = tierRows(data.prepared.rows[0].recorded, rules);
  return prerenderedPage(new URL("./loyalty.md", import.meta.url), () => {
    const m = t().loyalty;
    const intro = m.intro(
      data.asOf,
      rules.spendMonths,
      rules.pointsPerUnit,
      formatCents(rules.pointValue * 100),
      rules.expiryMonths
    );
    return [
      `<h1>${esc(m.title)}</h1>`,
      `<p>${rich(intro).outerHTML}</p>`,
      `<h2>${esc(m.todayTitle)}</h2>`,
      `<p>${esc(m.todayIntro)}</p>`,
      `<h3>${esc(m.recordedTiers)}</h3>`,
      table(recorded, COLUMNS, m.columns as Record<string, string>, {
        customers: formatCount,
        buyers_12m: formatCount,
        revenue_12m_cents: formatCents,
        revenue_cents: formatCents,
        retention: (v: number | null) => (v == null ? "–" : formatShare(v)),
        recorded_points: formatCount,
        liability_cents: formatCents,
        points_current: formatCount,
        rule_liability_cents: formatCents
      })
    ].join("\n");
  });
}
