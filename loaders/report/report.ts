/**
 * One period's leadership report as published (JSON beside the page, and what the page shows):
 * figures from figures.ts arranged as cells (suppress.ts) and suppressed before they leave here.
 *
 * Every cell says how many customers it comes from (`customers`). For a rate it is the smaller
 * of its numerator and denominator, so a rate that would single out a few customers ("2 of 300
 * came back") is suppressed like a small count; `base` keeps the denominator for the noise
 * test of the written findings (findings.ts).
 */
import {UNKNOWN_VALUES} from "../../src/lib/attributes.js";
import {ALL_COHORTS} from "../../src/lib/cohorts.js";
import {
  type Period,
  type PeriodActivity,
  REPORT_DIMENSIONS,
  type ReportDimension,
  type ReportGrain
} from "../../src/lib/periods.js";
import {type CampaignGroup, evaluateCampaigns} from "../../src/lib/campaigns.js";
import {addDays} from "../../src/lib/dates.js";
import type {Interval} from "../../src/lib/uplift.js";
import {COHORT_MONTHS, type CoreFigures, type DetailFigures, type ReportCampaign} from "./figures.js";
import {type Cell, type Group, cellsOf, suppress} from "./suppress.js";

export const KPI_NAMES = [
  "customers",
  "active",
  "new",
  "revenue",
  "aov",
  "frequency",
  "revenuePerBuyer",
  "retention",
  "repeatRate",
  "prospectConversion",
  "secondPurchase",
  "topShare",
  "loyalShare"
] as const;
export type KpiName = (typeof KPI_NAMES)[number];

/** How each KPI reads: a count of customers, money (cents), a rate (0–1) or a plain ratio. */
export const KPI_KIND: Record<KpiName, "count" | "money" | "rate" | "ratio"> = {
  customers: "count",
  active: "count",
  new: "count",
  revenue: "money",
  aov: "money",
  frequency: "ratio",
  revenuePerBuyer: "money",
  retention: "rate",
  repeatRate: "rate",
  prospectConversion: "rate",
  secondPurchase: "rate",
  topShare: "rate",
  loyalShare: "rate"
};

export interface ValueCell extends Cell {
  value: number | null;
  /** Denominator of a rate or mean. */
  base?: number | null;
  /** Standard deviation of the values a mean averages (revenue per buyer). */
  spread?: number | null;
}

/** Whether a cell has a number to show or read (not suppressed, not undefined). */
export const hasValue = (c: ValueCell | null | undefined): c is ValueCell & {value: number} =>
  !!c && !c.suppressed && typeof c.value === "number";

export interface Kpi {
  current: ValueCell;
  previous: ValueCell;
  yearAgo: ValueCell | null;
}

export interface GroupRow {
  group: string;
  revenuePerBuyer: ValueCell;
  retention: ValueCell;
}

/**
 * A campaign whose window closed in the period: response of each group and the uplift with its
 * 95 % interval (campaigns page's method); blank when either group has fewer than k customers.
 */
export interface CampaignRow {
  campaign_id: string;
  campaign_name: string;
  sent_date: string;
  closes: string;
  /** Contacted and held-out customers together. */
  customers: number | null;
  contacted: number | null;
  heldOut: number | null;
  contactedRate: number | null;
  heldOutRate: number | null;
  uplift: Interval | null;
  suppressed?: true;
}

export interface PeriodReport {
  period: Period;
  grain: ReportGrain;
  previous: Period;
  /** Null when the data does not reach back a year. */
  yearAgo: Period | null;
  /** The build's date and time: the report itself only reads data up to the period's end. */
  builtAt: string;
  minCell: number;
  kpis: Record<KpiName, Kpi>;
  /** new + returning + resurrecting = active buyers; returning + dormant = the previous period's. */
  lifecycle: {state: string; customers: number | null; suppressed?: true}[];
  types: {type: string; customers: number | null; customer_share: number | null; suppressed?: true}[];
  typesBefore: {type: string; customers: number | null; suppressed?: true}[];
  typeRevenue: {
    type: string;
    customers: number | null;
    revenue_cents: number | null;
    revenue_share: number | null;
    suppressed?: true;
  }[];
  migration: {from: string; to: string; customers: number | null; suppressed?: true}[];
  cohorts: {
    pooled: {months: string; customers: number | null; retention: number | null; suppressed?: true}[];
    recent: {cohort: string; customers: number | null; retention: number | null; suppressed?: true}[];
  };
  /**
   * Groups with figures to show, best and worst by revenue per buyer; `shown` of `groups` (the
   * known values: customers whose value is unknown are in no group; 0 when the data lacks it).
   */
  groups: Record<ReportDimension, {top: GroupRow[]; bottom: GroupRow[]; groups: number; shown: number}>;
  /** Campaigns evaluated in this period (their window closed in it), and those sent in it still running. */
  campaigns: {closed: CampaignRow[]; open: ReportCampaign[]};
  /** Active buyers and revenue of the year up to the period (for the trend chart). */
  trend: {id: string; active: ValueCell; revenue: ValueCell}[];
}

