/**
 * Member tiers and points on the built site's tables: every figure of the loyalty page's SQL
 * (tier summaries, moves a year ago → now, the what-if with edited rules) against the same
 * rules applied in TypeScript to each customer's day rows.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {beforeAll, expect, test} from "vitest";
import {queryRows} from "../../loaders/duckdb.js";
import {
  LOYALTY_DEFAULTS,
  type LoyaltyRules,
  type TierMove,
  type TierSummary,
  loyaltyConfigText,
  loyaltyCustomersSql,
  loyaltyErrors,
  loyaltyQueries,
  loyaltyRules,
  whatIf
} from "../../src/lib/loyalty.js";
import {siteDatabase} from "../helpers/site-db.js";

let db: DuckDBConnection;
let asOf: string;
let customers: {customer_key: string; tier: string; points: number | null; revenue_cents: number}[];
const days = new Map<string, {day: string; orders: number; revenue_cents: number}[]>();

beforeAll(async () => {
  db = await siteDatabase();
  [{asOf}] = await queryRows<{asOf: string}>(db, "SELECT CAST(max(day) AS VARCHAR) AS asOf FROM customer_day");
  customers = await queryRows(db, "SELECT customer_key, tier, points, revenue_cents FROM customers");
  for (const d of await queryRows<{customer_key: string; day: string; orders: number; revenue_cents: number}>(
    db,
    "SELECT customer_key, CAST(day AS VARCHAR) AS day, orders, revenue_cents FROM customer_day"
  ))
    days.set(d.customer_key, [...(days.get(d.customer_key) ?? []), d]);
}, 120_000);

/** ISO date `months` calendar months before `date` (clamped to the month's last day, as DuckDB does). */
function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const index = y * 12 + (m - 1) - months;
  const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

function reference(current: LoyaltyRules, edited: LoyaltyRules) {
  const yearAgo = monthsBefore(asOf, 12);
  const spend = (key: string, start: string, end = asOf) =>
    (days.get(key) ?? []).filter((d) => d.day > start && d.day <= end).reduce((s, d) => s + d.revenue_cents, 0);
  const bought = (key: string, start: string, end: string) =>
    (days.get(key) ?? []).some((d) => d.day > start && d.day <= end && d.orders > 0);
  const tier = (cents: number, rules: LoyaltyRules) =>
    ([...rules.tiers].reverse().find((t) => cents >= Math.round(t.minSpend * 100)) ?? rules.tiers[0]).name;
  const points = (cents: number, rules: LoyaltyRules) => Math.floor((Math.max(cents, 0) * rules.pointsPerUnit) / 100);
  return customers.map((c) => ({
    ...c,
    revenue_12m_cents: spend(c.customer_key, yearAgo),
    bought_prior: bought(c.customer_key, monthsBefore(asOf, 24), yearAgo),
    bought_recent: bought(c.customer_key, yearAgo, asOf),
    tier_current: tier(spend(c.customer_key, monthsBefore(asOf, current.spendMonths)), current),
    tier_edited: tier(spend(c.customer_key, monthsBefore(asOf, edited.spendMonths)), edited),
    tier_year_ago: tier(spend(c.customer_key, monthsBefore(yearAgo, current.spendMonths), yearAgo), current),
    points_current: points(spend(c.customer_key, monthsBefore(asOf, current.expiryMonths)), current),
    points_edited: points(spend(c.customer_key, monthsBefore(asOf, edited.expiryMonths)), edited)
  }));
}

const EDITED: LoyaltyRules = {
  tiers: [
    {name: "Basic", minSpend: 0},
    {name: "Silver", minSpend: 1000},
    {name: "Gold", minSpend: 6000},
    {name: "Platinum", minSpend: 12000}
  ],
  spendMonths: 18,
  pointsPerUnit: 2,
  pointValue: 0.005,
  expiryMonths: 12
};

