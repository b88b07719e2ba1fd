/**
 * Campaign evaluation on the built-in sample (its seed, 20,000 customers): the SQL's outcomes
 * against an independent count over the same rows, and the 95 % intervals against the uplift
 * the simulation built in (+10 points for the win-back, +6 for the 618 VIP preview).
 */
import {beforeAll, expect, test} from "vitest";
import {queryRows} from "../../loaders/duckdb.js";
import {DEFAULT_SAMPLE, sampleCampaigns} from "../../loaders/sources/synthetic/index.js";
import {isoDate} from "../../loaders/sources/synthetic/calendar.js";
import {
  type CampaignGroup,
  campaignOutcomesSql,
  campaignSegmentsSql,
  campaignSettings,
  evaluateCampaigns
} from "../../src/lib/campaigns.js";
import {DEFAULT_RULE_SET, rulesOf} from "../../src/lib/rulesets.js";
import {segmentsAtSql} from "../../src/lib/segments.js";
import {addDays} from "../../src/lib/dates.js";
import {type SampleDatabase, sampleDatabase} from "../helpers/sample-db.js";

let sample: SampleDatabase;
let rows: CampaignGroup[];
const CAMPAIGNS = sampleCampaigns(DEFAULT_SAMPLE.end);
const WINDOWS = Object.fromEntries(CAMPAIGNS.map((c) => [c.campaign_id, c.window_days]));

beforeAll(async () => {
  sample = await sampleDatabase(DEFAULT_SAMPLE.customers, DEFAULT_SAMPLE.seed, DEFAULT_SAMPLE.end);
  rows = await queryRows<CampaignGroup>(sample.db, campaignOutcomesSql());
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

test("a response window for every campaign overrides each campaign's own", async () => {
  const longer = await queryRows<CampaignGroup>(sample.db, campaignOutcomesSql({window: 60}));
  expect(longer.map((r) => r.window_days)).toEqual(rows.map(() => 60));
  for (const r of longer) {
    const own = rows.find((x) => x.campaign_id === r.campaign_id && x.grp === r.grp)!;
    expect(r.customers).toBe(own.customers);
    expect(r.responders).toBeGreaterThanOrEqual(own.responders);
  }
  expect(() => campaignOutcomesSql({window: 0})).toThrow(/at least 1/);
});

test("by segment the day before the send: the segments add up to each group, and each equals a count by segment", async () => {
  const campaigns = CAMPAIGNS.map((c) => ({campaign_id: c.campaign_id, sent_date: isoDate(c.sent_day)}));
  const segments = campaignSegmentsSql(campaigns, DEFAULT_RULE_SET);
  const split = await queryRows<CampaignGroup>(sample.db, campaignOutcomesSql({segments}));
  for (const r of rows) {
    const parts = split.filter((x) => x.campaign_id === r.campaign_id && x.grp === r.grp);
    expect(parts.length).toBeGreaterThan(3);
    for (const f of ["customers", "responders", "redeemed", "revenue_cents"] as const)
      expect(
        parts.reduce((s, x) => s + x[f], 0),
        `${r.campaign_id}/${r.grp} ${f}`
      ).toBe(r[f]);
  }
  // Each contact's segment is the one segmentsAtSql gives the day before the send.
  const winBack = campaigns.find((c) => c.campaign_id === "WINBACK")!;
  const before = await queryRows<{customer_key: string; segment: string | null}>(
    sample.db,
    segmentsAtSql(
      {asOf: addDays(winBack.sent_date, -1), scale: 5, method: "quantile"},
      DEFAULT_RULE_SET,
      rulesOf(DEFAULT_RULE_SET)
    )
  );
  const segmentOf = new Map(before.map((b) => [b.customer_key, b.segment ?? "(no rule)"]));
  const contacts = await queryRows<{customer_key: string; grp: string}>(
    sample.db,
    "SELECT customer_key, grp FROM gen.campaign_contacts WHERE campaign_id = 'WINBACK'"
  );
  for (const part of split.filter((x) => x.campaign_id === "WINBACK")) {
    const expected = contacts.filter(
      (k) => k.grp === part.grp && (segmentOf.get(k.customer_key) ?? "(not in population)") === part.segment
    ).length;
    expect(part.customers, `${part.grp} ${part.segment}`).toBe(expected);
  }
  // Lapsed 120 to 540 days when sent: scored the day before, every win-back contact's recency is at least 119 days.
  const [{fresh}] = await queryRows<{fresh: number}>(
    sample.db,
    `SELECT CAST(count(*) AS INTEGER) AS fresh FROM gen.campaign_contacts k
     JOIN (SELECT customer_key, max(day) AS last FROM customer_day WHERE day < DATE '${winBack.sent_date}' AND orders > 0 GROUP BY 1) d USING (customer_key)
     WHERE k.campaign_id = 'WINBACK' AND DATE '${winBack.sent_date}' - d.last < 120`
  );
  expect(fresh).toBe(0);
  const bySegment = evaluateCampaigns(split);
  expect(bySegment.every((e) => typeof e.segment === "string")).toBe(true);
});

test("campaign settings: defaults, and a clear error for a bad value", () => {
  expect(campaignSettings()).toEqual({window: 30, costPerContact: 0, offerCost: 0, margin: null});
  expect(campaignSettings({margin: 0.4, window: 14}).margin).toBe(0.4);
  expect(() => campaignSettings({margin: 40})).toThrow(/between 0 and 1/);
  expect(() => campaignSettings({window: 2.5})).toThrow(/whole number/);
});