const count = (n: number): ValueCell => ({value: n, customers: n});
const rate = (numerator: number, denominator: number): ValueCell => ({
  value: denominator > 0 ? numerator / denominator : null,
  customers: Math.min(numerator, denominator),
  base: denominator
});
const money = (cents: number, customers: number): ValueCell => ({value: cents, customers});

/** Mean revenue per active buyer and its spread, from the period's sums. */
function perBuyer(a: PeriodActivity): ValueCell {
  if (a.active === 0) return {value: null, customers: 0, base: 0, spread: null};
  const mean = a.revenue_cents / a.active;
  const variance = a.active > 1 ? (a.revenue_squares - a.active * mean * mean) / (a.active - 1) : null;
  return {
    value: mean,
    customers: a.active,
    base: a.active,
    spread: variance === null ? null : Math.sqrt(Math.max(variance, 0))
  };
}

const LOYAL = "loyal";

export function kpiCells(f: CoreFigures): Record<KpiName, ValueCell> {
  const a = f.activity;
  const loyal = f.types.find((t) => t.type === LOYAL);
  const buyerRevenue = f.types.reduce((s, t) => s + t.revenue_cents, 0);
  return {
    customers: count(f.known),
    active: count(a.active),
    new: count(a.new),
    revenue: money(a.revenue_cents, a.customers),
    aov: {value: a.orders > 0 ? a.revenue_cents / a.orders : null, customers: a.active, base: a.orders},
    frequency: {value: a.active > 0 ? a.orders / a.active : null, customers: a.active, base: a.active},
    revenuePerBuyer: perBuyer(a),
    retention: rate(a.returning, a.previous_active),
    repeatRate: rate(a.returning + a.resurrecting, a.active),
    prospectConversion: rate(f.conversion.converted, f.conversion.registered),
    secondPurchase: rate(f.conversion.repeaters, f.conversion.buyers),
    topShare: {value: f.value.top_share, customers: f.value.top_customers, base: f.value.buyers},
    loyalShare: {
      value: buyerRevenue !== 0 ? (loyal?.revenue_cents ?? 0) / buyerRevenue : null,
      customers: loyal?.buyers ?? 0,
      base: a.active
    }
  };
}

/**
 * The published report of `core` (its period), with `previous` and `yearAgo` core figures for
 * the comparisons, the last year of core figures for the trend, and the period's details.
 */
