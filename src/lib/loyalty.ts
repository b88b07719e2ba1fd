/**
 * Member tiers and points, as SQL over `customers` and `customer_day`, under tier and points
 * rules: what the loyalty page shows for the configured rules and what it recomputes for edited
 * ones (the what-if).
 *
 * - A customer's tier is the highest tier whose threshold their net spend (purchases less
 *   returns) over the last `spendMonths` months reaches; everyone else is in the first tier.
 * - Points are earned at `pointsPerUnit` per currency unit of net spend and expire
 *   `expiryMonths` months after they were earned, so the outstanding points at a date are the
 *   net spend of the months before it (no redemptions: the data does not record them), floored,
 *   never negative. Liability = outstanding points × `pointValue`.
 * The recorded tier and points balance of the data are shown beside what the rules give.
 */
import {sqlDate, sqlNumber, sqlString} from "./sql.js";

export interface Tier {
  name: string;
  /** Net spend (currency units) over `spendMonths` that reaches the tier; the first tier's is 0. */
  minSpend: number;
}

export interface LoyaltyRules {
  /** Lowest first, thresholds rising. */
  tiers: Tier[];
  /** Months of net spend that decide the tier (12: the last year). */
  spendMonths: number;
  /** Points per currency unit of net spend. */
  pointsPerUnit: number;
  /** Currency units a point is worth when redeemed. */
  pointValue: number;
  /** Months after which earned points expire. */
  expiryMonths: number;
}

/** The built-in sample's member scheme (Basic, Silver, Gold, Platinum; 1 point per yuan, worth 0.01). */
export const LOYALTY_DEFAULTS: LoyaltyRules = {
  tiers: [
    {name: "Basic", minSpend: 0},
    {name: "Silver", minSpend: 1500},
    {name: "Gold", minSpend: 5000},
    {name: "Platinum", minSpend: 15000}
  ],
  spendMonths: 12,
  pointsPerUnit: 1,
  pointValue: 0.01,
  expiryMonths: 24
};

/** The rules' problems, in words (empty: the rules can be applied). */
export function loyaltyErrors(rules: LoyaltyRules): string[] {
  const errors: string[] = [];
  const {tiers} = rules;
  if (tiers.length === 0) errors.push("at least one tier is needed");
  else if (tiers[0].minSpend !== 0) errors.push(`the first tier (${tiers[0].name}) must start at 0`);
  tiers.forEach((t, i) => {
    if (!t.name.trim()) errors.push(`tier ${i + 1} has no name`);
    if (!(Number.isFinite(t.minSpend) && t.minSpend >= 0)) errors.push(`${t.name}: the threshold must be a number ≥ 0`);
    else if (i > 0 && !(t.minSpend > tiers[i - 1].minSpend))
      errors.push(`${t.name}: the threshold must be above ${tiers[i - 1].name}'s (${tiers[i - 1].minSpend})`);
  });
  if (new Set(tiers.map((t) => t.name)).size !== tiers.length) errors.push("tier names must differ");
  for (const [name, v, whole] of [
    ["spendMonths", rules.spendMonths, true],
    ["expiryMonths", rules.expiryMonths, true],
    ["pointsPerUnit", rules.pointsPerUnit, false],
    ["pointValue", rules.pointValue, false]
  ] as const) {
    if (!(Number.isFinite(v) && v >= 0) || (whole && !(Number.isInteger(v) && v >= 1)))
      errors.push(`${name} must be ${whole ? "a whole number of months, at least 1" : "a number ≥ 0"} (got ${v})`);
  }
  return errors;
}

/** The config's rules over the defaults, or an error naming what is wrong. */
export function loyaltyRules(config: Partial<LoyaltyRules> = {}): LoyaltyRules {
  const rules = {...LOYALTY_DEFAULTS, ...config};
  const errors = loyaltyErrors(rules);
  if (errors.length) throw new Error(`workbench.config.ts loyalty: ${errors.join("; ")}`);
  return rules;
}

