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
import {addDays} from "./dates.js";
import {segmentsAtSql} from "./segments.js";
import {DEFAULT_RULE_SET, type RuleSet, rulesOf} from "./rulesets.js";
import {sqlNumber, sqlString} from "./sql.js";
import {
  MIN_GROUP,
  meanDifference,
  rateDifference,
  rateDifferencePValue,
  relativeUplift,
  type Interval
} from "./uplift.js";

/** One campaign and group (and segment, when broken down): contacts, responders, revenue in the window, redemptions. */
export interface CampaignGroup {
  campaign_id: string;
  campaign_name: string;
  sent_date: string;
  window_days: number;
  grp: "treatment" | "holdout";
  /** The contact's segment the day before the send (campaignOutcomesSql with `segments`); absent otherwise. */
  segment?: string;
  customers: number;
  responders: number;
  redeemed: number;
  revenue_cents: number;
  /** Σ of each contact's window revenue squared (cents²): the spread of revenue per customer. */
  revenue_squares: number;
}

export interface OutcomeOptions {
  /** Response window in days for every campaign; default (or null) each campaign's own `window_days`. */
  window?: number | null;
  /**
   * A relation (campaign_id, customer_key, segment): break every campaign and group down by the
   * contact's segment (contacts without a row count under '(not in population)').
   */
  segments?: string;
}

/**
 * SQL: CampaignGroup rows, one per campaign and group (and segment), over tables `campaigns`
 * (campaign_id, campaign_name, sent_date, window_days), `campaign_contacts` and `customer_day`.
 */