test("tier summaries, moves and the what-if equal the rules applied customer by customer", async () => {
  await db.run(`CREATE OR REPLACE TABLE loyalty_customers AS ${loyaltyCustomersSql(asOf, LOYALTY_DEFAULTS, EDITED)}`);
  const queries = loyaltyQueries("SELECT * FROM loyalty_customers");
  const ref = reference(LOYALTY_DEFAULTS, EDITED);
  const group = (rows: typeof ref, key: (r: (typeof ref)[number]) => string) => {
    const groups = new Map<string, typeof ref>();
    for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
    return groups;
  };

  const byRule = await queryRows<TierSummary>(db, queries.byRule);
  const expectedTiers = group(ref, (r) => r.tier_current);
  expect(byRule.map((r) => r.tier).sort()).toEqual([...expectedTiers.keys()].sort());
  for (const r of byRule) {
    const rows = expectedTiers.get(r.tier)!;
    const prior = rows.filter((x) => x.bought_prior);
    expect(r.customers).toBe(rows.length);
    expect(r.buyers_12m).toBe(rows.filter((x) => x.bought_recent).length);
    expect(r.revenue_12m_cents).toBe(rows.reduce((s, x) => s + x.revenue_12m_cents, 0));
    expect(r.points_current).toBe(rows.reduce((s, x) => s + x.points_current, 0));
    if (prior.length) expect(r.retention).toBeCloseTo(prior.filter((x) => x.bought_recent).length / prior.length, 12);
  }
  const recorded = await queryRows<TierSummary>(db, queries.recorded);
  for (const r of recorded) {
    const rows = ref.filter((x) => x.tier === r.tier);
    expect(r.customers).toBe(rows.length);
    expect(r.recorded_points).toBe(rows.reduce((s, x) => s + (x.points ?? 0), 0));
    expect(r.revenue_cents).toBe(rows.reduce((s, x) => s + x.revenue_cents, 0));
  }

  const count = (moves: TierMove[], from: string, to: string) =>
    moves.find((m) => m.from === from && m.to === to)?.customers ?? 0;
  const year = await queryRows<TierMove>(db, queries.year);
  const moves = await queryRows<TierMove>(db, queries.whatIf);
  for (const a of ["Basic", "Silver", "Gold", "Platinum"])
    for (const b of ["Basic", "Silver", "Gold", "Platinum"]) {
      expect(count(year, a, b), `${a} → ${b} over the year`).toBe(
        ref.filter((r) => r.tier_year_ago === a && r.tier_current === b).length
      );
      expect(count(moves, a, b), `${a} → ${b} edited`).toBe(
        ref.filter((r) => r.tier_current === a && r.tier_edited === b).length
      );
    }

  const w = whatIf(moves, LOYALTY_DEFAULTS, EDITED);
  const rank = (t: string) => EDITED.tiers.findIndex((x) => x.name === t);
  const up = ref.filter((r) => rank(r.tier_edited) > rank(r.tier_current));
  const down = ref.filter((r) => rank(r.tier_edited) < rank(r.tier_current));
  expect(w.up.customers).toBe(up.length);
  expect(w.down.customers).toBe(down.length);
  expect(w.up.revenue_12m_cents).toBe(up.reduce((s, r) => s + r.revenue_12m_cents, 0));
  expect(w.up.customers).toBeGreaterThan(0);
  expect(w.down.customers).toBeGreaterThan(0);
  expect(w.liabilityCents.current).toBe(
    Math.round(ref.reduce((s, r) => s + r.points_current, 0) * LOYALTY_DEFAULTS.pointValue * 100)
  );
  expect(w.liabilityCents.edited).toBe(
    Math.round(ref.reduce((s, r) => s + r.points_edited, 0) * EDITED.pointValue * 100)
  );
  expect(w.up.customers + w.down.customers + w.same).toBe(ref.length);
}, 120_000);

test("unchanged rules move nobody and keep the liability", async () => {
  const moves = await queryRows<TierMove>(
    db,
    loyaltyQueries(loyaltyCustomersSql(asOf, LOYALTY_DEFAULTS, LOYALTY_DEFAULTS)).whatIf
  );
  const w = whatIf(moves, LOYALTY_DEFAULTS, LOYALTY_DEFAULTS);
  expect([w.up.customers, w.down.customers]).toEqual([0, 0]);
  expect(w.liabilityCents.edited).toBe(w.liabilityCents.current);
});

test("rules are checked: thresholds rise from 0, months are whole; the config text reads back", () => {
  expect(loyaltyErrors(LOYALTY_DEFAULTS)).toEqual([]);
  const bad = {
    ...LOYALTY_DEFAULTS,
    tiers: [
      {name: "A", minSpend: 10},
      {name: "B", minSpend: 5}
    ],
    spendMonths: 1.5
  };
  expect(loyaltyErrors(bad)).toHaveLength(3);
  expect(() => loyaltyRules({expiryMonths: 0})).toThrow(/expiryMonths/);
  const text = loyaltyConfigText(EDITED);
  // biome-ignore lint/security/noGlobalEval: reading back the text a user would paste into the config
  expect((0, eval)(`({${text}})`).loyalty).toEqual(EDITED);
});