/** SQL: the tier name for a spend in cents. */
function tierSql(spendCents: string, rules: LoyaltyRules): string {
  const arms = [...rules.tiers]
    .reverse()
    .slice(0, -1)
    .map(
      (t) => `WHEN ${spendCents} >= ${sqlNumber(Math.round(t.minSpend * 100), "threshold")} THEN ${sqlString(t.name)}`
    );
  return arms.length
    ? `CASE ${arms.join(" ")} ELSE ${sqlString(rules.tiers[0].name)} END`
    : sqlString(rules.tiers[0].name);
}

/** SQL: outstanding points for a net spend in cents. */
const pointsSql = (spendCents: string, rules: LoyaltyRules) =>
  `CAST(floor(greatest(${spendCents}, 0) * ${sqlNumber(rules.pointsPerUnit, "points per unit")} / 100) AS BIGINT)`;

/** The what-if form's values: each tier's threshold but the base tier's, and the other rules. */
export interface LoyaltyEdits {
  thresholds: number[];
  spendMonths: number;
  pointsPerUnit: number;
  pointValue: number;
  expiryMonths: number;
}

/** The rules as the what-if's form edits them: the base tier kept, each other tier's threshold from the form. */
export function editedRules(rules: LoyaltyRules, edits: LoyaltyEdits): LoyaltyRules {
  return {
    tiers: rules.tiers.map((tier, i) => (i === 0 ? tier : {...tier, minSpend: edits.thresholds[i - 1]})),
    spendMonths: edits.spendMonths,
    pointsPerUnit: edits.pointsPerUnit,
    pointValue: edits.pointValue,
    expiryMonths: edits.expiryMonths
  };
}

/** What the spend sums depend on: the months of spend that set a tier and that points live. */
export type LoyaltyWindows = Pick<LoyaltyRules, "spendMonths" | "expiryMonths">;

/**
 * SQL: one row per customer with their recorded tier and points, revenue to date and in the
 * last 12 months, whether they bought in the 12 months before the last 12 and in the last 12
 * (retention), and their net spend over the windows of the `current` and `edited` rules (now,
 * and a year ago under the current rules). It depends on the rules' months only: the page makes
 * a table of it per pair of windows, and an edit of thresholds or points values scans that table.
 */
export function loyaltyActivitySql(asOf: string, current: LoyaltyWindows, edited: LoyaltyWindows): string {
  const asof = sqlDate(asOf, "as-of date");
  const since = (months: number, from = asof) =>
    `CAST(${from} - INTERVAL (${sqlNumber(months, "months")}) MONTH AS DATE)`;
  const yearAgo = since(12);
  const window = (start: string, end = asof) => `d.day > ${start} AND d.day <= ${end}`;
  const spend = (start: string, end = asof) => `coalesce(sum(d.revenue_cents) FILTER (WHERE ${window(start, end)}), 0)`;
  return `
WITH activity AS (
  SELECT d.customer_key,
    ${spend(since(current.spendMonths))} AS spend_current,
    ${spend(since(edited.spendMonths))} AS spend_edited,
    ${spend(since(current.spendMonths, yearAgo), yearAgo)} AS spend_year_ago,
    ${spend(since(current.expiryMonths))} AS earned_current,
    ${spend(since(edited.expiryMonths))} AS earned_edited,
    coalesce(sum(d.revenue_cents) FILTER (WHERE ${window(yearAgo)}), 0) AS revenue_12m_cents,
    coalesce(bool_or(d.orders > 0) FILTER (WHERE ${window(since(24), yearAgo)}), false) AS bought_prior,
    coalesce(bool_or(d.orders > 0) FILTER (WHERE ${window(yearAgo)}), false) AS bought_recent
  FROM customer_day d WHERE d.day <= ${asof} GROUP BY d.customer_key
)
SELECT c.customer_key, coalesce(c.tier, 'unknown') AS recorded_tier, c.points AS recorded_points, c.revenue_cents,
  coalesce(a.revenue_12m_cents, 0) AS revenue_12m_cents,
  coalesce(a.bought_prior, false) AS bought_prior, coalesce(a.bought_recent, false) AS bought_recent,
  coalesce(a.spend_current, 0) AS spend_current, coalesce(a.spend_edited, 0) AS spend_edited,
  coalesce(a.spend_year_ago, 0) AS spend_year_ago,
  coalesce(a.earned_current, 0) AS earned_current, coalesce(a.earned_edited, 0) AS earned_edited
FROM customers c LEFT JOIN activity a USING (customer_key)`;
}