export function campaignOutcomesSql({window, segments}: OutcomeOptions = {}): string {
  const days = window == null ? "c.window_days" : sqlNumber(window, "window days");
  if (window != null && (!Number.isInteger(window) || window < 1))
    throw new Error(`the response window must be a whole number of days, at least 1 (got ${window})`);
  const segment = segments ? "coalesce(g.segment, '(not in population)')" : null;
  return `
WITH spec AS (
  SELECT c.campaign_id, c.campaign_name, c.sent_date, CAST(${days} AS INTEGER) AS window_days FROM campaigns c
), contacts AS (
  SELECT s.*, k.customer_key, k.grp, k.redeemed${segment ? `, ${segment} AS segment` : ""}
  FROM spec s JOIN campaign_contacts k USING (campaign_id)${segments ? ` LEFT JOIN (${segments}) AS g USING (campaign_id, customer_key)` : ""}
), outcome AS (
  SELECT k.campaign_id, k.customer_key,
    bool_or(d.orders > 0) AS responded, coalesce(sum(d.revenue_cents), 0) AS revenue_cents
  FROM contacts k JOIN customer_day d
    ON d.customer_key = k.customer_key AND d.day > k.sent_date AND d.day <= k.sent_date + k.window_days
  GROUP BY ALL
)
SELECT k.campaign_id, k.campaign_name, CAST(k.sent_date AS VARCHAR) AS sent_date, k.window_days, k.grp,${segment ? " k.segment," : ""}
  CAST(count(*) AS INTEGER) AS customers,
  CAST(count(*) FILTER (WHERE o.responded) AS INTEGER) AS responders,
  CAST(count(*) FILTER (WHERE k.redeemed) AS INTEGER) AS redeemed,
  CAST(coalesce(sum(o.revenue_cents), 0) AS BIGINT) AS revenue_cents,
  coalesce(sum(CAST(o.revenue_cents AS DOUBLE) * o.revenue_cents), 0) AS revenue_squares
FROM contacts k LEFT JOIN outcome o USING (campaign_id, customer_key)
GROUP BY ALL ORDER BY sent_date, campaign_id, grp DESC${segment ? ", segment" : ""}`;
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

/**
 * Evaluations of every campaign with both a treated and a holdout group; with `segment` rows
 * (campaignOutcomesSql with segments), of every campaign and segment.
 */
export function evaluateCampaigns(rows: CampaignGroup[]): (CampaignEvaluation & {segment?: string})[] {
  const keyOf = (r: CampaignGroup) => JSON.stringify([r.campaign_id, r.segment ?? null]);
  const keys = [...new Set(rows.map(keyOf))];
  return keys.flatMap((key) => {
    const treated = rows.find((r) => keyOf(r) === key && r.grp === "treatment");
    const holdout = rows.find((r) => keyOf(r) === key && r.grp === "holdout");
    if (!treated || !holdout) return [];
    const [x1, n1, x0, n0] = [treated.responders, treated.customers, holdout.responders, holdout.customers];
    const response = rateDifference(x1, n1, x0, n0);
    const revenue = meanDifference(
      {n: n1, sum: treated.revenue_cents, squares: treated.revenue_squares},
      {n: n0, sum: holdout.revenue_cents, squares: holdout.revenue_squares}
    );
    return [
      {
        campaign_id: treated.campaign_id,
        ...(treated.segment === undefined ? {} : {segment: treated.segment}),
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

/** workbench.config.ts `campaigns`: the default response window, and the costs ROI needs. */
export interface CampaignSettings {
  /** Days after the send in which a purchase counts as a response, for campaigns that do not set their own. */
  window: number;
  /** Currency units per contacted customer (message, postage). */
  costPerContact: number;
  /** Currency units per redeemed offer (the discount given). */
  offerCost: number;
  /** Share of net revenue that is margin (0–1); null: not set, so no ROI is shown until the page is given one. */
  margin: number | null;
}

/** The campaigns page's inputs that change the outcome SQL: the response window (null: each campaign's) and the rule set of the segment split. */
export const CAMPAIGN_PAGE_DEFAULTS = {window: null as number | null, ruleSet: DEFAULT_RULE_SET.name};

export const CAMPAIGN_DEFAULTS: CampaignSettings = {window: 30, costPerContact: 0, offerCost: 0, margin: null};

/** The config's campaign settings over the defaults, checked. */
export function campaignSettings(config: Partial<CampaignSettings> = {}): CampaignSettings {
  const s = {...CAMPAIGN_DEFAULTS, ...config};
  if (!Number.isInteger(s.window) || s.window < 1)
    throw new Error(`campaigns.window must be a whole number of days, at least 1 (got ${s.window})`);
  for (const [name, v] of [
    ["costPerContact", s.costPerContact],
    ["offerCost", s.offerCost]
  ] as const)
    if (!(Number.isFinite(v) && v >= 0)) throw new Error(`campaigns.${name} must be a number ≥ 0 (got ${v})`);
  if (s.margin !== null && !(s.margin >= 0 && s.margin <= 1))
    throw new Error(`campaigns.margin must be a share between 0 and 1 (got ${s.margin})`);
  return s;
}

/**
 * SQL: (campaign_id, customer_key, segment) of every customer of the rule set's population the
 * day before each campaign was sent: the segment they were in when chosen, which the campaign
 * cannot have changed (a segment after the send would mix the campaign's effect into the split).
 */
export function campaignSegmentsSql(campaigns: {campaign_id: string; sent_date: string}[], set: RuleSet): string {
  if (campaigns.length === 0)
    return "SELECT NULL::VARCHAR AS campaign_id, NULL::VARCHAR AS customer_key, NULL::VARCHAR AS segment WHERE false";
  return campaigns
    .map(
      (c) =>
        `SELECT ${sqlString(c.campaign_id)} AS campaign_id, customer_key, coalesce(segment, '(no rule)') AS segment FROM (${segmentsAtSql(
          // Scored from the day rows up to that day: the customer table holds the build date's purchases.
          {asOf: addDays(c.sent_date, -1), scale: 5, method: "quantile"},
          set,
          rulesOf(set)
        )}) AS s`
    )
    .join("\nUNION ALL ");
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
