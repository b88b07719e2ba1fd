/**
 * The leadership report's figures for one period, before suppression (suppress.ts): the
 * analyst pages' SQL builders (src/lib) run in native DuckDB over the published tables, each as
 * of the period's own end date, so a period's figures never change when later data arrives.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {cohortCubeSql, cohortMembersSql, type CohortCell} from "../../src/lib/cohorts.js";
import {COHORTS} from "../../src/lib/cohorts-page.js";
import {knownAtSql} from "../../src/lib/known.js";
import {DEFAULT_TOP_PERCENT, paretoSummarySql, type ParetoSummary} from "../../src/lib/pareto.js";
import {
  type Period,
  type PeriodActivity,
  REPORT_DIMENSIONS,
  type ReportDimension,
  type ReportGrain,
  periodActivitySql,
  periodBuyersSql
} from "../../src/lib/periods.js";
import {FOUR_TYPES, rulesOf} from "../../src/lib/rulesets.js";
import {migrationBetweenSql, segmentsAtSql} from "../../src/lib/segments.js";
import {sqlMonthIndex} from "../../src/lib/sql.js";
import {conversionSql, type Conversion, purchaseMilestonesSql} from "../../src/lib/stages.js";
import {type CampaignGroup, campaignOutcomesSql} from "../../src/lib/campaigns.js";
import {queryRows} from "../duckdb.js";

/** The four types at a period's end: size, and their buyers and revenue in the period. */
export interface TypeRow {
  type: string;
  customers: number;
  buyers: number;
  revenue_cents: number;
}

/** What every period needs, also as the previous period and the same period a year before. */
export interface CoreFigures {
  period: Period;
  /** Customers known at the period's end (src/lib/known.ts). */
  known: number;
  activity: PeriodActivity;
  /** Conversion rates as of the period's end (lifecycle page). */
  conversion: Conversion;
  /** The period's buyers ranked by the period's revenue: the top 20 %'s share. */
  value: ParetoSummary;
  types: TypeRow[];
}

/** Only the reported periods: what moved and what the groups did. */
export interface DetailFigures {
  migration: {from: string; to: string; customers: number}[];
  cohorts: CohortCell[];
  groups: Record<ReportDimension, PeriodActivity[]>;
  /** Campaigns whose response window closed in the period (evaluated), and those sent in it whose window is still open. */
  campaigns: {closed: CampaignGroup[]; open: ReportCampaign[]};
}

/** A campaign as the report lists it: its window closes `closes` (send date + window). */
export interface ReportCampaign {
  campaign_id: string;
  campaign_name: string;
  sent_date: string;
  closes: string;
}

const FOUR = rulesOf(FOUR_TYPES);

/** What every period reads, computed once for the whole report. */
export interface Prepared {
  grain: ReportGrain;
  activity: Map<string, PeriodActivity>;
  groups: Record<ReportDimension, Map<string, PeriodActivity[]>>;
  /**
   * Every campaign and its outcomes by group. A campaign is reported in the period its window
   * closes, when every purchase it counts is in the data up to that period's end.
   */
  campaigns: ReportCampaign[];
  outcomes: CampaignGroup[];
}

const byPeriod = (rows: PeriodActivity[]) => {
  const map = new Map<string, PeriodActivity[]>();
  for (const r of rows) map.set(r.period, [...(map.get(r.period) ?? []), r]);
  return map;
};

/**
 * One pass for every period's activity (overall, by region, by store), each buyer's conversion
 * days, and the cohort tables: each period then reads the part up to its end.
 */
export async function prepareReport(db: DuckDBConnection, grain: ReportGrain): Promise<Prepared> {
  const activity = new Map((await queryRows<PeriodActivity>(db, periodActivitySql(grain))).map((r) => [r.period, r]));
  const groups = {} as Prepared["groups"];
  for (const dimension of REPORT_DIMENSIONS)
    groups[dimension] = byPeriod(await queryRows<PeriodActivity>(db, periodActivitySql(grain, dimension)));
  await db.run(`CREATE OR REPLACE TEMP TABLE report_milestones AS ${purchaseMilestonesSql()}`);
  await db.run(`CREATE OR REPLACE TEMP TABLE report_cohort_cube AS ${cohortCubeSql()}`);
  await db.run(`CREATE OR REPLACE TEMP TABLE report_cohort_members AS ${cohortMembersSql()}`);
  const campaigns = await queryRows<ReportCampaign>(
    db,
    `SELECT campaign_id, campaign_name, CAST(sent_date AS VARCHAR) AS sent_date, CAST(sent_date + window_days AS VARCHAR) AS closes
    FROM campaigns ORDER BY sent_date, campaign_id`
  );
  const outcomes = campaigns.length ? await queryRows<CampaignGroup>(db, campaignOutcomesSql()) : [];
  return {grain, activity, groups, campaigns, outcomes};
}