/**
 * SQL: the rows of `activity` (loyaltyActivitySql for these rules' windows) with, under the
 * `current` and the `edited` rules, each customer's tier now (tier_current, tier_edited), their
 * tier a year before under the current rules (tier_year_ago) and their outstanding points
 * (points_current, points_edited).
 */
export function loyaltyTiersSql(activity: string, current: LoyaltyRules, edited: LoyaltyRules = current): string {
  return `SELECT customer_key, recorded_tier, recorded_points, revenue_cents, revenue_12m_cents, bought_prior, bought_recent,
  ${tierSql("spend_current", current)} AS tier_current,
  ${tierSql("spend_edited", edited)} AS tier_edited,
  ${tierSql("spend_year_ago", current)} AS tier_year_ago,
  ${pointsSql("earned_current", current)} AS points_current,
  ${pointsSql("earned_edited", edited)} AS points_edited
FROM (${activity}) AS a`;
}

/** SQL: loyaltyTiersSql over loyaltyActivitySql, in one query (tests, the build's results). */
export function loyaltyCustomersSql(asOf: string, current: LoyaltyRules, edited: LoyaltyRules = current): string {
  return loyaltyTiersSql(loyaltyActivitySql(asOf, current, edited), current, edited);
}

/** One tier (recorded in the data) today. */
export interface TierSummary {
  tier: string;
  customers: number;
  buyers_12m: number;
  revenue_cents: number;
  revenue_12m_cents: number;
  /** Of those who bought in the 12 months before the last 12, the share who bought again in the last 12. */
  retention: number | null;
  recorded_points: number;
  points_current: number;
}

/**
 * Tier summaries as the page lists them: in the rules' order (tiers the rules do not name after
 * them, by name), with the liability of the recorded and the rules' points in cents.
 */
export function tierRows(
  rows: TierSummary[],
  rules: LoyaltyRules
): (TierSummary & {liability_cents: number; rule_liability_cents: number})[] {
  const order = (tier: string) => {
    const i = rules.tiers.findIndex((x) => x.name === tier);
    return i < 0 ? rules.tiers.length : i;
  };
  return [...rows]
    .sort((a, b) => order(a.tier) - order(b.tier) || a.tier.localeCompare(b.tier))
    .map((r) => ({
      ...r,
      liability_cents: r.recorded_points * rules.pointValue * 100,
      rule_liability_cents: r.points_current * rules.pointValue * 100
    }));
}

/** SQL: TierSummary rows by the `column` tier of `source` (loyaltyCustomersSql rows). */
export function tierSummarySql(source: string, column: "recorded_tier" | "tier_current" = "recorded_tier"): string {
  return `SELECT ${column} AS tier, CAST(count(*) AS INTEGER) AS customers,
  CAST(count(*) FILTER (WHERE bought_recent) AS INTEGER) AS buyers_12m,
  CAST(sum(revenue_cents) AS BIGINT) AS revenue_cents, CAST(sum(revenue_12m_cents) AS BIGINT) AS revenue_12m_cents,
  count(*) FILTER (WHERE bought_prior AND bought_recent) / nullif(count(*) FILTER (WHERE bought_prior), 0) AS retention,
  CAST(coalesce(sum(recorded_points), 0) AS BIGINT) AS recorded_points, CAST(sum(points_current) AS BIGINT) AS points_current
FROM (${source}) AS s GROUP BY ALL ORDER BY tier`;
}

