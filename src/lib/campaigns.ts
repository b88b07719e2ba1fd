/**
 * Campaign evaluation against a random holdout, as SQL over `campaigns`, `campaign_contacts`
 * (campaign_id, customer_key, grp 'treatment' | 'holdout', redeemed) and `customer_day`, and the
 * uplift statistics over its rows (uplift.ts).
 *
 * A contact (treated or held out) responded when they bought within the campaign's window: a
 * purchase day after the send day and at most `window` days after it. Their revenue in the
 * window (purchases less returns) is what revenue per customer averages. Comparing the groups is
 * fair because the holdout was drawn at random from the same audience; the response of the
 * holdout is what the treated would have done without the campaign.
 */
import {sqlNumber, sqlString} from "./sql.js";
import {
  MIN_GROUP,
  meanDifference,
  rateDifference,
  rateDifferencePValue,
  relativeUplift,
  type Interval
} from "./uplift.js";

/** One campaign and group: contacts, responders, revenue in the window, redemptions. */
export interface CampaignGroup {
  campaign_id: string;
  campaign_name: string;
  sent_date: string;
  window_days: number;
  grp: "treatment" | "holdout";
  customers: number;
  responders: number;
  redeemed: number;
  revenue_cents: number;
  /** Σ of each contact's window revenue squared (cents²): the spread of revenue per customer. */
  revenue_squares: number;
}

/**
 * SQL: CampaignGroup rows, one per campaign and group. `windows` gives each campaign's response
 * window in days; campaigns not named there get `defaultWindow`.
 */
export function campaignOutcomesSql(windows: Record<string, number> = {}, defaultWindow = 30): string {
  const window = Object.entries(windows)
    .map(([id, days]) => `WHEN ${sqlString(id)} THEN ${sqlNumber(days, "window days")}`)
    .join(" ");
  const days = window ? `CASE c.campaign_id ${window} ELSE ${sqlNumber(defaultWindow)} END` : sqlNumber(defaultWindow);
  return `
WITH spec AS (
  SELECT c.campaign_id, c.campaign_name, c.sent_date, CAST(${days} AS INTEGER) AS window_days FROM campaigns c
), contacts AS (
  SELECT s.*, k.customer_key, k.grp, k.redeemed FROM spec s JOIN campaign_contacts k USING (campaign_id)
), outcome AS (
  SELECT k.campaign_id, k.customer_key,
    bool_or(d.orders > 0) AS responded, coalesce(sum(d.revenue_cents), 0) AS revenue_cents
  FROM contacts k JOIN customer_day d
    ON d.customer_key = k.customer_key AND d.day > k.sent_date AND d.day <= k.sent_date + k.window_days
  GROUP BY ALL
)
SELECT k.campaign_id, k.campaign_name, CAST(k.sent_date AS VARCHAR) AS sent_date, k.window_days, k.grp,
  CAST(count(*) AS INTEGER) AS customers,
  CAST(count(*) FILTER (WHERE o.responded) AS INTEGER) AS responders,
  CAST(count(*) FILTER (WHERE k.redeemed) AS INTEGER) AS redeemed,
  CAST(coalesce(sum(o.revenue_cents), 0) AS BIGINT) AS revenue_cents,
  coalesce(sum(CAST(o.revenue_cents AS DOUBLE) * o.revenue_cents), 0) AS revenue_squares
FROM contacts k LEFT JOIN outcome o USING (campaign_id, customer_key)
GROUP BY ALL ORDER BY sent_date, campaign_id, grp DESC`;
}

/** A campaign's evaluation: response and revenue uplift with 95 % intervals. */
export interface CampaignEvaluation {
  campaign_id: string;
  campaign_name: string;
  treated: CampaignGroup;
  holdout: CampaignGroup;
  responseUplift: Interval & {pValue: number};
  relativeUplift: Interval;
  /** Revenue per contacted customer, treated − holdout (cents); null for groups too small to say. */
  revenueUplift: (Interval & {pValue: number}) | null;
  /** Extra responders and extra revenue among the treated, with intervals. */
  incrementalCustomers: Interval;
  incrementalRevenueCents: Interval | null;
  /** Either group under MIN_GROUP customers: the figures are shown with a warning. */
  small: boolean;
}

const scale = (i: Interval, k: number): Interval => ({estimate: i.estimate * k, low: i.low * k, high: i.high * k});

/** Evaluations of every campaign with both a treated and a holdout group. */
export function evaluateCampaigns(rows: CampaignGroup[]): CampaignEvaluation[] {
  const ids = [...new Set(rows.map((r) => r.campaign_id))];
  return ids.flatMap((id) => {
    const treated = rows.find((r) => r.campaign_id === id && r.grp === "treatment");
    const holdout = rows.find((r) => r.campaign_id === id && r.grp === "holdout");
    if (!treated || !holdout) return [];
    const [x1, n1, x0, n0] = [treated.responders, treated.customers, holdout.responders, holdout.customers];
    const response = rateDifference(x1, n1, x0, n0);
    const revenue = meanDifference(
      {n: n1, sum: treated.revenue_cents, squares: treated.revenue_squares},
      {n: n0, sum: holdout.revenue_cents, squares: holdout.revenue_squares}
    );
    return [
      {
        campaign_id: id,
        campaign_name: treated.campaign_name,
        treated,
        holdout,
        responseUplift: {...response, pValue: rateDifferencePValue(x1, n1, x0, n0)},
        relativeUplift: relativeUplift(x1, n1, x0, n0),
        revenueUplift: revenue,
        incrementalCustomers: scale(response, n1),
        incrementalRevenueCents: revenue && scale(revenue, n1),
        small: n1 < MIN_GROUP || n0 < MIN_GROUP
      }
    ];
  });
}

/** What a campaign cost and returned, given its costs (currency units per contact and per redemption). */
export interface CampaignCosts {
  costPerContact: number;
  offerCost: number;
  /** Share of revenue that is margin (0–1). */
  margin: number;
}

export interface CampaignReturn {
  /** Redemptions per treated customer. */
  redemptionRate: number;
  /** Contact costs plus redeemed offers (cents). */
  costCents: number;
  /** Incremental margin (incremental revenue × margin) in cents, with its interval. */
  marginCents: Interval;
  /** (incremental margin − cost) ÷ cost, with the interval that follows from the margin's; null without a cost. */
  roi: Interval | null;
}

/**
 * A campaign's return: its cost (contacts and redeemed offers), the margin its incremental
 * revenue brings, and the ROI; null when revenue per customer could not be compared (small groups).
 */
export function campaignReturn(e: CampaignEvaluation, costs: CampaignCosts): CampaignReturn | null {
  if (!e.incrementalRevenueCents) return null;
  const costCents = Math.round(
    100 * (e.treated.customers * costs.costPerContact + e.treated.redeemed * costs.offerCost)
  );
  const marginCents = scale(e.incrementalRevenueCents, costs.margin);
  const net = (m: number) => (m - costCents) / costCents;
  const roi =
    costCents > 0
      ? {estimate: net(marginCents.estimate), low: net(marginCents.low), high: net(marginCents.high)}
      : null;
  return {redemptionRate: e.treated.redeemed / e.treated.customers, costCents, marginCents, roi};
}