/** Nothing happened: a period before the data, or one in which nobody bought. */
const idle = (period: string): PeriodActivity => ({
  period,
  group: null,
  customers: 0,
  active: 0,
  new: 0,
  returning: 0,
  resurrecting: 0,
  dormant: 0,
  previous_active: 0,
  orders: 0,
  revenue_cents: 0,
  revenue_squares: 0
});

/**
 * The four types at a date, as a temporary table (customer_key, segment, revenue_cents), made
 * once per date: a period's types, the next period's "before" and the migration share it. The
 * four types' rules read no score, so the customers are scored by thresholds (no ranking pass).
 */
async function typesAt(db: DuckDBConnection, date: string): Promise<string> {
  const table = `report_types_${date.replaceAll("-", "")}`;
  await db.run(
    `CREATE TEMP TABLE IF NOT EXISTS ${table} AS ${segmentsAtSql({asOf: date, scale: 5, method: "thresholds"}, FOUR_TYPES, FOUR)}`
  );
  return table;
}

export async function coreFigures(db: DuckDBConnection, prepared: Prepared, period: Period): Promise<CoreFigures> {
  const end = period.end;
  const activity = prepared.activity.get(period.id) ?? idle(period.id);
  const [{known}] = await queryRows<{known: number}>(
    db,
    `SELECT CAST(count(*) AS INTEGER) AS known FROM customers WHERE ${knownAtSql(end)}`
  );
  const [conversion] = await queryRows<Conversion>(db, conversionSql(end, {}, "report_milestones"));
  const [value] = await queryRows<ParetoSummary>(
    db,
    paretoSummarySql(DEFAULT_TOP_PERCENT, {}, `(${periodBuyersSql(period)}) AS period_buyers`)
  );
  const types = await queryRows<TypeRow>(
    db,
    `SELECT t.segment AS type, CAST(count(*) AS INTEGER) AS customers,
  CAST(count(*) FILTER (WHERE b.orders > 0) AS INTEGER) AS buyers,
  CAST(coalesce(sum(b.revenue_cents), 0) AS BIGINT) AS revenue_cents
FROM ${await typesAt(db, end)} AS t LEFT JOIN (${periodBuyersSql(period)}) AS b USING (customer_key)
GROUP BY ALL ORDER BY customers DESC, type`
  );
  return {period, known, activity, conversion, value, types};
}

export async function detailFigures(
  db: DuckDBConnection,
  prepared: Prepared,
  period: Period,
  previous: Period
): Promise<DetailFigures> {
  const migration = await queryRows<{from: string; to: string; customers: number}>(
    db,
    `SELECT "from", "to", customers FROM (${migrationBetweenSql(await typesAt(db, previous.end), await typesAt(db, period.end))}) AS m ORDER BY ALL`
  );
  // Cohorts as of the period's end: months after it are not there yet. A cohort's members are
  // the buyers whose first purchase falls in its month, which no later purchase changes.
  const last = sqlMonthIndex(`DATE '${period.end}'`);
  await db.run(
    `CREATE OR REPLACE TEMP VIEW cohort_cube AS SELECT * FROM report_cohort_cube WHERE month_index <= ${last}`
  );
  await db.run(
    `CREATE OR REPLACE TEMP VIEW cohort_members AS SELECT * FROM report_cohort_members WHERE cohort_index <= ${last}`
  );
  const cohorts = await queryRows<CohortCell>(db, COHORTS.sql(COHORTS.defaults));
  const groups = {} as DetailFigures["groups"];
  for (const dimension of REPORT_DIMENSIONS) groups[dimension] = prepared.groups[dimension].get(period.id) ?? [];
  const within = (date: string) => date >= period.start && date <= period.end;
  const closed = prepared.campaigns.filter((c) => within(c.closes)).map((c) => c.campaign_id);
  const campaigns = {
    closed: prepared.outcomes.filter((o) => closed.includes(o.campaign_id)),
    open: prepared.campaigns.filter((c) => within(c.sent_date) && c.closes > period.end)
  };
  return {migration, cohorts, groups, campaigns};
}

/** Cohort rows the report keeps: the pooled row at these months, and the latest cohorts. */
export const COHORT_MONTHS = [1, 3, 6, 12];