/** Customers counted by a pair of tier columns, with their revenue in the last 12 months and points. */
export interface TierMove {
  from: string;
  to: string;
  customers: number;
  revenue_12m_cents: number;
  points_current: number;
  points_edited: number;
}

/** SQL: TierMove rows of `source` between two of its tier columns. */
export function tierMovesSql(
  source: string,
  from: "tier_year_ago" | "tier_current" | "recorded_tier",
  to: "tier_current" | "tier_edited"
): string {
  return `SELECT ${from} AS "from", ${to} AS "to", CAST(count(*) AS INTEGER) AS customers,
  CAST(sum(revenue_12m_cents) AS BIGINT) AS revenue_12m_cents,
  CAST(sum(points_current) AS BIGINT) AS points_current, CAST(sum(points_edited) AS BIGINT) AS points_edited
FROM (${source}) AS s GROUP BY ALL ORDER BY "from", "to"`;
}

/** The what-if in figures: who moves up and down, and the points liability before and after. */
export interface WhatIf {
  up: {customers: number; revenue_12m_cents: number};
  down: {customers: number; revenue_12m_cents: number};
  same: number;
  /** Outstanding points × point value, in cents, under the current and the edited rules. */
  liabilityCents: {current: number; edited: number};
  /** Customers per tier under each rule. */
  tiers: {tier: string; current: number; edited: number}[];
}

/** Folds tierMovesSql(…, "tier_current", "tier_edited") rows (tiers ranked by `edited`'s order, the same names in both). */
export function whatIf(moves: TierMove[], current: LoyaltyRules, edited: LoyaltyRules): WhatIf {
  const rank = (name: string) => edited.tiers.findIndex((t) => t.name === name);
  const sum = (rows: TierMove[], f: (r: TierMove) => number) => rows.reduce((s, r) => s + f(r), 0);
  const up = moves.filter((m) => rank(m.to) > rank(m.from));
  const down = moves.filter((m) => rank(m.to) < rank(m.from));
  const names = [...new Set([...current.tiers.map((t) => t.name), ...edited.tiers.map((t) => t.name)])];
  return {
    up: {customers: sum(up, (r) => r.customers), revenue_12m_cents: sum(up, (r) => r.revenue_12m_cents)},
    down: {customers: sum(down, (r) => r.customers), revenue_12m_cents: sum(down, (r) => r.revenue_12m_cents)},
    same: sum(
      moves.filter((m) => m.from === m.to),
      (r) => r.customers
    ),
    liabilityCents: {
      current: Math.round(sum(moves, (r) => r.points_current) * current.pointValue * 100),
      edited: Math.round(sum(moves, (r) => r.points_edited) * edited.pointValue * 100)
    },
    tiers: names.map((tier) => ({
      tier,
      current: sum(
        moves.filter((m) => m.from === tier),
        (r) => r.customers
      ),
      edited: sum(
        moves.filter((m) => m.to === tier),
        (r) => r.customers
      )
    }))
  };
}

/** The edited rules as a workbench.config.ts `loyalty` entry, to paste. */
export function loyaltyConfigText(rules: LoyaltyRules): string {
  return `loyalty: ${JSON.stringify(rules, null, 2).replace(/"(\w+)":/g, "$1:")}`;
}

/** The loyalty page's queries over `source` (loyaltyCustomersSql rows, or a table made of them). */
export function loyaltyQueries(source: string) {
  return {
    /** Tiers as the data records them. */
    recorded: tierSummarySql(source, "recorded_tier"),
    /** Tiers as the current rules give them. */
    byRule: tierSummarySql(source, "tier_current"),
    /** A year ago → now, under the current rules. */
    year: tierMovesSql(source, "tier_year_ago", "tier_current"),
    /** Current rules → edited rules (the what-if). */
    whatIf: tierMovesSql(source, "tier_current", "tier_edited")
  };
}
