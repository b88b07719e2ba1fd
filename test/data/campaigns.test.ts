/**
 * Campaign evaluation on the built-in sample (its seed, 20,000 customers): the SQL's outcomes
 * against an independent count over the same rows, and the 95 % intervals against the uplift
 * the simulation built in (+10 points for the win-back, +6 for the 618 VIP preview).
 */
import {beforeAll, expect, test} from "vitest";
import {queryRows} from "../../loaders/duckdb.js";
import {DEFAULT_SAMPLE, sampleCampaigns} from "../../loaders/sources/synthetic/index.js";
import {type CampaignGroup, campaignOutcomesSql, evaluateCampaigns} from "../../src/lib/campaigns.js";
import {addDays} from "../../src/lib/dates.js";
import {type SampleDatabase, sampleDatabase} from "../helpers/sample-db.js";

let sample: SampleDatabase;
let rows: CampaignGroup[];
const CAMPAIGNS = sampleCampaigns(DEFAULT_SAMPLE.end);
const WINDOWS = Object.fromEntries(CAMPAIGNS.map((c) => [c.campaign_id, c.window_days]));

beforeAll(async () => {
  sample = await sampleDatabase(DEFAULT_SAMPLE.customers, DEFAULT_SAMPLE.seed, DEFAULT_SAMPLE.end);
  await sample.db.run("CREATE VIEW campaigns AS SELECT * FROM gen.campaigns");
  await sample.db.run("CREATE VIEW campaign_contacts AS SELECT * FROM gen.campaign_contacts");
  rows = await queryRows<CampaignGroup>(sample.db, campaignOutcomesSql(WINDOWS));
}, 300_000);

test("outcomes per campaign and group equal an independent count over the contacts and day rows", async () => {
  const contacts = await queryRows<{
    campaign_id: string;
    customer_key: string;
    grp: string;
    redeemed: boolean;
    sent: string;
  }>(
    sample.db,
    "SELECT k.campaign_id, k.customer_key, k.grp, k.redeemed, CAST(c.sent_date AS VARCHAR) AS sent FROM gen.campaign_contacts k JOIN gen.campaigns c USING (campaign_id)"
  );
  const days = new Map<string, {day: string; orders: number; revenue_cents: number}[]>();
  for (const d of sample.days) days.set(d.customer_key, [...(days.get(d.customer_key) ?? []), d]);
  const expected = new Map<string, {customers: number; responders: number; redeemed: number; revenue_cents: number}>();
  for (const k of contacts) {
    const end = addDays(k.sent, WINDOWS[k.campaign_id]);
    const inWindow = (days.get(k.customer_key) ?? []).filter((d) => d.day > k.sent && d.day <= end);
    const key = `${k.campaign_id}/${k.grp}`;
    const e = expected.get(key) ?? {customers: 0, responders: 0, redeemed: 0, revenue_cents: 0};
    e.customers++;
    if (inWindow.some((d) => d.orders > 0)) e.responders++;
    if (k.redeemed) e.redeemed++;
    e.revenue_cents += inWindow.reduce((s, d) => s + d.revenue_cents, 0);
    expected.set(key, e);
  }
  expect(rows).toHaveLength(4);
  for (const r of rows) {
    expect(
      {customers: r.customers, responders: r.responders, redeemed: r.redeemed, revenue_cents: r.revenue_cents},
      `${r.campaign_id}/${r.grp}`
    ).toEqual(expected.get(`${r.campaign_id}/${r.grp}`));
    expect(r.window_days).toBe(WINDOWS[r.campaign_id]);
  }
  // Only the treated redeem, and each redemption is a purchase in the window.
  for (const r of rows.filter((x) => x.grp === "holdout")) expect(r.redeemed).toBe(0);
  for (const r of rows.filter((x) => x.grp === "treatment")) expect(r.responders).toBeGreaterThanOrEqual(r.redeemed);
});

test("the 95 % intervals of both campaigns contain the uplift the sample was built with", () => {
  const evaluations = evaluateCampaigns(rows);
  expect(evaluations.map((e) => e.campaign_id).sort()).toEqual(["VIP618", "WINBACK"]);
  for (const e of evaluations) {
    const truth = CAMPAIGNS.find((c) => c.campaign_id === e.campaign_id)!.trueUplift;
    const {low, high, estimate} = e.responseUplift;
    console.log(
      `${e.campaign_id}: uplift ${(estimate * 100).toFixed(1)} points [${(low * 100).toFixed(1)}, ${(high * 100).toFixed(1)}], true ${truth * 100}`
    );
    expect(low).toBeLessThan(truth);
    expect(high).toBeGreaterThan(truth);
    expect(e.small).toBe(false);
    // Incremental customers are the uplift times the treated group.
    expect(e.incrementalCustomers.estimate).toBeCloseTo(estimate * e.treated.customers, 6);
  }
  // The win-back's effect is large and clear; its revenue uplift too.
  const winBack = evaluations.find((e) => e.campaign_id === "WINBACK")!;
  expect(winBack.responseUplift.pValue).toBeLessThan(0.001);
  expect(winBack.revenueUplift!.low).toBeGreaterThan(0);
});