export function periodReport(
  grain: ReportGrain,
  core: CoreFigures,
  previous: CoreFigures,
  yearAgo: CoreFigures | null,
  trend: CoreFigures[],
  detail: DetailFigures,
  {minCell, builtAt}: {minCell: number; builtAt: string}
): PeriodReport {
  const [now, before, then] = [kpiCells(core), kpiCells(previous), yearAgo ? kpiCells(yearAgo) : null];
  const kpis = Object.fromEntries(
    KPI_NAMES.map((name) => [name, {current: now[name], previous: before[name], yearAgo: then?.[name] ?? null}])
  ) as Record<KpiName, Kpi>;
  const a = core.activity;
  const lifecycle = [
    {state: "new", customers: a.new},
    {state: "returning", customers: a.returning},
    {state: "resurrecting", customers: a.resurrecting},
    {state: "dormant", customers: a.dormant}
  ];
  const typeTotal = core.types.reduce((s, t) => s + t.customers, 0);
  const types = core.types.map((t) => ({
    type: t.type,
    customers: t.customers,
    customer_share: t.customers / typeTotal
  }));
  const typesBefore = previous.types.map((t) => ({type: t.type, customers: t.customers}));
  const revenueTotal = core.types.reduce((s, t) => s + t.revenue_cents, 0);
  const typeRevenue = core.types.map((t) => ({
    type: t.type,
    customers: t.buyers,
    revenue_cents: t.revenue_cents,
    revenue_share: revenueTotal !== 0 ? t.revenue_cents / revenueTotal : null
  }));
  const migration = detail.migration.map((m) => ({...m}));
  const cohorts = {
    pooled: COHORT_MONTHS.flatMap((m) => {
      const c = detail.cohorts.find((x) => x.cohort === ALL_COHORTS && x.period === m);
      return c ? [{months: String(m), customers: Math.min(c.members, c.active), retention: c.retention}] : [];
    }),
    // The three latest cohorts that have had a month after their first: their first-month retention.
    recent: detail.cohorts
      .filter((c) => c.cohort !== ALL_COHORTS && c.period === 1)
      .slice(-3)
      .map((c) => ({cohort: c.cohort, customers: Math.min(c.members, c.active), retention: c.retention}))
  };
  const groupRows = (rows: PeriodActivity[]): GroupRow[] =>
    rows
      .filter((r) => r.group !== null && !UNKNOWN_VALUES.includes(r.group))
      .map((r) => ({group: r.group!, revenuePerBuyer: perBuyer(r), retention: rate(r.returning, r.previous_active)}));
  const allGroups = {region: groupRows(detail.groups.region), home_store: groupRows(detail.groups.home_store)};
  const report: PeriodReport = {
    period: core.period,
    grain,
    previous: previous.period,
    yearAgo: yearAgo?.period ?? null,
    builtAt,
    minCell,
    kpis,
    lifecycle,
    types,
    typesBefore,
    typeRevenue,
    migration,
    cohorts,
    groups: {} as PeriodReport["groups"],
    campaigns: {closed: campaignRows(detail.campaigns.closed, minCell), open: detail.campaigns.open},
    trend: trend.map((f) => ({
      id: f.period.id,
      active: count(f.activity.active),
      revenue: money(f.activity.revenue_cents, f.activity.customers)
    }))
  };
  // Suppress everything, then rank only the groups whose figures survived.
  const byType = <R extends {type: string}>(rows: R[], type: string) =>
    rows.find((r) => r.type === type) as Cell | undefined;
  const groups: Group[] = [
    {cells: lifecycle.slice(0, 3) as Cell[], total: kpis.active.current},
    {cells: [lifecycle[1], lifecycle[3]] as Cell[], total: kpis.active.previous},
    {cells: types as Cell[], total: kpis.customers.current},
    {cells: typesBefore as Cell[], total: kpis.customers.previous},
    {cells: typeRevenue as Cell[], total: kpis.revenue.current},
    ...[...new Set(migration.map((m) => m.from))].map((from) => ({
      cells: migration.filter((m) => m.from === from) as Cell[],
      total: byType(typesBefore, from)
    })),
    ...[...new Set(migration.map((m) => m.to))].map((to) => ({
      cells: migration.filter((m) => m.to === to) as Cell[],
      total: byType(types, to)
    }))
  ];
  suppress(cellsOf({...report, groups: allGroups}), groups, minCell);
  for (const dimension of REPORT_DIMENSIONS) {
    const shown = allGroups[dimension]
      .filter((g) => g.revenuePerBuyer.value !== null && g.retention.value !== null)
      .sort(
        (x, y) =>
          (y.revenuePerBuyer.value as number) - (x.revenuePerBuyer.value as number) || x.group.localeCompare(y.group)
      );
    const n = Math.min(3, Math.floor(shown.length / 2));
    report.groups[dimension] = {
      top: shown.slice(0, n),
      bottom: shown.slice(shown.length - n).reverse(),
      groups: allGroups[dimension].length,
      shown: shown.length
    };
  }
  return report;
}

/** The report's campaign rows: a campaign either group of which is under k customers shows nothing but its name and dates. */
export function campaignRows(outcomes: CampaignGroup[], minCell: number): CampaignRow[] {
  return evaluateCampaigns(outcomes).map((e) => {
    const base = {
      campaign_id: e.campaign_id,
      campaign_name: e.campaign_name,
      sent_date: e.treated.sent_date,
      closes: addDays(e.treated.sent_date, e.treated.window_days)
    };
    if (e.treated.customers < minCell || e.holdout.customers < minCell)
      return {
        ...base,
        customers: null,
        contacted: null,
        heldOut: null,
        contactedRate: null,
        heldOutRate: null,
        uplift: null,
        suppressed: true
      };
    return {
      ...base,
      customers: e.treated.customers + e.holdout.customers,
      contacted: e.treated.customers,
      heldOut: e.holdout.customers,
      contactedRate: e.treated.responders / e.treated.customers,
      heldOutRate: e.holdout.responders / e.holdout.customers,
      uplift: {estimate: e.responseUplift.estimate, low: e.responseUplift.low, high: e.responseUplift.high}
    };
  });
}
